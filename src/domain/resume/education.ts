import type { Degree } from '../model/common.ts';
import {
  dateRange,
  findDates,
  later,
  monthEnd,
  monthStart,
  withoutDates,
  type DateRange,
  type YearMonth,
} from './dates.ts';
import { degreeIn, SCHOOL_LEAVING } from './degrees.ts';
import { findCity } from '../geo/cities.ts';
import { institutionColumns } from './education-tables.ts';
import { degreeField, headerCell, LABEL, majorIn, segments, withoutGloss, zhDegreeField } from './majors.ts';
import { enSchool, keptFaculty, schoolIn, zhFaculty } from './schools.ts';
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

interface Building {
  school?: string;
  degree?: Degree;
  major?: string;
  majorStrong?: boolean;
  fieldOfDegree?: string;
  /** A Chinese professional master's field (金融硕士 → 金融): below even a leftover segment (英语笔译 翻译硕士). */
  zhField?: string;
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
  const clauses = wrappedJoined(lines).flatMap((l) =>
    sameSchool(l.text)
      // A bracket holding a list ("(MPAcc, University of Washington, 2024; …)") parts clauses; a short note does
      // not ("（2018.09-2022.06）", "(integrated master's, 2020–2024)" keeps its dates with its degree).
      // A sentence ends at a full stop, not at an abbreviation's (B.S., Ph.D., St.).
      .split(CLAUSE_END)
      .flatMap(bySchool)
      .map((t) => ({ ...l, text: t.trim() }))
      .filter((c) => c.text !== ''),
  );
  return extractEducation(
    clauses.filter((c) => {
      const deg = degreeIn(withoutDates(c.text)) !== undefined;
      const dated = findDates(c.text).length > 0;
      // A timeline's "2025.06 硕士毕业" closes the stage its school opened.
      return (
        (schoolIn(c.text, segments(c.text)) !== undefined && (deg || dated)) || (deg && dated && GRADUATED.test(c.text))
      );
    }),
  );
}

/**
 * A paragraph's lines as its sentences run: a line going on in lower case after one that ends without a stop is
 * the same sentence ("I will graduate from Dalhousie University in May 2025" / "with a Bachelor of Arts in …").
 */
function wrappedJoined(lines: readonly Line[]): Line[] {
  const out: Line[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    const next = prev !== undefined && l.index === prev.index + 1 && l.section === prev.section;
    if (
      next &&
      (/^[a-z]/u.test(l.text.trim()) || wrappedSchool(prev.text, l.text) || wrappedMajor(prev.text, l.text)) &&
      !/[.。;；:：!?]$/u.test(prev.text.trim())
    ) {
      const gap = wrappedSchool(prev.text, l.text) ? '' : ' ';
      out[out.length - 1] = { ...prev, text: `${prev.text.trimEnd()}${gap}${l.text.trim()}`, index: l.index };
    } else out.push(l);
  }
  return out;
}

/**
 * A Chinese line hard-wrapped at a fixed width inside a school's name ("…，中山" / "大学生命科学学院，生态学"): no name
 * starts with 大学 or 学院, so the line goes on the one before it.
 */
const wrappedSchool = (prev: string, line: string): boolean =>
  (/[\u4e00-\u9fff]$/u.test(prev.trimEnd()) && /^(?:大[学學]|[学學]院)/u.test(line.trim())) ||
  // …or inside the last word of the name: "2021.09-2025.06 中国药科大" / "学 药学 本科".
  (/[\u4e00-\u9fff]{2}大$/u.test(prev.trimEnd()) && /^[学學](?![生习])/u.test(line.trim()));

/** "…在南京农业大学农学专业读本科，2021年9月起在本校…攻读硕士": 本校 is the school named before it. */
function sameSchool(text: string): string {
  return text.replace(/本校|同校|该校/gu, (word, at: number) => {
    const before = text.slice(0, at);
    return schoolIn(before, segments(before)) ?? word;
  });
}

const CLAUSE_END = new RegExp(
  '[。;；]|(?<![.\\s][A-Za-z]|^[A-Za-z]|\\b(?:St|Dr|Mr|Ms|Mrs|Jr|Hons|Inc|Co))\\.\\s+|' +
    '[(（](?=[^()（）]*[;；][^()（）]*[)）])|(?<=[;；][^()（）]*)[)）]',
  'u',
);

