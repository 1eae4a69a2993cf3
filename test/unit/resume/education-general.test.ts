import { describe, expect, it } from 'vitest';
import { extractResumeDraft } from '../../../src/domain/resume/index.ts';
import { findDates } from '../../../src/domain/resume/dates.ts';
import { degreeIn, zhDegreeField } from '../../../src/domain/resume/degrees.ts';
import { arabicDates, headingOf } from '../../../src/domain/resume/sections.ts';
import { enSchool } from '../../../src/domain/resume/schools.ts';

/** [school, degree, major, graduation month] of each entry of a résumé. */
const entries = (text: string): (string | null)[][] =>
  extractResumeDraft(text).education.map((e) => [e.school, e.degree, e.major, e.graduationDate?.slice(0, 7) ?? null]);

describe('education headings not listed word for word', () => {
  it.each([
    ['MEDICAL EDUCATION', 'education'],
    ['UNDERGRADUATE EDUCATION', 'education'],
    ['TERTIARY EDUCATION', 'education'],
    ['ACADEMIC QUALIFICATION', 'education'],
    ['EDUCATIONAL QUALIFICATIONS WITH DATES', 'education'],
    ['ACADEMIC DETAILS', 'education'],
    ['Degree details', 'education'],
    ['Education and qualifications (2)', 'education'],
    ['Education and Certifications', 'education'],
    ['E D U C A T I O N', 'education'],
    ['W O R K   E X P E R I E N C E', 'experience'],
    ['學歷', 'education'],
    ['工作經驗', 'experience'],
    ['"education": [', 'education'],
  ])('%s opens %s', (line, kind) => {
    expect(headingOf(line)?.kind).toBe(kind);
  });

  it('takes no major or sentence about education for a heading', () => {
    expect(headingOf('Physical Education')).toBeUndefined();
    expect(headingOf('Education matters to me')).toBeUndefined();
  });

  it('reads a résumé pasted as JSON by its keys', () => {
    const json = [
      '{',
      '  "education": [',
      '    {',
      '      "institution": "University of Washington",',
      '      "studyType": "Bachelor of Science",',
      '      "endDate": "2025-06-14"',
      '    }',
      '  ]',
      '}',
    ].join('\n');
    expect(entries(json)).toEqual([['University of Washington', 'bachelor', null, '2025-06']]);
  });
});

describe('school names of more layouts', () => {
  it.each([
    ['THE WHARTON SCHOOL, UNIVERSITY OF PENNSYLVANIA, Philadelphia, PA', 'University of Pennsylvania'],
    ['2020 - 2024   Universiti Teknologi Malaysia (UTM)', 'Universiti Teknologi Malaysia'],
    [
      '2019 - 2023: Jomo Kenyatta University of Agriculture and Technology',
      'Jomo Kenyatta University of ' + 'Agriculture and Technology',
    ],
    ['Entered Waseda University, School of Political Science and Economics', 'Waseda University'],
    [
      'M.A., Middlebury Institute of International Studies at Monterey, 2024',
      'Middlebury Institute of International Studies at Monterey',
    ],
    ['2020 – 2022 : Université Paris 1 Panthéon-Sorbonne', 'Université Paris 1 Panthéon-Sorbonne'],
  ])('%s → %s', (line, school) => {
    expect(enSchool(line)).toBe(school);
  });

  it.each([
    'After-School Tutor, YMCA of Greater San Antonio, 2022 – 2023',
    'Associate Chartered Accountant (ACA), Institute of Chartered Accountants of Nigeria (ICAN), 2023',
    'Staff Editor, Northwestern University Law Review',
    'St Aidan’s Sixth Form College, Harrogate',
    'SCHOOL',
  ])('%s names no school', (line) => {
    expect(enSchool(line)).toBeUndefined();
  });

  it('reads traditional characters, a name before its translation, and no verb before the name', () => {
    expect(entries('學歷\n香港大學\n社會工作學士（BSW）　　Sep 2020 – Jun 2024')[0]?.[0]).toBe('香港大學');
    const returnee =
      '教育经历\nThe University of Edinburgh（爱丁堡大学）　MSc Finance and Investment　Sep. 2023 - Nov. 2024';
    expect(entries(returnee)[0]?.[0]).toBe('The University of Edinburgh');
    expect(entries('我叫秦子墨，是河海大学环境学院环境工程专业 2025 届硕士毕业生')[0]?.[0]).toBe('河海大学');
  });
});

