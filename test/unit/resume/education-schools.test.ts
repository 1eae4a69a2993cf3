import { describe, expect, it } from 'vitest';
import { extractResumeDraft } from '../../../src/domain/resume/index.ts';
import { enSchool } from '../../../src/domain/resume/schools.ts';

/** [school, degree, major, graduation month] of each entry of a résumé. */
const entries = (text: string): (string | null)[][] =>
  extractResumeDraft(text).education.map((e) => [e.school, e.degree, e.major, e.graduationDate?.slice(0, 7) ?? null]);

describe('schools a graduate names as the institution, and faculties that give way to their university', () => {
  it.each([
    [
      'Thornton School of Music, University of Southern California — B.M. Jazz Studies, 2023',
      'Thornton School of Music',
    ],
    ['Barnard College, Columbia University — B.A. Economics, May 2022', 'Barnard College'],
    ['Kirori Mal College, University of Delhi, B.Sc. (Hons.) Physics, 2021', 'Kirori Mal College'],
    [
      'University of Pennsylvania School of Dental Medicine — D.M.D., 2025',
      'University of Pennsylvania School of Dental Medicine',
    ],
    ['Duke University School of Law, J.D., 2024', 'Duke University School of Law'],
  ])('%s → %s', (line, school) => {
    expect(enSchool(line)).toBe(school);
  });

  it.each([
    ['Kelley School of Business, Indiana University — B.S. Finance, 2023', 'Indiana University'],
    ['University of Illinois Urbana-Champaign Grainger College of Engineering, B.S., 2024', 'University of Illinois'],
    ['Columbia University, Barnard College — B.A. History, 2021', 'Columbia University'],
    ['M.Phil. Economics, St Catherine’s College, University of Oxford, 2022', 'University of Oxford'],
    ['The University of Sydney (Sydney Law School) — Juris Doctor, 2024', 'The University of Sydney'],
    ['Honors College, University of Houston — B.S. Biology, 2023', 'University of Houston'],
  ])('%s → %s', (line, school) => {
    expect(enSchool(line)).toBe(school);
  });

  it('keeps the named school of an entry read from its lines', () => {
    const text = [
      'Education',
      'Jacobs School of Music, Indiana University — Master of Music, Voice Performance, May 2025',
      'Spelman College — B.A. Music, May 2023',
    ].join('\n');
    expect(entries(`Ada Brooks\n${text}`)).toEqual([
      ['Jacobs School of Music', 'master', 'Voice Performance', '2025-05'],
      ['Spelman College', 'bachelor', 'Music', '2023-05'],
    ]);
  });
});

describe('lines of an education section that name no school studied at', () => {
  it('reads a +2 row of a qualifications table as school-leaving, not an entry', () => {
    const text = [
      'ACADEMIC QUALIFICATION',
      '| Degree | Institution | Year | Result |',
      '| B.Sc. Microbiology | Kathmandu University | 2020-2024 | 3.52 |',
      '| +2 Biology | Trinity International College, Dillibazar | 2018-2020 | 3.70 |',
    ].join('\n');
    expect(entries(`Anish Karki\n${text}`).map((e) => e[0])).toEqual(['Kathmandu University']);
  });

  it('reads a job among the schools, with its title on the line and no degree, as no entry', () => {
    const text = [
      'Education',
      'University of Bath, BSc (Hons) Sport and Social Sciences, Sept 2021 – June 2024',
      'Performance Analysis Intern, Bath Rugby Academy, 2022–2023',
    ].join('\n');
    expect(entries(`Tom Reed\n${text}`)).toEqual([
      ['University of Bath', 'bachelor', 'Sport and Social Sciences', '2024-06'],
    ]);
  });

  it('reads the institute and group of a doctorate, on a line of its own, as part of the entry', () => {
    const text = [
      'EDUCATION',
      '10/2019 – 03/2024   Ph.D. Chemistry, Karlsruhe Institute of Technology',
      '                    Institute of Nanotechnology, research group of Prof. Y',
      '10/2017 – 09/2019   M.Sc. Chemistry, University of Freiburg',
    ].join('\n');
    expect(entries(`Lena Vogt\n${text}`).map((e) => [e[0], e[1]])).toEqual([
      ['Karlsruhe Institute of Technology', 'doctorate'],
      ['University of Freiburg', 'master'],
    ]);
  });

  it('reads a form faculty label whose characters are spaced apart, and no 大学 of a 大学院', () => {
    const form = [
      '华中科技大学2025届毕业生就业推荐表',
      '学　　院 机械科学与工程学院      专　　业 机械设计制造及其自动化        学　　历 本科',
      '入学时间 2021年9月       毕业时间 2025年6月',
    ].join('\n');
    expect(entries(form).map((e) => e[0])).toEqual(['华中科技大学']);
    expect(entries('学历\n2021年4月 京都大学大学院 工学研究科 修士課程 入学\n2023年3月 修了')[0]?.[0]).toBe('京都大学');
  });
});