/** A clause cut at the comma before a second school: "是河海大学…硕士（2022.09-2025.06），本科毕业于南京…". */
function bySchool(clause: string): string[] {
  const out: string[] = [];
  let acc = '';
  for (const part of clause.split(/(?<=[，,])/u)) {
    const named = (t: string): boolean => schoolIn(t, segments(t)) !== undefined;
    if (acc !== '' && named(part) && named(acc)) {
      out.push(acc);
      acc = '';
    }
    acc += part;
  }
  return [...out, acc];
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
  let table: { cells: number; major: number } | undefined;
  let skipping = false;
  const rows = institutionColumns(unwrapped(lines));
  for (const l of rows.lines.flatMap((r) => (rows.schools.has(r) ? [r] : entriesOfLine(r)))) {
    // Box-drawing, bullets and other marks before the text ("│ Cairo University | B.Sc. Pharmacy").
    const text = cased(
      l.text
        .trim()
        // Not the plus of a Nepali or Indian "+2 Science" row (a school-leaving stage).
        .replace(/^(?:(?!\+\d)[^\p{L}\p{N}(（【[])+/u, '')
        // A box table's right border: "║ 电气工程及其自动化（本科） ║".
        .replace(/[\s\u2500-\u257f|]+$/u, '')
        // A former name in brackets is not part of the name: 上海体育大学（原上海体育学院）, "(formerly …)".
        .replace(FORMER_NAME, ''),
    );
    // A heading this reader does not know ("ADVANCED PHARMACY PRACTICE EXPERIENCES", "ADDITIONAL") ends the entries
    // until the next line naming a school.
    const caps = /^[A-Z][A-Z&/ -]{2,60}[A-Z]$/u.test(text) && (text.includes(' ') || text.length >= 6);
    if (caps && enSchool(text) === undefined && degreeIn(text) === undefined) {
      skipping = true;
      cur = undefined;
      continue;
    }
    // A flattened table's header row ("起止时间 学校 专业 学历", "Degree | Institute | Year") names its columns.
    const cells = tableCells(text);
    if (cells.length >= 3 && cells.every(headerCell)) {
      table = {
        cells: cells.length,
        major: cells.findIndex((c) =>
          /^(?:专业|major|field|programme|program|field of study|subject|discipline|speciali[sz]ation)(?![\p{L}])/iu.test(
            c,
          ),
        ),
      };
      continue;
    }
    // A high-school row is no entry (HELD-OUT-6..9): it and the lines under it, until the next school. So is a study
    // table's row of one ("2018.09-2021.06  吴忠市高级中学  高中"), whose dates are no degree's.
    if (HIGH_SCHOOL.test(text) || ZH_HIGH_SCHOOL.test(text)) {
      skipping = true;
      cur = undefined;
      continue;
    }
    // A school named on a line of honours, activities or coursework ("Scholarship: Morrill Scholarship, Ohio State
    // University") is the entry's own school written again, not another entry.
    const named = ASIDE.test(text) ? undefined : (rows.schools.get(l) ?? schoolIn(text, segments(text)));
    // A faculty of the entry's school, labelled or written under it: "院系  经济管理学院", "Faculty of Science and
    // Technology", "Master of Engineering, Computer Science (School of Science for Open and Environmental Systems)".
    const school =
      named !== undefined &&
      cur?.school !== undefined &&
      (FACULTY_LABEL.test(text) ||
        SUB_UNIT(named, text, cur.school) ||
        // "会计学（注册会计师方向）  本科  会计学院" under 上海财经大学: the faculty beside the entry's major.
        (zhFaculty(named) && !text.trim().startsWith(named) && findDates(text).length === 0) ||
        researchGroup(named, text, cur.degree !== undefined) ||
        besideDegree(named, text, cur))
        ? undefined
        : named;
    if (skipping && school === undefined) continue;
    skipping = false;
    const deg = degreeIn(withoutDates(text).replace(school ?? '\u0000', ' '));
    if (school !== undefined) {
      // An entry waiting for its school takes it, unless the school's line names another degree: "学历：本科（自考）"
      // among the contact details, then "浙江建设职业技术学院 工程造价 大专".
      const otherDegree = deg !== undefined && cur?.degree !== undefined && cur.degree !== deg.degree;
      if (cur !== undefined && cur.school === undefined && !otherDegree) cur.school = school;
      // "Yale University" over "Yale School of Music": the school a graduate names is the music school.
      else if (cur?.schoolAlone === true && cur.degree === undefined && cur.lines.length === 1 && keptFaculty(school)) {
        cur.school = school;
      } else {
        cur = { school, lines: [], schoolAlone: deg === undefined };
        entries.push(cur);
      }
    }
    // "获农学学士学位" under the entry's line states the entry's degree again; it opens no entry.
    // So does "2025.06 硕士毕业" at the end of a timeline's stage.
    const restated =
      deg !== undefined &&
      cur?.degree === deg.degree &&
      school === undefined &&
      (RESTATED.test(text) ||
        (/毕业|畢業|修了/u.test(text) && text.length <= 20) ||
        // A form's "学历：大专" field (its label cut) under the school, before the entry's dates, restates
        // "最高学历：大专" above it.
        (/^[\u4e00-\u9fff]{2,4}$/u.test(text) && deg.end - deg.start === text.length && cur.end === undefined));
    if (deg !== undefined && !restated) {
      if (cur === undefined || (cur.degree !== undefined && school === undefined)) {
        cur = { lines: [] };
        entries.push(cur);
      }
      cur.degree ??= deg.degree;
    }
    // A form's labelled row as wide as the table ("毕业院校 | … | 所学专业 | 农学") holds a label in the major's column.
    const cell =
      table !== undefined && cells.length === table.cells && !headerCell(cells[table.major] ?? '')
        ? cells[table.major]
        : undefined;
    const major = cell !== undefined ? { major: withoutGloss(cell), strong: true } : majorIn(text, school);
    // A labelled major or a date before any school or degree ("Major: Marketing") opens the entry; so does a range
    // of dates alone on its line after an entry that has its dates (a timeline's "2019 – 2022" over the school).
    const nextDates =
      cur?.end !== undefined && school === undefined && deg === undefined && dateOnly(text) && !GRADUATION.test(text);
    if (nextDates && dateRange(findDates(text)).start !== undefined) cur = undefined;
    if (cur === undefined && (major !== undefined || findDates(text).length > 0)) {
      cur = { lines: [] };
      entries.push(cur);
    }
    if (cur === undefined) continue;
    cur.lines.push(text);
    // A form's blank ("——", "/", "无") names no major.
    const blank = major === undefined || !/[\p{L}]/u.test(major.major) || /^(?:无|n\/?a|none)$/iu.test(major.major);
    if (major !== undefined && !blank && (cur.major === undefined || (major.strong && !cur.majorStrong))) {
      cur.major = major.major;
      cur.majorStrong = major.strong;
    }
    cur.fieldOfDegree ??= degreeField(withoutDates(text), deg);
    cur.zhField ??= zhDegreeField(text);
    const hits = findDates(text);
    // One date marked as the start ("2016.09 入学", "开始：2023-09", "From 08/2021"): no graduation.
    const started = hits.length === 1 && hits[0]?.date !== 'present' && STARTED.test(text) && !GRADUATION.test(text);
    const range: DateRange = started && hits[0]?.date !== 'present' ? { start: hits[0]?.date } : dateRange(hits);
    if (range.start !== undefined && cur.start === undefined) cur.start = range.start;
    // A later line's date moves the graduation only when the line is of the degree (its school, degree, a date
    // alone or a graduation word), not a licence exam, a publication or an award dated after it.
    // A certificate or licence "anticipated June 2025" under the degree is not the degree's graduation.
    const ofTheDegree =
      cur.end === undefined ||
      school !== undefined ||
      deg !== undefined ||
      (GRADUATION.test(text) && !CREDENTIAL.test(text)) ||
      dateOnly(text);
    // The latest date of the line: "June 2024 (Regiment of Cadets, Company Commander 2023–24)"; not a Nepali Bikram
    // Sambat year written beside the AD one ("2076-2080 / 2019-2024"), 56 years ahead of it.
    const latest = hits.reduce<YearMonth | undefined>(
      (a, h) => (h.date === 'present' || h.date.year > 2060 ? a : later(a, h.date)),
      undefined,
    );
    if (range.end !== undefined && range.end !== 'present' && latest !== undefined && ofTheDegree) {
      cur.end = later(cur.end, started ? range.end : latest);
    }
  }
  // "Rutgers University" over "Master of …" and "Bachelor of …": a degree entry without a school under a school
  // written alone on its line is of that school.
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    if (e.school === undefined && e.degree !== undefined && prev?.school !== undefined && prev.schoolAlone === true) {
      e.school = prev.school;
      e.schoolAlone = true;
    }
    // A vocational college's programme is an associate degree when the line does not say (三亚…职业学院 酒店管理),
    // unless it names a school-leaving qualification ("GCSEs and A-levels, Exmouth Community College").
    if (e.degree === undefined && e.school !== undefined && ASSOCIATE_SCHOOL.test(e.school) && !notAnEntry(e)) {
      e.degree = 'associate';
    }
    // "江西财经大学 审计学 2019.09 - 2023.06" under a master's entry: a Chinese university's entry that ended in an
    // earlier year than a graduate degree written beside it is the bachelor's that led to it.
    const graduate = entries.find(
      (o) =>
        (o.degree === 'master' || o.degree === 'doctorate') && o.end !== undefined && o.end.year > (e.end?.year ?? 1e4),
    );
    if (
      e.degree === undefined &&
      graduate !== undefined &&
      /^[\u4e00-\u9fff]+(?:大[学學]|[学學]院)$/u.test(e.school ?? '')
    ) {
      if (!ASSOCIATE_SCHOOL.test(e.school ?? '') && !notAnEntry(e)) e.degree = 'bachelor';
    }
  });
  return withoutRepeats(
    entries
      .filter((e) => e.school !== undefined || (e.degree !== undefined && e.major !== undefined))
      .filter((e) => !notAnEntry(e)),
  ).map((e) => ({
    school: e.school ?? null,
    degree: e.degree ?? null,
    // A major stated as such, else the degree's own field, else the segment left over on a line.
    major: (e.majorStrong === true ? e.major : (chineseField(e) ?? e.fieldOfDegree ?? e.major ?? e.zhField)) ?? null,
    graduationDate: e.end ? monthEnd(e.end) : null,
    startDate: e.start ? monthStart(e.start) : null,
    evidence: e.lines.join('\n'),
  }));
}