describe('degrees of more countries', () => {
  it.each([
    ['MA (Hons) History, University of St Andrews', 'bachelor'],
    ['MPhys Physics, University of Oxford', 'master'],
    ['Licence (Bachelor) in Political Science', 'bachelor'],
    ['BSc Eng. Computer Science', 'bachelor'],
    ['MSc Eng. Computer Science', 'master'],
    ['Diplom-Ingenieur, Maschinenbau', 'master'],
    ['BSEE, Purdue University', 'bachelor'],
    ['香港大學　社會工作學士', 'bachelor'],
    ['國立臺灣大學　碩士', 'master'],
  ])('%s → %s', (line, degree) => {
    expect(degreeIn(line)?.degree).toBe(degree);
  });

  it('takes no driving licence for a degree', () => {
    expect(degreeIn("Driver's Licence B")).toBeUndefined();
    expect(degreeIn('Ordinary driving licence')).toBeUndefined();
  });
});

describe('dates of more countries', () => {
  const dates = (line: string) => findDates(arabicDates(line)).map((h) => h.date);
  it('reads two-digit years only in a range, and 民國 years', () => {
    expect(dates('21.09-23.06　西南财经大学')).toEqual([
      { year: 2021, month: 9 },
      { year: 2023, month: 6 },
    ]);
    expect(dates('19.09 - 至今')).toEqual([{ year: 2019, month: 9 }, 'present']);
    expect(dates('GPA 3.62, 8.5/10')).toEqual([]);
    expect(dates('民國108年9月 — 民國112年6月')).toEqual([
      { year: 2019, month: 9 },
      { year: 2023, month: 6 },
    ]);
  });

  it('reads a range of two MM/YYYY dates as such, not a year and a month between them', () => {
    expect(dates('09/2022 - 08/2024')).toEqual([
      { year: 2022, month: 9 },
      { year: 2024, month: 8 },
    ]);
  });
});

describe('entries of more layouts', () => {
  it('reads a degree stated again under its entry (获…学位) as the same entry', () => {
    expect(entries('教育\n青岛农业大学　农学院　农学专业　本科\n2019年9月入学，2023年6月毕业，获农学学士学位')).toEqual(
      [['青岛农业大学', 'bachelor', '农学', '2023-06']],
    );
  });

  it('keeps the graduation when a licence exam or a publication is dated after it', () => {
    const text =
      'EDUCATION\nMarquette University, Milwaukee, WI\nBachelor of Science in Nursing, December 2024\n' +
      'NCLEX-RN: passed January 2025';
    expect(entries(text)).toEqual([['Marquette University', 'bachelor', 'Nursing', '2024-12']]);
    const phd = '教育\n2016年9月—2020年6月　电子科技大学　软件工程　学士\nACL 2024（第一作者）；EMNLP 2023 Findings';
    expect(entries(phd)[0]?.[3]).toBe('2020-06');
  });

  it('drops an entry of a school-leaving qualification written after the school', () => {
    const text =
      'ACADEMIC QUALIFICATION\n2020 - 2024   Universiti Teknologi Malaysia (UTM)\n' +
      '              Bachelor of Engineering (Civil) with Honours, CGPA 3.62\n' +
      '2018 - 2019   Kolej Matrikulasi Johor - Matriculation (Science)';
    expect(entries(text)).toEqual([['Universiti Teknologi Malaysia', 'bachelor', 'Civil', '2024-06']]);
  });

  it('reads headings numbered in Roman numerals', () => {
    expect(headingOf('Ⅰ. 教育经历')?.kind).toBe('education');
    expect(headingOf('II. EXPERIENCE')?.kind).toBe('experience');
  });

  it('reads two schools of one sentence, each with the dates in its brackets', () => {
    const text =
      '我叫秦子墨，是河海大学环境学院环境工程专业 2025 届硕士毕业生（2022.09-2025.06），' +
      '本科毕业于南京信息工程大学环境工程专业（2018.09-2022.06）。';
    expect(entries(text)).toEqual([
      ['河海大学', 'master', '环境工程', '2025-06'],
      ['南京信息工程大学', 'bachelor', '环境工程', '2022-06'],
    ]);
  });
});

