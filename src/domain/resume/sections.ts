import { withoutDates } from './dates.ts';
import { degreeIn } from './degrees.ts';
import { headingByWords } from './heading-words.ts';

/** What a part of a résumé is about; `header` is everything before the first heading. */
export type SectionKind =
  | 'header'
  | 'contact'
  | 'objective'
  | 'education'
  | 'experience'
  | 'skills'
  | 'languages'
  | 'certificates'
  | 'summary'
  | 'awards'
  | 'other';

export interface Line {
  /** 0-based index of the line in the normalized text. */
  index: number;
  text: string;
  section: SectionKind;
  /** The heading the line is under as written ("LEADERSHIP", "Campus Involvement"); absent before any heading. */
  heading?: string;
}

// Headings people write, lower-cased. Order matters only for readability; matching is exact after cleaning.
const HEADINGS: Readonly<Record<Exclude<SectionKind, 'header'>, readonly string[]>> = {
  contact: [
    '基本信息',
    '个人信息',
    '联系方式',
    '个人资料',
    '基本情况',
    'contact',
    'contact information',
    'personal information',
    'personal details',
  ],
  objective: ['求职意向', '求职目标', '应聘职位', '期望职位', 'objective', 'career objective', 'job objective'],
  education: [
    '教育背景',
    '教育经历',
    '学习经历',
    '教育',
    '学历',
    '教育情况',
    '学历教育',
    '求学经历',
    '学业',
    '教育信息',
    '教育与培训',
    '受教育经历',
    // A form's one timeline of study and work (科研院所, 事业单位): its study rows are the education entries.
    '学习工作经历',
    '学习与工作经历',
    '学习及工作经历',
    'academic history',
    'education & training',
    // The NSF biosketch's heading of its degrees table.
    'professional preparation',
    'education and training',
    'studies',
    'degrees',
    'degrees earned',
    'academic degrees',
    'education',
    'education background',
    'educational background',
    'academic background',
    'academics',
    'academic qualifications',
    'qualifications',
    // Courses are part of the education: a course taken is no skill.
    '主修课程',
    '相关课程',
    '核心课程',
    '专业课程',
    'coursework',
    'relevant coursework',
    'selected coursework',
    'courses',
  ],
  experience: [
    '实习经历',
    '工作经历',
    '实践经历',
    '工作经验',
    '实习经验',
    '项目经历',
    '项目经验',
    '校园经历',
    '社会实践',
    '科研经历',
    '科研项目',
    '学生工作',
    '社团经历',
    '实习与项目经历',
    '在校经历',
    'experience',
    'work experience',
    'professional experience',
    'internships',
    'internship',
    'internship experience',
    'employment',
    'employment history',
    'projects',
    'project experience',
    'research experience',
    'research',
    'leadership',
    'activities',
    'extracurricular activities',
    'leadership & activities',
    'campus involvement',
    'relevant experience',
    '设计实践',
    '竞赛经历',
    'clinical placements',
    'clinical experience',
    'campus',
    '临床实习',
    '实习',
    '项目',
    '项目实践',
    '校内实践',
    '课外活动',
    '志愿经历',
    '志愿者经历',
    '实习实践',
    '实践经验',
    'teaching placements',
    'teaching placement',
    'placements',
    'teaching experience',
    'work history',
    'work',
    'volunteer experience',
    'volunteering',
    'academic projects',
    'selected projects',
    'research projects',
    'clinical rotations',
    'rotations',
    'field placements',
    'field placement',
    '临床轮转',
    '实践',
    '科研',
    '经历',
    '研究经历',
    '设计经历',
    '临床经历',
    '校园与实习',
    '科研与实习',
    '教学实践',
    'co-op experience',
    // A teacher's practicum and a Commonwealth engineer's placement.
    'student teaching',
    'student teaching experience',
    'industrial attachment',
    'teaching',
    'credits',
    '工作',
    '教育实践',
    '教学经历',
    '翻译实践',
    '科研训练',
    '主持经历',
    '参与项目',
    '课程项目',
    'teaching practice',
    'practice',
  ],
  skills: [
    '技能证书',
    '专业技能',
    '技能',
    '技能特长',
    '技能与证书',
    '技能 & 证书',
    'skills & certificates',
    'skills and certificates',
    '个人技能',
    'it技能',
    '计算机技能',
    '技能与特长',
    '特长',
    'skills',
    'technical skills',
    'core skills',
    'skills & interests',
    'skills and interests',
    'key skills',
    'skills & certifications',
    'skills and certifications',
    'technical',
    'tools',
    'computer skills',
    'competencies',
    '软件技能',
    '软件',
    'software',
    'technical proficiencies',
    'tools & technologies',
    'technologies',
    'skills & tools',
    '技能与工具',
    '专业能力',
    '职业技能',
    '掌握技能',
    'skill',
    '研究技能',
    'selected skills',
    'core competencies',
    'areas of expertise',
  ],
  languages: ['语言能力', '外语能力', '语言', 'languages', 'language skills', 'language'],
  certificates: [
    '证书',
    '资格证书',
    '获得证书',
    '证书资质',
    'certifications',
    'certificates',
    'certification',
    'licenses & certifications',
    'licenses',
    'licences',
    'licensure',
    'licensure & certifications',
    'licenses and certifications',
    '资格',
    '执业资格',
  ],
  summary: [
    '自我评价',
    '个人总结',
    '自我介绍',
    '个人简介',
    '个人评价',
    '自我描述',
    // Shorter and bilingual forms of the self-evaluation ("◆ 评价", "【自评】吃苦耐劳", "自我评价 SELF-EVALUATION").
    '自评',
    '评价',
    'self-evaluation',
    'self evaluation',
    'summary',
    'profile',
    'about me',
    'personal statement',
    'professional summary',
    'personal profile',
    'summary of qualifications',
    'highlights of qualifications',
  ],
  awards: [
    '荣誉奖项',
    '获奖情况',
    '奖项',
    '荣誉',
    '所获荣誉',
    '奖励情况',
    'honors',
    'honours',
    'awards',
    'honors & awards',
    'honours & awards',
    'awards & honors',
    'scholarships',
    '获奖',
    '竞赛',
    '竞赛获奖',
    '获奖经历',
  ],
  other: ['兴趣爱好', '爱好', '兴趣', 'interests', 'hobbies', 'references', 'publications', '发表论文', '论文发表'],
};

