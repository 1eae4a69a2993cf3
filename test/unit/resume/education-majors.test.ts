import { describe, expect, it } from 'vitest';
import { extractResumeDraft } from '../../../src/domain/resume/index.ts';

/** [school, degree, major, graduation month] of each entry of a résumé's education section. */
const entries = (lines: readonly string[]): (string | null)[][] =>
  extractResumeDraft(
    ['Jane Doe', 'jane@example.com', 'EDUCATION', ...lines, 'SKILLS', 'Excel'].join('\n'),
  ).education.map((e) => [e.school, e.degree, e.major, e.graduationDate?.slice(0, 7) ?? null]);

describe('majors and degrees written in more ways', () => {
  it.each([
    [
      [
        'University of Minnesota, Twin Cities, Minneapolis, MN',
        'B.A., summa cum laude, in Political Science, May 2022',
      ],
      ['University of Minnesota, Twin Cities', 'bachelor', 'Political Science', '2022-05'],
    ],
    [
      ['Brown University', 'Sc.B. in Applied Mathematics-Computer Science', 'Expected May 2025'],
      ['Brown University', 'bachelor', 'Applied Mathematics-Computer Science', '2025-05'],
    ],
    [
      ['National and Kapodistrian University of Athens — Ptychio in Informatics and Telecommunications, 2019 – 2023'],
      ['National and Kapodistrian University of Athens', 'bachelor', 'Informatics and Telecommunications', '2023-06'],
    ],
    [
      ['Universidad de Chile', 'Título profesional de Ingeniero Civil Industrial, 2024'],
      ['Universidad de Chile', 'bachelor', 'Ingeniero Civil Industrial', '2024-06'],
    ],
    [
      ['University of Lagos', 'Degree in Economics, 2023'],
      ['University of Lagos', 'bachelor', 'Economics', '2023-06'],
    ],
    [["Master's Degree in Finance, Bocconi University, 2024"], ['Bocconi University', 'master', 'Finance', '2024-06']],
    [
      ['University of Oxford', 'Subject: Philosophy, Politics and Economics', 'BA (Hons), 2024'],
      ['University of Oxford', 'bachelor', 'Philosophy, Politics and Economics', '2024-06'],
    ],
    [
      ['Degree | Subject | University | Year', 'BSc | Chemistry | University of Leeds | 2023'],
      ['University of Leeds', 'bachelor', 'Chemistry', '2023-06'],
    ],
  ])('%j', (lines, entry) => {
    expect(entries(lines)).toEqual([entry]);
  });

  it.each([
    [
      'Sichuan University | Environmental Engineering | Bachelor of Engineering | 2019.09 - 2023.06',
      ['Sichuan University', 'bachelor', 'Environmental Engineering', '2023-06'],
    ],
    [
      '2021.09-2024.06   Nankai University   World History   Master of History',
      ['Nankai University', 'master', 'World History', '2024-06'],
    ],
  ])('reads the major before a Chinese degree category written in English: %s', (line, entry) => {
    expect(entries([line])).toEqual([entry]);
  });

  it('reads no town after a category degree as its major', () => {
    expect(
      entries(['Bachelor of Medicine, Bachelor of Surgery (MBBS) — Kasturba Medical College, Manipal, 2023']),
    ).toEqual([['Kasturba Medical College', 'bachelor', 'Medicine', '2023-06']]);
  });

  it('reads no first degree in a postgraduate degree', () => {
    expect(entries(['Postgraduate Degree in Data Science, University of Lisbon, 2024'])[0]?.[1]).toBeNull();
  });
});