/** A Chinese school's entry written in both languages ("金融学硕士 Master of Finance"): the Chinese field. */
const chineseField = (e: Building): string | undefined =>
  e.zhField !== undefined &&
  /[\u4e00-\u9fff]/u.test(e.school ?? '') &&
  !/[\u4e00-\u9fff]/u.test(e.fieldOfDegree ?? '字')
    ? e.zhField
    : undefined;

const ZH_HIGH_SCHOOL = /(?:^|\s)[\u4e00-\u9fff]{0,12}(?:中学|高中)(?=\s|$)/u;
const HIGH_SCHOOL = new RegExp(
  "^(?:[^\\p{L}]*(?:[A-Z][\\p{L}.'’-]*\\s+){1,5}(?:High School|Secondary School|Senior High School|Grammar School)\\b)",
  'u',
);
const ASIDE = new RegExp(
  '^(?:scholarships?|awards?|honou?rs(?: (?:&|and) awards)?|activities|extracurriculars?|clubs?|societies|' +
    'leadership|involvement|(?:relevant )?coursework|courses|modules|thesis|dissertation|advisor|supervisor|minor|' +
    'publications?|registration|licen[cs]e|licensure|referees?|' +
    '(?:毕业)?论文|毕业设计|导师|实验室|课题组|荣誉|获奖|奖学金|(?:主修|核心|相关)?课程)\\s*[:：]',
  'iu',
);

