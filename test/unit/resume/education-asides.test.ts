import { describe, expect, it } from 'vitest';
import { findDates } from '../../../src/domain/resume/dates.ts';
import { extractResumeDraft } from '../../../src/domain/resume/index.ts';

/** [school, degree, major, graduation month] of each entry of a Chinese résumé's education section. */
const zhEntries = (lines: readonly string[]): (string | null)[][] =>
  extractResumeDraft(
    ['王小明', 'wang@example.com', '教育经历', ...lines, '专业技能', 'Excel'].join('\n'),
  ).education.map((e) => [e.school, e.degree, e.major, e.graduationDate?.slice(0, 7) ?? null]);

describe('a labelled aside on an entry line is not its major', () => {
  it.each([
    [
      ['2022年9月—2025年6月  华北电力大学  电气工程  硕士研究生  导师：刘教授'],
      [['华北电力大学', 'master', '电气工程', '2025-06']],
    ],
    [
      ['2023.09-2026.03 浙江大学 控制科学与工程 硕士 研究方向：目标检测'],
      [['浙江大学', 'master', '控制科学与工程', '2026-03']],
    ],
    [
      ['2022.09-2025.06  山东大学  机械工程  硕士  导师：王**', '学位论文：冰箱门体铰链疲劳寿命分析'],
      [['山东大学', 'master', '机械工程', '2025-06']],
    ],
    [
      ['1. 哈尔滨工程大学 ｜ 核科学与技术 ｜ 硕士 ｜ 学术学位 ｜ 全日制 ｜ 2022.09-2025.03'],
      [['哈尔滨工程大学', 'master', '核科学与技术', '2025-03']],
    ],
  ])('%j', (lines, want) => {
    expect(zhEntries(lines)).toEqual(want);
  });

  it('cuts the entry line at a research direction whose value has a space', () => {
    expect(
      zhEntries(['2022.09 - 2025.03  西安电子科技大学  通信与信息系统  硕士  研究方向：MIMO 信道估计  导师：李**']),
    ).toEqual([['西安电子科技大学', 'master', '通信与信息系统', '2025-03']]);
  });

  it("reads a Chinese university's entry without a degree under a master's as the bachelor's", () => {
    expect(
      zhEntries([
        '南京审计大学   审计（审计硕士 MAud）        2023.09 - 2025.06',
        '江西财经大学   审计学                      2019.09 - 2023.06',
      ]),
    ).toEqual([
      ['南京审计大学', 'master', '审计', '2025-06'],
      ['江西财经大学', 'bachelor', '审计学', '2023-06'],
    ]);
    // Alone, the entry states no degree.
    expect(zhEntries(['江西财经大学   审计学                      2019.09 - 2023.06'])).toEqual([
      ['江西财经大学', null, '审计学', '2023-06'],
    ]);
  });

  it('reads a table whose header names the stage (阶段) as a header', () => {
    expect(
      zhEntries([
        '阶段 ｜ 学校 ｜ 专业 ｜ 时间',
        '硕士 ｜ 中南大学 ｜ 机械工程 ｜ 2022.09-2025.06',
        '本科 ｜ 湘潭大学 ｜ 机械设计制造及其自动化 ｜ 2018.09-2022.06',
      ]),
    ).toEqual([
      ['中南大学', 'master', '机械工程', '2025-06'],
      ['湘潭大学', 'bachelor', '机械设计制造及其自动化', '2022-06'],
    ]);
  });

  it("takes no major from another label's value or from a line another label opens", () => {
    expect(
      zhEntries([
        '学历：本科（五年制）    学位：口腔医学学士',
        '执业医师资格：2025 年待考',
        '2020-09 至 2025-06    四川大学华西口腔医学院    口腔医学（五年制）',
      ]),
    ).toEqual([['四川大学华西口腔医学院', 'bachelor', '口腔医学（五年制）', '2025-06']]);
    expect(
      zhEntries([
        '广东技术师范大学 本科（2021.09—2025.06）',
        '企业实践：2024.07—2024.08 广汽丰田 4S 店 机电维修：用诊断仪读取故障码，排查发动机与车身电气故障',
      ]),
    ).toEqual([['广东技术师范大学', 'bachelor', null, '2025-06']]);
  });

  it("reads a form's 学历 field under the school as the same entry's degree", () => {
    expect(
      zhEntries([
        '最高学历：大专',
        '学校：内蒙古农业大学',
        '专业：食品质量与安全',
        '学历：大专',
        '是否统招：是',
        '时间：2022-09 至 2025-07',
      ]),
    ).toEqual([['内蒙古农业大学', 'associate', '食品质量与安全', '2025-07']]);
  });
});