describe('entries of one line, of prose and of Chinese key-value forms', () => {
  it('reads each school of a line holding several entries', () => {
    const line =
      'Education: PhD Statistics, University of California, Berkeley (Aug 2020 – Expected May 2025) | ' +
      'MStat, Indian Statistical Institute (Jul 2018 – Jun 2020) | ' +
      "BSc (Hons) Mathematics, St. Stephen's College (2015 – 2018)";
    expect(entries(`Name\n${line}`).map((e) => [e[0], e[1], e[3]])).toEqual([
      ['University of California, Berkeley', 'doctorate', '2025-05'],
      ['Indian Statistical Institute', 'master', '2020-06'],
      ["St. Stephen's College", 'bachelor', '2018-06'],
    ]);
  });

  it('joins a line wrapped inside a major', () => {
    const text = 'EDUCATION\nUniversità Bocconi, B.Sc. in Economics\nand Finance (Sep 2019 – Jul 2022)';
    expect(entries(text)).toEqual([['Università Bocconi', 'bachelor', 'Economics and Finance', '2022-07']]);
  });

  it('keeps an abbreviated degree in a sentence and reads a name after an icon', () => {
    const prose =
      'Chronology. B.S. Interdisciplinary Studies, University of Texas at San Antonio, May 2024. Tutor, 2022.';
    expect(entries(`Name\n${'x'.repeat(3)}\nSUMMARY\n${prose}`)).toEqual([
      ['University of Texas at San Antonio', 'bachelor', 'Interdisciplinary Studies', '2024-05'],
    ]);
    expect(
      entries('Name\n🎓 Carnegie Mellon University — Master of Human-Computer Interaction (MHCI), Aug 2024'),
    ).toEqual([['Carnegie Mellon University', 'master', 'Human-Computer Interaction', '2024-08']]);
  });

  it('reads Chinese majors by a label that ends at the next label, by 学系, and before 博士 or 学士', () => {
    expect(entries('第一学历：本科　毕业院校：宁夏大学　所学专业：汉语言文学　毕业时间：2020.07')).toEqual([
      ['宁夏大学', 'bachelor', '汉语言文学', '2020-07'],
    ]);
    expect(entries('學歷\n國立臺灣大學　生物環境系統工程學系　學士　民國108年9月 — 民國112年6月')).toEqual([
      ['國立臺灣大學', 'bachelor', '生物環境系統工程', '2023-06'],
    ]);
    expect(entries('2020年起在中国农业大学动物医学院攻读预防兽医学博士学位，预计2025年12月毕业。')).toEqual([
      ['中国农业大学', 'doctorate', '预防兽医学', '2025-12'],
    ]);
    expect(entries('教育经历\n天津财经大学　　市场营销　　本科　　2021.09-2025.06　　编辑 删除')[0]?.[2]).toBe(
      '市场营销',
    );
    expect(entries('教育\n2019.09-2023.06　浙江大学　软件工程　本科　获工学学士学位')[0]?.[2]).toBe('软件工程');
  });
});

describe('institutions known without a school word, and layouts that hide the entries', () => {
  it.each([
    ['2024–2025     INSEAD — Master of Business Administration (MBA)', 'INSEAD'],
    [
      '2022 – 2024 : Master in International Security, Sciences Po Paris (Paris School of International Affairs)',
      'Sciences Po Paris',
    ],
    ['M.S. Computer Science, ETH Zurich, 2023', 'ETH Zurich'],
    ['B.Tech, IIT Bombay, 2022', 'IIT Bombay'],
  ])('%s → %s', (line, school) => {
    expect(enSchool(line)).toBe(school);
  });

  it('takes a known name only as a whole segment, and no town named like a university', () => {
    expect(enSchool('Released under the MIT License')).toBeUndefined();
    expect(enSchool('Harvard Law School, Cambridge, MA')).toBe('Harvard Law School');
  });

  it('reads 本校 as the school named before it', () => {
    const text =
      '陈浩然，男。2017年9月至2021年6月在南京农业大学农学专业读本科，2021年9月起在本校作物遗传育种专业攻读硕士，2024年6月毕业。';
    expect(entries(text).map((e) => [e[0], e[1]])).toEqual([
      ['南京农业大学', 'bachelor'],
      ['南京农业大学', 'master'],
    ]);
  });

  it('reads a line written all in lower case', () => {
    const text =
      'education\nmfa, animation — california institute of the arts (CalArts), 2024\n' +
      'bfa, illustration — rhode island school of design, 2021';
    expect(entries(`nora\n${text}`)).toEqual([
      ['California Institute of the Arts', 'master', 'Animation', '2024-06'],
      ['Rhode Island School of Design', 'bachelor', 'Illustration', '2021-06'],
    ]);
  });

  it('keeps the education going after an entry field labelled like a heading (Honors:, Activities:)', () => {
    const text = [
      'EDUCATION',
      'Harvard Law School, Cambridge, MA',
      'J.D., cum laude, May 2025',
      'Honors: Harvard Law Review, Articles Editor',
      'Stanford University, Stanford, CA',
      'B.A. with Honors in Public Policy, June 2021',
      'EXPERIENCE',
      'Summer Associate, Sullivan & Cromwell LLP, New York (May–Aug 2024)',
    ].join('\n');
    expect(entries(`Name\n${text}`)).toEqual([
      ['Harvard Law School', 'doctorate', 'Law', '2025-05'],
      ['Stanford University', 'bachelor', 'Public Policy', '2021-06'],
    ]);
  });
});