describe('the major after a degree named in words', () => {
  it.each([
    ['Doctor of Nursing Practice (Family Nurse Practitioner)', 'Nursing Practice (Family Nurse Practitioner)'],
    ['Master of Arts in Teaching (Secondary Social Studies)', 'Teaching (Secondary Social Studies)'],
    ['Master of Public Health (Epidemiology and Biostatistics certificate)', 'Public Health'],
    ['MEng Electrical and Electronic Engineering (with Industrial Placement)', 'Electrical and Electronic Engineering'],
    ['Bachelor of Business Administration (BBA), Marketing', 'Marketing'],
    ['Master of Library and Information Science (MLIS), Archives Management', 'Library and Information Science'],
    ['Bachelor of Science in Engineering, Mechanical Engineering', 'Mechanical Engineering'],
    ['Master of Science in Engineering (Civilingenjör), Chemical Engineering — 300 hp', 'Chemical Engineering'],
    ['Bachelor of Commerce (Finance and Accounting)', 'Commerce (Finance and Accounting)'],
    ['Bachelor of Science in Business Administration: Marketing', 'Marketing'],
    ['A.A. Liberal Arts: Social and Behavioral Sciences', 'Liberal Arts: Social and Behavioral Sciences'],
    ['Bachelor of Computer Science (Co-op), Minor in Statistics', 'Computer Science (Co-op)'],
    // A grade, or a route into the degree from a diploma, in brackets is no track.
    ['Higher National Diploma (HND) Marketing (Lower Credit)', 'Marketing'],
    ['MSc Marine Biology (Merit expected)', 'Marine Biology'],
    ['BA (Hons) Event Management (Top-up)', 'Event Management'],
    ['Bachelor of Science in Midwifery (Upgrading)', 'Midwifery'],
    // A subject after "with" is half of a joint major; a class, a placement or a minor after it is not.
    ['BSc (Hons) Geography with Spanish, 2:1', 'Geography with Spanish'],
    ['BA History with Creative Writing', 'History with Creative Writing'],
    ['BEng Mechanical Engineering with Placement Year', 'Mechanical Engineering'],
    ['BSc Biology with First Class Honours', 'Biology'],
    ['BA Politics with Minor in French', 'Politics'],
    ['BSc Zoology with QTS', 'Zoology'],
    // The second degree of a medical bachelor's name is no part of its field.
    ['MBBS (Bachelor of Medicine and Bachelor of Surgery)', 'Medicine'],
    ['Bachelor of Dental Surgery and Bachelor of Science', 'Dental Surgery'],
    ['Bachelor of Arts, Combined Major in History and Philosophy', 'History and Philosophy'],
    // A degree's own qualifier in brackets before the major.
    ['B.A. (Mod.) in Computer Science and Business', 'Computer Science and Business'],
    ['BA (Mod.) Classics', 'Classics'],
    ['BSc (Eng) Mechanical Engineering', 'Mechanical Engineering'],
  ])('%s → %s', (line, major) => {
    expect(entries(['University of Leeds', line, '2021 – 2025'])[0]?.[2]).toBe(major);
  });

  it('reads no entry from a school-leaving line written with a lower-case "levels"', () => {
    expect(
      entries([
        'Imperial College London — MEng Chemical Engineering     Oct 2020 – Jun 2025',
        'Dulwich College — A-levels: Mathematics A*, Chemistry A*, Physics A (2020)',
      ]),
    ).toEqual([['Imperial College London', 'master', 'Chemical Engineering', '2025-06']]);
  });
});

describe('lines under an entry that name another school or open no section', () => {
  it.each([
    [
      [
        'Shanghai Jiao Tong University                                     2021.09–2025.06',
        'Bachelor of Engineering in Mechanical Engineering, School of Mechanical Engineering | GPA 3.65/4.3',
      ],
      [['Shanghai Jiao Tong University', 'bachelor', 'Mechanical Engineering', '2025-06']],
    ],
    [
      [
        'Beijing Foreign Studies University, School of English and International Studies       2021.09 – 2025.06',
        'B.A. in Translation · GPA 3.7/4.0 · Exchange semester at Monterey (Middlebury Institute), Spring 2024',
      ],
      [['Beijing Foreign Studies University', 'bachelor', 'Translation', '2025-06']],
    ],
    [
      [
        'University of Florida — B.S. Biology, Spanish minor                    May 2024',
        'GPA 3.82; University Scholar',
      ],
      [['University of Florida', 'bachelor', 'Biology', '2024-05']],
    ],
    [
      ['Wellesley College, Wellesley, MA — B.A. in Economics and Mathematics (double major), May 2025'],
      [['Wellesley College', 'bachelor', 'Economics and Mathematics', '2025-05']],
    ],
    [
      [
        '09/2022 – 08/2024   MSc Environmental Sciences',
        '                    Wageningen University & Research, the Netherlands',
        '                    Internship: Deltares, Delft — modelled sediment transport (6 months)',
        '09/2017 – 06/2021   BSc Environmental Science',
        '                    Nanjing University, China, School of the Environment',
      ],
      [
        ['Wageningen University & Research', 'master', 'Environmental Sciences', '2024-08'],
        ['Nanjing University', 'bachelor', 'Environmental Science', '2021-06'],
      ],
    ],
  ])('%j', (lines, want) => {
    expect(entries(lines)).toEqual(want);
  });
});