/** [school, degree, major, graduation month] of each entry of an English résumé's education section. */
const enEntries = (lines: readonly string[]): (string | null)[][] =>
  extractResumeDraft(
    ['Jane Doe', 'jane@example.com', 'EDUCATION', ...lines, 'SKILLS', 'Excel'].join('\n'),
  ).education.map((e) => [e.school, e.degree, e.major, e.graduationDate?.slice(0, 7) ?? null]);

describe('degrees named as they are abroad, and what stands beside them', () => {
  it.each([
    [
      ['RISEBA University of Applied Sciences — Professional bachelor, Human Resource Management — 2021–2025'],
      [['RISEBA University of Applied Sciences', 'bachelor', 'Human Resource Management', '2025-06']],
    ],
    [
      ['Mongolian National University of Medical Sciences — Medical Doctor (MD), General Medicine — June 2025'],
      [['Mongolian National University of Medical Sciences', 'doctorate', 'General Medicine', '2025-06']],
    ],
    [
      ['Université de Lorraine — Licence Économie-Gestion — 09/2020 – 06/2023'],
      [['Université de Lorraine', 'bachelor', 'Économie-Gestion', '2023-06']],
    ],
    [
      [
        "2022 - 2025  École Mohammadia d'Ingénieurs (EMI), Rabat",
        "Diplôme d'Ingénieur d'État (State Engineering Degree) - Industrial Engineering",
      ],
      [["École Mohammadia d'Ingénieurs", 'master', 'Industrial Engineering', '2025-06']],
    ],
    [
      ['Universidad del Pacífico - Business Administration - Bachelor (Bachiller) - Situation: Graduated - 2024'],
      [['Universidad del Pacífico', 'bachelor', 'Business Administration', '2024-06']],
    ],
    [
      [
        '2023 - 2025  Czech Technical University in Prague, Faculty of Electrical Engineering',
        '             Master (Ing.), Electrical Power Engineering - state exam June 2025',
        '2020 - 2023  University of Žilina',
        '             Bachelor (Bc.), Mechanical Engineering',
      ],
      [
        ['Czech Technical University in Prague', 'master', 'Electrical Power Engineering', '2025-06'],
        ['University of Žilina', 'bachelor', 'Mechanical Engineering', '2023-06'],
      ],
    ],
    [
      ['Kuwait University, College of Pharmacy — Doctor of Pharmacy (PharmD) — June 2025 — Grade: Excellent'],
      [['Kuwait University', 'doctorate', 'Pharmacy', '2025-06']],
    ],
    [
      [
        '2020 - 2024  Muhimbili University of Health and Allied Sciences - ' +
          'Bachelor of Science in Nursing (Upper Second)',
      ],
      [['Muhimbili University of Health and Allied Sciences', 'bachelor', 'Nursing', '2024-06']],
    ],
  ])('%j', (lines, want) => {
    expect(enEntries(lines)).toEqual(want);
  });

  it('reads no degree from the verb "master"', () => {
    expect(
      enEntries(['Foreign Trade University, 10/2020 - 06/2024', 'Goal: master customs procedures and trade finance']),
    ).toEqual([['Foreign Trade University', null, null, '2024-06']]);
  });
});

describe('school names written with a comma', () => {
  it.each([
    [
      'Rutgers, The State University of New Jersey — Doctor of Pharmacy (PharmD), May 2025',
      'Rutgers, The State University of New Jersey',
    ],
    [
      'California Polytechnic State University, San Luis Obispo — Bachelor of Architecture, June 2025',
      'California Polytechnic State University, San Luis Obispo',
    ],
    ['Rutgers University, New Brunswick, NJ — B.A. in Economics, May 2024', 'Rutgers University'],
    [
      'The Pennsylvania State University, University Park — B.S. in Accounting, May 2024',
      'The Pennsylvania State University, University Park',
    ],
    ['University of Nigeria, Nsukka — B.Eng. Civil Engineering, 2018 - 2023', 'University of Nigeria, Nsukka'],
    ['University of Ghana, Legon — Master of Public Health, 2022 - 2024', 'University of Ghana, Legon'],
    ['University of Ghana, Accra, Ghana — Master of Public Health, 2022 - 2024', 'University of Ghana'],
    ['University of Michigan, Ann Arbor, MI — B.S.E. in Mechanical Engineering, May 2025', 'University of Michigan'],
  ])('%s', (line, school) => {
    expect(enEntries([line]).map((e) => e[0])).toEqual([school]);
  });
});