describe('names in sentences, short names in brackets and two schools on one heading', () => {
  it.each([
    [
      'I graduated from the University of North Carolina at Charlotte in May 2024 with a B.S.',
      'University of North Carolina at Charlotte',
    ],
    [
      'Massachusetts Institute of Technology (MIT) — S.M. Mechanical Engineering, 2024',
      'Massachusetts Institute of Technology',
    ],
    [
      'The London School of Economics and Political Science (LSE)   London, UK',
      'The London School of Economics and Political Science',
    ],
    ['Joint degree between Sciences Po and Columbia University   2019 – 2023', undefined],
  ])('%s → %s', (line, school) => {
    expect(enSchool(line)).toBe(school);
  });
});

describe('a faculty on its own line under its university, and names in other languages', () => {
  it('drops a faculty of a discipline or an honors college under the university, but keeps a music school', () => {
    const text = [
      'EDUCATION',
      'Purdue University, West Lafayette, IN',
      'Daniels School of Business',
      'B.S. Management, May 2024',
      'University of Florida',
      'Honors College',
      'B.S. Biology, May 2020',
      'College of Charleston — Associate of Arts, 2018',
    ].join('\n');
    expect(entries(`Sam Ortiz\n${text}`).map((e) => [e[0], e[1]])).toEqual([
      ['Purdue University', 'bachelor'],
      ['University of Florida', 'bachelor'],
      ['College of Charleston', 'associate'],
    ]);
    expect(entries('Sam Ortiz\nEDUCATION\nYale University\nYale School of Music\nMaster of Music, 2024')[0]?.[0]).toBe(
      'Yale School of Music',
    );
  });

  it.each([
    ['Uniwersytet Jagielloński (Jagiellonian University) — MA, 2022', 'Uniwersytet Jagielloński'],
    ['Univerzita Karlova, Praha — Mgr., 2021', 'Univerzita Karlova'],
    ['B.S. Mathematics, Boğaziçi Üniversitesi, 2023', 'Boğaziçi Üniversitesi'],
    ['Politechnika Gdańska (Gdańsk University of Technology), 2020 – 2024', 'Politechnika Gdańska'],
  ])('%s → %s', (line, school) => {
    expect(enSchool(line)).toBe(school);
  });
});