describe('education degrees, integrated degrees and fields beside the school', () => {
  it.each([
    ['Ball State University', 'B.S. Ed. in Elementary Education, May 2024', 'bachelor', 'Elementary Education'],
    ['Ball State University', 'BSEd Elementary Education, May 2024', 'bachelor', 'Elementary Education'],
    ['Philippine Normal University', 'BEEd, 2023', 'bachelor', 'Elementary Education'],
    ['Hunter College', 'M.S.Ed. in Special Education, 2025', 'master', 'Special Education'],
    [
      'National Law School of India University',
      'B.A. LL.B. (Hons.), five-year integrated Law degree, 2022',
      'bachelor',
      'Law',
    ],
    [
      'The University of Queensland',
      'Bachelor of Agricultural Science (Honours) — Crop Science major, 2024',
      'bachelor',
      'Agricultural Science',
    ],
    ['University of Iowa', 'Bachelor of Arts — Psychology major, 2024', 'bachelor', 'Psychology'],
  ])('%s / %s', (school, line, degree, major) => {
    expect(entries([school, line])[0]?.slice(0, 3)).toEqual([school, degree, major]);
  });

  it('reads the field in brackets after a school written after the degree', () => {
    expect(
      entries([
        'Course      Institution                                          Year    Aggregate',
        'M.Pharm     Jamia Hamdard, New Delhi (Pharmaceutics)             2024    8.1 CGPA',
      ]),
    ).toEqual([['Jamia Hamdard', 'master', 'Pharmaceutics', '2024-06']]);
  });
});

describe('a campus in letters beyond ASCII and a department as the major', () => {
  it('keeps the campus of "University of Hawaiʻi at Mānoa"', () => {
    expect(entries(['University of Hawaiʻi at Mānoa — B.A. Theatre, May 2022'])).toEqual([
      ['University of Hawaiʻi at Mānoa', 'bachelor', 'Theatre', '2022-05'],
    ]);
  });

  it("reads a timeline's department as the major", () => {
    expect(
      entries([
        '2020 4  Entered Waseda University, School of Political Science and Economics, Department of Economics',
        '2024 3  Graduated from Waseda University, School of Political Science and Economics, Department of Economics',
      ])[0]?.slice(0, 3),
    ).toEqual(['Waseda University', null, 'Economics']);
  });
});

describe('a broad degree before a dash, certifying bodies and abbreviations known in both scripts', () => {
  it.each([
    ['Bachelor of Arts in Education — Elementary Education, May 2024', 'Elementary Education'],
    ['Bachelor of Engineering - BE, Mechanical Engineering', 'Mechanical Engineering'],
  ])('%s → %s', (line, major) => {
    expect(entries(['University of Iowa', line])[0]?.[2]).toBe(major);
  });

  it('reads no entry from a certifying body', () => {
    expect(
      entries([
        'University of Iowa — B.S. Accounting, 2024',
        'CFA Institute — CFA Level I Candidate, 2025',
        'Project Management Institute — CAPM, 2024',
      ]),
    ).toEqual([['University of Iowa', 'bachelor', 'Accounting', '2024-06']]);
  });

  it("reads an MPAcc's field in a summary", () => {
    const draft = extractResumeDraft(
      [
        'Kevin Nguyen',
        'SUMMARY',
        'Accounting graduate (MPAcc, University of Washington, 2024; BA Accounting, Western Washington University,',
        '2023).',
      ].join('\n'),
    );
    expect(draft.education.map((e) => [e.school, e.degree, e.major])).toEqual([
      ['University of Washington', 'master', 'Accounting'],
      ['Western Washington University', 'bachelor', 'Accounting'],
    ]);
  });
});

describe("the major among an entry line's side notes", () => {
  it.each([
    ['2021.09-2025.06 武汉大学 软件工程 本科 排名前 5%', '软件工程'],
    ['2021.09-2025.06 武汉大学 软件工程 本科 （校级奖学金 2023）', '软件工程'],
    ['教育 2021.09—2025.06 武汉大学 软件工程 本科', '软件工程'],
    ['[学校] 武汉大学 ｜ 软件工程 ｜ 本科 ｜ 2021.09-2025.06', '软件工程'],
    ['2021.09-2025.06 武汉大学 软件工程 本科 弘毅研究院', '软件工程'],
    ['2021.09-2025.06 武汉大学 软件工程 硕士研究生（在读，校企联培）', '软件工程'],
    ['武汉大学 2021.09-2025.06\n硕士，软件工程（专业学位），研究方向：知识图谱、推荐系统', '软件工程'],
  ])('%s → %s', (line, major) => {
    expect(entries(line.split('\n'))[0]?.[2]).toBe(major);
  });
});