describe('Indian pre-university rows and deemed universities', () => {
  it('keeps the status of a deemed university in its name and reads no entry from a PU college', () => {
    expect(
      enEntries([
        'Bachelor of Business Administration (BBA), Marketing',
        'CHRIST (Deemed to be University), Bengaluru',
        '2021 - 2024',
        'Mount Carmel PU College (Karnataka State Board)',
        '2019 - 2021',
      ]),
    ).toEqual([['CHRIST (Deemed to be University)', 'bachelor', 'Marketing', '2024-06']]);
  });
});

describe('dates written day, month and year with dots', () => {
  it('reads the month of 01.10.2015 – 30.09.2018 and a doctorate graduation in March', () => {
    expect(findDates('01.10.2015 – 30.09.2018').map((h) => h.date)).toEqual([
      { year: 2015, month: 10 },
      { year: 2018, month: 9 },
    ]);
    expect(
      enEntries([
        '01.10.2020 – 31.03.2025   Doctoral studies (Dr. rer. nat.), Physics, Technical University of Munich',
      ]),
    ).toEqual([['Technical University of Munich', 'doctorate', 'Physics', '2025-03']]);
  });
});

describe('the graduation among other dates of an entry', () => {
  it.each([
    [
      [
        'University of Michigan, Ann Arbor, MI',
        'Bachelor of Arts in Elementary Education, Expected April 2025',
        'Teaching Certificate: Michigan Standard Elementary (PK-6) anticipated June 2025',
      ],
      [['University of Michigan', 'bachelor', 'Elementary Education', '2025-04']],
    ],
    [
      [
        'State University of New York Maritime College, Throggs Neck, NY',
        'B.S. Marine Transportation — June 2024 (Regiment of Cadets, Company Commander 2023–24)',
      ],
      [['State University of New York Maritime College', 'bachelor', 'Marine Transportation', '2024-06']],
    ],
    [
      ['Bachelor of Engineering in Computer | Tribhuvan University (IOE, Pulchowk Campus) | 2076-2080 / 2019-2024'],
      [['Tribhuvan University', 'bachelor', 'Computer', '2024-06']],
    ],
  ])('%j', (lines, want) => {
    expect(enEntries(lines)).toEqual(want);
  });
});

describe("a bracket that names a degree's kind or route, not its field, is cut from the major", () => {
  it.each([
    [
      ['2022.09-2025.06  北京林业大学  风景园林（专业学位）  硕士'],
      [['北京林业大学', 'master', '风景园林', '2025-06']],
    ],
    [['2022.09-2025.06  南京农业大学  兽医（专业学位）  硕士'], [['南京农业大学', 'master', '兽医', '2025-06']]],
    [['2023.09-2025.06  厦门大学  会计（专硕）  硕士'], [['厦门大学', 'master', '会计', '2025-06']]],
  ])('%j', (lines, want) => {
    expect(zhEntries(lines)).toEqual(want);
  });

  it.each([
    [
      ['University of Missouri — Master of Social Work, Social Work (Advanced Standing), May 2025'],
      [['University of Missouri', 'master', 'Social Work', '2025-05']],
    ],
    [
      ['University of Toronto — Bachelor of Applied Science, Electrical Engineering (Co-op/PEY), 2020 - 2025'],
      [['University of Toronto', 'bachelor', 'Electrical Engineering (Co-op/PEY)', '2025-06']],
    ],
    [
      ['McGill University — MSc, Computer Science (thesis), 2023 - 2025'],
      [['McGill University', 'master', 'Computer Science', '2025-06']],
    ],
  ])('%j', (lines, want) => {
    expect(enEntries(lines)).toEqual(want);
  });

  it('keeps a track in brackets and a programme length', () => {
    expect(zhEntries(['2019.09-2024.06  四川大学  口腔医学（五年制）  本科'])).toEqual([
      ['四川大学', 'bachelor', '口腔医学（五年制）', '2024-06'],
    ]);
  });
});