const BY_HEADING = new Map<string, Exclude<SectionKind, 'header'>>();
for (const [kind, names] of Object.entries(HEADINGS) as [Exclude<SectionKind, 'header'>, readonly string[]][]) {
  for (const n of names) BY_HEADING.set(n, kind);
}

// Numbering and decoration around a heading: 一、 1. 【】 [] ■ ● # — // and trailing colons.
// Emoji, block and box-drawing characters and other symbols count as decoration too: 🎓 ▌ ├─ ◆.
const DECORATION = new RegExp(
  '^[\\s#*■□●◆◇▶►•·\\-–—=_|/\\u2500-\\u259f\\p{So}\\p{Sk}\\p{Sm}\\p{Cf}\\p{Mn}]*' +
    '(?:[一二三四五六七八九十]+[、.．]|\\d+[、.．)]|[(（][一二三四五六七八九十\\d]+[)）]|[Ⅰ-Ⅻ]+[、.．]?|' +
    // A lettered part of a form: "(a) PROFESSIONAL PREPARATION".
    '\\([a-h]\\)(?=\\s)|' +
    // A section's number and a space before a Chinese heading, as LaTeX and numbered Word templates write it:
    // "1 教育背景", "5 专业技能"; a number before a measure word is a count ("3 年工作经验", "1 个项目").
    '\\d{1,2}\\s+(?![年个门次名月天周篇份届人位]|项(?!目))(?=\\p{Script=Han})|' +
    '(?:I|II|III|IV|V|VI|VII|VIII|IX|X)[.)](?=\\s))?\\s*',
  'u',
);

// Traditional characters of the headings (學歷, 工作經驗, 專長), read as their simplified forms for the lookup only.
const TRADITIONAL: Readonly<Record<string, string>> = {
  學: '学',
  歷: '历',
  經: '经',
  驗: '验',
  專: '专',
  長: '长',
  實: '实',
  習: '习',
  證: '证',
  書: '书',
  獎: '奖',
  項: '项',
  語: '语',
  資: '资',
  訊: '讯',
  個: '个',
  簡: '简',
  評: '评',
  價: '价',
  績: '绩',
  榮: '荣',
  譽: '誉',
  興: '兴',
  業: '业',
};
const simplified = (s: string): string =>
  s.replace(/[學歷經驗專長實習證書獎項語資訊個簡評價績榮譽興業]/gu, (c) => TRADITIONAL[c] ?? c);

/** "教 育 背 景", "个 人 信 息": a Chinese heading spaced out one character at a time, closed up. */
const hanSpaced = (line: string): string =>
  /^\p{Script=Han}(?: \p{Script=Han}){1,7}$/u.test(line) ? line.replace(/ /gu, '') : line;

