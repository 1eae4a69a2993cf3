import { describe, expect, it } from 'vitest';
import { byColumns, headingOf, splitSections } from '../../../src/domain/resume/sections.ts';

describe('résumé headings of more layouts', () => {
  it.each([
    ['~ 技能 ~', 'skills'],
    ['~ 经历 ~', 'experience'],
    ['—— 研究经历 ——', 'experience'],
    ['▌设计经历', 'experience'],
    ['★ 科研与实习', 'experience'],
    ['教学实践', 'experience'],
    // A placement in the major or in teaching, not an education heading.
    ['◇ 专业实习（累计 800 小时）', 'experience'],
    ['三、教育实践', 'experience'],
    ['受教育经历', 'education'],
    ['研究技能', 'skills'],
    ['CO-OP EXPERIENCE', 'experience'],
    ['Student Teaching', 'experience'],
    ['INDUSTRIAL ATTACHMENT', 'experience'],
    ['TEACHING', 'experience'],
    ['CREDITS', 'experience'],
    ['SELECTED SKILLS', 'skills'],
    ['CORE COMPETENCIES', 'skills'],
    ['HIGHLIGHTS OF QUALIFICATIONS', 'summary'],
    ['SUMMARY OF QUALIFICATIONS', 'summary'],
    ['LICENSURE & CERTIFICATIONS', 'certificates'],
    // A bilingual heading whose English half names a teaching placement or a practice part.
    ['教学实践 Teaching Practice', 'experience'],
    ['PRACTICE 实践经历', 'experience'],
    ['教学经历 Teaching', 'experience'],
    ['【科研训练】', 'experience'],
    ['技能 & 证书', 'skills'],
    ['技能证书 SKILLS & CERTIFICATES', 'skills'],
    // A Chinese heading beside its Russian or Korean translation.
    ['Опыт работы / 实习经历', 'experience'],
    ['Навыки / 技能', 'skills'],
    // The self-evaluation in its short and bilingual forms.
    ['◆ 评价', 'summary'],
    ['自评', 'summary'],
    ['自我评价 SELF-EVALUATION', 'summary'],
  ])('%s opens %s', (line, kind) => {
    expect(headingOf(line)?.kind).toBe(kind);
  });

  it('reads the lines under a decorated heading into its section', () => {
    const lines = splitSections('余若曦\n~ 技能 ~\nPhotoshop / Illustrator\n~ 经历 ~\n负责海报设计');
    expect(lines.map((l) => [l.text, l.section])).toEqual([
      ['余若曦', 'header'],
      ['Photoshop / Illustrator', 'skills'],
      ['负责海报设计', 'experience'],
    ]);
  });

  it('keeps the heading each line is under, as written', () => {
    const lines = splitSections('Ana Ruiz\nLEADERSHIP\nPresident, Women in Economics\nSkills: Stata');
    expect(lines.map((l) => [l.text, l.heading])).toEqual([
      ['Ana Ruiz', undefined],
      ['President, Women in Economics', 'LEADERSHIP'],
      ['Stata', 'Skills:'],
    ]);
  });

  it('still takes a sentence mentioning teaching for no heading', () => {
    expect(headingOf('Teaching assistant for Calculus I')).toBeUndefined();
  });
});

describe('résumé headings split by a slash or written as a table header', () => {
  it.each([
    ['工作/实习:', 'experience'],
    ['三、教育实践', 'experience'],
    ['Skill              | Level', 'skills'],
  ])('%s opens %s', (line, kind) => {
    expect(headingOf(line)?.kind).toBe(kind);
  });
});