describe('majors without notes of how the degree was studied, and the A.B.', () => {
  it('drops (double major) and (transfer) from a major, keeps a track, and takes no timeline verb as a major', () => {
    const text = [
      'EDUCATION',
      'Carleton College — B.A., Physics and Philosophy (double major), June 2023',
      'Santa Monica College — A.A., Liberal Arts (transfer), 2019',
      'University of Toronto — MEng, Civil Engineering (Structures), 2025',
    ].join('\n');
    expect(entries(`Kim Hale\n${text}`).map((e) => e[2])).toEqual([
      'Physics and Philosophy',
      'Liberal Arts',
      'Civil Engineering (Structures)',
    ]);
    const rirekisho = 'Education\n2019  4  Entered Keio University, Faculty of Law, Department of Political Science';
    expect(entries(`Aoi Mori\n${rirekisho}`)[0]?.[2]).not.toBe('Entered');
  });

  it('reads A.B. and AB as a bachelor, not the AB of a province or a company', () => {
    expect(entries('Eli Ross\nEducation\nHarvard University\nAB, History and Literature, May 2022')).toEqual([
      ['Harvard University', 'bachelor', 'History and Literature', '2022-05'],
    ]);
    expect(entries('Eli Ross\nEducation\nPrinceton University — A.B. in Economics, 2021')[0]?.[1]).toBe('bachelor');
    expect(entries('Eli Ross\nEducation\nUniversity of Calgary, Calgary, AB, 2020 – 2024')[0]?.[1]).toBeNull();
  });
});

describe('Chinese majors with a programme note or a direction named by an abbreviation', () => {
  it('keeps 5+3一体化, 硕博连读 and an ACCA-like direction in brackets after the major', () => {
    expect(entries('教育背景\n2019.09-2027.06　四川大学华西临床医学院　临床医学（5+3一体化）　硕士')[0]?.[2]).toBe(
      '临床医学（5+3一体化）',
    );
    expect(entries('教育背景\n2020.09—2026.06　东北大学　冶金工程（硕博连读）　博士')[0]?.[2]).toBe(
      '冶金工程（硕博连读）',
    );
    expect(entries('教育背景\n2021.09-2025.06　上海财经大学　财务管理（CFA方向）　本科')[0]?.[2]).toBe(
      '财务管理（CFA方向）',
    );
  });

  it('drops a programme note written with a comma inside, which the segments would cut in two', () => {
    expect(
      entries('教育背景\n2018.09–2026.06　中南大学湘雅医学院　临床医学（“5+3”一体化，本硕连读）　硕士')[0]?.[2],
    ).toBe('临床医学');
  });
});

describe('a Chinese paragraph hard-wrapped inside a school name', () => {
  it('joins 大学 at the start of a line to the name the line before began, and reads 大学生物 as no 大学生', () => {
    const text = [
      '简历　林一帆　硕士　手机 139 0000 1234',
      '教育经历　2021 年 9 月至 2024 年 6 月，武汉',
      '大学生物科学学院，微生物学，理学硕士；2017 年',
      '9 月至 2021 年 6 月，华中农业大学，生物技术。',
    ].join('\n');
    expect(entries(text)[0]).toEqual(['武汉大学', 'master', '微生物学', '2024-06']);
  });
});

describe('a town and state right-aligned after the school, and a known name before its faculty', () => {
  it.each([
    ['HARVARD UNIVERSITY Cambridge, MA', 'Harvard University'],
    ['The University of Texas at Austin Austin, TX', 'The University of Texas at Austin'],
    ['Purdue University West Lafayette, IN   Aug 2020 – May 2024', 'Purdue University'],
    ['University of Michigan Ann Arbor, MI', 'University of Michigan'],
    ['University of Illinois Urbana-Champaign Urbana, IL', 'University of Illinois Urbana-Champaign'],
    ['Fudan University Shanghai, China', 'Fudan University'],
    ['Imperial College London, UK', 'Imperial College London'],
    ['Technische Universität München, Germany', 'Technische Universität München'],
    ['MIT SLOAN SCHOOL OF MANAGEMENT Cambridge, MA', 'MIT'],
    ['NYU Stern School of Business — B.S. Finance, 2024', 'NYU'],
  ])('%s → %s', (line, school) => {
    expect(enSchool(line)).toBe(school);
  });

  it('reads a Jake-style entry with the town on the school line', () => {
    const text = [
      'Education',
      'Austin Community College Austin, TX',
      'Associate of Science in Computer Science Aug. 2019 – May 2021',
    ].join('\n');
    expect(entries(`Marco Diaz\n${text}`)).toEqual([
      ['Austin Community College', 'associate', 'Computer Science', '2021-05'],
    ]);
  });
});