/** "E D U C A T I O N", "W O R K   E X P E R I E N C E": a heading written one letter at a time, closed up. */
const letterSpaced = (line: string): string =>
  /^\s*[A-Za-z&](?: {1,3}[A-Za-z&]){3,}\s*$/u.test(line)
    ? line
        .trim()
        .split(/\s{2,}/u)
        .map((w) => w.replace(/\s/gu, ''))
        .join(' ')
    : line;

// Education headings not listed word for word: "MEDICAL EDUCATION", "TERTIARY EDUCATION", "ACADEMIC QUALIFICATION",
// "EDUCATIONAL QUALIFICATIONS WITH DATES", "Education and Certifications".
const EDUCATION_HEADING = new RegExp(
  '^(?:(?:medical|undergraduate|graduate|postgraduate|tertiary|higher|formal|university|further|dental|' +
    'veterinary|nursing|legal|professional|academic)\\s+)?' +
    '(?:education(?:al)?(?:\\s+(?:background|history|qualifications?|details|summary|profile))?|' +
    'academic\\s+(?:qualifications?|record|credentials|profile|training|details)|qualifications?|' +
    // A UK jobs board's "Degree details".
    'educational attainment|degree details)' +
    '(?:\\s+(?:&|and|with)\\s+(?:training|certifications?|dates|credentials|honou?rs|awards|licen[cs]es?|' +
    'qualifications))?$',
  'u',
);

const EDIT_BUTTON = /\s{2,}(?:[+]\s*)?(?:编辑|修改|删除|添加|edit|add)$/iu;

