import { describe, expect, it } from 'vitest';
import { extractResumeDraft } from '../../../src/domain/resume/index.ts';
import { headingOf } from '../../../src/domain/resume/sections.ts';

/** [school, degree, major, graduation month] of each entry of a résumé. */
const entries = (text: string): (string | null)[][] =>
  extractResumeDraft(text).education.map((e) => [e.school, e.degree, e.major, e.graduationDate?.slice(0, 7) ?? null]);

describe('education headings of template exports and forms', () => {
  it.each([
    ['《教育经历》', 'education'],
    ['<<教育背景>>', 'education'],
    ['教育经历                                   编辑', 'education'],
    ['Education 1', 'education'],
    ['[教育.1]', 'education'],
    ['(a) PROFESSIONAL PREPARATION', 'education'],
    ['UTBILDNING / EDUCATION', 'education'],
    ['Addysg / Education', 'education'],
  ])('%s opens %s', (line, kind) => {
    expect(headingOf(line)?.kind).toBe(kind);
  });

  it('takes a box table heading cell with its content', () => {
    expect(headingOf('║ 教育背景   ║ 2021.09-2025.06 三峡大学                ║')).toEqual({
      kind: 'education',
      rest: '2021.09-2025.06 三峡大学                ║',
    });
  });

  it('takes no table header row or pair of content words for a heading', () => {
    expect(headingOf('YEAR        AWARD                                          INSTITUTION')).toBeUndefined();
    expect(headingOf('Marketing / Research')).toBeUndefined();
  });

  it('reads a school on its line and its major, level and dates on the next under a 《》 heading', () => {
    const text = [
      '《教育经历》',
      '闽南师范大学',
      ' 电子商务 · 本科（专升本）· 2023.09 — 2025.06',
      '漳州职业技术学院',
      ' 电子商务 · 专科 · 2020.09 — 2023.06',
      '《工作与实习》',
      '2024.03 — 2025.01 漳州某茶叶品牌 运营助理',
    ].join('\n');
    expect(entries(text)).toEqual([
      ['闽南师范大学', 'bachelor', '电子商务', '2025-06'],
      ['漳州职业技术学院', 'associate', '电子商务', '2023-06'],
    ]);
  });

  it('reads an app page with edit buttons beside its headings', () => {
    const text = [
      '柏子豪',
      '教育经历                                   编辑',
      '北京体育大学',
      '体育教育 · 本科',
      '2021.09-2025.06',
      '实习经历                                   编辑',
      '北京市第八十中学 · 体育教师（实习）',
    ].join('\n');
    expect(entries(text)).toEqual([['北京体育大学', 'bachelor', '体育教育', '2025-06']]);
  });

  it('reads a box-drawn table whose first column holds the headings', () => {
    const text = [
      '╠════════════╬══════════════════════════╣',
      '║ 教育背景   ║ 2021.09-2025.06 三峡大学 ║',
      '║            ║ 电气工程及其自动化（本科）║',
      '╠════════════╬══════════════════════════╣',
      '║ 实习经历   ║ 2024.07-2024.08 国网宜昌供电公司 ║',
    ].join('\n');
    expect(entries(text)).toEqual([['三峡大学', 'bachelor', '电气工程及其自动化', '2025-06']]);
  });

  it('reads an INI file and its start and end keys', () => {
    const text = [
      '[教育.1]',
      '学校=中央财经大学',
      '学历=硕士',
      '专业=统计学',
      '开始=2023-09',
      '结束=2026-06',
      '[教育.2]',
      '学校=山东大学',
      '学历=本科',
      '专业=数学与应用数学',
      '开始=2019-09',
      '结束=2023-06',
    ].join('\n');
    expect(entries(text)).toEqual([
      ['中央财经大学', 'master', '统计学', '2026-06'],
      ['山东大学', 'bachelor', '数学与应用数学', '2023-06'],
    ]);
  });

  it('reads a numbered form block whose labels and values are parted by a wide gap', () => {
    const text = [
      'Education 1',
      'School or University  Iowa State University',
      'Degree  Master of Science (M.S.)',
      'Field of Study  Statistics',
      'From  2023',
      'To (Actual or Expected)  2025',
      'Education 2',
      'School or University  Nankai University',
      'Degree  Bachelor of Science (B.S.)',
      'Field of Study  Statistics',
      'From  2019',
      'To (Actual or Expected)  2023',
    ].join('\n');
    expect(entries(text)).toEqual([
      ['Iowa State University', 'master', 'Statistics', '2025-06'],
      ['Nankai University', 'bachelor', 'Statistics', '2023-06'],
    ]);
  });

  it('reads a degrees table whose header cells carry notes (MAJOR/AREA, DEGREE (if applicable))', () => {
    const text = [
      '(a) PROFESSIONAL PREPARATION',
      'INSTITUTION                              LOCATION        MAJOR/AREA              DEGREE (if applicable)   YEAR',
      'University of Lagos                      Lagos, Nigeria  Civil Engineering       B.Sc.                    2017',
      'University of Illinois Urbana-Champaign  Urbana, IL      Structural Engineering  Ph.D.                    2024',
      '(b) APPOINTMENTS AND POSITIONS',
    ].join('\n');
    expect(entries(text)).toEqual([
      ['University of Lagos', 'bachelor', 'Civil Engineering', '2017-06'],
      ['University of Illinois Urbana-Champaign', 'doctorate', 'Structural Engineering', '2024-06'],
    ]);
  });

  it('reads a table under a heading whose header row is no heading of its own', () => {
    const text = [
      'ACADEMIC QUALIFICATIONS',
      'YEAR        AWARD                                          INSTITUTION',
      '2020-2024   Bachelor of Science in Agriculture (Second     Makerere University',
      '            Class Upper)',
    ].join('\n');
    expect(entries(text)).toEqual([['Makerere University', 'bachelor', 'Agriculture', '2024-06']]);
  });

  it('reads a timeline whose stages say when they began and ended', () => {
    const text = [
      '教育经历',
      '2016.09 入学',
      '广州中医药大学 中医学（五年制） 本科',
      '2021.06 本科毕业，获医学学士学位',
      '2022.09 考入 北京中医药大学 中医内科学 硕士（学术学位）',
      '2025.06 硕士毕业',
    ].join('\n');
    expect(entries(text)).toEqual([
      ['广州中医药大学', 'bachelor', '中医学（五年制）', '2021-06'],
      ['北京中医药大学', 'master', '中医内科学', '2025-06'],
    ]);
  });

  it('reads an entry of a summary table and its full entry below as one', () => {
    const text = [
      '教育背景',
      '上海财经大学 金融工程 硕士（2023-2026）；厦门大学 经济学 本科（2019-2023）',
      '2023.09 – 2026.06 上海财经大学 金融学院 金融工程 硕士',
      '2019.09 – 2023.06 厦门大学 经济学 本科',
    ].join('\n');
    expect(entries(text)).toEqual([
      ['上海财经大学', 'master', '金融工程', '2026-06'],
      ['厦门大学', 'bachelor', '经济学', '2023-06'],
    ]);
  });
});