describe("a faculty after its university on one line is that entry's, not a second school", () => {
  it.each([
    [
      ['[本科] 海南大学 · 旅游管理学院 · 酒店管理 · 2020.09-2024.06'],
      [['海南大学', 'bachelor', '酒店管理', '2024-06']],
    ],
    [
      ['2021.09-2025.06', '西南财经大学 · 会计学院', '会计学　本科'],
      [['西南财经大学', 'bachelor', '会计学', '2025-06']],
    ],
    [
      ['北京师范大学 · 心理学部 · 应用心理 · 硕士 · 2022.09-2025.06'],
      [['北京师范大学', 'master', '应用心理', '2025-06']],
    ],
  ])('%j', (lines, want) => {
    expect(zhEntries(lines)).toEqual(want);
  });

  it('still reads two universities on one line as two entries', () => {
    expect(
      zhEntries(['复旦大学 · 金融 · 硕士 · 2023.09-2025.06 · 厦门大学 · 金融学 · 本科 · 2019.09-2023.06']),
    ).toEqual([
      ['复旦大学', 'master', '金融', '2025-06'],
      ['厦门大学', 'bachelor', '金融学', '2023-06'],
    ]);
  });
});

describe("a form's two-character label spaced out to align its columns", () => {
  it('reads the major after "专　业："', () => {
    expect(zhEntries(['学　历：本科　　专　业：社会工作　　毕业院校：华东理工大学　　毕业时间：2025.06'])).toEqual([
      ['华东理工大学', 'bachelor', '社会工作', '2025-06'],
    ]);
  });
});

describe('a training, a placement or a registration among the degrees is no entry', () => {
  const enEntries = (lines: readonly string[]): (string | null)[][] =>
    extractResumeDraft(
      ['Sam Reyes', 'sam@example.com', 'Education', ...lines, 'Skills', 'Excel'].join('\n'),
    ).education.map((e) => [e.school, e.degree]);

  it.each([
    ['2023 – 2024  Uganda School of Law – Advocates Training Programme (ongoing)'],
    ['Initial teacher training with QTS (School Direct salaried route), Leeds, 2024 – 2025'],
    ['Six-week teaching placement at Holy Cross College, 2023'],
    ['Registration: Queensland College of Teachers – provisional registration'],
  ])('%s', (line) => {
    expect(enEntries([line, 'BA (Hons) History, University of Kent, 2020 – 2023'])).toEqual([
      ['University of Kent', 'bachelor'],
    ]);
  });

  it('keeps a teachers training college that gives a degree', () => {
    expect(enEntries(['Kagumo Teachers Training College — Diploma in Education, 2022'])[0]?.[0]).toBe(
      'Kagumo Teachers Training College',
    );
  });

  it('reads "Grande École" after a master as the programme, not a school', () => {
    expect(enEntries(['ESCP Business School · Master in Management (Grande École) · 2021 – 2024'])).toEqual([
      ['ESCP Business School', 'master'],
    ]);
  });
});

describe('digits of an address are no date', () => {
  it('reads no year in an e-mail or a web address', () => {
    expect(findDates('邮箱：liwei1999@qq.com  主页：gitee.com/liwei2020')).toEqual([]);
  });

  it('merges a form entry whose e-mail gave it a year with the study row that repeats it', () => {
    expect(
      zhEntries([
        '本科',
        '毕业院校：湖南师范大学',
        '专业：汉语言文学',
        '电子邮箱：chenjing2001@126.com',
        '2020年9月—2024年6月',
        '湖南师范大学 文学院 汉语言文学 本科',
      ]),
    ).toEqual([['湖南师范大学', 'bachelor', '汉语言文学', '2024-06']]);
  });
});

describe('a postgraduate diploma is no degree, an Indian PGDM is a master', () => {
  const enEntries = (lines: readonly string[]): (string | null)[][] =>
    extractResumeDraft(
      ['Sam Reyes', 'sam@example.com', 'Education', ...lines, 'Skills', 'Excel'].join('\n'),
    ).education.map((e) => [e.school, e.degree]);

  it('drops a postgraduate diploma entry', () => {
    expect(
      enEntries([
        'Postgraduate Diploma in Applied Psychology, University of Canterbury (2024)',
        'Bachelor of Arts, University of Canterbury (2020–2023)',
      ]),
    ).toEqual([['University of Canterbury', 'bachelor']]);
  });

  it('keeps a PGDM written out', () => {
    expect(enEntries(['Post Graduate Diploma in Management, Indian Institute of Management Indore, 2024'])).toEqual([
      ['Indian Institute of Management Indore', 'master'],
    ]);
  });
});