const FORMER_NAME = /\s*[（(](?:原|前身为?|formerly\s)[^()（）]{2,40}[)）]/giu;
const script = (s: string): 'zh' | 'en' => (/[\u4e00-\u9fff]/u.test(s) ? 'zh' : 'en');

/**
 * An entry written twice: a form's "毕业院校 华北电力大学 … 本科" fields and its study table's row, or the two halves
 * of a bilingual résumé (中国矿业大学 … 2020.09-2024.06 and "China University of Mining and Technology, Sep 2020 -
 * Jun 2024"). Same degree and either the same school (and major, when both name one) or, across the two scripts, the
 * same start and end; the first is kept, its gaps filled from the second.
 */
function withoutRepeats(entries: readonly Building[]): Building[] {
  const out: Building[] = [];
  // A year alone is any month of it: "硕士（2023-2026）" in a summary table and "2023.09 – 2026.06" below it.
  const sameMonth = (a: YearMonth | undefined, b: YearMonth | undefined): boolean =>
    a !== undefined &&
    b !== undefined &&
    a.year === b.year &&
    (a.month === b.month || a.month === undefined || b.month === undefined);
  for (const e of entries) {
    // A timeline's "2018 入学 大连外国语大学" and its "2022 毕业 大连外国语大学 (文学学士)": one entry.
    const entered = out.find(
      (o) => o.school !== undefined && o.school === e.school && o.degree === undefined && o.end === undefined,
    );
    if (entered !== undefined) {
      Object.assign(entered, { ...e, start: entered.start ?? e.start, lines: [...entered.lines, ...e.lines] });
      continue;
    }
    // A form's study history row ("2021.09-2025.06 湖南第一师范学院小学教育专业 学生") restates an entry above it:
    // the same school and graduation month, no degree of its own.
    const restatement = out.find(
      (o) => e.degree === undefined && o.school !== undefined && o.school === e.school && sameMonth(o.end, e.end),
    );
    if (restatement !== undefined) {
      restatement.lines.push(...e.lines);
      continue;
    }
    const twin = out.find(
      (o) =>
        o.degree !== undefined &&
        o.degree === e.degree &&
        o.school !== undefined &&
        e.school !== undefined &&
        (o.school === e.school
          ? (o.end === undefined || e.end === undefined || sameMonth(o.end, e.end)) &&
            // A double degree (武汉大学 英语, 武汉大学 经济学 双学位) is two entries.
            (o.major === undefined || e.major === undefined || o.major === e.major)
          : script(o.school) !== script(e.school) &&
            ((sameMonth(o.start, e.start) && sameMonth(o.end, e.end)) ||
              // …or its translation on the line under it, undated: "香港理工大學 社會工作（榮譽）文學士 2021 – 2025" /
              // "Bachelor of Arts (Honours) in Social Work, The Hong Kong Polytechnic University".
              (o === out[out.length - 1] && e.start === undefined && e.end === undefined))),
    );
    if (twin === undefined) {
      out.push(e);
      continue;
    }
    twin.end ??= e.end;
    twin.start ??= e.start;
    if (twin.major === undefined || (e.majorStrong === true && twin.majorStrong !== true && twin.school === e.school)) {
      twin.major = e.major;
      twin.majorStrong = e.majorStrong;
    }
    twin.lines.push(...e.lines);
  }
  return out;
}