describe('a Chinese faculty written beside the entry', () => {
  it('reads 会计学院 beside the major as the faculty of the school above, not another school', () => {
    const text = ['教育经历', '上海财经大学        2021.09 - 2025.06', '会计学（注册会计师方向）  本科  会计学院'].join(
      '\n',
    );
    expect(entries(`林思彤\n${text}`)).toEqual([['上海财经大学', 'bachelor', '会计学（注册会计师方向）', '2025-06']]);
  });

  it('keeps a college named by its place as a school of its own', () => {
    const text = ['教育背景', '复旦大学 2019.09-2023.06 经济学 本科', '上海商学院 2016.09-2019.06 国际贸易 专科'].join(
      '\n',
    );
    expect(entries(`王一\n${text}`).map((e) => e[0])).toEqual(['复旦大学', '上海商学院']);
  });
});

describe('the major without a minor, a graduation word or a list cut at its comma', () => {
  it.each([
    ['Boston University\nB.A. Economics Minor in Statistics  May 2024', 'Economics'],
    ['Boston University — B.S. Computer Science Expected May 2026', 'Computer Science'],
    ['Boston University\nB.S. Biology (Minor: Chemistry)   2020 – 2024', 'Biology'],
    ['Boston University\nBachelor of Arts in Psychology and Minor in Sociology, 2023', 'Psychology'],
    [
      'Dalian University of Technology  B.E. in Mechanical Design, Manufacturing and Automation  2018.09-2022.06',
      'Mechanical Design, Manufacturing and Automation',
    ],
    ['Boston University\nB.S. Computer Science, Magna Cum Laude and Dean’s List, 2025', 'Computer Science'],
    ['中央财经大学 2019.09-2023.06\n金融学 本科 | GPA 3.7/4.0 | 辅修：数学与应用数学', '金融学'],
    ['武汉大学 2019.09-2023.06\n金融学 本科 辅修 数学与应用数学', '金融学'],
  ])('%s → %s', (lines, major) => {
    expect(entries(`Ann Lee\nEducation\n${lines}`).map((e) => e[2])).toEqual([major]);
  });
});

describe('a qualifications table with an institution column beside a board or university column', () => {
  it('reads the institution cell as the school and the board as no second school', () => {
    const text = [
      'ACADEMIC QUALIFICATIONS',
      'Degree | Institution | Board/University | Year | CGPA/%',
      'B.E. Civil Engineering | College of Engineering, Guindy | Anna University | 2025 | 8.4 CGPA',
      'HSC | Zion Matriculation Hr. Sec. School | State Board | 2021 | 91.2%',
    ].join('\n');
    expect(entries(`Arjun Prakash\n${text}`).map((e) => [e[0], e[1]])).toEqual([
      ['College of Engineering, Guindy', 'bachelor'],
    ]);
  });

  it('reads a college named without a school word, in a table parted by dashes', () => {
    const text = [
      'EDUCATIONAL QUALIFICATION',
      'Examination – Institute – Board/University – Year – Percentage',
      'M.Sc. Chemistry (Organic) – Hindu College – University of Delhi – 2024 – 76.4%',
      'B.Sc. (Hons) Chemistry – Miranda House – University of Delhi – 2022 – 81.2%',
      'XII – Kendriya Vidyalaya, R.K. Puram – CBSE – 2019 – 92.0%',
    ].join('\n');
    expect(entries(`Neha Sharma\n${text}`).map((e) => [e[0], e[1]])).toEqual([
      ['Hindu College', 'master'],
      ['Miranda House', 'bachelor'],
    ]);
  });
});

