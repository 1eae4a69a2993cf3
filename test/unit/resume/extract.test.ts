import { describe, expect, it } from 'vitest';
import { DEV_SET } from '../../../bench/data/resume/dev-set.ts';
import { findDates, monthEnd } from '../../../src/domain/resume/dates.ts';
import { extractResumeDraft } from '../../../src/domain/resume/index.ts';
import { arabicDates, headingOf, splitSections } from '../../../src/domain/resume/sections.ts';
import { decodeText, docxText, resumeMediaType, resumeText } from '../../../src/services/resume/file-text.ts';
import { writeDocx, writeImageOnlyPdf, writePdf } from '../../support/resume-files.ts';

describe('résumé dates and headings', () => {
  it.each([
    [
      '2022.09 - 2026.06',
      [
        { year: 2022, month: 9 },
        { year: 2026, month: 6 },
      ],
    ],
    [
      '2023年9月—2027年6月',
      [
        { year: 2023, month: 9 },
        { year: 2027, month: 6 },
      ],
    ],
    [
      'Sep 2022 – Jun 2026',
      [
        { year: 2022, month: 9 },
        { year: 2026, month: 6 },
      ],
    ],
    ['09/2022 - 至今', [{ year: 2022, month: 9 }, 'present']],
    ['Expected June 2026; GPA 3.7/4.0', [{ year: 2026, month: 6 }]],
    ['tel 13812345678', []],
  ])('%s', (line, dates) => {
    expect(findDates(line).map((h) => h.date)).toEqual(dates);
  });

  it('reads years and months written in Chinese digits', () => {
    expect(arabicDates('二〇二一年九月 至 二〇二五年六月')).toBe('2021年9月 至 2025年6月');
    expect(arabicDates('二〇二四年十二月')).toBe('2024年12月');
    expect(arabicDates('一九九九年')).toBe('1999年');
    // Not a year: fewer than four digits.
    expect(arabicDates('三年级数学')).toBe('三年级数学');
  });

  it('ends a month on its last day, June when only a year is known', () => {
    expect(monthEnd({ year: 2024, month: 2 })).toBe('2024-02-29');
    expect(monthEnd({ year: 2026 })).toBe('2026-06-30');
  });

  it.each([
    ['【教育背景】', 'education'],
    ['一、实习经历', 'experience'],
    ['━━━ 专业技能 ━━━', 'skills'],
    ['TECHNICAL SKILLS', 'skills'],
    ['Languages: English (IELTS 7.5)', 'languages'],
    ['自我评价：', 'summary'],
    // Emoji, block and box-drawing decoration.
    ['🎓 教育背景', 'education'],
    ['▌EDUCATION', 'education'],
    ['├─ EXPERIENCE', 'experience'],
    ['◆ 教育背景 ◆', 'education'],
    // A heading written in both languages, or two headings of a flattened two-column page (the first one wins).
    ['EDUCATION 教育背景', 'education'],
    ['教育 | Education', 'education'],
    ['【教育经历 Education】', 'education'],
    ['WORK EXPERIENCE 实习经历', 'experience'],
    ['教育背景                                  专业技能', 'education'],
    ['EDUCATION                                       SKILLS', 'education'],
    // Headings of other fields and countries.
    ['一、学历教育', 'education'],
    ['ACADEMIC HISTORY', 'education'],
    ['EDUCATION & TRAINING', 'education'],
    ['FIELD PLACEMENTS', 'experience'],
    ['LICENSES', 'certificates'],
  ])('%s opens %s', (line, kind) => {
    expect(headingOf(line)?.kind).toBe(kind);
  });

  it('does not take a sentence for a heading', () => {
    expect(headingOf('负责教育背景调查问卷的设计')).toBeUndefined();
    expect(headingOf('Skilled in Python')).toBeUndefined();
    // Two parts of which one is no heading: a heading is every part a heading.
    expect(headingOf('教育背景  复旦大学')).toBeUndefined();
    expect(headingOf('Skills Python')).toBeUndefined();
    expect(headingOf('🎓 复旦大学')).toBeUndefined();
  });
  it('reads the second column of a flattened two-column page into its own section', () => {
    const text = [
      'EDUCATION                                 SKILLS',
      'Tongji University                          AutoCAD, SolidWorks',
      'B.Eng. Mechanical Engineering              MATLAB',
      'Sep 2021 – Jun 2025',
      '                                           Python',
      'EXPERIENCE',
      'Intern, Bosch    Suzhou',
    ].join('\n');
    expect(splitSections(text).map((l) => [l.section, l.text.trim()])).toEqual([
      ['education', 'Tongji University'],
      ['skills', 'AutoCAD, SolidWorks'],
      ['education', 'B.Eng. Mechanical Engineering'],
      ['skills', 'MATLAB'],
      ['education', 'Sep 2021 – Jun 2025'],
      ['skills', 'Python'],
      ['experience', 'Intern, Bosch    Suzhou'],
    ]);
  });
});