describe('English entries: sub-units, school-leaving rows, notes and degree words of more countries', () => {
  it('reads a faculty written under or beside the school as no school of its own', () => {
    const text = [
      'EDUCATION',
      'April 2024 – March 2026 (expected)  Keio University, Graduate School of Science and Technology',
      '    Master of Engineering, Computer Science (School of Science for Open and Environmental Systems)',
      'April 2020 – March 2024             Keio University, Faculty of Science and Technology',
      '    Bachelor of Engineering, Department of Information and Computer Science',
    ].join('\n');
    expect(entries(text)).toEqual([
      ['Keio University', 'master', 'Computer Science', '2026-03'],
      ['Keio University', 'bachelor', 'Information and Computer Science', '2024-03'],
    ]);
  });

  it('keeps a school named "College of …" on a degree line of its own', () => {
    const text = [
      'Degree | Institute | Year | CPI/%',
      'M.Tech (Thermal and Fluids Engineering) | Indian Institute of Technology Bombay | 2025 | 8.9',
      'B.E. Mechanical Engineering | College of Engineering Pune | 2023 | 8.4',
    ].join('\n');
    expect(entries(`EDUCATION\n${text}`).map((e) => e[0])).toEqual([
      'Indian Institute of Technology Bombay',
      'College of Engineering Pune',
    ]);
  });

  it('reads a labelled faculty (院系) as part of the entry', () => {
    const text = [
      '教育经历',
      '  学校名称  北京交通大学',
      '  学历  本科          学位  学士',
      '  院系  经济管理学院',
      '  专业  物流管理',
      '  在校时间  2022-09 至 2026-06',
    ].join('\n');
    expect(entries(text)).toEqual([['北京交通大学', 'bachelor', '物流管理', '2026-06']]);
  });

  it("drops school-leaving rows (A' Level, SEE, +2, GCSEs at a community college) and exchange years", () => {
    const text = [
      'Educational Background',
      '2019 – 2023   University of Zimbabwe',
      '              Bachelor of Accountancy Honours Degree (2.1)',
      "2017 – 2018   Prince Edward School — A' Level: Accounting A, Business Studies A",
      '2014 – 2021   GCSEs and A-levels, Exmouth Community College',
      '| SEE        | Budhanilkantha School  | 2017 |',
      'Erasmus year at Wageningen University (2021–22)',
    ].join('\n');
    expect(entries(text)).toEqual([['University of Zimbabwe', 'bachelor', 'Accountancy', '2023-06']]);
  });

  it('leaves a class of degree and a concentration out of the major', () => {
    const text = [
      'EDUCATION',
      'THE FUQUA SCHOOL OF BUSINESS, DUKE UNIVERSITY                                  Durham, NC',
      'Master of Business Administration, Concentrations: Strategy; Energy & Environment     May 2025',
      '• CGPA 8.6/10; Institute Merit Scholarship',
      'University of the West Indies, Mona',
      'BSc Hospitality and Tourism Management (Upper Second Class Honours), 2024',
    ].join('\n');
    expect(entries(text)).toEqual([
      ['Duke University', 'master', 'Business Administration', '2025-05'],
      ['University of the West Indies', 'bachelor', 'Hospitality and Tourism Management', '2024-06'],
    ]);
  });

  it.each([
    ['Máster en Bioinformática — Universitat Pompeu Fabra', 'master'],
    ['Grado en Biotecnología — Universidad Autónoma de Madrid', 'bachelor'],
    ['Master of Science in Engineering (Civilingenjör), Chemical Engineering', 'master'],
  ])('reads the degree of %s', (line, degree) => {
    expect(entries(`EDUCATION\n${line}`)[0]?.[1]).toBe(degree);
  });

  it('reads an academic year range to the year it ends, and a placements heading under the education', () => {
    const text = [
      'EDUCATION',
      '2021/22 – 2023/24   BA (Hons) Primary Education with QTS, University of Exeter – First',
      'School Placements',
      '2022/23  Reception, Ladysmith Infant School — phonics in small groups',
    ].join('\n');
    expect(entries(text)).toEqual([['University of Exeter', 'bachelor', 'Primary Education', '2024-06']]);
  });

  it('reads a DEGREES heading and a prose school without the word after it', () => {
    expect(
      entries('DEGREES\nEd.D., Leadership and Learning — Vanderbilt University, Peabody College — 2025').map(
        (e) => e[0],
      ),
    ).toEqual(['Vanderbilt University']);
    expect(entries('Dear Ms. Lee,\nI will graduate from Dalhousie University in May 2025 with a B.A.')).toEqual([
      ['Dalhousie University', 'bachelor', null, '2025-05'],
    ]);
  });
});

