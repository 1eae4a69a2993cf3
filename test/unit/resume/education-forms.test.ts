import { describe, expect, it } from 'vitest';
import { extractResumeDraft } from '../../../src/domain/resume/index.ts';
import { degreeIn } from '../../../src/domain/resume/degrees.ts';
import { majorIn, segments } from '../../../src/domain/resume/majors.ts';
import { headingOf, normalizeResumeText } from '../../../src/domain/resume/sections.ts';
import { enSchool, schoolIn, zhSchool } from '../../../src/domain/resume/schools.ts';

/** [school, degree, major, graduation month] of each entry of a résumé. */
const entries = (text: string): (string | null)[][] =>
  extractResumeDraft(text).education.map((e) => [e.school, e.degree, e.major, e.graduationDate?.slice(0, 7) ?? null]);

const major = (line: string): string | undefined => {
  const school = schoolIn(line, segments(line));
  return majorIn(line, school)?.major;
};

describe('headings with a note, in brackets with their content, or of other words', () => {
  it.each([
    ['二、学习经历（由高到低）', 'education'],
    ['学习经历（从高中填起）', 'education'],
    ['教育信息（第 1 条）', 'education'],
    ['【学业】', 'education'],
    ['EDUCATIONAL ATTAINMENT', 'education'],
    ['Education (most recent first)', 'education'],
  ])('%s opens %s', (line, kind) => {
    expect(headingOf(line)?.kind).toBe(kind);
  });

  it('reads 【证书】 with its content on the line as a heading and the content', () => {
    expect(headingOf('【证书】CATTI 二级笔译、英语专业八级')).toEqual({
      kind: 'certificates',
      rest: 'CATTI 二级笔译、英语专业八级',
    });
    // A bracket that is no heading stays a line: a track after a major.
    expect(headingOf('【伯苓班】物理学')).toBeUndefined();
  });
});

describe('form layouts undone before reading', () => {
  it('joins a form flattened one cell per line, label then value, when it has three pairs or more', () => {
    const lines = ['姓名', '韩志鹏', '毕业学校', '石家庄铁道大学', '专业', '土木工程', '实践经历'];
    expect(normalizeResumeText(lines.join('\n'))).toEqual([
      '姓名：韩志鹏',
      '毕业学校：石家庄铁道大学',
      '专业：土木工程',
      '实践经历',
    ]);
    // Two pairs are no form: a heading "学历" over its entry stays a heading.
    expect(normalizeResumeText('学历\n本科\n专业\n护理学')).toEqual(['学历', '本科', '专业', '护理学']);
  });

  it('reads a CSV export of Chinese field,value rows as labelled lines', () => {
    const csv = [
      '字段,内容',
      '姓名,邱晓彤',
      '毕业院校,南昌大学',
      '专业,医学检验技术',
      '毕业时间,2024-06',
      '学位,理学学士',
    ];
    expect(normalizeResumeText(csv.join('\n'))).toEqual([
      '字段：内容',
      '姓名：邱晓彤',
      '毕业院校：南昌大学',
      '专业：医学检验技术',
      '毕业时间：2024-06',
      '学位：理学学士',
    ]);
    // An English line with commas is no CSV row.
    expect(normalizeResumeText('Zhejiang University, B.S. in Mathematics')).toEqual([
      'Zhejiang University, B.S. in Mathematics',
    ]);
  });

  it('drops a reviewer comment exported inline', () => {
    expect(normalizeResumeText('电子科技大学　信息与通信工程　硕士[批注1: 研究方向写上？]')).toEqual([
      '电子科技大学 信息与通信工程 硕士',
    ]);
  });

  it('reads the education of a form, a CSV export and a numbered application form', () => {
    const form = ['毕业学校', '石家庄铁道大学', '专业', '土木工程', '学历', '本科', '毕业时间', '2025年7月'];
    expect(entries(['应届毕业生求职登记表', '姓名', '韩志鹏', ...form].join('\n'))).toEqual([
      ['石家庄铁道大学', 'bachelor', '土木工程', '2025-07'],
    ]);
    const csv = [
      '字段,内容',
      '姓名,邱晓彤',
      '最高学历,本科',
      '毕业院校,南昌大学',
      '专业,医学检验技术',
      '毕业时间,2024-06',
    ];
    expect(entries(csv.join('\n'))).toEqual([['南昌大学', 'bachelor', '医学检验技术', '2024-06']]);
    const numbered = [
      '二、学习经历（由高到低）',
      '硕士：西北工业大学　航空学院　飞行器设计　2022年9月—2025年4月',
      '本科：西北工业大学　航空学院　飞行器设计与工程　2018年9月—2022年6月',
      '三、科研情况',
    ];
    expect(entries(numbered.join('\n'))).toEqual([
      ['西北工业大学', 'master', '飞行器设计', '2025-04'],
      ['西北工业大学', 'bachelor', '飞行器设计与工程', '2022-06'],
    ]);
  });
});