describe('extractResumeDraft', () => {
  it('reads the dev résumés education, contact details and skills as labelled', () => {
    for (const r of DEV_SET) {
      const d = extractResumeDraft(r.text);
      expect(d.lang, r.id).toBe(r.lang);
      expect(d.email, r.id).toBe(r.labels.email);
      expect(
        d.education.map((e) => [
          e.school,
          e.degree,
          e.major,
          e.graduationDate?.slice(0, r.labels.education[0]?.graduation.length),
        ]),
        r.id,
      ).toEqual(r.labels.education.map((e) => [e.school, e.degree, e.major, e.graduation]));
      // Every labelled skill is found (recall); extra finds are allowed here, the bench counts them.
      expect(
        d.skills.map((s) => s.skillId),
        r.id,
      ).toEqual(expect.arrayContaining(r.labels.skills));
    }
  });

  // Each résumé names skills the graduate does not have (or not as a skill); only `want` may come out.
  it.each([
    [
      'an entry header opening with dates keeps its title out',
      '实习经历\n2024.07-2024.09  某公司  新媒体编辑实习生',
      [],
    ],
    ['an employer without an organization word is the employer', '实习经历\n腾讯云 | 运维实习生 | 2024.07-2024.08', []],
    [
      'a project named in a header is evidence',
      '项目经历\n基于深度学习的图像检索 2024.03 - 2024.06',
      ['deep-learning'],
    ],
    ['hobbies are no skills', '技能\nExcel\n兴趣爱好\n摄影、羽毛球、书法', ['excel']],
    ['a publication title is no skill', 'Skills\nR\nPublications\nDeep learning identifies cell states.', ['r']],
    ['a wish is no skill', '自我评价\n熟练掌握 Python，希望从事机器人算法工作。', ['python']],
    ['a short self-evaluation heading keeps its traits out', '技能\nExcel\n【自评】执行力强，有团队精神。', ['excel']],
    ['a skill being learned is no skill', 'Skills\nPython, Keras; currently learning Rust and Go', ['python', 'keras']],
    ['a course is no skill', 'Experience\nHeld office hours for the Database Systems course.', []],
    ['courses under their own heading are education', '主修课程\n会计学原理、税法、财务管理', []],
    [
      'a field word before a noun names the data',
      'Experience\nWrote SQL queries to build weekly sales reports.',
      ['sql'],
    ],
    ['a tool before a noun is still the tool', '实习经历\n用 Excel 报表汇总数据', ['excel']],
    ['the heading of a tool list is no skill', '专业技能\n数据库：MySQL、Redis', ['mysql', 'redis']],
    ['an English tool list headed CAD', 'Skills\nCAD: Revit, Inventor', ['revit', 'inventor']],
    ['a heading joined by a slash', 'Skills\nCAD/CAE: Revit, Inventor', ['revit', 'inventor']],
    [
      'departments of a rotation are no skills',
      '实习经历\n完成内科、外科、儿科轮转，进行生命体征监测。',
      ['vital-signs'],
    ],
  ])('%s', (_name, text, want) => {
    // The rules alone: mined cues (skill-cues.test.ts) are re-mined as the rules change.
    expect(extractResumeDraft(text, { cues: [] }).skills.map((s) => s.skillId)).toEqual(want);
  });

  it('reads education written in sentences: 就读于 before the school, 专业为, and a paragraph résumé', () => {
    const inSection = extractResumeDraft(
      '教育背景：2020年9月至2024年6月，就读于华东理工大学社会工作专业，获法学学士学位。',
    ).education;
    expect(inSection.map((e) => [e.school, e.degree, e.major, e.graduationDate])).toEqual([
      ['华东理工大学', 'bachelor', '社会工作', '2024-06-30'],
    ]);
    const paragraph = extractResumeDraft(
      '个人简历\n我叫黄俊杰。2019年9月至2023年6月就读于武汉理工大学，专业为机械设计制造及其自动化，获工学学士学位。' +
        '大学期间在东风汽车实习三个月。',
    ).education;
    expect(paragraph.map((e) => [e.school, e.degree, e.major, e.graduationDate])).toEqual([
      ['武汉理工大学', 'bachelor', '机械设计制造及其自动化', '2023-06-30'],
    ]);
    const summary = extractResumeDraft(
      'Kevin Nguyen\nSUMMARY\nAccounting graduate (MPAcc, University of Washington, 2024; BA Accounting, ' +
        'Western Washington University, 2023).\nEXPERIENCE\nAudit Associate, KPMG, 2024 – present',
    ).education;
    expect(summary.map((e) => [e.school, e.degree, e.graduationDate])).toEqual([
      ['University of Washington', 'master', '2024-06-30'],
      ['Western Washington University', 'bachelor', '2023-06-30'],
    ]);
  });

  it('reads entries behind box-drawing marks, and degree lines under a school written alone share it', () => {
    const boxed = extractResumeDraft(
      'Omar Hassan\n├─ EDUCATION\n│ Cairo University | B.Sc. Pharmacy | 2016 – 2021\n' +
        '│ University of Nottingham | MSc Pharmaceutical Sciences | 2022 – 2023',
    ).education;
    expect(boxed.map((e) => [e.school, e.degree, e.graduationDate])).toEqual([
      ['Cairo University', 'bachelor', '2021-06-30'],
      ['University of Nottingham', 'master', '2023-06-30'],
    ]);
    const shared = extractResumeDraft(
      'Ryan Patel\nEDUCATION\nRutgers University, New Brunswick, NJ\n' +
        'Master of Business Administration, Finance — 2025\nBachelor of Science in Accounting — 2021',
    ).education;
    expect(shared.map((e) => [e.school, e.degree, e.major])).toEqual([
      ['Rutgers University', 'master', 'Finance'],
      ['Rutgers University', 'bachelor', 'Accounting'],
    ]);
    // A school on the same line as its degree is that degree's alone.
    const own = extractResumeDraft(
      'Li Na\nEDUCATION\nMSc Statistics, University of Leeds, 2024\nBSc Mathematics, 2022',
    ).education;
    expect(own.map((e) => e.school)).toEqual(['University of Leeds', null]);
  });

  it('reads no education from an experience line that names a university', () => {
    const draft = extractResumeDraft(
      'Anna Li\nEXPERIENCE\nResearch Assistant, Peking University, 2023 – 2024: ran the Bachelor survey.',
    );
    expect(draft.education).toEqual([]);
  });

  it('gives each skill its sentence and marks where it came from', () => {
    const d = extractResumeDraft(DEV_SET[2]?.text ?? '');
    const docker = d.skills.find((s) => s.skillId === 'docker');
    expect(docker).toMatchObject({ source: 'inferred' });
    expect(docker?.evidence).toContain('Docker 部署');
    expect(d.skills.find((s) => s.skillId === 'mysql')).toMatchObject({ source: 'declared' });
  });

  it('never proposes a skill the graduate deleted as a tag, and says it left it out', () => {
    const d = extractResumeDraft(DEV_SET[0]?.text ?? '', { suppressed: new Set(['python']) });
    expect(d.skills.map((s) => s.skillId)).not.toContain('python');
    expect(d.suppressedSkills).toEqual(['python']);
  });

  it('reads languages and certificates (CET, 普通话, professional) with their sentences', () => {
    const zh = extractResumeDraft(DEV_SET[3]?.text ?? '');
    expect(zh.certificates.map((c) => c.name)).toContain('普通话二级甲等');
    const en = extractResumeDraft(DEV_SET[4]?.text ?? '');
    expect(en.languages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ language: 'English', level: 'fluent, IELTS 7.5' }),
        expect.objectContaining({ language: 'Mandarin Chinese', level: 'native' }),
      ]),
    );
    expect(en.certificates.map((c) => c.skillId)).toContain('ielts');
  });

  it('lists what the profile needs and the résumé did not give', () => {
    const d = extractResumeDraft('李雷\n教育背景\n武汉大学 2020.09-2024.06\n技能\nPython');
    expect(d.education[0]).toMatchObject({
      school: '武汉大学',
      degree: null,
      major: null,
      graduationDate: '2024-06-30',
    });
    expect(d.missing.map((m) => m.path)).toEqual(['education.0.degree', 'education.0.major']);
  });

  it('reads the experience entries with their dates and descriptions', () => {
    const d = extractResumeDraft(DEV_SET[1]?.text ?? '');
    expect(d.experiences).toEqual([
      expect.objectContaining({
        organization: '普华永道中天会计师事务所',
        title: '审计实习生',
        start: '2025-01-01',
        end: '2025-04-30',
      }),
    ]);
    expect(d.experiences[0]?.description).toContain('年报审计');
  });
});