describe('majors beside their degree, department and category', () => {
  it.each([
    ['Master of Public Health (Epidemiology), Emory University, 2024', 'Public Health (Epidemiology)'],
    // A Commerce degree keeps its bracket, as HELD-OUT-10 labels "Commerce (Finance and Accounting)".
    ['Bachelor of Commerce (Marketing), University of Toronto, 2024', 'Commerce (Marketing)'],
    ['Bachelor of Education (Primary Education), Monash University, 2024', 'Primary Education'],
    // An MBA written out keeps its field with the bracket, as a BBA does (HELD-OUT-24).
    ['Master of Business Administration (Finance), Duke University, 2024', 'Business Administration (Finance)'],
  ])('reads the major of %s', (line, major) => {
    expect(entries(`EDUCATION\n${line}`)[0]?.[2]).toBe(major);
  });

  it.each([
    ['國立成功大學 化學系 碩士 2023/09～2025/07 畢業', '化學'],
    ['國立臺灣師範大學 華語文教學系 碩士 2022.09 – 2024.07', '華語文教學'],
    ['國立臺灣大學 資訊工程學系 學士 2019.09 – 2023.06', '資訊工程'],
  ])('reads a Taiwanese department as the major: %s', (line, major) => {
    expect(entries(`學歷\n${line}`)[0]?.[2]).toBe(major);
  });

  it('reads the field before the category a master is awarded in', () => {
    const line = '2023.09 – 2024.10 香港理工大學 國際航運及物流管理理學碩士（MSc International Shipping）';
    expect(entries(`教育背景\n${line}`)).toEqual([['香港理工大學', 'master', '國際航運及物流管理', '2024-10']]);
  });
});