describe('headings no list names, read by their words', () => {
  it.each([
    ['科研与技能', 'skills'],
    ['学生干部经历：', 'experience'],
    ['轮转', 'experience'],
    ['▶ 演出与比赛', 'awards'],
    ['▶ 其他', 'summary'],
    ['CLINICAL CLERKSHIPS', 'experience'],
    ['CO-CURRICULAR ACTIVITIES', 'experience'],
    ['INSTRUMENTATION AND SOFTWARE', 'skills'],
    ['COMPUTER LITERACY', 'skills'],
    ['PROFESSIONAL CREDENTIALS', 'certificates'],
    ['Practical Experience', 'experience'],
    ['ADDITIONAL', 'summary'],
    ['CHRONOLOGY', 'summary'],
    ['Credentials_____________', 'certificates'],
  ])('%s opens %s', (line, kind) => {
    expect(headingOf(line)?.kind).toBe(kind);
  });

  it.each([
    // Education headings are read in sections.ts (EDUCATION_HEADING, education-general.test.ts), not by these words;
    // roles, sentences and items are no headings.
    '研究方向',
    'Graduate Teaching Assistant',
    'Archives Volunteer',
    'Social Work',
    '数据分析',
    '参与科研项目',
    'Research Skills: R, Python',
  ])('%s opens no section by its words', (line) => {
    expect(headingOf(line)).toBeUndefined();
  });

  it('ends the education section at an unnamed heading, so the skills under it are read', () => {
    const lines = splitSections('学历\n中山大学 临床医学 硕士\n科研与技能\n用 R 做 Cox 回归');
    expect(lines.map((l) => l.section)).toEqual(['education', 'skills']);
  });

  it('ends the education section at a sentence-case heading, so a thesis or a summer job opens no entry', () => {
    const lines = splitSections(
      'Education\n2019 – 2022  BSc Renewable Energy, University of Bergen\nMaster thesis\n' +
        'Statkraft Varme (2024): heat-pump dispatch\nSummer jobs\nMulticonsult (2022): energy calculations',
    );
    expect(lines.map((l) => l.section)).toEqual(['education', 'other', 'experience']);
  });

  it('keeps a sentence-case note of an entry that reads as a heading in the education when a degree follows it', () => {
    const lines = splitSections(
      'Education\nMSc Physics | University of Leeds | 2026\nHonours thesis\nBSc Physics | University of York | 2024\n' +
        'Skills\nPython',
    );
    expect(lines.map((l) => l.section)).toEqual(['education', 'education', 'education', 'skills']);
  });
});

describe('headings of template exports', () => {
  it.each([
    ['技能标签', 'skills'],
    ['技术栈', 'skills'],
    ['技能清单', 'skills'],
    ['个人优势', 'summary'],
    ['Tech Stack', 'skills'],
    ['Expertise', 'skills'],
    ['Skill Highlights', 'skills'],
    ['Proficiencies', 'skills'],
    ['专业特长', 'skills'],
    ['技能专长', 'skills'],
    ['计算机水平', 'skills'],
    ['外语水平', 'languages'],
    ['专业证书', 'certificates'],
    ['核心优势', 'summary'],
    ['附加信息', 'summary'],
    ['Programming Languages', 'skills'],
    ['Skill Set', 'skills'],
    ['Key Achievements', 'awards'],
    ['Volunteer Work', 'experience'],
    ['METHODS', 'skills'],
    ['Laboratory Methods', 'skills'],
    ['Training', 'experience'],
    // A count in brackets after the heading.
    ['RESEARCH EXPERIENCE (3 PROJECTS)', 'experience'],
    ['Clinical Placements (4)', 'experience'],
    // 104人力銀行 (Taiwan) exports.
    ['【技能專長】', 'skills'],
    ['【證照】', 'certificates'],
    ['【自傳】', 'summary'],
    // Sentence case, as European CVs write headings.
    ['Summer jobs', 'experience'],
    ['Master thesis', 'other'],
    ['Laboratoriokokemus / Laboratory experience', 'experience'],
  ])('%s opens %s', (line, kind) => {
    expect(headingOf(line)?.kind).toBe(kind);
  });

  it.each(['采购清单', 'Career Highlights', 'Full Stack', 'Open Source Software', 'Social Work', '专业课程'])(
    '%s is no skills heading',
    (line) => {
      expect(headingOf(line)?.kind).not.toBe('skills');
    },
  );
});