describe('résumé files', () => {
  const text = DEV_SET[1]?.text ?? '';

  it('reads a PDF with Chinese text back to the same draft as its text', async () => {
    const fromPdf = await resumeText(writePdf(text), 'application/pdf');
    expect(extractResumeDraft(fromPdf).education).toEqual(
      extractResumeDraft(text).education.map((e) => ({ ...e, evidence: expect.any(String) as string })),
    );
  });

  it('keeps a gap of typed spaces between a school and its year in a PDF as a column gap', async () => {
    const cv = ['Ada Byrne', 'Education', 'Purdue University  Class of 2025', 'Bachelor of Science in Physics'];
    const fromPdf = await resumeText(writePdf(cv.join('\n')), 'application/pdf');
    expect(fromPdf).toContain('Purdue University  Class of 2025');
    expect(extractResumeDraft(fromPdf).education.map((e) => e.school)).toEqual(['Purdue University']);
  });

  it('reads a DOCX, tables included', async () => {
    const bytes = writeDocx(`${text}\n| 技能 | Python | SQL`);
    expect(resumeMediaType(bytes, undefined)).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const read = docxText(bytes);
    expect(read).toContain('上海财经大学  会计学  硕士研究生');
    expect(read).toContain('技能\tPython\tSQL');
  });

  it('answers 422 naming the body for a scan without text', async () => {
    await expect(resumeText(writeImageOnlyPdf(), 'application/pdf')).rejects.toMatchObject({
      code: 'unprocessable',
      errors: [{ path: 'body' }],
      message: expect.stringContaining('no text was found') as string,
    });
  });

  it('refuses other files and a Content-Type that does not match the bytes, naming the field', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(() => resumeMediaType(png, 'image/png')).toThrow(/header.content-type/);
    expect(() => resumeMediaType(png, undefined)).toThrow(/body: the file is not a PDF/);
    expect(() => resumeMediaType(writePdf('x'), 'text/plain')).toThrow(/header.content-type: says text\/plain/);
  });

  it('decodes GB18030 and UTF-16 text', () => {
    const gbk = new Uint8Array([0xce, 0xe4, 0xba, 0xba, 0xb4, 0xf3, 0xd1, 0xa7]);
    expect(decodeText(gbk)).toBe('武汉大学');
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x66, 0x6b]))).toBe('武');
  });
});