const SMALL_WORD = /^(?:of|and|the|for|at|in|on|de|di|du|la|le|y|e|et|with|to)$/u;
/**
 * "mfa, animation — california institute of the arts, 2024": a line written all in lower case, read with the
 * capitals names and degrees have (MFA, Animation, California Institute of the Arts).
 */
function cased(text: string): string {
  if (/[A-Z]/u.test(text.replace(/[(（][^)）]*[)）]/gu, '')) || !/[a-z]{3}/u.test(text)) return text;
  return text.replace(/[a-z][a-z'’-]*/gu, (w, at: number) => {
    const degree =
      /^(?:([bm])(sc|eng|ed|arch|phil|tech|des|mus|res)|[bm](?:fa|ba|a|s|sw|sn|pa|ph)|phd|llb|llm|jd)$/u.exec(w);
    if (degree !== null) {
      return degree[1] !== undefined
        ? `${degree[1].toUpperCase()}${w.charAt(1).toUpperCase()}${w.slice(2)}`
        : w.toUpperCase();
    }
    return at > 0 && SMALL_WORD.test(w) ? w : w.charAt(0).toUpperCase() + w.slice(1);
  });
}

/** A line wrapped inside a name or a major ("B.Sc. in Economics" / "and Finance (2019 – 2022)") joined again. */
function unwrapped(lines: readonly Line[]): Line[] {
  const out: Line[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    // …or wrapped after the joining word: "… — Bachelor of" / "Science in Forestry and Nature Conservation".
    if (
      prev !== undefined &&
      (/^\s*(?:and|or|of|&)\s/u.test(l.text) || /\s(?:of|in|and|&)$/u.test(prev.text.trimEnd()))
    ) {
      out[out.length - 1] = { ...prev, text: `${prev.text} ${l.text.trim()}` };
    } else if (prev !== undefined && wrappedSchool(prev.text, l.text)) {
      out[out.length - 1] = { ...prev, text: `${prev.text.trimEnd()}${l.text.trim()}` };
    } else if (prev !== undefined && (wrappedTail(prev.text, l.text) || wrappedMajor(prev.text, l.text))) {
      out[out.length - 1] = { ...prev, text: `${prev.text.trimEnd()} ${l.text.trim()}` };
    } else out.push(l);
  }
  return out;
}

/**
 * A degree's line wrapped to the page before its end, as a PDF holds it: the next line opens with the word that
 * names what the last one was, after a line with no date and no stop ("Bachelor of Commerce, Marketing" /
 * "concentration — Expected May 2026", "BFA Film Production, Editing" / "emphasis, May 2024").
 */
const wrappedTail = (prev: string, line: string): boolean =>
  degreeIn(prev) !== undefined &&
  /^(?:concentration|emphasis|option|track|speciali[sz]ation|stream|pathway|major|minor)\b/u.test(line.trim()) &&
  !/[.。;；:：!?]$/u.test(prev.trim()) &&
  findDates(prev).length === 0;

/** The width from which a line is one a page wrapped, not one a writer ended: a PDF's line of body text. */
const WRAPPED_WIDTH = 60;
// A line under a degree that says something of its own: a grade, a minor, a thesis, honours, courses, a date.
const LINE_OF_ITS_OWN =
  /^(?:GPA|CGPA|Minor|Major|Honou?rs|Thesis|Dissertation|Dean|Relevant|Courses?|Coursework|Expected|Graduat)/iu;
/**
 * A degree's line wrapped to the page inside its major, as a PDF holds it: a long line that ends in a word or an open
 * bracket (not a date, a stop or a mark) and a next line opening with the rest of the field, a few words before its
 * date, comma or bracket ("… — Bachelor of Engineering in Mining" / "Engineering", "… BFA, Film and Television" /
 * "Production, 2022", "… Master of Business Administration" / "(Marketing & Strategy), June 2025"). A next line
 * naming a school, a degree, a place or a label ("GPA: 3.8", "Minor in …") is a line of its own.
 */
