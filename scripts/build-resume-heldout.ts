/**
 * Builds the HELD-OUT résumé set of `npm run bench:resume` (bench/data/resume/held-out.json).
 *
 * Written on 2026-12-06 before any résumé extraction rule existed (the extractor in src/domain/resume was
 * written afterwards against the separate dev set in test/unit/resume-dev-set.ts) and frozen: the bench
 * checks the file's SHA-256 against the value recorded in bench/resume.ts and refuses to score a changed
 * file. Its layouts, section names, date styles and filler sentences are its own; the dev set uses others.
 *
 * Labels are what a human labeller would write for each résumé: education entries (school, degree, major
 * as written, graduation year-month), the taxonomy ids of the skills mentioned outside the education and
 * contact parts (languages and language certificates are labelled apart), contact details, certificates.
 * Limits: one author wrote both this set and the rules, so shared habits can leak; names, schools and
 * employers are fictional or public names combined at random; no real person's résumé is in it.
 *
 * Run: node scripts/build-resume-heldout.ts (deterministic; seed fixed).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { EN_GIVEN, EN_SURNAMES, GIVEN_CHARS, SURNAMES, BRANDS } from '../src/demo/data/names.ts';
import { UNIVERSITIES } from '../src/demo/data/universities.ts';
import { MAJORS } from '../src/domain/majors/majors.ts';

type Degree = 'associate' | 'bachelor' | 'master' | 'doctorate';
interface EduLabel {
  school: string;
  degree: Degree;
  major: string;
  graduation: string;
}
export interface HeldOutResume {
  id: string;
  lang: 'zh' | 'en';
  layout: string;
  text: string;
  labels: {
    name: string;
    email: string;
    phone: string;
    education: EduLabel[];
    skills: string[];
    certificates: string[];
  };
}

let state = 20261206;
const rand = (): number => {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const pickN = <T>(xs: readonly T[], n: number): T[] => {
  const copy = [...xs];
  const out: T[] = [];
  while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(rand() * copy.length), 1)[0] as T);
  return out;
};
const pad = (n: number): string => String(n).padStart(2, '0');

// Schools not in the demo list as well, so a rule cannot lean on that list.
const EXTRA_SCHOOLS: readonly (readonly [string, string])[] = [
  ['西南石油大学', 'Southwest Petroleum University'],
  ['长沙理工大学', 'Changsha University of Science and Technology'],
  ['河北工业大学', 'Hebei University of Technology'],
  ['广东外语外贸大学', 'Guangdong University of Foreign Studies'],
  ['深圳职业技术学院', 'Shenzhen Polytechnic'],
  ['浙江工商大学', 'Zhejiang Gongshang University'],
];
const ABROAD: readonly string[] = [
  'University of Edinburgh',
  'National University of Singapore',
  'The University of Melbourne',
  'University College London',
  'Imperial College London',
  'The Hong Kong Polytechnic University',
];
const EXTRA_MAJORS: readonly (readonly [string, string])[] = [
  ['数据科学与大数据技术', 'Data Science and Big Data Technology'],
  ['人工智能', 'Artificial Intelligence'],
  ['应用统计', 'Applied Statistics'],
  ['电子商务', 'E-Commerce'],
];

// Skills as résumés write them: [zh surface, en surface, taxonomy id].
const SKILLS: readonly (readonly [string, string, string])[] = [
  ['Python', 'Python', 'python'],
  ['Java', 'Java', 'java'],
  ['C++', 'C++', 'cpp'],
  ['JavaScript', 'JavaScript', 'javascript'],
  ['TypeScript', 'TypeScript', 'typescript'],
  ['SQL', 'SQL', 'sql'],
  ['MySQL', 'MySQL', 'mysql'],
  ['PostgreSQL', 'PostgreSQL', 'postgresql'],
  ['Redis', 'Redis', 'redis'],
  ['Linux', 'Linux', 'linux'],
  ['Git', 'Git', 'git'],
  ['Docker', 'Docker', 'docker'],
  ['Kubernetes', 'Kubernetes', 'kubernetes'],
  ['Spring Boot', 'Spring Boot', 'spring-boot'],
  ['Vue', 'Vue.js', 'vue'],
  ['React', 'React', 'react'],
  ['机器学习', 'machine learning', 'machine-learning'],
  ['深度学习', 'deep learning', 'deep-learning'],
  ['PyTorch', 'PyTorch', 'pytorch'],
  ['TensorFlow', 'TensorFlow', 'tensorflow'],
  ['数据分析', 'data analysis', 'data-analysis'],
  ['数据可视化', 'data visualization', 'data-visualization'],
  ['SPSS', 'SPSS', 'spss'],
  ['Excel', 'Excel', 'excel'],
  ['PowerPoint', 'PowerPoint', 'powerpoint'],
  ['Tableau', 'Tableau', 'tableau'],
  ['Power BI', 'Power BI', 'power-bi'],
  ['Photoshop', 'Photoshop', 'photoshop'],
  ['Figma', 'Figma', 'figma'],
  ['AutoCAD', 'AutoCAD', 'autocad'],
  ['SolidWorks', 'SolidWorks', 'solidworks'],
  ['MATLAB', 'MATLAB', 'matlab'],
  ['财务分析', 'financial analysis', 'financial-analysis'],
  ['审计', 'auditing', 'auditing'],
  ['新媒体运营', 'new media operations', 'new-media-operations'],
  ['文案写作', 'copywriting', 'copywriting'],
  ['项目管理', 'project management', 'project-management'],
  ['市场调研', 'market research', 'market-research'],
  ['用户研究', 'user research', 'user-research'],
  ['自然语言处理', 'natural language processing', 'nlp'],
  ['计算机视觉', 'computer vision', 'computer-vision'],
  ['pandas', 'pandas', 'pandas'],
  ['NumPy', 'NumPy', 'numpy'],
  ['Hadoop', 'Hadoop', 'hadoop'],
  ['Spark', 'Spark', 'spark'],
  ['C#', 'C#', 'csharp'],
];

// Hand-labelled sentences for experience descriptions: [text, skill ids a labeller marks in it].
const ZH_DUTIES: readonly (readonly [string, readonly string[]])[] = [
  ['负责每周销售数据的整理与汇报，独立完成 3 份行业报告', []],
  ['使用 Python 和 SQL 搭建用户留存看板，日活统计口径统一', ['python', 'sql']],
  ['协助导师完成课题的文献综述和实验记录', []],
  ['参与后端接口开发，基于 Spring Boot 与 MySQL 完成订单模块', ['spring-boot', 'mysql']],
  ['策划并执行校园推广活动，覆盖 2000 余名学生', []],
  ['用 Tableau 制作月度经营分析报表，供管理层决策参考', ['tableau']],
  ['对接客户需求，撰写产品需求文档并跟进上线', []],
  ['基于 PyTorch 训练文本分类模型，准确率提升 6%', ['pytorch']],
  ['整理凭证、核对台账，协助完成年度审计底稿', ['auditing']],
  ['运营公众号，单篇推文最高阅读量 3 万', []],
];
const EN_DUTIES: readonly (readonly [string, readonly string[]])[] = [
  ['Prepared weekly sales summaries and presented findings to the regional team.', []],
  ['Built a churn dashboard with Python and SQL that the growth team now uses daily.', ['python', 'sql']],
  ['Assisted the lab with literature reviews and experiment logs.', []],
  ['Implemented REST endpoints in Spring Boot backed by MySQL for the order service.', ['spring-boot', 'mysql']],
  ['Organised a campus outreach event that reached over 2,000 students.', []],
  ['Designed monthly KPI reports in Tableau for senior management.', ['tableau']],
  ['Gathered client requirements and wrote product specifications through launch.', []],
  ['Trained a text classifier in PyTorch, improving accuracy by 6 points.', ['pytorch']],
  ['Reconciled ledgers and prepared working papers for the annual audit.', ['auditing']],
  ['Ran the society’s social media accounts, growing followers by 40%.', []],
];
const ZH_TITLES = ['数据分析实习生', '后端开发实习生', '市场部实习生', '财务实习生', '产品助理', '科研助理'];
const EN_TITLES = ['Data Analyst Intern', 'Software Engineering Intern', 'Marketing Intern', 'Research Assistant'];
const ZH_SUMMARY = [
  '性格开朗，学习能力强，抗压能力好，希望在数据方向长期发展。',
  '做事认真负责，有较强的执行力，热爱技术。',
  '踏实肯干，善于总结，愿意从基层做起。',
];
const EN_SUMMARY = [
  'Curious graduate who enjoys turning messy data into clear decisions.',
  'Detail-oriented and reliable; looking for a graduate role where I can keep learning.',
  'Motivated self-starter with a strong academic record.',
];

interface Person {
  zhName: string;
  enName: string;
  email: string;
  phone: string;
  phoneShown: string;
  edu: {
    zhSchool: string;
    enSchool: string;
    degree: Degree;
    zhMajor: string;
    enMajor: string;
    start: number;
    end: [number, number];
  }[];
  skills: (readonly [string, string, string])[];
  duties: number[];
  org: [string, string];
  exp: { start: [number, number]; end: [number, number] };
  cet: 4 | 6 | 0;
}

function person(forLang: 'zh' | 'en'): Person {
  const [sz, sp] = pick(SURNAMES);
  const g = pickN(GIVEN_CHARS, rand() < 0.7 ? 2 : 1);
  const zhName = sz + g.map((x) => x[0]).join('');
  const enName =
    forLang === 'en' && rand() < 0.4
      ? `${pick(EN_GIVEN)} ${pick(EN_SURNAMES)}`
      : `${g
          .map((x) => x[1])
          .join('')
          .replace(/^./, (c) => c.toUpperCase())} ${sp}`;
  const local = enName.toLowerCase().replace(/[^a-z]+/g, '.') + (rand() < 0.5 ? String(Math.floor(rand() * 99)) : '');
  const email = `${local}@${pick(['163.com', 'qq.com', 'gmail.com', 'outlook.com', 'stu.example.edu.cn'])}`;
  const prefix = `1${pick(['3', '5', '7', '8', '9'])}`;
  const digits = prefix + Array.from({ length: 9 }, () => Math.floor(rand() * 10)).join('');
  const style = Math.floor(rand() * 3);
  const phoneShown =
    style === 0
      ? digits
      : style === 1
        ? `${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`
        : `+86 ${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`;
  const endYear = 2024 + Math.floor(rand() * 3);
  const school = (): [string, string] => {
    if (rand() < 0.2) return [...pick(EXTRA_SCHOOLS)] as [string, string];
    const u = pick(UNIVERSITIES);
    return [u.zh, u.en];
  };
  const major = (): [string, string] => {
    if (rand() < 0.2) return [...pick(EXTRA_MAJORS)] as [string, string];
    const m = pick(MAJORS);
    return [m.zh, m.en];
  };
  const [s1z, s1e] = school();
  const [m1z, m1e] = major();
  const vocational = s1z.endsWith('职业技术学院');
  const edu: Person['edu'] = [];
  const masters = !vocational && rand() < 0.3;
  const bEnd = masters ? endYear - 2 - Math.floor(rand() * 2) : endYear;
  edu.push({
    zhSchool: s1z,
    enSchool: s1e,
    degree: vocational ? 'associate' : 'bachelor',
    zhMajor: m1z,
    enMajor: m1e,
    start: bEnd - (vocational ? 3 : 4),
    end: [bEnd, pick([6, 6, 7])],
  });
  if (masters) {
    const abroad = forLang === 'en' && rand() < 0.5;
    const [s2z, s2e] = abroad ? ([pick(ABROAD), pick(ABROAD)] as [string, string]) : school();
    const [m2z, m2e] = rand() < 0.6 ? [m1z, m1e] : major();
    edu.push({
      zhSchool: s2z,
      enSchool: abroad ? s2z : s2e,
      degree: 'master',
      zhMajor: m2z,
      enMajor: m2e,
      start: bEnd,
      end: [endYear, abroad ? 11 : 6],
    });
  }
  const brand = pick(BRANDS);
  const orgZh = `${brand[0]}${pick(['科技有限公司', '咨询有限公司', '信息技术股份有限公司', '会计师事务所'])}`;
  const orgEn = `${brand[1]} ${pick(['Technology Co., Ltd.', 'Consulting', 'Information Systems', 'Partners LLP'])}`;
  return {
    zhName,
    enName,
    email,
    phone: digits,
    phoneShown,
    edu,
    skills: pickN(SKILLS, 4 + Math.floor(rand() * 6)),
    duties: pickN([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 2 + Math.floor(rand() * 2)),
    org: [orgZh, orgEn],
    exp: { start: [endYear - 1, 1 + Math.floor(rand() * 6)], end: [endYear - 1, 7 + Math.floor(rand() * 5)] },
    cet: rand() < 0.5 ? 6 : rand() < 0.6 ? 4 : 0,
  };
}

const ZH_DEGREE: Record<Degree, readonly string[]> = {
  associate: ['大专', '专科'],
  bachelor: ['本科', '学士', '本科/学士'],
  master: ['硕士', '硕士研究生', '研究生'],
  doctorate: ['博士'],
};
const EN_DEGREE: Record<Degree, readonly ((m: string) => string)[]> = {
  associate: [(m) => `Associate Degree in ${m}`, (m) => `Diploma (3-year), ${m}`],
  bachelor: [
    (m) => `B.S. in ${m}`,
    (m) => `Bachelor of Science, ${m}`,
    (m) => `BA ${m}`,
    (m) => `Bachelor's degree in ${m}`,
  ],
  master: [(m) => `M.S. in ${m}`, (m) => `Master of Science in ${m}`, (m) => `MSc ${m}`],
  doctorate: [(m) => `Ph.D. in ${m}`],
};
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function labels(p: Person, lang: 'zh' | 'en', extraSkills: string[] = []): HeldOutResume['labels'] {
  const dutySkills = p.duties.flatMap((d) => (lang === 'zh' ? ZH_DUTIES : EN_DUTIES)[d]?.[1] ?? []);
  return {
    name: lang === 'zh' ? p.zhName : p.enName,
    email: p.email,
    phone: p.phone,
    education: p.edu.map((e) => ({
      school: lang === 'zh' ? e.zhSchool : e.enSchool,
      degree: e.degree,
      major: lang === 'zh' ? e.zhMajor : e.enMajor,
      graduation: `${e.end[0]}-${pad(e.end[1])}`,
    })),
    skills: [...new Set([...p.skills.map((s) => s[2]), ...dutySkills, ...extraSkills])].sort(),
    certificates: p.cet === 0 ? [] : [`cet-${p.cet}`],
  };
}

const zhDuties = (p: Person): string[] => p.duties.map((d) => ZH_DUTIES[d]?.[0] ?? '');
const enDuties = (p: Person): string[] => p.duties.map((d) => EN_DUTIES[d]?.[0] ?? '');

// Chinese layouts: A bracketed headings with "|" rows; B key-value form; C dotted dates with 至今-style ranges;
// D one-line entries with 年月; E two-column export (tabs) as a PDF-to-text tool would flatten it.
const ZH_LAYOUTS: Record<string, (p: Person) => { text: string; extra?: string[] }> = {
  bracketed: (p) => ({
    text: [
      p.zhName,
      `电话：${p.phoneShown} | 邮箱：${p.email}`,
      '【教育背景】',
      ...p.edu.map(
        (e) =>
          `${e.zhSchool} | ${e.zhMajor} | ${pick(ZH_DEGREE[e.degree])} | ${e.start}.09 - ${e.end[0]}.${pad(e.end[1])}`,
      ),
      '【实习经历】',
      `${p.exp.start[0]}.${pad(p.exp.start[1])} - ${p.exp.end[0]}.${pad(p.exp.end[1])} ${p.org[0]} ${pick(ZH_TITLES)}`,
      ...zhDuties(p).map((d, i) => `${i + 1}. ${d}`),
      '【技能证书】',
      `专业技能：熟练掌握 ${p.skills.map((s) => s[0]).join('、')}`,
      p.cet ? `语言能力：大学英语${p.cet === 6 ? '六' : '四'}级（CET-${p.cet}）` : '证书：机动车驾驶证（C1）',
      '【自我评价】',
      pick(ZH_SUMMARY),
    ].join('\n'),
  }),
  keyValue: (p) => ({
    text: [
      '个人简历',
      `姓名：${p.zhName}`,
      `手机：${p.phoneShown}`,
      `E-mail：${p.email}`,
      '教育经历',
      ...p.edu.flatMap((e) => [
        `学校：${e.zhSchool}`,
        `专业：${e.zhMajor}`,
        `学历：${pick(ZH_DEGREE[e.degree])}`,
        `时间：${e.start}年9月 - ${e.end[0]}年${e.end[1]}月`,
      ]),
      '项目经历',
      `${p.org[0]}合作项目（${p.exp.start[0]}年${p.exp.start[1]}月—${p.exp.end[0]}年${p.exp.end[1]}月）`,
      ...zhDuties(p).map((d) => `· ${d}`),
      '技能',
      p.skills.map((s) => s[0]).join(' / '),
      ...(p.cet ? [`英语：CET-${p.cet}`] : []),
      '自我评价',
      pick(ZH_SUMMARY),
    ].join('\n'),
  }),
  dotted: (p) => ({
    text: [
      `${p.zhName}  |  ${p.phoneShown}  |  ${p.email}`,
      '求职意向：数据分析 / 软件开发',
      '教育背景',
      ...p.edu.map(
        (e) =>
          `${e.start}/09 ~ ${e.end[0]}/${pad(e.end[1])}    ${e.zhSchool}    ${e.zhMajor}（${pick(ZH_DEGREE[e.degree])}）`,
      ),
      '工作经历',
      `${p.org[0]} · ${pick(ZH_TITLES)}    ` +
        `${p.exp.start[0]}/${pad(p.exp.start[1])} ~ ${p.exp.end[0]}/${pad(p.exp.end[1])}`,
      ...zhDuties(p).map((d) => `- ${d}`),
      '专业技能',
      ...p.skills.map((s) => `• ${s[0]}`),
      ...(p.cet ? [`• 通过大学英语${p.cet === 6 ? '六' : '四'}级`] : []),
      '个人总结',
      pick(ZH_SUMMARY),
    ].join('\n'),
  }),
  oneLine: (p) => ({
    text: [
      `简历 — ${p.zhName}`,
      `联系方式：${p.phoneShown}，${p.email}`,
      '一、教育背景',
      ...p.edu.map(
        (e) => `${e.zhSchool}，${e.zhMajor}专业，${pick(ZH_DEGREE[e.degree])}，${e.end[0]}年${e.end[1]}月毕业`,
      ),
      '二、实习经历',
      `${p.org[0]}，${pick(ZH_TITLES)}，${p.exp.start[0]}年${p.exp.start[1]}月至${p.exp.end[0]}年${p.exp.end[1]}月`,
      zhDuties(p).join('；') + '。',
      '三、技能特长',
      `熟悉${p.skills
        .slice(0, 2)
        .map((s) => s[0])
        .join('和')}，了解${p.skills
        .slice(2)
        .map((s) => s[0])
        .join('、')}。`,
      ...(p.cet ? [`已获得 CET-${p.cet} 证书。`] : []),
      '四、自我评价',
      pick(ZH_SUMMARY),
    ].join('\n'),
  }),
  twoColumn: (p) => ({
    text: [
      `${p.zhName}\t\t${p.phoneShown}`,
      `\t\t${p.email}`,
      '教育背景',
      ...p.edu.flatMap((e) => [
        `${e.zhSchool}\t\t${e.start}.09-${e.end[0]}.${pad(e.end[1])}`,
        `${e.zhMajor}\t${pick(ZH_DEGREE[e.degree])}`,
      ]),
      '校园经历',
      '学生会宣传部 干事\t\t2022.09-2023.06',
      '负责海报设计和活动宣传，使用 Photoshop 完成 20 余张海报',
      '实习经历',
      `${p.org[0]}\t${pick(ZH_TITLES)}\t${p.exp.start[0]}.${pad(p.exp.start[1])}-${p.exp.end[0]}.${pad(p.exp.end[1])}`,
      ...zhDuties(p),
      '技能证书',
      `计算机：${p.skills.map((s) => s[0]).join('，')}`,
      ...(p.cet ? [`外语：CET-${p.cet}`] : []),
    ].join('\n'),
    extra: ['photoshop'],
  }),
};

// English layouts: classic (school line then degree line), compact (one line per degree), reverse
// (degree first, school second), table-ish with tabs, and a "Profile"-first academic CV.
const EN_LAYOUTS: Record<string, (p: Person) => { text: string; extra?: string[] }> = {
  classic: (p) => ({
    text: [
      p.enName.toUpperCase(),
      `${p.email} · ${p.phoneShown} · Wuhan, China`,
      'EDUCATION',
      ...p.edu.flatMap((e) => [
        `${e.enSchool}\t${MONTHS[8]} ${e.start} – ${MONTHS[e.end[1] - 1]} ${e.end[0]}`,
        pick(EN_DEGREE[e.degree])(e.enMajor),
      ]),
      'EXPERIENCE',
      `${pick(EN_TITLES)}, ${p.org[1]}\t` +
        `${MONTHS[p.exp.start[1] - 1]} ${p.exp.start[0]} – ${MONTHS[p.exp.end[1] - 1]} ${p.exp.end[0]}`,
      ...enDuties(p).map((d) => `• ${d}`),
      'SKILLS',
      `Technical: ${p.skills.map((s) => s[1]).join(', ')}`,
      ...(p.cet ? [`Languages: Mandarin (native), English (CET-${p.cet})`] : ['Languages: Mandarin (native)']),
    ].join('\n'),
  }),
  compact: (p) => ({
    text: [
      `${p.enName} | ${p.phoneShown} | ${p.email}`,
      'Education',
      ...p.edu.map(
        (e) => `${pick(EN_DEGREE[e.degree])(e.enMajor)}, ${e.enSchool}, ${MONTHS_LONG[e.end[1] - 1]} ${e.end[0]}`,
      ),
      'Work Experience',
      `${p.org[1]} — ${pick(EN_TITLES)} ` +
        `(${p.exp.start[0]}-${pad(p.exp.start[1])} to ${p.exp.end[0]}-${pad(p.exp.end[1])})`,
      ...enDuties(p).map((d) => `- ${d}`),
      'Skills',
      p.skills.map((s) => s[1]).join(' · '),
      ...(p.cet ? [`Certifications: CET-${p.cet}`] : []),
    ].join('\n'),
  }),
  reverse: (p) => ({
    text: [
      p.enName,
      `Email: ${p.email}`,
      `Mobile: ${p.phoneShown}`,
      'ACADEMIC BACKGROUND',
      ...p.edu.flatMap((e) => [
        `${pick(EN_DEGREE[e.degree])(e.enMajor)}`,
        `${e.enSchool} | Expected ${MONTHS[e.end[1] - 1]} ${e.end[0]}`,
        'GPA: 3.7/4.0',
      ]),
      'INTERNSHIPS',
      `${p.org[1]}, ${pick(EN_TITLES)}, ` +
        `${pad(p.exp.start[1])}/${p.exp.start[0]} – ${pad(p.exp.end[1])}/${p.exp.end[0]}`,
      ...enDuties(p).map((d) => `* ${d}`),
      'TECHNICAL SKILLS',
      ...p.skills.map((s) => `- ${s[1]}`),
      ...(p.cet ? [`LANGUAGES: English (CET-${p.cet}), Chinese (native)`] : []),
    ].join('\n'),
  }),
  tabbed: (p) => ({
    text: [
      `${p.enName}\t${p.email}\t${p.phoneShown}`,
      'Education',
      ...p.edu.map((e) => `${e.start} – ${e.end[0]}\t${e.enSchool}\t${pick(EN_DEGREE[e.degree])(e.enMajor)}`),
      'Experience',
      `${p.exp.start[0]}\t${p.org[1]}\t${pick(EN_TITLES)}`,
      ...enDuties(p),
      'Projects',
      'Course project: built a small inventory tracker with a team of four; handled the database schema.',
      'Skills & Interests',
      `Skills: ${p.skills.map((s) => s[1]).join('; ')}`,
      'Interests: hiking, chess',
    ].join('\n'),
  }),
  profileFirst: (p) => ({
    text: [
      p.enName,
      `${p.phoneShown}  ${p.email}`,
      'Profile',
      pick(EN_SUMMARY),
      'Education',
      ...p.edu.map(
        (e) =>
          `${e.enSchool} (${e.start}–${e.end[0]})\n${pick(EN_DEGREE[e.degree])(e.enMajor)}; ` +
          `graduated ${MONTHS_LONG[e.end[1] - 1]} ${e.end[0]}`,
      ),
      'Professional Experience',
      `${pick(EN_TITLES)} at ${p.org[1]}, ` +
        `${MONTHS_LONG[p.exp.start[1] - 1]} ${p.exp.start[0]} - ${MONTHS_LONG[p.exp.end[1] - 1]} ${p.exp.end[0]}`,
      ...enDuties(p).map((d) => `• ${d}`),
      'Core Skills',
      p.skills.map((s) => s[1]).join(', '),
      ...(p.cet ? [`Certificates: College English Test Band ${p.cet}`] : []),
    ].join('\n'),
  }),
};

// In the tabbed layout a tab-separated year range puts start and end years apart: graduation is the end year.
function tabbedFix(p: Person, r: HeldOutResume): void {
  if (r.layout !== 'tabbed') return;
  r.labels.education = r.labels.education.map((e, i) => ({ ...e, graduation: `${p.edu[i]?.end[0] ?? ''}` }));
}

function build(): HeldOutResume[] {
  const out: HeldOutResume[] = [];
  const zh = Object.entries(ZH_LAYOUTS);
  const en = Object.entries(EN_LAYOUTS);
  for (let i = 0; i < 45; i++) {
    const [layout, render] = zh[i % zh.length] as [string, (p: Person) => { text: string; extra?: string[] }];
    const p = person('zh');
    const r = render(p);
    out.push({ id: `zh-${pad(i + 1)}`, lang: 'zh', layout, text: r.text, labels: labels(p, 'zh', r.extra) });
  }
  for (let i = 0; i < 45; i++) {
    const [layout, render] = en[i % en.length] as [string, (p: Person) => { text: string; extra?: string[] }];
    const p = person('en');
    const r = render(p);
    const item: HeldOutResume = {
      id: `en-${pad(i + 1)}`,
      lang: 'en',
      layout,
      text: r.text,
      labels: labels(p, 'en', r.extra),
    };
    tabbedFix(p, item);
    out.push(item);
  }
  return out;
}

const json = JSON.stringify(build(), null, 1) + '\n';
mkdirSync('bench/data/resume', { recursive: true });
writeFileSync('bench/data/resume/held-out.json', json);
console.log(`held-out.json sha256 ${createHash('sha256').update(json).digest('hex')}`);