describe('majors beside their degree', () => {
  it.each([
    ['2023.09-2025.06　河南师范大学　学科教学（物理）　教育硕士（全日制专业学位）', '学科教学（物理）'],
    ['北京大学　信息管理系　图书情报　管理学硕士（专业学位）', '图书情报'],
    [
      'University of Waterloo — Bachelor of Mathematics, Honours Actuarial Science, Co-op, April 2024',
      'Actuarial Science',
    ],
    [
      'University of Auckland — Bachelor of Commerce, majors in Marketing and Management (2021 – 2023)',
      'Marketing and Management',
    ],
    ['Master of Arts in Teaching, Secondary Science - University of the Pacific   May 2025', 'Secondary Science'],
    ['M.Tech/M.E. - Electronics/Telecommunication (VLSI Design)', 'Electronics/Telecommunication (VLSI Design)'],
    ['Licenciatura em Engenharia Alimentar (Bachelor in Food Engineering)', 'Engenharia Alimentar'],
    [
      'The Culinary Institute of America, Hyde Park — Associate in Occupational Studies (AOS), Culinary Arts',
      'Culinary Arts',
    ],
    ['Early Childhood Education, Ontario College Diploma — George Brown College, Toronto', 'Early Childhood Education'],
  ])('%s → %s', (line, want) => {
    expect(major(line)).toBe(want);
  });

  it('takes no note, date word or abbreviation in brackets for the major', () => {
    expect(
      entries('Education\nSyracuse University — Bachelor of Architecture (5-year, NAAB accredited), May 2024'),
    ).toEqual([['Syracuse University', 'bachelor', 'Architecture', '2024-05']]);
    const dpt =
      'Education\nUniversity of Pittsburgh\nDoctor of Physical Therapy (DPT)                    Expected May 2025';
    expect(entries(dpt)).toEqual([['University of Pittsburgh', 'doctorate', 'Physical Therapy', '2025-05']]);
    expect(major('B.Com., University of Mumbai, Accounting (ACCA direction)')).toBe('Accounting');
    expect(major('Legal Practice Course (SQE1 & SQE2), University of Law')).toBe('Legal Practice Course');
  });

  it('keeps "major in" of a Philippine BSEd', () => {
    const text =
      'EDUCATIONAL ATTAINMENT\nTertiary     Bachelor of Secondary Education major in Mathematics\n' +
      '             Mindanao State University, 2022 (Cum Laude)';
    expect(entries(text)).toEqual([
      ['Mindanao State University', 'bachelor', 'Secondary Education major in Mathematics', '2022-06'],
    ]);
  });
});

describe('degree names and school names', () => {
  it.each([
    ['M.Pharm', 'master'],
    ['B.Pharmacy', 'bachelor'],
    ['M.E.', 'master'],
    ['AOS', 'associate'],
    ['Ontario College Diploma', 'associate'],
    ['Master of Arts in Teaching', 'master'],
  ])('%s is a %s degree', (text, degree) => {
    expect(degreeIn(text)?.degree).toBe(degree);
  });

  it('reads 中国科学院大学 whole, not as 中国科学院', () => {
    expect(zhSchool(['中国科学院大学'])).toBe('中国科学院大学');
    expect(zhSchool(['中国科学院物理研究所'])).toBe('中国科学院物理研究所');
  });
});

