import type { Degree } from '../model/common.ts';
import { dateRange, findDates, later, monthEnd, monthStart, withoutDates, type YearMonth } from './dates.ts';
import { findCity } from '../geo/cities.ts';
import type { Line } from './sections.ts';

export interface EducationDraft {
  school: string | null;
  degree: Degree | null;
  major: string | null;
  /** YYYY-MM-DD, the last day of the month graduated (or expected to). */
  graduationDate: string | null;
  startDate: string | null;
  /** The lines the entry was read from. */
  evidence: string;
}

// Longest forms first; the English ones are checked on word boundaries.
const ZH_DEGREES: readonly (readonly [RegExp, Degree])[] = [
  [/博士/u, 'doctorate'],
  [/硕士|研究生|MBA|MPA|MPAcc/u, 'master'],
  [/本科|学士/u, 'bachelor'],
  [/大专|专科|高职/u, 'associate'],
];
/** A regular expression of English alternatives, on a word start and not running on into a longer word. */
const english = (...parts: string[]): RegExp => new RegExp(`\\b(?:${parts.join('')})(?![A-Za-z])`, 'u');
const EN_DEGREES: readonly (readonly [RegExp, Degree])[] = [
  [/\b(?:Ph\.?\s?D\.?|D\.Phil\.?|Doctor of Philosophy|Doctorate|Doctoral)(?![A-Za-z])/u, 'doctorate'],
  [
    english(
      "Master(?:['’]s)?(?:\\s+degree)?(?:\\s+of\\s+(?:Science|Arts|Engineering|Business Administration|Laws|",
      'Public Administration|Finance|Fine Arts|Education|Professional Accounting))?|',
      'M\\.\\s?S\\.?c?|MSc|M\\.?Sc\\.?|M\\.\\s?A\\.|M\\.?Eng\\.?|MEng|MBA|MPA|MFA|LL\\.?M\\.?|M\\.?Phil\\.?|MS|MA',
    ),
    'master',
  ],
  [
    english(
      "Bachelor(?:['’]s)?(?:\\s+degree)?(?:\\s+of\\s+(?:Science|Arts|Engineering|Business Administration|Laws|",
      'Economics|Management|Fine Arts|Medicine|Education|Commerce))?|',
      'B\\.\\s?S\\.?c?|BSc|B\\.?Sc\\.?|B\\.\\s?A\\.|B\\.?Eng\\.?|BEng|B\\.\\s?E\\.|BBA|BFA|B\\.F\\.A\\.|',
      'LL\\.?B\\.?|BS|BA',
    ),
    'bachelor',
  ],
  [
    english(
      "Associate(?:['’]s)?\\s+(?:Degree|of\\s+(?:Arts|Science|Applied Science))|Higher National Diploma|HND|Diploma",
    ),
    'associate',
  ],
];

const ZH_SCHOOL = /[\u4e00-\u9fffA-Za-z]{2,18}?(?:大学|学院|学校)(?:[（(][\u4e00-\u9fff]{2,6}[)）])?/u;
const EN_SCHOOL_WORD = /\b(University|Universit[éy]|College|Institute|Polytechnic|Academy|School)\b/u;
const EN_CONNECTOR = /^(?:of|and|the|for|at|in|&|de|-)$/iu;
const LABEL = new RegExp(
  '^(?:学校|院校|毕业院校|学校名称|专业|所学专业|主修专业|学历|学位|学历学位|时间|起止时间|就读时间|毕业时间|' +
    'school|university|major|degree|dates?|graduation|field of study)\\s*[:：]\\s*',
  'iu',
);
const COURSE_LINE =
  /^(?:主修课程|相关课程|核心课程|专业课程|课程|gpa|绩点|排名|rank|relevant coursework|coursework|courses|modules|thesis)/iu;
const AWARD_LINE = /^(?:论文|荣誉|奖学金|scholarships?|honou?rs|awards)/iu;

const segments = (line: string): string[] =>
  line
    .split(
      /[|｜▏丨│\t,，;；、·•]|\s{2,}|\s[-–—]\s|\s(?:at|from)\s|(?<=[\u4e00-\u9fff）)])\s+|\s+(?=[\u4e00-\u9fff（(])/u,
    )
    .map((s) => s.trim().replace(LABEL, '').trim())
    .filter((s) => s !== '');

function zhSchool(line: string): string | undefined {
  for (const seg of segments(line)) {
    // "2020年9月至2024年6月就读于华东理工大学": the dates and the verb before the school's name go.
    const m = ZH_SCHOOL.exec(
      seg.replace(/^\d[\d.\-/年月\s~至]*/u, '').replace(/^.*?(?:就读于|毕业于|求学于|考入|升入)/u, ''),
    );
    if (m && !/^(?:商|法|医|文|理|工|信息|计算机|外国语|经济|管理|研究生)学院$/u.test(m[0])) return m[0];
  }
  return undefined;
}