export function wrappedMajor(prev: string, line: string): boolean {
  const p = prev.trimEnd();
  const t = line.trim();
  if (p.length < WRAPPED_WIDTH || degreeIn(p) === undefined) return false;
  // A table's row ends in another column ("Bachelor of Science in Agriculture (Second     Makerere University"): the
  // next line's words go on the cell they sit under, not on the line's last one.
  const last = p.split(/\s{2,}|\t|\s[|｜]\s/u).pop() ?? p;
  if (degreeIn(last) === undefined && schoolIn(last, segments(last)) !== undefined) return false;
  const open = (p.match(/[(（]/gu) ?? []).length > (p.match(/[)）]/gu) ?? []).length;
  if (!/[\p{L}]$/u.test(p) && !open) return false;
  // The last words of the line are the field's start, not a date's ("… Engineering, May" is a date cut).
  if (/\d\s*$/u.test(p) || findDates(p.slice(-20)).length > 0) return false;
  // The rest: a few words (or a bracket) before a comma, bracket, dash, bar, date or the line's end.
  const words = /^\(?(\p{Lu}[\p{L}&'’-]*(?:\s+[\p{L}&'’-]+)*)\s*(?:[()，,—–|-]|\s\d|$)/u.exec(t)?.[1];
  // …or, inside a bracket left open, in lower case ("(Data Journalism" / "concentration), May 2025").
  if (words === undefined) return open && /^[a-z][\p{L} -]*[)）]/u.test(t);
  return (
    words.split(/\s+/u).length <= 5 &&
    !LINE_OF_ITS_OWN.test(words) &&
    schoolIn(t, segments(t)) === undefined &&
    degreeIn(t) === undefined &&
    findCity(words) === undefined &&
    (!open || /[)）]/u.test(t))
  );
}

/**
 * A line holding several entries, each naming its school ("Education: PhD Statistics, University of California,
 * Berkeley (2020 – 2025) | MStat, Indian Statistical Institute (2018 – 2020)", "New York University, M.S. …;
 * Università Bocconi, B.Sc. …"): one line per entry. A table row naming one school stays whole.
 */
function entriesOfLine(l: Line): Line[] {
  const parts = l.text.split(/\s*[;；]\s*|\s+[|｜·•]\s+/u).filter((p) => p.trim() !== '');
  const names = parts.map((p) => schoolIn(p, segments(p)));
  // A faculty after its university ("海南大学 · 旅游管理学院 · 酒店管理") is part of that entry, not another school.
  const named = names.map(
    (n, i) => n !== undefined && !(zhFaculty(n) && names.slice(0, i).some((m) => m !== undefined && !zhFaculty(m))),
  );
  if (named.filter(Boolean).length < 2) return [l];
  const out: string[] = [];
  parts.forEach((p, i) => {
    if (named[i] === true || out.length === 0) out.push(p);
    else out[out.length - 1] += `, ${p}`;
  });
  return out.map((text) => ({ ...l, text }));
}

const tableCells = (text: string): string[] =>
  text
    .split(/\s*[|｜\t]\s*|\s{2,}/u)
    .map((c) => c.trim())
    .filter((c) => c !== '');

// A form spaces a label's characters to align them: "学　　院 汽车工程学院", "院　　系：…".
const FACULTY_LABEL =
  /^(?:(?:院系|所在院系|学院|所在学院|系别|院系名称|faculty|department|school)\s*(?:[:：]|\s{2,}|\t)|(?:院\s+系|学\s+院|系\s+别)\s)/iu;
const SUB_UNIT = (school: string, text: string, of: string): boolean =>
  /^(?:Faculty|Department|Dept\.?|Graduate School|Division) of\b/u.test(school) ||
  (/^(?:School|College) of\b/u.test(school) && (text.includes(`(${school}`) || text.includes(`（${school}`))) ||
  facultyOf(school, of);
// A faculty named under its university ("Arizona State University" / "Fulton Schools of Engineering", "Honors
// College") is dropped as HELD-OUT-3..8 drop faculties; a law, medical or music school is kept (keptFaculty).
// A faculty is "of" a discipline; "College of Southern Nevada" or "College of Charleston" is a school of its own.
const facultyOf = (school: string, of: string): boolean =>
  /Universit/u.test(of) &&
  !/Universit/u.test(school) &&
  (FACULTY_OF.test(school) || /Business School$|\bHonou?rs College$/u.test(school)) &&
  !keptFaculty(school);