describe('numbered and spaced-out Chinese headings', () => {
  it.each([
    // A section's number then a space, as LaTeX and numbered Word templates write it.
    ['1 教育背景', 'education'],
    ['2 科研与项目经历', 'experience'],
    ['3 项目经历', 'experience'],
    ['5 专业技能', 'skills'],
    // A heading spaced out one character at a time, centred between rules.
    ['—— 专 业 技 能 ——', 'skills'],
    ['教 育 背 景', 'education'],
    // A heading between slashes, as a plain-text template rules it off.
    ['// 实习经历 //', 'experience'],
    ['/ 技能 /', 'skills'],
    // A heading written twice with an online editor's button after it (智联招聘 App export).
    ['技能特长 Skills  编辑', 'skills'],
    ['教育经历 Education  编辑', 'education'],
  ])('%s opens %s', (line, kind) => {
    expect(headingOf(line)?.kind).toBe(kind);
  });

  it.each(['5.1 编程：C++、Python', '1.1 哈尔滨工业大学　机械电子工程　硕士', '张 三', '3 年工作经验', '1 个项目'])(
    '%s is no heading',
    (line) => {
      expect(headingOf(line)).toBeUndefined();
    },
  );

  it('closes up a PDF read with a space between every character, keeping a date apart from its words', () => {
    const text = [
      '个 人 简 历',
      '姓 名 ： 钱 小 文',
      '教 育 背 景',
      '2 0 1 9 . 0 9 - 2 0 2 3 . 0 6 　 南 京 大 学 　 新 闻 学 　 本 科',
      '技 能',
      '熟 练 使 用 P h o t o s h o p 、 E x c e l',
    ].join('\n');
    const lines = splitSections(text);
    expect(lines.find((l) => l.section === 'education')?.text).toBe('2019.09-2023.06 南京大学 新闻学 本科');
    expect(lines.find((l) => l.section === 'skills')?.text).toBe('熟练使用Photoshop、Excel');
  });

  it('leaves one spaced-out line of an ordinary résumé alone', () => {
    const text = ['张 三 ｜ 男 ｜ 上海', '教育背景', '2019.09-2023.06 南京大学 新闻学 本科', '第 1 页 / 共 1 页'].join(
      '\n',
    );
    expect(splitSections(text).map((l) => l.text)).toContain('第 1 页 / 共 1 页');
  });

  it('reads the lines under a numbered heading into its section', () => {
    const lines = splitSections('杜航宇\n1 教育背景\n哈尔滨工业大学 硕士\n5 专业技能\n5.1 编程：C++、Python');
    expect(lines.map((l) => [l.section, l.text])).toEqual([
      ['header', '杜航宇'],
      ['education', '哈尔滨工业大学 硕士'],
      ['skills', '5.1 编程：C++、Python'],
    ]);
  });
});

describe('columns of a page read across', () => {
  it('reads three columns with headings side by side column by column', () => {
    const text = [
      'Jane Doe                EDUCATION                 PROJECTS',
      'Data Science, BSc       2021 - 2025               Churn model, 2024',
      'jane@example.com        University of Leeds       - built it in Python',
      'SKILLS                  BSc Data Science          - tuned it with SQL',
      'Python, SQL             EXPERIENCE                AWARDS',
      'LANGUAGES               Analyst Intern, Aviva     Best Poster, 2023',
      'French (fluent)         - wrote dbt models',
    ].join('\n');
    const lines = splitSections(text);
    const of = (kind: string): string[] => lines.filter((l) => l.section === kind).map((l) => l.text);
    expect(of('education')).toEqual(['2021 - 2025', 'University of Leeds', 'BSc Data Science']);
    expect(of('skills')).toEqual(['Python, SQL']);
    expect(of('experience')).toEqual([
      'Analyst Intern, Aviva',
      '- wrote dbt models',
      'Churn model, 2024',
      '- built it in Python',
      '- tuned it with SQL',
    ]);
  });

  it('leaves a form whose labels stand in one column as it is', () => {
    const form = [
      '| 姓名 | 王 五 |',
      '| 教育 | 华东理工大学  化学  本科 |',
      '| 实习 | 上海某公司 |',
      '| 技能 | Python |',
    ];
    expect(byColumns(form)).toEqual(form);
  });

  it('keeps a bulleted honours line of an entry from ending the education', () => {
    const lines = splitSections(
      '教育背景\n2023.09-2024.11 伦敦大学学院 金融学硕士\n• 荣誉：Distinction\n2019.09-2023.06 武汉大学 金融学 本科\n技能\nExcel',
    );
    expect(lines.map((l) => l.section)).toEqual(['education', 'awards', 'education', 'skills']);
  });
});

describe('a Chinese heading with an English translation no list names', () => {
  it.each([
    ['實習 Clinical Attachments', 'experience'],
    ['▍技能与工具 TOOLS & SOFTWARE', 'skills'],
    ['教学经历 Teaching Rounds', 'experience'],
  ])('%s opens %s', (line, kind) => {
    expect(headingOf(line)?.kind).toBe(kind);
  });

  it('takes no heading and one word of content for a heading', () => {
    expect(headingOf('语言 English')).toBeUndefined();
    expect(headingOf('技能 Python')).toBeUndefined();
  });
});