describe('entries written twice, and facts only the headline gives', () => {
  it('keeps one entry for a form field and its study-table row, and for the two halves of a bilingual résumé', () => {
    const form = [
      '第一学历\t本科\t毕业院校\t华北电力大学\t所学专业\t电气工程及其自动化',
      '学习经历（从高中填起）',
      '2018.09-2021.06\t吴忠市高级中学\t高中',
      '2021.09-2025.06\t华北电力大学\t电气工程及其自动化\t本科',
    ];
    expect(entries(form.join('\n'))).toEqual([['华北电力大学', 'bachelor', '电气工程及其自动化', '2025-06']]);
    const bilingual = [
      '教育背景：2020.09-2024.06　中国矿业大学　采矿工程　工学学士',
      'Education: B.Eng. in Mining Engineering, China University of Mining and Technology, Sep 2020 - Jun 2024',
    ];
    expect(entries(bilingual.join('\n'))).toEqual([['中国矿业大学', 'bachelor', '采矿工程', '2024-06']]);
  });

  it('keeps a double degree at one school as two entries', () => {
    const text = '教育背景\n2020.09-2024.06 武汉大学 英语 本科\n2021.09-2024.06 武汉大学 经济学 本科（双学位）';
    expect(entries(text)).toEqual([
      ['武汉大学', 'bachelor', '英语', '2024-06'],
      ['武汉大学', 'bachelor', '经济学', '2024-06'],
    ]);
  });

  it('does not give a school to a contact-detail degree when the school line names another degree', () => {
    const text = [
      '姓名：黄丽萍',
      '学历：本科（自考）',
      '教育经历',
      '2021.09 - 2024.06　浙江建设职业技术学院　工程造价　大专（全日制）',
      '2022.10 - 2024.12　浙江工业大学　工程管理　本科（高等教育自学考试）',
    ];
    expect(entries(text.join('\n'))).toEqual([
      ['浙江建设职业技术学院', 'associate', '工程造价', '2024-06'],
      ['浙江工业大学', 'bachelor', '工程管理', '2024-12'],
    ]);
  });

  it("fills the one entry's degree and major from the headline", () => {
    const text = [
      '谢宝华　男　21岁',
      '烹饪工艺与营养专业　大专',
      '学校：四川旅游学院（2022年9月到2025年6月）',
      '电话 177 8304 1925',
    ];
    expect(entries(text.join('\n'))).toEqual([['四川旅游学院', 'associate', '烹饪工艺与营养', '2025-06']]);
    // A wish is no degree: 求职意向 names the post sought.
    const wish = '求职意向：硕士研究生助教\n教育背景\n2021.09-2025.06 武汉大学 测绘工程';
    expect(entries(wish)).toEqual([['武汉大学', null, '测绘工程', '2025-06']]);
  });

  it('drops a former name in brackets', () => {
    const text = '教育：上海体育大学（原上海体育学院）运动康复专业，2021 年 9 月至 2025 年 6 月，教育学学士。';
    expect(entries(`教育背景\n${text}`)).toEqual([['上海体育大学', 'bachelor', '运动康复', '2025-06']]);
  });

  it('reads 博士期间工作 as work, not as a study', () => {
    expect(headingOf('博士期间工作')?.kind).toBe('experience');
    expect(headingOf('硕士期间科研成果')?.kind).toBe('experience');
  });
});

describe('English entries on one line and campuses', () => {
  it('parts two entries joined by a middle dot', () => {
    const text =
      'EDUCATION\nM.S. Statistics, North Carolina State University, 2024 · ' +
      'B.S. Mathematics, National Taiwan University, 2022';
    expect(entries(text)).toEqual([
      ['North Carolina State University', 'master', 'Statistics', '2024-06'],
      ['National Taiwan University', 'bachelor', 'Mathematics', '2022-06'],
    ]);
  });

  it('reads the university of an Instituto line and a Puerto Rico campus', () => {
    expect(enSchool('Instituto Superior de Agronomia, Universidade de Lisboa')).toBe('Universidade de Lisboa');
    expect(enSchool('B.S., Biology (Honors) — University of Puerto Rico, Río Piedras')).toBe(
      'University of Puerto Rico, Río Piedras',
    );
  });
});

describe('job-board forms translated to English', () => {
  it('reads a "Level of education: … | Field: …" row, the field as the major (Pracuj.pl)', () => {
    const text = [
      'Education',
      '10/2022 - 07/2024  SGH Warsaw School of Economics',
      'Level of education: Master | Field: Management',
      '10/2019 - 07/2022  University of Warsaw',
      'Level of education: Bachelor | Field: Economics',
      'Courses',
      'Google Ads Search certification',
    ].join('\n');
    expect(entries(text)).toEqual([
      ['SGH Warsaw School of Economics', 'master', 'Management', '2024-07'],
      ['University of Warsaw', 'bachelor', 'Economics', '2022-07'],
    ]);
  });

  it('reads "Professional degree", the gloss of a Latin American título profesional, as a first degree', () => {
    expect(degreeIn('Professional degree: Food Engineering — Universidad Nacional de Colombia')?.degree).toBe(
      'bachelor',
    );
    expect(major('Professional degree: Food Engineering — Universidad Nacional de Colombia (2019 – 2024)')).toBe(
      'Food Engineering',
    );
    // Inside a sentence it names no degree.
    expect(degreeIn('Mentored interns working towards a professional degree in law')).toBeUndefined();
  });
});