describe('education outside any education heading and in data sources', () => {
  it('reads a questionnaire export whose answers follow their questions', () => {
    const text = [
      '问卷星 · 答卷详情',
      'Q1. 您的姓名',
      '答：贺思语',
      'Q5. 最高学历',
      '答：本科',
      'Q6. 毕业院校（请填写全称）',
      '答：西南财经大学',
      'Q7. 所学专业',
      '答：会计学',
      'Q8. 入学及毕业时间',
      '答：2022年9月 - 2026年6月',
    ].join('\n');
    expect(entries(text)).toEqual([['西南财经大学', 'bachelor', '会计学', '2026-06']]);
  });

  it('reads labels marked with a bullet or icon among the headline lines', () => {
    const text = [
      '✨幼师求职｜25届学前教育专科生✨',
      '☆ 学校：湖南幼儿师范高等专科学校',
      '☆ 专业：学前教育（三年制专科）',
      '☆ 毕业：2025年6月',
    ].join('\n');
    expect(entries(text)).toEqual([['湖南幼儿师范高等专科学校', 'associate', '学前教育', '2025-06']]);
  });

  it('reads an objective paragraph stating where and what was studied', () => {
    const text = [
      '个人简历',
      '【求职意向】',
      '我叫杨丽娇，2024年6月毕业于昆明理工大学国土资源工程学院，专业是测绘工程，获工学学士学位。',
    ].join('\n');
    expect(entries(text)).toEqual([['昆明理工大学', 'bachelor', '测绘工程', '2024-06']]);
  });

  it('reads a sentence wrapped over two lines of a letter', () => {
    const text = [
      'Dear Hiring Manager,',
      'I am writing to apply for the Editorial Assistant role. I will graduate from Dalhousie University in May 2025',
      'with a Bachelor of Arts in English (Honours), and for the past two years I have edited the student paper.',
    ].join('\n');
    expect(entries(text)).toEqual([['Dalhousie University', 'bachelor', 'English', '2025-05']]);
  });

  it('reads a TOML source by its tables and keys', () => {
    const text = [
      '[basics]',
      'name = "Wiremu Tautahi-Brooks"',
      '[[education]]',
      'institution = "University of Waikato"',
      'studyType = "Bachelor of Environmental Sciences"',
      'area = "Ecology and Biodiversity"',
      'startDate = "2021-02"',
      'endDate = "2023-11"',
      '[[work]]',
      'name = "Waikato Regional Council"',
    ].join('\n');
    expect(entries(text)).toEqual([['University of Waikato', 'bachelor', 'Ecology and Biodiversity', '2023-11']]);
  });

  it("reads years written '21 – '25 and a Bachelor's Degree in a field", () => {
    const text = [
      'EDUCATION',
      "➢ Savannah College of Art and Design (SCAD) — BFA, Graphic Design ......... '21 – '25",
      '2025   University of Santo Tomas',
      "       Bachelor's Degree in Accountancy",
      '       Qualification: Bachelor of Science in Accountancy | Cum Laude',
    ].join('\n');
    expect(entries(text)).toEqual([
      ['Savannah College of Art and Design', 'bachelor', 'Graphic Design', '2025-06'],
      ['University of Santo Tomas', 'bachelor', 'Accountancy', '2025-06'],
    ]);
  });
});