describe('sentences, terms and timelines', () => {
  it('reads the name in a sentence as its run of capitalized words, and the major until the sentence goes on', () => {
    const prose =
      "I graduated from Northwestern University's Medill School of Journalism in June 2024 with a Bachelor of " +
      'Science in Journalism and a minor in Political Science.';
    expect(entries(`Name\nSUMMARY\n${prose}`)).toEqual([
      ['Northwestern University', 'bachelor', 'Journalism', '2024-06'],
    ]);
  });

  it('reads terms, a month with a two-digit year and 今 after a range mark', () => {
    const dates = (line: string) => findDates(line).map((h) => h.date);
    expect(dates('Fall 2019 – Spring 2024')).toEqual([
      { year: 2019, month: 12 },
      { year: 2024, month: 5 },
    ]);
    expect(dates('09/19 - 06/23')).toEqual([
      { year: 2019, month: 9 },
      { year: 2023, month: 6 },
    ]);
    expect(dates('2022年9月—今')).toEqual([{ year: 2022, month: 9 }, 'present']);
    expect(dates('今年')).toEqual([]);
  });

  it('reads lower-case abbreviations, 专升本, and no 博士后', () => {
    expect(degreeIn('Bsc Computer Science')?.degree).toBe('bachelor');
    expect(degreeIn('Mtech (Thermal Engineering)')?.degree).toBe('master');
    expect(degreeIn('会计学（专升本）')?.degree).toBe('bachelor');
    expect(degreeIn('清华大学 博士后研究员')).toBeUndefined();
  });

  it('opens the next entry at a range of dates alone on its line', () => {
    const text = [
      'EDUCATION AND TRAINING',
      'Dates                 09/2022 - 08/2024',
      'Title                 MSc Plant Sciences',
      'Organisation          Wageningen University & Research',
      'Dates                 09/2019 - 07/2022',
      'Title                 BSc Biology',
      'Organisation          Utrecht University',
    ].join('\n');
    expect(entries(`Name\n${text}`)).toEqual([
      ['Wageningen University & Research', 'master', 'Plant Sciences', '2024-08'],
      ['Utrecht University', 'bachelor', 'Biology', '2022-07'],
    ]);
  });
});

describe('the field of a Chinese 硕士 written in both languages', () => {
  it.each([
    ['统计学硕士 Master of Statistics', '统计学'],
    ['2022.09 - 2024.06 社会学硕士', '社会学'],
    ['管理学硕士', undefined],
    ['华东师范大学硕士', undefined],
    ['國際航運及物流管理理學碩士', '國際航運及物流管理'],
  ])('%s → %s', (line, field) => {
    expect(zhDegreeField(line)).toBe(field);
  });

  it('reads the Chinese field, not the English one, for a school named in Chinese', () => {
    const text = [
      '教育背景',
      '伦敦政治经济学院 London School of Economics                 Sep 2022 – Dec 2023',
      '统计学硕士 Master of Statistics',
      '厦门大学                                                    Sep 2018 – Jun 2022',
      '统计学 本科',
    ].join('\n');
    expect(entries(`王小明\n${text}`)).toEqual([
      ['伦敦政治经济学院', 'master', '统计学', '2023-12'],
      ['厦门大学', 'bachelor', '统计学', '2022-06'],
    ]);
    const en = ['EDUCATION', 'University of Leeds', 'Master of Statistics, 2023'].join('\n');
    expect(entries(`Wang Xiaoming\n${en}`)[0]?.[2]).toBe('Statistics');
  });
});