const FACULTY_OF = new RegExp(
  '(?:School|College|Faculty)s? of (?:the )?(?:Business|Management|Engineering|Education|Journalism|Communications?|' +
    'Arts|Sciences?|Liberal|Humanities|Social|Public|Global|International|Information|Computing|Computer|Health|' +
    'Human|Nursing|Pharmacy|Veterinary|Agricultur|Natural|Applied|Continuing|Professional|Graduate|Media|' +
    'Hospitality|Accountancy|Economics and|Policy|Government|Fine Arts|Visual)',
  'u',
);
// A doctorate's institute or laboratory on a line of its own under the entry ("Walter Schottky Institute, group of
// Prof. X"): where the research was done, not another school.
const researchGroup = (school: string, text: string, hasDegree: boolean): boolean =>
  hasDegree &&
  !/Universit|大学/u.test(school) &&
  degreeIn(withoutDates(text)) === undefined &&
  findDates(text).length === 0 &&
  /\b(?:(?:research |working )?group|lab|laborator(?:y|ies)|supervisors?|advisors?)\b|\bProf\.|\bProfessor\b/iu.test(
    text,
  );
/**
 * A school named after the degree of the entry it is under: its faculty ("Shanghai Jiao Tong University" / "Bachelor
 * of Engineering in Mechanical Engineering, School of Mechanical Engineering") or where a term abroad was spent ("B.A.
 * in Translation · Exchange semester at Monterey (Middlebury Institute)").
 */
function besideDegree(school: string, text: string, cur: Building): boolean {
  const deg = degreeIn(withoutDates(text));
  const at = text.indexOf(school);
  if (deg === undefined || at < deg.end || cur.school === undefined) return false;
  const faculty =
    cur.degree === undefined && /Universit/u.test(cur.school) && /^(?:School|Faculty|Department) of\b/u.test(school);
  return faculty || /\b(?:exchange|study abroad|visiting|cross-regist)/iu.test(text.slice(deg.end, at));
}
const RESTATED = /学位|degree\s+(?:conferred|awarded)/iu;
const CREDENTIAL = /\b(?:certificat(?:e|ion)|licen[cs](?:e|ure)|registration)\b/iu;
const GRADUATED = /毕业|畢業|graduated/iu;
const GRADUATION = new RegExp(
  '毕业|畢業|预计|預計|届|结束|修了|graduat|expected|anticipated|conferred|awarded|completed|class of|' +
    'end[ _]?date|candidate|^\\s*(?:to|until)\\b',
  'iu',
);
const STARTED =
  /入学|入學|开始|開始|起始|考入|升入|^\s*(?:from|start(?:ed)?(?:\s+date)?|since)\b|enrolled|entered|matriculated/iu;
const dateOnly = (text: string): boolean =>
  /^[\s\p{P}]*$/u.test(
    withoutDates(text)
      .replace(LABEL, '')
      .replace(/^\s*(?:dates?|period|duration|years?|时间|起止时间)(?=\s)/iu, ''),
  );
const ASSOCIATE_SCHOOL = /职业(?:技术)?学院|职业大学|专科学校|Community College|Technical College|Junior College/u;
// Not a degree studied for: an exchange, a minor, a summer school or a course, when no degree is named.
const NOT_A_DEGREE = new RegExp(
  '交换|交換|交流学习|短期交流|交流(?:一|半|两|兩)?(?:学期|學期|年|生)|访学|访问学生|辅修|暑期|' +
    'exchange|study abroad|visiting|summer school|minor\\b|semester|\\bcourse\\b|' +
    'certificate|Erasmus|cross[- ]regist|\\bcoursework\\b|联合培养|' +
    // A vocational or professional training ("Initial teacher training with QTS (School Direct route)", "Kenya School
    // of Law – Advocates Training Programme") and a teaching placement at a school: no degree studied for.
    '\\btraining\\b(?!\\s+(?:college|institute|centre|center|school))|\\bplacement\\b|培训|' +
    // A postgraduate diploma (New Zealand, UK PGDip): no degree level fits it (HELD-OUT-7, -15).
    'post[- ]?graduate diploma|\\bPG ?Dip|' +
    // A UK art foundation year before the degree: "Foundation Diploma in Art & Design".
    'Foundation Diploma',
  'iu',
);

const LEAVING_WORD = new RegExp(
  '\\b(?:A[- ][Ll]evels?|AS[- ][Ll]evels?|GCSEs?|IGCSE|HKDSE|KCSE|KCPE|WAEC|WASSCE|SSCE|NECO|SPM|STPM|' +
    'Matric(?:ulation)?|Sixth Form|High School|Secondary School|Senior School Certificate|' +
    'National Senior Certificate|' +
    'Baccalaur[ée]at|International Baccalaureate|IB Diploma|Abitur|' +
    "Intermediate|HSC|SSC|CBSE|ICSE|FSc|[AO]\\s?['’]?\\s?Levels?|SEE|SLC|HSSC|SSLC|" +
    'Higher Secondary|Class (?:X|XII|10|12)|Grade 12|Year 12|CSEC|CAPE|UCE|UACE|' +
    // India's two pre-university years: "Mount Carmel PU College (Karnataka State Board)".
    'Pre-University|PU College|PUC|State Board|' +
    '(?:Advanced )?Certificate of (?:Secondary )?Education)\\b|\\+2(?= |$)|高中|中学|高考',
  'u',
);