describe('Chinese school names with a bracket after them', () => {
  it('keeps a campus in brackets and drops a faculty in brackets', () => {
    const text = [
      '教育背景',
      '2021.09-2025.06 | 中南大学（湘雅护理学院） | 护理学 | 本科',
      '2017.09-2021.06 | 山东大学（威海） | 数学与应用数学 | 本科',
    ].join('\n');
    expect(entries(`赵六\n${text}`).map((e) => e[0])).toEqual(['中南大学', '山东大学（威海）']);
  });

  it('reads a degree in brackets after the school as the degree, not as a campus', () => {
    const text = [
      '教育背景',
      '厦门大学（硕士研究生）',
      '会计学  2023.09-2026.06',
      '福州大学（本科）',
      '财务管理  2019.09-2023.06',
      '福建船政交通职业学院（专科）',
      '物流管理  2016.09-2019.06',
    ].join('\n');
    expect(entries(`钱七\n${text}`)).toEqual([
      ['厦门大学', 'master', '会计学', '2026-06'],
      ['福州大学', 'bachelor', '财务管理', '2023-06'],
      ['福建船政交通职业学院', 'associate', '物流管理', '2019-06'],
    ]);
  });
});

describe('a form timeline of study and work', () => {
  it('reads the study rows under 学习工作经历 as education entries', () => {
    const text = [
      '学习工作经历',
      '2016.09-2020.06，兰州大学，环境科学，学士；2020.09-2025.06，中国科学院大学，环境科学，博士',
    ].join('\n');
    expect(entries(`孙七\n${text}`)).toEqual([
      ['兰州大学', 'bachelor', '环境科学', '2020-06'],
      ['中国科学院大学', 'doctorate', '环境科学', '2025-06'],
    ]);
  });
});

describe('a Chinese school name wrapped inside its last word, and majors written with a gloss or a level', () => {
  it('joins 中国药科大 / 学 across the wrap', () => {
    const text = ['教育背景', '2021.09-2025.06 中国药科大', '学 药学 本科'].join('\n');
    expect(entries(`李华\n${text}`).map((e) => [e[0], e[1]])).toEqual([['中国药科大学', 'bachelor']]);
  });

  it('reads the Chinese major before its English name in brackets, and no Europass level', () => {
    const zh = [
      '教育背景',
      '宁波诺丁汉大学',
      '国际商务管理（BA Hons International Business Management） 2020.09-2024.07',
    ];
    expect(entries(`王芳\n${zh.join('\n')}`).map((e) => e[2])).toEqual(['国际商务管理']);
    const en = [
      'Education and training',
      '10/2022–07/2024 Master of Science in Mechanical Engineering EQF level 7',
      'Politechnika Warszawska, Warszawa (Poland)',
    ];
    expect(entries(`Jan Nowak\n${en.join('\n')}`).map((e) => e[2])).toEqual(['Mechanical Engineering']);
  });
});

describe('a secondary school among the entries', () => {
  it('reads a school named "… School" with a programme and no degree as no entry', () => {
    const text = [
      'Education',
      'Chulalongkorn University — Bachelor of Engineering (Industrial Engineering), 2020 – 2024, GPAX 3.41',
      'Triam Udom Suksa School — Science-Math Program, 2017 – 2020',
    ].join('\n');
    expect(entries(`Ann Lee\n${text}`).map((e) => e[0])).toEqual(['Chulalongkorn University']);
  });

  it('keeps a law school named without its degree on the line', () => {
    const text = ['Education', 'Columbia Law School', 'J.D., May 2025'].join('\n');
    expect(entries(`Ann Lee\n${text}`).map((e) => [e[0], e[1]])).toEqual([['Columbia Law School', 'doctorate']]);
  });
});

describe('a track after the comma of a degree named with its field', () => {
  it.each([
    ['Master of Finance, Capital Markets track — MIT, 2024', 'Finance'],
    [
      'Master of Business Administration, Healthcare Management concentration, Boston University, 2024',
      'Business Administration',
    ],
    ['Master of Music, Violin Performance — Juilliard School, 2024', 'Violin Performance'],
  ])('%s → %s', (line, major) => {
    expect(entries(`Ann Lee\nEducation\n${line}`).map((e) => e[2])).toEqual([major]);
  });
});