describe('a department or graduate programme named for the major', () => {
  it.each([
    [['國立政治大學　新聞學系碩士班　碩士　2021.09 – 2023.06'], ['國立政治大學', 'master', '新聞學', '2023-06']],
    [['國立清華大學　語言學研究所　碩士　2020/09～2022/06'], ['國立清華大學', 'master', '語言學', '2022-06']],
    [['南京艺术学院　国画系　本科　2018.09-2022.06'], ['南京艺术学院', 'bachelor', '国画', '2022-06']],
    [
      ['國立臺北科技大學　企業管理系　學士　2017.09 – 2021.06'],
      ['國立臺北科技大學', 'bachelor', '企業管理', '2021-06'],
    ],
  ])('%j', (lines, entry) => {
    expect(entries(lines)).toEqual([entry]);
  });

  it('takes the major, not its department, when the line names both', () => {
    expect(entries(['四川音乐学院　声乐歌剧系　音乐表演　本科　2019年9月—2023年7月'])).toEqual([
      ['四川音乐学院', 'bachelor', '音乐表演', '2023-07'],
    ]);
  });
});

describe('a bachelor named by a broad field keeps the field in its bracket', () => {
  it.each([
    [
      ['Curtin University — Bachelor of Science (Geology and Geophysics), 2020 – 2023'],
      ['Curtin University', 'bachelor', 'Science (Geology and Geophysics)', '2023-06'],
    ],
    [
      ['Bachelor of Business (International Trade) | Victoria University | 2019 – 2022'],
      ['Victoria University', 'bachelor', 'Business (International Trade)', '2022-06'],
    ],
    [
      ['Universiti Putra Malaysia — Bachelor of Business Administration (Marketing), 2021 – 2025'],
      ['Universiti Putra Malaysia', 'bachelor', 'Business Administration (Marketing)', '2025-06'],
    ],
  ])('%j', (lines, entry) => {
    expect(entries(lines)).toEqual([entry]);
  });

  it('keeps an engineering bachelor to its bracket', () => {
    expect(entries(['Bachelor of Engineering (Mechanical), Monash University, 2020 – 2024'])).toEqual([
      ['Monash University', 'bachelor', 'Mechanical', '2024-06'],
    ]);
  });
});

describe("a public-health master's concentration after a comma", () => {
  it('reads the degree’s field, not the concentration', () => {
    expect(
      entries(['University of Michigan School of Public Health — Master of Public Health, Health Behavior, 2024']),
    ).toEqual([['University of Michigan', 'master', 'Public Health', '2024-06']]);
  });

  it('keeps a concentration in brackets', () => {
    expect(entries(['Master of Public Health (Epidemiology), Tulane University, 2023 – 2025'])).toEqual([
      ['Tulane University', 'master', 'Public Health (Epidemiology)', '2025-06'],
    ]);
  });
});

describe('a Canadian applied-science master and a row of heavy box-drawing bars', () => {
  it('reads an MASc as a master with its field', () => {
    expect(entries(['MASc, Mechanical Engineering — McGill University — Sept 2022 to Aug 2024'])).toEqual([
      ['McGill University', 'master', 'Mechanical Engineering', '2024-08'],
    ]);
  });

  it('parts the cells of a row ruled with ┃', () => {
    expect(entries(['┃2020.09-2024.06┃武汉理工大学┃材料成型及控制工程┃本科┃'])).toEqual([
      ['武汉理工大学', 'bachelor', '材料成型及控制工程', '2024-06'],
    ]);
  });
});