describe('Australian vocational qualifications', () => {
  it('reads a TAFE diploma as an entry whose major is the diploma’s field', () => {
    const text = [
      'QUALIFICATIONS',
      'Bachelor of Teaching (Birth to Five Years) — Macquarie University                2024',
      'Diploma of Early Childhood Education and Care (CHC50121) — TAFE NSW, Granville    2020',
    ].join('\n');
    expect(entries(text)).toEqual([
      ['Macquarie University', 'bachelor', 'Teaching (Birth to Five Years)', '2024-06'],
      ['TAFE NSW', 'associate', 'Early Childhood Education and Care', '2020-06'],
    ]);
    expect(enSchool('TAFE Queensland, Brisbane')).toBe('TAFE Queensland');
  });
});

describe('entries wrapped after a joining word', () => {
  it('joins "… — Bachelor of" with the line that goes on, so the major after the faculty is read', () => {
    const text = [
      'EDUCATION',
      '2019 – 2024  University of Rwanda, College of Agriculture, Animal Sciences and Veterinary Medicine ' +
        '— Bachelor of',
      '             Science in Forestry and Nature Conservation (Second Class Honours, Upper Division)',
      'INTERNSHIP',
      'Rwanda Forestry Authority (Jan – Jun 2024): measured tree plots',
    ].join('\n');
    expect(entries(text)).toEqual([
      ['University of Rwanda', 'bachelor', 'Forestry and Nature Conservation', '2024-06'],
    ]);
  });
});

describe('labelled education fields among the contact details without a colon', () => {
  it.each([
    [['学校｜武汉职业技术学院', '专业｜物流管理', '学历｜大专　　毕业时间｜2024年6月']],
    [['学校　武汉职业技术学院', '专业　物流管理', '学历　大专', '时间　2021.09-2024.06']],
  ])('%j', (fields) => {
    const text = [
      '姓名｜王小明',
      '手机｜139 0000 1234',
      ...fields,
      '',
      '实习经历',
      '2023.07-2023.09　某仓储公司　仓管员',
    ];
    expect(entries(text.join('\n'))).toEqual([['武汉职业技术学院', 'associate', '物流管理', '2024-06']]);
  });

  it('leaves a table row of a form to the table', () => {
    const text = [
      '| 姓名 | 王小明 |',
      '| 毕业学校 | 武汉职业技术学院 | 专业 | 物流管理 |',
      '',
      '教育经历',
      '2021.09-2024.06 武汉职业技术学院 物流管理 大专',
    ];
    expect(entries(text.join('\n'))).toEqual([['武汉职业技术学院', 'associate', '物流管理', '2024-06']]);
  });
});

describe('education among the contact details of a form with no education heading', () => {
  it('reads a Word table flattened with tabs', () => {
    const text = [
      '个人简历',
      '姓名\t王芳\t性别\t女',
      '电话\t13812345678\t邮箱\twangfang@example.com',
      '毕业院校\t湖南农业大学\t专业\t园艺',
      '学历\t本科\t毕业时间\t2024年6月',
      '实习经历\t2023.07-2023.09 长沙某花卉基地 技术员实习',
    ].join('\n');
    expect(entries(text)).toEqual([['湖南农业大学', 'bachelor', '园艺', '2024-06']]);
  });

  it('reads the school line under a contact line', () => {
    const text = [
      '李明  男  23岁',
      '联系方式：13912345678  liming@example.com',
      '江苏经贸职业技术学院 会计 专科 2021.9-2024.6',
      '工作经历',
      '2024.7至今  某会计师事务所  助理',
    ].join('\n');
    expect(entries(text)).toEqual([['江苏经贸职业技术学院', 'associate', '会计', '2024-06']]);
  });

  it('reads a study table under the form fields as the same entry, without its high-school row', () => {
    const text = [
      '报名登记表',
      '姓名\t张强\t性别\t男',
      '毕业院校\t山东农业大学\t所学专业\t植物保护',
      '学历\t本科\t毕业时间\t2025.06',
      '起止年月\t学校\t专业\t学历',
      '2018.09-2021.06\t泰安市第二中学\t——\t高中',
      '2021.09-2025.06\t山东农业大学\t植物保护\t本科',
    ].join('\n');
    expect(entries(text)).toEqual([['山东农业大学', 'bachelor', '植物保护', '2025-06']]);
  });
});