describe('an entry translated on the line under it, and a short exchange', () => {
  it('reads an undated English translation under a Chinese entry as the same entry', () => {
    const lines = [
      '香港浸會大學　新聞學　學士　2020 – 2024',
      'Bachelor of Arts in Journalism, Hong Kong Baptist University',
    ];
    expect(zhEntries(lines)).toEqual([['香港浸會大學', 'bachelor', '新聞學', '2024-06']]);
  });

  it('keeps an undated entry of another school that is not under the first', () => {
    const lines = [
      '复旦大学　金融　硕士　2022.09-2024.06',
      '南京大学　经济学　本科　2018.09-2022.06',
      'MBA, University of Oxford',
    ];
    expect(zhEntries(lines).map((e) => e[0])).toEqual(['复旦大学', '南京大学', 'University of Oxford']);
  });

  it.each(['　2022年 赴韩国首尔大学 短期交流（两周设计工作营）', '　・大三赴荷蘭 Universiteit Leiden 交流一學期'])(
    'reads no entry from %s',
    (line) => {
      expect(zhEntries(['同济大学　建筑学　本科　2019.09-2024.06', line])).toEqual([
        ['同济大学', 'bachelor', '建筑学', '2024-06'],
      ]);
    },
  );
});

describe("a Chinese major's English name and a school's country", () => {
  it.each([
    [
      'Sep. 2021 – Jun. 2025　西交利物浦大学　金融数学（Financial Mathematics）　本科',
      ['西交利物浦大学', 'bachelor', '金融数学', '2025-06'],
    ],
    ['2023.09-2024.09　曼彻斯特大学（英国）　市场营销　硕士', ['曼彻斯特大学', 'master', '市场营销', '2024-09']],
  ])('%s', (line, entry) => {
    expect(zhEntries([line])).toEqual([entry]);
  });

  it('keeps a direction named by an abbreviation', () => {
    expect(zhEntries(['2021.09-2025.06　暨南大学　会计学（ACCA方向）　本科'])).toEqual([
      ['暨南大学', 'bachelor', '会计学（ACCA方向）', '2025-06'],
    ]);
  });

  it('reads the Chinese name in a table cell written in both languages', () => {
    const lines = [
      '时间 | 学校 | 专业 | 学历',
      '2023.09-2024.11 | 格拉斯哥大学 | 国际商务 International Business | 硕士',
    ];
    expect(zhEntries(lines)).toEqual([['格拉斯哥大学', 'master', '国际商务', '2024-11']]);
  });
});

describe("credentials and clubs listed under a degree in a 'Qualifications' section are no entries", () => {
  const qualifications = (lines: readonly string[]): (string | null)[][] =>
    extractResumeDraft(
      ['Sam Reyes', 'sam@example.com', 'QUALIFICATIONS', ...lines, 'SKILLS', 'Excel'].join('\n'),
    ).education.map((e) => [e.school, e.degree, e.major, e.graduationDate?.slice(0, 7) ?? null]);
  const degree = 'Bachelor of Education (Primary), Griffith University, 2021 – 2024';
  const entry = ['Griffith University', 'bachelor', 'Education (Primary)', '2024-06'];

  it.each([
    [['Provisional Registration, Queensland College of Teachers (2025)', 'Working with Children Check – current']],
    [['Working with Children Check (Employee)', 'Provisional registration with the Teachers Registration Board']],
    [['Full licence pending; Provisional Licence, Nursing Council of New Zealand (2025)']],
  ])('%j', (lines) => {
    expect(qualifications([degree, ...lines])).toEqual([entry]);
  });

  it("reads a club's member at the school as no second entry", () => {
    expect(qualifications([degree, 'Netball club member, Griffith University'])).toEqual([entry]);
  });

  it('reads a medical centre of clinical hours as no school', () => {
    expect(
      qualifications([
        'Tarrant County College — Associate of Applied Science, Radiologic Technology — May 2025',
        'John Peter Smith Medical Center — 1,500 clinical hours in radiography',
      ]),
    ).toEqual([['Tarrant County College', 'associate', 'Radiologic Technology', '2025-05']]);
  });
});