function enSchool(line: string): string | undefined {
  let best: { text: string; rank: number } | undefined;
  for (const seg of line.split(/[|｜\t,;·•()（）]|\s{2,}|\s[-–—]\s|\s(?:at|from)\s/u)) {
    const words = seg
      .trim()
      .replace(LABEL, '')
      .split(/\s+/)
      .filter((w) => w !== '');
    const kw = EN_SCHOOL_WORD.exec(seg);
    if (!kw || words.length > 9 || /\d/.test(seg)) continue;
    // Capitalized words and connectors only: a school's name, not a sentence mentioning one.
    if (!words.every((w) => /^[A-Z]/.test(w) || EN_CONNECTOR.test(w))) continue;
    const rank = kw[1] === 'School' ? 1 : kw[1] === 'University' ? 3 : 2;
    const text = words.join(' ').replace(/^(?:at|from)\s+/i, '');
    if (best === undefined || rank > best.rank) best = { text, rank };
  }
  return best?.text;
}

function degreeIn(line: string): { degree: Degree; start: number; end: number } | undefined {
  for (const [re, degree] of ZH_DEGREES) {
    const m = re.exec(line);
    if (m) return { degree, start: m.index, end: m.index + m[0].length };
  }
  for (const [re, degree] of EN_DEGREES) {
    const m = re.exec(line);
    if (m) return { degree, start: m.index, end: m.index + m[0].length };
  }
  return undefined;
}