describe('Chinese majors beside slashes, dashes, side notes and degree-type notes', () => {
  it.each([
    ['2020.09-2024.06 浙江大学—环境工程—本科', '环境工程'],
    ['浙江大学 2020.09-2024.06\n环境工程/本科', '环境工程'],
    ['浙江大学（2020.09-2024.06）\n环境工程 本科 排名 3/86', '环境工程'],
    ['2020.09-2024.06 浙江大学 环境工程 本科 | 英语六级', '环境工程'],
    ['2020.09-2024.06 浙江大学 环境工程 本科 双学位：法学', '环境工程'],
    ['2021.09-2024.06 浙江大学 硕士 环境工程（专业硕士）', '环境工程'],
    ['2021.09-2024.06 浙江大学 环境工程 专硕', '环境工程'],
  ])('%s → %s', (line, major) => {
    const got = entries(`李华\n13800138000\n教育经历\n${line}\n实习经历\n2023.07-2023.09 某公司 实习生`);
    expect(got.map((e) => [e[0], e[2]])).toEqual([['浙江大学', major]]);
  });

  it('reads 专硕 and 学硕 as a master, but not inside a word', () => {
    expect(degreeIn('环境工程 专硕')?.degree).toBe('master');
    expect(degreeIn('学硕 2022.09-2025.06')?.degree).toBe('master');
    expect(degreeIn('专硕士')?.degree).toBe('master');
    expect(degreeIn('数学硕果累累')).toBeUndefined();
  });
});

describe('no entry from a high-school row, cross-registration, coursework or a line of honours', () => {
  it.each([
    'Westfield High School, Westfield, NJ — Diploma, 2020',
    'Cross-registered at Rhode Island School of Design (two studio courses)',
    'Graduate coursework at Harvard Extension School',
    'Scholarship: Presidential Scholarship, Temple University',
    'Activities: Owl Investment Club at Temple University',
  ])('%s', (line) => {
    const text = ['EDUCATION', 'Temple University, Philadelphia, PA', 'B.S. in Finance, May 2024', line];
    const got = entries(`Ana Ruiz\nana@example.com\n${text.join('\n')}\nEXPERIENCE\nIntern, Acme, Jun 2023 – Aug 2023`);
    expect(got).toEqual([['Temple University', 'bachelor', 'Finance', '2024-05']]);
  });
});

describe('no Chinese entry from a student post, a joint-training term, or a thesis, lab or honours line', () => {
  it.each([
    '中山大学数学学院 学生会主席',
    '联合培养：香港科技大学（2024.02-2024.07）',
    '毕业论文：基于图神经网络的推荐算法（导师：李四教授，中山大学）',
    '实验室：中山大学光电材料与技术国家重点实验室',
    '荣誉：中山大学优秀学生干部',
  ])('%s', (line) => {
    const text = ['教育经历', '2021.09-2025.06 中山大学 数学与应用数学 本科', line];
    const got = entries(`陈晨\n13900139000\n${text.join('\n')}\n实习经历\n2024.07-2024.09 某公司 实习生`);
    expect(got).toEqual([['中山大学', 'bachelor', '数学与应用数学', '2025-06']]);
  });
});

describe('a second degree on a line of its own', () => {
  it('reads 第二学位 / 双学位 with their own dates as a second bachelor entry', () => {
    const text = [
      '教育经历',
      '2021.09-2025.06 厦门大学 国际经济与贸易 本科',
      '2022.09-2024.06 厦门大学 法学 第二学位',
    ].join('\n');
    expect(entries(`林一\n13700137000\n${text}\n实习经历\n2024.07-2024.09 某公司 实习生`)).toEqual([
      ['厦门大学', 'bachelor', '国际经济与贸易', '2025-06'],
      ['厦门大学', 'bachelor', '法学', '2024-06'],
    ]);
    expect(degreeIn('双学位')?.degree).toBe('bachelor');
  });
});