function clean(line: string): string {
  return hanSpaced(
    letterSpaced(line)
      .replace(DECORATION, '')
      // A key of JSON or YAML: "education": [
      .replace(/^["'](.*)["']$/u, '$1')
      // A TOML table of tables: [[education]].
      .replace(/^\[\[\s*(.*?)\s*\]\]$/u, '$1')
      .replace(/^(?:[【[〖「『《〈]|<<)\s*(.*?)\s*(?:[】\]〗」』》〉]|>>)$/u, '$1')
      .replace(/[\s:：|_=\-–—*#■●◆/\u2500-\u259f\p{So}\p{Sm}\p{Cf}\p{Mn}]+$/u, '')
      // An online editor's button beside the heading ("教育经历        编辑", "Education   ✎ Edit").
      .replace(EDIT_BUTTON, '')
      // An entry's number after the heading of a form's repeated block: "Education 1", "[教育.1]".
      .replace(/(?<=[a-z\u4e00-\u9fff])\s*[.#]?\s*\d{1,2}$/iu, '')
      .trim()
      .toLowerCase()
      .replace(/\s+/g, ' '),
  );
}

/**
 * The section a line opens, and what follows the heading on the same line ("Skills: Python, SQL"), or
 * undefined when the line is not a heading. A heading line is short: only a known heading after its
 * decoration, or a known heading then a colon and content.
 */
export function headingOf(
  written: string,
): { kind: Exclude<SectionKind, 'header'>; rest: string; guessed?: true } | undefined {
  // An online editor's button after a heading written twice ("技能特长 Skills  编辑"), off before the parts are read.
  const line = written.replace(EDIT_BUTTON, '');
  const cleaned = simplified(clean(line));
  // A note in brackets after a heading: "学习经历（由高到低）", "教育信息（第 1 条）", "Education (most recent first)".
  const noted = /^(.{2,30}?)\s*[(（][^()（）]{1,20}[)）]$/u.exec(cleaned)?.[1];
  const whole =
    BY_HEADING.get(cleaned) ??
    (EDUCATION_HEADING.test(cleaned) ? 'education' : undefined) ??
    (noted === undefined
      ? undefined
      : (BY_HEADING.get(noted) ?? (EDUCATION_HEADING.test(noted) ? 'education' : undefined)));
  if (whole !== undefined) return { kind: whole, rest: '' };
  // "博士期间工作", "硕士期间科研成果": what was done while studying, not the study.
  if (
    /^(?:本科|硕士|博士|研究生|在校|读研)期间的?[\u4e00-\u9fff]{0,4}(?:工作|经历|成果|科研|项目|研究|实践)$/u.test(
      cleaned,
    )
  ) {
    return { kind: 'experience', rest: '' };
  }
  // "【证书】CATTI 二级笔译", "[Skills] Python": a heading in brackets with its content after it on the line.
  const boxed = /^\s*[【〖[]\s*([^】〗\]]{1,12}?)\s*[】〗\]]\s*(\S.*)$/u.exec(line);
  const boxedKind =
    boxed === undefined || boxed === null ? undefined : BY_HEADING.get(simplified(clean(boxed[1] ?? '')));
  if (boxed !== null && boxedKind !== undefined) return { kind: boxedKind, rest: (boxed[2] ?? '').trim() };
  const parts = headingParts(line) ?? translatedHeading(line);
  if (parts !== undefined) return { kind: parts, rest: '' };
  // A heading with a count in brackets: "SUPERVISED PRACTICE (1,050 hours)", "Clinical Rotations (4)".
  const guessed =
    headingByWords(cleaned, line.replace(DECORATION, '').trim()) ??
    (noted === undefined
      ? undefined
      : headingByWords(
          noted,
          line
            .replace(DECORATION, '')
            .replace(/\s*[(（][^()（）]*[)）]\s*$/u, '')
            .trim(),
        ));
  if (guessed !== undefined) return { kind: guessed, rest: '', guessed: true };
  // "Skills: Python", and a heading ruled off from its content: "教育背景 ▏对外经济贸易大学 ▏统计学".
  // A box table's heading cell: "║ 教育背景   ║ 2021.09-2025.06 三峡大学   ║".
  const m = /^(.{1,40}?)\s*[:：▏｜丨│|\t║┃]\s*(.+)$/u.exec(line.trim());
  if (m === null) return undefined;
  const kind = BY_HEADING.get(simplified(clean(m[1] ?? '')));
  // "education: [" opens a list of JSON or YAML: the bracket is no content.
  const rest = (m[2] ?? '').trim().replace(/^[[{]$/u, '');
  return kind === undefined ? undefined : { kind, rest };
}

/**
 * A heading written twice or with a second heading beside it: "EDUCATION 教育背景", "教育 | Education",
 * "教育经历 education", or two columns flattened ("教育背景      专业技能"): every part is a known heading; the first
 * part's kind is the section.
 */
function headingParts(line: string): Exclude<SectionKind, 'header'> | undefined {
  const parts = line
    .replace(DECORATION, '')
    .replace(/^[【[〖「『]\s*(.*?)\s*[】\]〗」』]$/u, '$1')
    .trim()
    .split(/\s*[|｜/／]\s*|\s{2,}|(?<=[\u4e00-\u9fff])\s*(?=[A-Za-z])|(?<=[A-Za-z])\s*(?=[\u4e00-\u9fff])/u)
    .map((p) => clean(p))
    .filter((p) => p !== '');
  if (parts.length < 2 || parts.length > 3) return undefined;
  const kinds = parts.map((p) => BY_HEADING.get(simplified(p)));
  if (kinds.every((k) => k !== undefined)) return kinds[0];
  // A heading paired with its translation in a language not listed: "UTBILDNING / EDUCATION", "Addysg / Education".
  const known = kinds.filter((k) => k !== undefined);
  // Only in capitals, or for the education (a line of content such as "Marketing / Research" is no heading).
  const bare = line.replace(DECORATION, '').trim();
  const paired =
    parts.length === 2 &&
    /^[^|｜/／]+\s*[/／|｜]\s*[^|｜/／]+$/u.test(bare) &&
    (bare === bare.toUpperCase() || known[0] === 'education');
  if (paired && known.length === 1 && parts.every((p, i) => kinds[i] !== undefined || /^\p{L}{3,20}$/u.test(p))) {
    return known[0];
  }
  // A Chinese heading beside its translation in another script, which no content line pairs so: "Опыт работы / 实习经历",
  // "Навыки / 技能".
  const foreign = /^[\p{Script=Cyrillic}\p{Script=Hangul}\p{Script=Greek}\p{Script=Arabic}\s]{3,30}$/u;
  const han = /^\p{Script=Han}{2,8}$/u;
  return parts.length === 2 &&
    known.length === 1 &&
    parts.every((p, i) => (kinds[i] !== undefined && han.test(p)) || foreign.test(p))
    ? known[0]
    : undefined;
}

const ZH_DIGITS: Readonly<Record<string, string>> = {
  〇: '0',
  零: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};
const zhMonth = (m: string): string => (m.startsWith('十') ? `1${ZH_DIGITS[m.slice(1)] ?? '0'}` : (ZH_DIGITS[m] ?? m));

/** 民國112年6月 → 2023年6月: a year of the Republic of China calendar (Taiwan), 1911 after the Gregorian. */
const minguo = (line: string): string =>
  line.replace(/民[國国]\s*(\d{2,3})\s*年/gu, (_, y: string) => `${Number(y) + 1911}年`);

/** 二〇二一年九月 → 2021年9月: a year written in Chinese digits, and its month. */
export function arabicDates(line: string): string {
  return minguo(line).replace(
    /([〇零一二三四五六七八九]{4})\s*年(?:\s*(十[一二]?|[一二三四五六七八九])\s*月)?/gu,
    (_, y: string, m: string | undefined) =>
      `${[...y].map((d) => ZH_DIGITS[d] ?? d).join('')}年${m === undefined ? '' : `${zhMonth(m)}月`}`,
  );
}

/** "教 育 背 景", "姓 名：…": a heading or label written with a space between its characters, closed up. */
const unspaced = (line: string): string =>
  line.replace(/^(\s*[\u4e00-\u9fff](?:\s{1,6}[\u4e00-\u9fff]){1,7})(?=\s*[:：]|\s*$)/u, (m) => m.replace(/\s/gu, ''));

/**
 * A line of a résumé pasted as JSON or YAML ("institution": "University of Washington", / - studyType: Bachelor)
 * read as a label and its value ("institution: University of Washington", "study type: Bachelor"); a line of
 * brackets alone is empty.
 */
function keyValue(line: string): string {
  if (/^\s*[[\]{},]+\s*$/u.test(line)) return '';
  const pair = /^(\s*(?:-\s+)?)"?([A-Za-z][A-Za-z_ ]{1,30})"?\s*:\s*"([^"]*)"\s*,?\s*$/u.exec(line);
  const open = /^(\s*)"([A-Za-z][\w ]{1,30})"\s*:\s*[[{]?\s*$/u.exec(line);
  const words = (key: string): string => key.replace(/([a-z])([A-Z])/gu, '$1 $2').replace(/_/gu, ' ');
  if (pair !== null) return `${pair[1] ?? ''}${words(pair[2] ?? '')}: ${pair[3] ?? ''}`;
  // An INI file's "学校=中央财经大学", "degree = Bachelor".
  // An INI or TOML file's "学校=中央财经大学", studyType = "Bachelor of Environmental Sciences".
  const ini = /^\s*([\u4e00-\u9fff]{2,6}|[A-Za-z][A-Za-z_]{1,20})\s*=\s*(\S.*)$/u.exec(line);
  if (ini !== null) return `${words(ini[1] ?? '')}: ${(ini[2] ?? '').replace(/^"(.*)",?$/u, '$1')}`;
  return open === null ? line : `${open[1] ?? ''}${words(open[2] ?? '')}:`;
}

// A reviewer's comment a word processor exported inline: "[批注1: 研究方向写上？]", "[Comment 2: check dates]".
const INLINE_COMMENT = /\[(?:批注|注释|评论|Comment|Note)\s*\d*\s*[:：][^\]]*\]/giu;

// Field labels of Chinese forms, written as "label：value" once a form's layout is undone (formRows, csvRows).
const FORM_LABEL = new RegExp(
  '^(?:姓名|性别|民族|出生(?:日期|年月)|籍贯|政治面貌|手机|手机号码|联系电话|电话|邮箱|电子邮箱|毕业(?:学校|院校)|' +
    '学校(?:名称)?|院校|专业(?:名称)?|所学专业|学历|最高学历|第一学历|学位|入学时间|毕业时间|应聘岗位|求职意向)$',
  'u',
);

/**
 * A form flattened one cell per line ("毕业学校" / "石家庄铁道大学" / "专业" / "土木工程"): each label alone on its
 * line joined with the value on the next, when the résumé has at least three such pairs.
 */
function formRows(lines: string[]): string[] {
  const pair = (i: number): boolean =>
    FORM_LABEL.test(lines[i]?.trim() ?? '') &&
    /^\S{1,30}$/u.test(lines[i + 1]?.trim() ?? '') &&
    !FORM_LABEL.test(lines[i + 1]?.trim() ?? '');
  if (lines.filter((_, i) => pair(i)).length < 3) return lines;
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    if (pair(i)) {
      out.push(`${(lines[i] ?? '').trim()}：${(lines[i + 1] ?? '').trim()}`);
      i += 1;
    } else out.push(lines[i] ?? '');
  }
  return out;
}

/**
 * A questionnaire's export ("Q6. 毕业院校（请填写全称）" / "答：西南财经大学"): each question read as a label of its
 * answer ("毕业院校：西南财经大学").
 */
function answerRows(lines: string[]): string[] {
  const question = /^\s*(?:Q\s?\d{1,2}|\d{1,2})\s*[.．、:：)]\s*(\S.{0,30}?)\s*(?:[（(][^()（）]*[)）])?\s*[?？]?\s*$/u;
  const answer = /^\s*(?:答|回答|A)\s*[:：]\s*(\S.*)$/u;
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const q = question.exec(lines[i] ?? '');
    const a = answer.exec(lines[i + 1] ?? '');
    if (q !== null && a !== null) {
      out.push(`${q[1] ?? ''}：${a[1] ?? ''}`);
      i += 1;
    } else out.push(lines[i] ?? '');
  }
  return out;
}

/**
 * A résumé's LaTeX source (Jake's Resume, moderncv, AltaCV): the text its commands print, a command's arguments
 * parted like cells ("\\resumeSubheading {University of Waterloo}{Waterloo, ON}" → "University of Waterloo |
 * Waterloo, ON"), "\\section{Education}" a heading; preamble, environments and comments dropped.
 */
function latexText(lines: string[]): string[] {
  if (!lines.some((l) => /\\(?:documentclass|begin\{document\}|section\*?\{|cventry\{)/u.test(l))) return lines;
  const SKIP = new RegExp(
    '^\\s*(?:%|\\\\(?:documentclass|usepackage|begin|end|newcommand|renewcommand|def|setlength|pagestyle|input|' +
      'resume\\w*List(?:Start|End))\\b)',
    'u',
  );
  return lines.map((line) => {
    if (SKIP.test(line)) return '';
    let t = line
      .replace(/(?<!\\)%.*$/u, '')
      .replace(/\\(?:href|vspace|hspace|vskip|hskip)\*?\{[^{}]*\}/gu, '')
      // "\\textbf{Languages}{: Python, SQL}": a label and its list.
      .replace(/\}\s*\{\s*:/gu, ': ')
      .replace(/\$\|\$/gu, '|')
      .replace(/\\\\/gu, ' ')
      .replace(/\\([%&$#_])/gu, '$1')
      .replace(/--/gu, '–')
      .replace(/\\(La)?TeX\b\s*(?:\{\})?/gu, (_, la: string | undefined) => `${la ?? ''}TeX`);
    // Commands with arguments keep their arguments; those without any vanish.
    for (let i = 0; i < 4; i += 1) t = t.replace(/\\[A-Za-z]+\*?(?:\[[^\]]*\])?(?=\s*\{)/gu, '');
    t = t.replace(/\\[A-Za-z]+\*?/gu, '');
    return t
      .replace(/\}\s*\{/gu, ' | ')
      .replace(/[{}]/gu, '')
      .replace(/^(\s*)\|\s*/u, '$1')
      .replace(/\s*\|\s*$/u, '')
      .replace(/\s{2,}/gu, ' ')
      .trimEnd();
  });
}

/** A printed form's check boxes: "最高学历：□大专 □本科 ☑硕士研究生" keeps the option ticked, drops the others. */
const checked = (line: string): string =>
  /[☑☒]/u.test(line) ? line.replace(/[□☐]\s*[^\s□☐☑☒]+/gu, '').replace(/[☑☒]\s*/gu, '') : line;

/** A recruiting system's CSV export ("字段,内容" / "毕业院校,南昌大学"): its rows read as "label：value". */
function csvRows(lines: string[]): string[] {
  const row = /^([\u4e00-\u9fff]{2,6}),(?!\s*$)"?(.*?)"?$/u;
  const rows = lines.filter((l) => row.test(l)).length;
  if (rows < 5 || rows * 2 < lines.filter((l) => l.trim() !== '').length) return lines;
  return lines.map((l) => l.replace(row, '$1：$2'));
}

/** NFKC (full-width letters and digits to ASCII, keeping Chinese punctuation apart) and one line per line. */
export function normalizeResumeText(text: string): string[] {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u3000]/g, ' ')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(INLINE_COMMENT, '')
    .split('\n')
    .map((l) => l.replace(/[ \f\v]+$/g, ''));
  return csvRows(formRows(answerRows(latexText(spacedOut(lines))))).map((l) =>
    arabicDates(unspaced(keyValue(checked(l)))),
  );
}

const ONE_BY_ONE = /^\S(?: \S)+$/u;
const spacedPart = (part: string): boolean => ONE_BY_ONE.test(part);
// Closed up but for the space between a date and the words after it ("2022.09 上海交通大学").
const closedUp = (part: string): string =>
  part
    .split(' ')
    .reduce(
      (out, ch) => out + (/(?:\d{4}|[.\-/]\d{1,2})$/u.test(out) && /\p{Script=Han}/u.test(ch) ? ' ' : '') + ch,
      '',
    );

/**
 * A PDF whose reader put a space between every character ("2 0 2 2 . 0 9 上 海 交 通 大 学", "W o r d 、 E x c e l"):
 * when most of its Chinese lines are so, each run of single characters is closed up (wider gaps stay one space).
 * Only the whole document's habit counts: a page number or one heading spaced out is left to the heading rules.
 */
function spacedOut(lines: string[]): string[] {
  const han = lines.filter((l) => /\p{Script=Han}/u.test(l));
  const spaced = han.filter((l) =>
    l
      .trim()
      .split(/\s{2,}/u)
      .some((part) => spacedPart(part) && /\p{Script=Han}/u.test(part) && part.length >= 7),
  );
  if (han.length < 4 || spaced.length * 2 < han.length) return lines;
  return lines.map((l) =>
    l
      .split(/(\s{2,})/u)
      .map((part) => (spacedPart(part) ? closedUp(part) : part.replace(/^\s{2,}$/u, ' ')))
      .join('')
      .replace(/^\s+/u, ''),
  );
}

/** Display width: a Chinese character or a full-width form takes two columns of a fixed-width layout. */
const width = (s: string): number =>
  [...s].reduce(
    (n, ch) =>
      n +
      (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch)
        ? 2
        : 1),
    0,
  );

/** A line's runs of text set apart by a wide gap or a column rule ("｜"), each with the display column it starts at. */
function runs(line: string): { at: number; text: string }[] {
  const out: { at: number; text: string }[] = [];
  for (const m of line.matchAll(/\S(?:.*?\S)??(?=\s{3,}|\s*[｜|]\s|$)/gu)) {
    const text = m[0].replace(/^[｜|]\s*/u, '');
    if (text !== '') out.push({ at: width(line.slice(0, m.index + m[0].length - text.length)), text });
  }
  return out;
}

const NEAR = 3;

/**
 * Two or three columns of a page read across ("钟雨桐      教育背景      科研经历" / "应用心理学 · 硕士   2022.09-2025.06
 * 2023.03-2024.12 焦虑青少年…"): where headings stand at the same display column on two lines or more, each further
 * column starts there, and the lines from the first such heading on are read column by column, top to bottom.
 */
export function byColumns(lines: readonly string[]): string[] {
  const rows = lines.map(runs);
  const heads = rows.flatMap((r, i) =>
    r
      .filter((x) => x.at > 0 && headingOf(x.text)?.rest === '')
      .map((x) => ({ at: x.at, row: i, beside: r.some((o) => o.at < x.at && /[\p{L}\p{N}]/u.test(o.text)) })),
  );
  const starts: number[] = [];
  for (const h of heads) {
    const same = heads.filter((o) => Math.abs(o.at - h.at) <= NEAR);
    // Set apart from the first column: other lines' runs start there too.
    const used = rows.filter((r) => r.some((x) => Math.abs(x.at - h.at) <= NEAR)).length;
    // …and beside another column's text on one line at least (not a form's or a table's label column).
    const beside = same.some((o) => o.beside);
    if (same.length >= 2 && beside && used >= 4 && !starts.some((at) => Math.abs(at - h.at) <= NEAR)) {
      starts.push(h.at);
    }
  }
  if (starts.length === 0) return [...lines];
  starts.sort((a, b) => a - b);
  const from = Math.min(...heads.filter((h) => starts.some((at) => Math.abs(at - h.at) <= NEAR)).map((h) => h.row));
  const columns: string[][] = [[], ...starts.map(() => [])];
  for (const r of rows.slice(from)) {
    const parts: string[][] = columns.map(() => []);
    for (const x of r) {
      const k = starts.filter((at) => x.at >= at - NEAR).length;
      parts[k]?.push(x.text);
    }
    parts.forEach((p, k) => {
      if (p.length > 0) columns[k]?.push(p.join('  '));
    });
  }
  return [...lines.slice(0, from), ...columns.flat()];
}

/**
 * Where a heading line of two flattened columns ("EDUCATION            SKILLS") starts its second column, and
 * that column's section; undefined for any other line. Only a wide gap (three spaces or more) parts columns.
 */
function secondColumn(line: string): { at: number; kind: Exclude<SectionKind, 'header'> } | undefined {
  const gap = /\S(\s{3,})(?=\S)/u.exec(line);
  if (gap === null || headingParts(line) === undefined) return undefined;
  const at = gap.index + 1 + (gap[1]?.length ?? 0);
  const kind = headingOf(line.slice(at))?.kind;
  return kind === undefined ? undefined : { at, kind };
}

/**
 * A line under two flattened columns, cut where a wide gap ends near the second column's start: the left part
 * stays in the first column's section, the right part goes to the second's.
 */
function splitColumns(line: string, at: number): [string, string] {
  const gaps = line.matchAll(/\s{2,}/gu);
  for (const g of gaps) {
    const end = g.index + g[0].length;
    if (Math.abs(end - at) <= 6 && end < line.length) return [line.slice(0, g.index), line.slice(end)];
  }
  return line.search(/\S/u) >= at - 6 ? ['', line] : [line, ''];
}

/**
 * A Chinese heading with its English beside it in words no list names: "實習 Fieldwork Placements", "技能证书 SKILLS &
 * CERTIFICATES". One English word must be a heading itself ("语言与证书 Certificates"): "语言 English" is content.
 */
function translatedHeading(line: string): Exclude<SectionKind, 'header'> | undefined {
  const m = /^([\u4e00-\u9fff]{2,8})\s+([A-Z][A-Za-z&]*(?:\s+(?:[A-Z][A-Za-z&]*|and|&|of))*)$/u.exec(
    line.replace(DECORATION, '').trim(),
  );
  if (m === null) return undefined;
  const [, zh = '', en = ''] = m;
  const chinese = headingOf(zh);
  if (chinese === undefined || chinese.rest !== '') return undefined;
  return en.includes(' ') || headingOf(en) !== undefined ? chinese.kind : undefined;
}

const ENTRY_FIELD = new RegExp(
  // After a bullet too: "• 荣誉：Merit；毕业论文：…" under the entry.
  '^[^\\p{L}\\p{N}]*(?:honou?rs|activities|awards|scholarships?|societies|clubs|leadership|relevant coursework|' +
    'coursework|thesis|dissertation|research|projects?|internships?|placements?|获奖|荣誉|奖项|主修课程|核心课程|相关课程)\\s*[:：]',
  'iu',
);

/**
 * A line of an education entry that reads as a heading only by its words ("Honors thesis", "Dean's list") and not
 * in capitals, followed by the next degree ("B.E. Computer Science | Anna University"): the entries go on.
 */
function noteOfEntry(raw: string, lines: readonly string[], index: number, section: SectionKind): boolean {
  if (section !== 'education' || /^[^a-z]*$/u.test(raw)) return false;
  if (headingOf(raw)?.guessed !== true) return false;
  const next = lines.slice(index + 1).find((l) => l.trim() !== '');
  return next !== undefined && headingOf(next) === undefined && degreeIn(withoutDates(next)) !== undefined;
}

/** Lines of the résumé with the section each belongs to; heading lines themselves are left out. */
export function splitSections(text: string): Line[] {
  const out: Line[] = [];
  let section: SectionKind = 'header';
  let under: { heading?: string } = {};
  let column: { at: number; kind: Exclude<SectionKind, 'header'> } | undefined;
  const lines = byColumns(normalizeResumeText(text));
  lines.forEach((raw, index) => {
    const heading = noteOfEntry(raw, lines, index, section) ? undefined : headingOf(raw);
    // "Honors: Harvard Law Review" under an entry of the education: a field of the entry, whose line goes to its
    // section while the education goes on (the next school's lines stay in it).
    if (heading !== undefined && heading.rest !== '' && section === 'education' && ENTRY_FIELD.test(raw)) {
      out.push({ index, text: heading.rest, section: heading.kind, heading: raw.slice(0, raw.indexOf(heading.rest)) });
      return;
    }
    if (heading !== undefined) {
      section = heading.kind;
      under = { heading: (heading.rest === '' ? raw : raw.slice(0, raw.indexOf(heading.rest))).trim() };
      column = secondColumn(raw);
      if (heading.rest !== '') out.push({ index, text: heading.rest, section, ...under });
      return;
    }
    if (raw.trim() === '') return;
    // A heading marked as one ("【演出履历】", "## 科研与出海", "【3/6 实习经历】") whose name this reader does not know
    // ends the education: its lines are no entries but what was done (8 of 8 such dev headings: research, shows,
    // service, a gap year, internships, skills). Not a degree boxed over its entry ("【本科】").
    const marked = /^\s*(?:【([^】]{2,12})】|#{1,4}\s+(\S.{0,20}))\s*$/u.exec(raw);
    if (section === 'education' && marked !== null && degreeIn(marked[1] ?? marked[2] ?? '') === undefined) {
      section = 'experience';
      under = { heading: raw.trim() };
      column = undefined;
      return;
    }
    const [left, right] = column === undefined ? [raw, ''] : splitColumns(raw, column.at);
    if (left.trim() !== '') out.push({ index, text: left, section, ...under });
    if (right.trim() !== '' && column !== undefined) out.push({ index, text: right, section: column.kind });
  });
  return out;
}