describe('a degree line wrapped to the page, as a PDF holds it', () => {
  it('joins the word that names the last field back onto the degree', () => {
    expect(
      entries(['Dalhousie University — Bachelor of Commerce, Accounting', 'concentration — Expected April 2026']),
    ).toEqual([['Dalhousie University', 'bachelor', 'Commerce', '2026-04']]);
  });

  it.each([
    [
      ['2021 – 2024  Namibia University of Science and Technology — Bachelor of Engineering in Mining', 'Engineering'],
      ['Namibia University of Science and Technology', 'bachelor', 'Mining Engineering', '2024-06'],
    ],
    [
      [
        'The Culinary Institute of America, Hyde Park — Associate in Occupational Studies (AOS), Culinary',
        'Arts, 2023',
      ],
      ['The Culinary Institute of America', 'associate', 'Culinary Arts', '2023-06'],
    ],
    [
      [
        'Indiana University Jacobs School of Music, Bloomington — Bachelor of Music in Music Education',
        '(Choral), May 2024',
      ],
      ['Indiana University Jacobs School of Music', 'bachelor', 'Music Education (Choral)', '2024-05'],
    ],
    [
      [
        'University of North Carolina at Chapel Hill — B.A. Exercise and Sport Science (Fitness',
        'Professional track), 2023',
      ],
      [
        'University of North Carolina at Chapel Hill',
        'bachelor',
        'Exercise and Sport Science (Fitness Professional track)',
        '2023-06',
      ],
    ],
  ])('joins a major the page wrapped onto the next line: %j', (lines, entry) => {
    expect(entries(lines)).toEqual([entry]);
  });

  it('joins it outside an education section too', () => {
    const draft = extractResumeDraft(
      [
        'Luis Ortega',
        'Education: El Paso Community College — Associate of Applied Science in Logistics and Supply Chain',
        'Management (2023)',
      ].join('\n'),
    );
    expect(draft.education.map((e) => e.major)).toEqual(['Logistics and Supply Chain Management']);
  });

  it("leaves a table's next row cell, a short line and a label line apart", () => {
    expect(
      entries([
        '2020-2024   Bachelor of Science in Agriculture (Second     Makerere University',
        '            Class Upper)',
      ])[0]?.[0],
    ).toBe('Makerere University');
    expect(entries(['McGill University — B.Sc. Biology', 'Montreal, QC'])[0]?.[2]).toBe('Biology');
    expect(
      entries([
        'University of Toronto, St. George — Bachelor of Science in Computer Science',
        'Minor in Statistics',
      ])[0]?.[2],
    ).toBe('Computer Science');
  });

  it('leaves a dated degree line and the line under it apart', () => {
    expect(
      entries(['Dalhousie University — Bachelor of Commerce, 2022 – 2026', 'major: Accounting and Finance'])[0]?.[2],
    ).toBe('Accounting and Finance');
  });
});

describe("a form's labels written in brackets", () => {
  it('reads the value after 【专业】, not the label', () => {
    expect(
      entries(['【学历】本科', '【毕业院校】浙江工业大学　【专业】化学工程与工艺　【毕业时间】2024-06'])[0]?.[2],
    ).toBe('化学工程与工艺');
  });
});

describe("a degree's thesis, capstone or show under its entry", () => {
  it('opens no entry of its own', () => {
    expect(
      entries([
        'Yale School of Art — MFA Sculpture, 2024',
        '2024  MFA Thesis Exhibition, Green Hall Gallery, New Haven',
        'Doctoral Dissertation: housing policy and commuting',
      ]),
    ).toEqual([['Yale School of Art', 'master', 'Sculpture', '2024-06']]);
  });
});

describe("an MBA's field beside its concentrations", () => {
  it.each([
    [
      ['Kellogg School of Management, Northwestern University — Master of Business Administration (Finance), 2025'],
      ['Northwestern University', 'master', 'Business Administration (Finance)', '2025-06'],
    ],
    [
      ['Duke University — Master of Business Administration (MBA), Finance concentration — May 2026'],
      ['Duke University', 'master', 'Business Administration', '2026-05'],
    ],
    [
      ['INSEAD — Master of Business Administration (MBA), Class of July 2026'],
      ['INSEAD', 'master', 'Business Administration', '2026-07'],
    ],
    [
      ['Emory University', 'Master of Business Administration, Majors in Strategy and Operations      May 2026'],
      ['Emory University', 'master', 'Business Administration', '2026-05'],
    ],
    [
      ['Indian Institute of Management Calcutta — MBA, 2023 – 2025 — CGPA 3.6/4'],
      ['Indian Institute of Management Calcutta', 'master', 'Business Administration', '2025-06'],
    ],
  ])('reads %j as Business Administration', (lines, entry) => {
    expect(entries(lines)).toEqual([entry]);
  });

  it('keeps the bracket of the abbreviation and the majors of another master', () => {
    expect(entries(['MBA (Human Resource Management), Symbiosis Institute of Business Management, 2025'])).toEqual([
      ['Symbiosis Institute of Business Management', 'master', 'Human Resource Management', '2025-06'],
    ]);
    expect(entries(['Bocconi University — Bachelor of Commerce, majors in Marketing and Management, 2024'])).toEqual([
      ['Bocconi University', 'bachelor', 'Marketing and Management', '2024-06'],
    ]);
  });

  it('reads "Major in …" on its own line under the degree as the major', () => {
    expect(entries(['École Polytechnique — Master of Science, 2019', 'Major in Applied Mathematics'])).toEqual([
      ['École Polytechnique', 'master', 'Applied Mathematics', '2019-06'],
    ]);
  });
});