describe('courses run on after the cells of a Chinese entry', () => {
  it('reads the major before 主修课程 on the same line', () => {
    const text = ['教育背景', '2021.09-2025.06 西安交通大学 电气工程及其自动化 本科 主修课程：电路、电机学'].join('\n');
    expect(entries(`庚\n${text}`).map((e) => e[2])).toEqual(['电气工程及其自动化']);
  });
});

describe('polytechnic diplomas of more countries', () => {
  it('reads an OND under an HND of the same polytechnic as a second entry', () => {
    const text = [
      'EDUCATION',
      'HND Mechanical Engineering Technology, Auchi Polytechnic — 2020',
      'OND Mechanical Engineering Technology, Auchi Polytechnic — 2016',
      'SSCE (WAEC), 2013',
    ].join('\n');
    expect(entries(text)).toEqual([
      ['Auchi Polytechnic', 'associate', 'Mechanical Engineering Technology', '2020-06'],
      ['Auchi Polytechnic', 'associate', 'Mechanical Engineering Technology', '2016-06'],
    ]);
  });

  it('reads a Malaysian politeknik under its diploma', () => {
    const text = ['EDUCATION', 'Diploma in Civil Engineering', 'Politeknik Kuching Sarawak | 2019 – 2022'].join('\n');
    expect(entries(text)).toEqual([['Politeknik Kuching Sarawak', 'associate', 'Civil Engineering', '2022-06']]);
  });
});

describe("a Hong Kong associate degree under a top-up bachelor's", () => {
  it('reads the community college as a second entry', () => {
    const text = [
      'EDUCATION',
      '2022 – 2024   City University of Hong Kong',
      '              BEng (Hons) in Civil Engineering (top-up)',
      '2020 – 2022   Community College of City University',
      '              Associate in Engineering (Civil Engineering)',
      '2014 – 2020   HKDSE, Tuen Mun Government Secondary School',
    ].join('\n');
    expect(entries(text).map((e) => [e[0], e[1]])).toEqual([
      ['City University of Hong Kong', 'bachelor'],
      ['Community College of City University', 'associate'],
    ]);
  });
});

describe('a year before the degree is no entry', () => {
  it.each([
    'Foundation Diploma in Art & Design, Glasgow School of Art — 2019–2020',
    'King George V School — IB Diploma 41/45, 2017-2019',
  ])('%s', (line) => {
    const text = ['EDUCATION', 'BA (Hons) Illustration, University of the Arts London — 2020–2023', line].join('\n');
    expect(entries(text)).toEqual([['University of the Arts London', 'bachelor', 'Illustration', '2023-06']]);
  });
});

describe('a university named "at" its town', () => {
  it.each([
    ['University at Albany — B.A. Psychology, 2024', 'University at Albany'],
    [
      'University at Buffalo School of Pharmacy and Pharmaceutical Sciences — Doctor of Pharmacy',
      'University at Buffalo',
    ],
    ['University of Texas at Austin School of Law — J.D., 2025', 'University of Texas at Austin School of Law'],
    ['The University of Texas at Austin, McCombs School of Business — MBA', 'The University of Texas at Austin'],
  ])('%s', (line, school) => {
    expect(enSchool(line)).toBe(school);
  });

  it('reads the faculty after it as no second entry', () => {
    expect(
      entries(
        [
          'Jane Doe',
          'jane@example.com',
          'EDUCATION',
          'University at Buffalo School of Pharmacy — Doctor of Pharmacy, expected May 2027',
          'University at Buffalo — B.S. Pharmaceutical Sciences, 2023',
        ].join('\n'),
      ),
    ).toEqual([
      ['University at Buffalo', 'doctorate', 'Pharmacy', '2027-05'],
      ['University at Buffalo', 'bachelor', 'Pharmaceutical Sciences', '2023-06'],
    ]);
  });
});