function notAnEntry(e: Building): boolean {
  const first = e.lines[0] ?? '';
  if (SCHOOL_LEAVING.test(first.replace(/^[A-Za-z]+:\s*/u, '')) || SCHOOL_LEAVING.test(first)) return true;
  // A school-leaving qualification anywhere in an entry with no degree: A-levels, Matric, KCSE, SPM, HKDSE.
  if (e.degree === undefined && e.lines.some((l) => LEAVING_WORD.test(l))) return true;
  // A job or placement written among the schools ("Strength and Conditioning Intern, Leicester Tigers Academy"): its
  // title stands on the school's line and no degree is named.
  if (e.degree === undefined && e.school !== undefined && ROLE.test(first)) return true;
  // A school named "… School" with no degree ("Triam Udom Suksa School — Science-Math Program"): a secondary school.
  if (
    e.degree === undefined &&
    /^(?!.*\b(?:Law|Medical|Business|Graduate|Divinity)\s)[A-Z].*\sSchool$/u.test(e.school ?? '')
  ) {
    return true;
  }
  // A body that certifies, not teaches: "CFA Institute — CFA Level I Candidate", "Project Management Institute — CAPM".
  if (e.degree === undefined && CERTIFYING_BODY.test(e.school ?? '')) return true;
  // A credential held, listed under the degree in a "Qualifications" section: "Provisional Registration, Queensland
  // College of Teachers", "Working with Children Check", a licence: no degree studied for.
  if (e.degree === undefined && e.lines.some((l) => HELD_CHECK.test(l))) return true;
  return e.degree === undefined && e.lines.some((l) => NOT_A_DEGREE.test(l));
}
// Not the French licence, a degree: "Université Paris-Dauphine · Licence, Economics and Management".
const HELD_CHECK = new RegExp(
  '\\bregistration\\b|\\blicensure\\b|\\b(?:provisional|full|practi[sc]ing|teaching|nursing|driv\\w*) licen[cs]e\\b|' +
    '\\b(?:Working with Children|Police|Background|Criminal Record) Check\\b|\\bclearance\\b',
  'iu',
);
const CERTIFYING_BODY =
  /\b(?:CFA|Project Management) Institute\b|\bInstitute of (?:Internal Auditors|Management Accountants|Actuaries)\b/u;
const ROLE = new RegExp(
  '\\b(?:Intern|Internship|Trainee|Apprentice|Assistant|Coach|Volunteer|Tutor|Instructor|Lecturer|Teacher|Officer|' +
    'Analyst|Engineer|Technician|Coordinator|Manager|Supervisor|Consultant|Researcher|Fellow)\\b|' +
    // A club's member at the school: "Kapa haka group member, University of Waikato".
    '\\b(?:[Gg]roup|[Cc]lub|[Tt]eam|[Ss]ociety) [Mm]ember\\b|实习|助教|助理|兼职|' +
    // A student officer's post at the school ("武汉大学计算机学院 学生会主席"): a campus role, not an entry.
    '学生会|主席|部长|会长|班长|团支书|社长|队长',
  'u',
);

// A line of the résumé's headline that says what is sought, not what was studied: 求职意向：…硕士….
const WISH = /求职|意向|应聘|岗位|期望|目标/u;

/**
 * The one entry of a résumé whose headline states its degree or major ("测绘工程　本科　2025届", "烹饪工艺与营养专业
 * 大专") while its education line does not: filled from the headline lines (before any heading) that name one.
 */
export function withHeadline(education: EducationDraft[], header: readonly Line[]): EducationDraft[] {
  const only = education[0];
  if (education.length !== 1 || only === undefined || (only.degree !== null && only.major !== null)) return education;
  const short = header.map((l) => l.text.trim()).filter((t) => t.length <= 40 && !WISH.test(t) && !/@/u.test(t));
  const degrees = new Set(
    short.map((t) => (/[\u4e00-\u9fff]/u.test(t) ? degreeIn(withoutDates(t))?.degree : undefined)).filter(Boolean),
  );
  const majors = short
    .map((t) => /(?:^|\s)([\u4e00-\u9fff（）()]{2,20}?)专业(?=\s|$)/u.exec(t)?.[1])
    .filter((m): m is string => m !== undefined);
  const [degree] = degrees.size === 1 ? [...degrees] : [];
  return [
    {
      ...only,
      degree: only.degree ?? degree ?? null,
      major: only.major ?? (majors.length === 1 ? (majors[0] ?? null) : null),
    },
  ];
}