const cutMajor = (s: string): string =>
  s
    .replace(/^[\s,:：;(（)）-]*(?:\(\d-year\)|（\d年制）)?[\s,:：]*(?:in|of)?\s+/iu, '')
    // "Ph.D. Candidate, Molecular Biology": the candidacy is no field.
    .replace(/^(?:candidate|student)\b[\s,:：]*(?:in\s+)?/iu, '')
    .split(/[|｜\t,，;；(（]|\s{2,}|\s[-–—]\s|\s(?:at|from|with)\s|\bGPA\b/u)[0]
    ?.trim()
    .replace(/[.。]+$/u, '')
    .replace(/专业$/u, '') ?? '';

interface MajorHit {
  major: string;
  /** false for the segment left over on a line, which a labelled or degree-borne major on a later line replaces. */
  strong: boolean;
}

/** The major a line names: labelled, "…专业", after an English degree, or the segment left over. */
function majorIn(line: string, school: string | undefined): MajorHit | undefined {
  const strong = (major: string): MajorHit => ({ major, strong: true });
  const labelled = /(?:专业|major|field of study)\s*[:：]\s*([^|｜\t,，;；]+)|专业(?:为|是)([^|｜\t,，;；。]+)/iu.exec(
    line,
  );
  if (labelled?.[2]) return strong(cutMajor(labelled[2]));
  if (labelled?.[1]) return strong(cutMajor(labelled[1]));
  // A key-value line without colons: "学校 四川大学 专业 护理学 学历 本科".
  const spaced = /(?:^|\s)专业\s+([\u4e00-\u9fff（）()]{2,20})(?=\s|$)/u.exec(line);
  if (spaced?.[1]) return strong(spaced[1]);
  if (COURSE_LINE.test(line) || AWARD_LINE.test(line)) return undefined;
  const noDates = withoutDates(line);
  const zh = /([\u4e00-\u9fff（）()A-Za-z]{2,24}?)专业/u.exec(noDates.replace(school ?? '\u0000', ' '));
  if (zh?.[1] && !/^(?:所学|主修|本)$/u.test(zh[1])) return strong(zh[1]);
  const deg = degreeIn(noDates);
  if (deg && /[A-Za-z]/.test(noDates.slice(deg.start, deg.end))) {
    const after = cutMajor(noDates.slice(deg.end));
    if (/^[A-Z]/.test(after) && !EN_SCHOOL_WORD.test(after)) return strong(after);
  }
  // Otherwise the one segment that is neither school, degree, date nor a label.
  const rest = segments(noDates)
    .map((s) => (school ? s.replace(school, '') : s))
    // Brackets hold notes (GPA, 方向, places) except a short Chinese qualifier that is part of the name: （师范）.
    .map((s) => s.replace(/[（(](?![\u4e00-\u9fff]{1,5}[)）])[^)）]*[)）]/gu, '').trim())
    .filter((s) => s !== '' && degreeIn(s) === undefined && zhSchool(s) === undefined && enSchool(s) === undefined)
    // Departments (计算机学院, 信息系) and places (Shanghai, 北京) are not majors.
    .filter((s) => !/(?:学院|学部|系|书院)$/u.test(s) && findCity(s) === undefined && !/^(?:China|中国)$/iu.test(s))
    .filter((s) => !/\d|@|毕业|在读|预计|expected|graduat|present|^[A-Z][a-z]+,?\s+China$/iu.test(s))
    .filter((s) => /[\u4e00-\u9fff]{2,}|^[A-Z][A-Za-z&,' -]{2,}$/u.test(s));
  return rest.length === 1 && rest[0] !== undefined ? { major: rest[0], strong: false } : undefined;
}

/**
 * The field a degree's own name gives, for an entry that names no other major: "Bachelor of Economics" →
 * Economics, "LL.B." → Law, "Bachelor of Business Administration (Marketing)" → Marketing.
 */
function degreeField(line: string): string | undefined {
  const inParens = /\b(?:Bachelor|Master)(?:['’]s)? of Business Administration\s*\(([A-Z][A-Za-z &]+)\)/u.exec(line);
  if (inParens?.[1]) return inParens[1].trim();
  const of =
    /\b(?:Bachelor|Master)(?:['’]s)? of (Economics|Management|Medicine|Education|Commerce|Finance|Laws)\b/u.exec(line);
  if (of?.[1]) return of[1] === 'Laws' ? 'Law' : of[1];
  return /\bLL\.?[BM]\.?(?![A-Za-z])/u.test(line) ? 'Law' : undefined;
}

interface Building {
  school?: string;
  degree?: Degree;
  major?: string;
  majorStrong?: boolean;
  fieldOfDegree?: string;
  start?: YearMonth;
  end?: YearMonth;
  lines: string[];
  /** The school stood on a line of its own, without a degree: the degree lines under it may share it. */
  schoolAlone?: boolean;
}

/**
 * Education written in prose outside any education section ("I graduated from … with a Bachelor of …", a summary
 * "(MPAcc, University of Washington, 2024; …)", a paragraph résumé): the clauses that name a school and also a
 * degree or a date, read as education lines. Used only when the résumé has no education section entry.
 */
export function educationInProse(lines: readonly Line[]): EducationDraft[] {
  const clauses = lines.flatMap((l) =>
    l.text
      .split(/[。;；()（）]|\.\s+/u)
      .map((t) => ({ ...l, text: t.trim() }))
      .filter((c) => c.text !== ''),
  );
  return extractEducation(
    clauses.filter(
      (c) =>
        (zhSchool(c.text) ?? enSchool(c.text)) !== undefined &&
        (degreeIn(withoutDates(c.text)) !== undefined || findDates(c.text).length > 0),
    ),
  );
}

/**
 * Education entries from the lines of the education sections. A school starts an entry; a degree line
 * before any school (or after an entry that has its degree) starts one that the next school fills, so
 * both "school, then degree" and "degree, then school" layouts read right. Graduation is the latest end
 * date an entry states ("至今"/present leaves it open).
 */
export function extractEducation(lines: readonly Line[]): EducationDraft[] {
  const entries: Building[] = [];
  let cur: Building | undefined;
  for (const l of lines) {
    // Box-drawing, bullets and other marks before the text ("│ Cairo University | B.Sc. Pharmacy").
    const text = l.text.trim().replace(/^[^\p{L}\p{N}(（【[]+/u, '');
    const school = zhSchool(text) ?? enSchool(text);
    const deg = degreeIn(withoutDates(text).replace(school ?? '\u0000', ' '));
    if (school !== undefined) {
      if (cur !== undefined && cur.school === undefined) cur.school = school;
      else {
        cur = { school, lines: [], schoolAlone: degreeIn(withoutDates(text).replace(school, ' ')) === undefined };
        entries.push(cur);
      }
    }
    if (deg !== undefined) {
      if (cur === undefined || (cur.degree !== undefined && school === undefined)) {
        cur = { lines: [] };
        entries.push(cur);
      }
      cur.degree ??= deg.degree;
    }
    const major = majorIn(text, school);
    // A labelled major or a date before any school or degree ("Major: Marketing") opens the entry.
    if (cur === undefined && (major !== undefined || findDates(text).length > 0)) {
      cur = { lines: [] };
      entries.push(cur);
    }
    if (cur === undefined) continue;
    cur.lines.push(text);
    if (major !== undefined && major.major !== '' && (cur.major === undefined || (major.strong && !cur.majorStrong))) {
      cur.major = major.major;
      cur.majorStrong = major.strong;
    }
    cur.fieldOfDegree ??= degreeField(text);
    const range = dateRange(findDates(text));
    if (range.start !== undefined && cur.start === undefined) cur.start = range.start;
    if (range.end !== undefined && range.end !== 'present') cur.end = later(cur.end, range.end);
  }
  // "Rutgers University" over "Master of …" and "Bachelor of …": a degree entry without a school under a school
  // written alone on its line is of that school.
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    if (e.school === undefined && e.degree !== undefined && prev?.school !== undefined && prev.schoolAlone === true) {
      e.school = prev.school;
      e.schoolAlone = true;
    }
  });
  return entries
    .filter((e) => e.school !== undefined || (e.degree !== undefined && e.major !== undefined))
    .map((e) => ({
      school: e.school ?? null,
      degree: e.degree ?? null,
      // A major stated as such, else the degree's own field, else the segment left over on a line.
      major: (e.majorStrong === true ? e.major : (e.fieldOfDegree ?? e.major)) ?? null,
      graduationDate: e.end ? monthEnd(e.end) : null,
      startDate: e.start ? monthStart(e.start) : null,
      evidence: e.lines.join('\n'),
    }));
}