describe('forms with check boxes and résumés written in LaTeX', () => {
  it('reads the ticked option of a form and no major from a blank cell', () => {
    const text = [
      '最高学历：□大专 □本科 ☑硕士研究生 □博士研究生',
      '教育经历',
      '  起止时间            学校                     专业            学历/学位',
      '  2016.09-2019.06    河北衡水中学              ——               高中',
      '  2019.09-2023.06    中国政法大学              法学             本科/法学学士',
      '  2023.09-2026.06    中国人民大学              民商法学         硕士研究生/法学硕士',
    ].join('\n');
    expect(entries(text)).toEqual([
      ['中国政法大学', 'bachelor', '法学', '2023-06'],
      ['中国人民大学', 'master', '民商法学', '2026-06'],
    ]);
  });

  it("reads a LaTeX source's sections and a command's arguments as cells", () => {
    const text = [
      '\\documentclass[letterpaper,11pt]{article}',
      '\\begin{document}',
      '\\section{Education}',
      '  \\resumeSubHeadingListStart',
      '    \\resumeSubheading',
      '      {University of Waterloo}{Waterloo, ON}',
      '      {Bachelor of Computer Science (Co-op), Minor in Statistics}{Sep. 2020 -- Apr. 2025}',
      '  \\resumeSubHeadingListEnd',
      '\\section{Experience}',
      '    \\resumeSubheading',
      '      {Software Engineering Intern}{Sep. 2023 -- Dec. 2023}',
      '\\end{document}',
    ].join('\n');
    expect(entries(text)).toEqual([['University of Waterloo', 'bachelor', 'Computer Science (Co-op)', '2025-04']]);
  });

  it('reads a moderncv entry', () => {
    const text = [
      '\\documentclass{moderncv}',
      '\\section{Education}',
      '\\cventry{2019--2023}{BSc Physics}{University of Bristol}{Bristol}{\\textit{First Class}}{}',
    ].join('\n');
    expect(entries(text)).toEqual([['University of Bristol', 'bachelor', 'Physics', '2023-06']]);
  });
});

describe('names and majors of more languages', () => {
  it('reads a school name joined by Spanish or Dutch connectors, and no country for a major', () => {
    expect(entries('EDUCATION\nUniversidad de los Andes — Bogotá, Colombia\nB.S., 2018 – 2023')).toEqual([
      ['Universidad de los Andes', 'bachelor', null, '2023-06'],
    ]);
  });

  it('reads the major after a bracketed kind of degree (HBO, WO)', () => {
    expect(entries('EDUCATION\nUniversiteit Utrecht — MSc (WO) Sustainable Business, 2023–2024')).toEqual([
      ['Universiteit Utrecht', 'master', 'Sustainable Business', '2024-06'],
    ]);
  });
});

describe('a registration form with widely spaced labels and a study history', () => {
  it('reads "学    历：" as a label and its history row as the same entry', () => {
    const text = [
      '姓    名：石佳慧             性    别：女',
      '毕业院校：湖南第一师范学院',
      '所学专业：小学教育（数学方向）    专业代码：040107',
      '学    历：全日制普通本科      学    位：教育学学士      毕业时间：2025-06',
      '学习及工作简历（从高中填起）：',
      '  2018.09-2021.06  花垣县民族中学  学生',
      '  2021.09-2025.06  湖南第一师范学院小学教育专业  学生（班级学习委员）',
    ].join('\n');
    expect(entries(text)).toEqual([['湖南第一师范学院', 'bachelor', '小学教育（数学方向）', '2025-06']]);
  });
});

describe('a marked heading this reader does not know after the education', () => {
  it.each([
    ['【巡演记录】', '2023　星海音乐学院音乐厅　二胡独奏音乐会'],
    ['## 野外与科考', '- 硕士期间参加青海湖湖泊调查航次，负责水样采集'],
  ])('ends the entries at %s', (heading, line) => {
    const text = ['【教育背景】', '2021.09 – 2024.06　中央音乐学院　民族器乐（二胡）　硕士', heading, line].join('\n');
    expect(entries(text)).toEqual([['中央音乐学院', 'master', '民族器乐（二胡）', '2024-06']]);
  });

  it('keeps a degree boxed over its entry', () => {
    const text = ['教育背景', '【本科】', '2019.09-2023.06　山东大学　化学'].join('\n');
    expect(entries(text)).toEqual([['山东大学', 'bachelor', '化学', '2023-06']]);
  });
});
