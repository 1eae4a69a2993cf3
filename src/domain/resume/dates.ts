/** A calendar month as résumés write it; `month` is absent when only a year was given. */
export interface YearMonth {
  year: number;
  month?: number;
}

export interface DateHit {
  date: YearMonth | 'present';
  start: number;
  end: number;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH_WORD =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|' +
  'sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const YEAR = '((?:19|20)\\d{2})';
const PRESENT = '(至今|现在|目前|present|now|current|(?<=[-–—~～]\\s*)今)';

const SEASON: Record<string, number> = { spring: 5, summer: 8, fall: 12, autumn: 12, winter: 12, 春: 3, 夏: 7, 秋: 9 };
const YY_MM = '\\d{2}[./](?:0[1-9]|1[0-2])(?![\\d.])';
const YY_RANGE_NEXT = `\\s*[-–—~～至]\\s*(?:${YY_MM}|至今|今|present|now)`;
const YY_RANGE_PREV = `(?<![\\d.])${YY_MM.replace('(?![\\d.])', '')}\\s*[-–—~～至]\\s*`;

// Alternatives in order of precedence; every one captures year and month by name through its groups.
const PATTERNS: readonly { re: RegExp; read: (m: RegExpExecArray) => YearMonth | 'present' }[] = [
  {
    // 01.10.2020 · 31.03.2025: a day, its month and the year, as German and Central European CVs write dates
    re: new RegExp(`(?<![\\d.])(?:0?[1-9]|[12]\\d|3[01])\\.(1[0-2]|0?[1-9])\\.${YEAR}(?!\\d)`, 'giu'),
    read: (m) => ({ year: Number(m[2]), month: Number(m[1]) }),
  },
  {
    // 2022.09 · 2022/9 · 2022-09 · 2022年9月
    // (not "2022 - 08/2024", a range of two MM/YYYY dates)
    re: new RegExp(`${YEAR}\\s*(?:[./\\-]|年)\\s*(1[0-2]|0?[1-9])(?!\\d)(?!\\s*[./]\\s*\\d)\\s*月?`, 'giu'),
    read: (m) => ({ year: Number(m[1]), month: Number(m[2]) }),
  },
  {
    // 09/2022 · 9.2022
    re: new RegExp(`(?<![\\d.])(1[0-2]|0?[1-9])\\s*[./]\\s*${YEAR}(?!\\d)`, 'giu'),
    read: (m) => ({ year: Number(m[2]), month: Number(m[1]) }),
  },
  {
    // Sep 2022 · September, 2022
    re: new RegExp(`\\b${MONTH_WORD},?\\s+${YEAR}\\b`, 'giu'),
    read: (m) => ({ year: Number(m[2]), month: MONTHS[(m[1] ?? '').slice(0, 3).toLowerCase()] ?? 1 }),
  },
  {
    // Spring 2024 (May), Summer (August), Fall / Autumn / Winter (December): the month a term ends; 2023年秋 (September).
    re: new RegExp(
      `\\b(spring|summer|fall|autumn|winter)\\s+(?:term\\s+|semester\\s+)?${YEAR}\\b|${YEAR}\\s*年\\s*(春|夏|秋)(?:季|天)?`,
      'giu',
    ),
    read: (m) => ({ year: Number(m[2] ?? m[3]), month: SEASON[(m[1] ?? m[4] ?? '').toLowerCase()] ?? 6 }),
  },
  {
    // 19.09-23.06, 21/09 – 至今: a two-digit year and its month, only in a range (a score 3.62 or 8.5 is no date)
    re: new RegExp(
      `(?<![\\d.])(\\d{2})[./](0[1-9]|1[0-2])(?![\\d.])(?=${YY_RANGE_NEXT})|` +
        `(?<=${YY_RANGE_PREV})(\\d{2})[./](0[1-9]|1[0-2])(?![\\d.])`,
      'giu',
    ),
    read: (m) => {
      const yy = Number(m[1] ?? m[3]);
      return { year: yy <= 60 ? 2000 + yy : 1900 + yy, month: Number(m[2] ?? m[4]) };
    },
  },
  {
    // 09/19 – 06/23: a month and a two-digit year (US), only in a range and only where the year cannot be a month
    re: new RegExp(
      `(?<![\\d./])(0[1-9]|1[0-2])/(1[3-9]|[2-5]\\d)(?![\\d./])` +
        `(?=\\s*[-–—~]\\s*(?:(?:0[1-9]|1[0-2])/\\d{2}(?![\\d./])|present|now|current))|` +
        `(?<=(?<![\\d./])(?:0[1-9]|1[0-2])/\\d{2}\\s*[-–—~]\\s*)(0[1-9]|1[0-2])/(1[3-9]|[2-5]\\d)(?![\\d./])`,
      'giu',
    ),
    read: (m) => ({ year: 2000 + Number(m[2] ?? m[4]), month: Number(m[1] ?? m[3]) }),
  },
  {
    // An academic year, 2023/24 or 2023/2024 (the year it ends): "2021/22 – 2023/24", "2024/2025學年畢業".
    re: new RegExp(`(?<![\\d./])${YEAR}\\s*/\\s*((?:19|20)?\\d{2})(?![\\d./])`, 'giu'),
    read: (m) => {
      const [from, to] = [Number(m[1]), Number(m[2])];
      return { year: to < 100 ? from + 1 : to };
    },
  },
  { re: new RegExp(`(?<!\\d)${YEAR}(?:\\s*年)?(?!\\d)`, 'giu'), read: (m) => ({ year: Number(m[1]) }) },
  {
    // '21 – '25, '21 – Present: a year by its last two digits after an apostrophe, only in a range
    re: new RegExp(
      `(?<![\\w'’])['’](\\d{2})(?!\\d)(?=\\s*[-–—~]\\s*(?:['’]\\d{2}(?!\\d)|present|now|current))|` +
        `(?<=(?<![\\w'’])['’]\\d{2}\\s*[-–—~]\\s*)['’](\\d{2})(?!\\d)`,
      'giu',
    ),
    read: (m) => {
      const yy = Number(m[1] ?? m[2]);
      return { year: yy <= 60 ? 2000 + yy : 1900 + yy };
    },
  },
  { re: new RegExp(PRESENT, 'giu'), read: () => 'present' },
];

/** Every date in a line, left to right, without overlaps (earlier patterns win). */
export function findDates(line: string): DateHit[] {
  const taken: DateHit[] = [];
  // Digits of an e-mail or web address (zhang2003@163.com, github.com/li2021) are no date.
  const addresses = [...line.matchAll(ADDRESS)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  for (const { re, read } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(line); m !== null; m = re.exec(line)) {
      const start = m.index;
      const end = start + m[0].length;
      if ([...taken, ...addresses].some((t) => start < t.end && end > t.start)) continue;
      // A word for "present" inside a longer word (ServiceNow, Nowcoder) is no date.
      const inWord = /[a-z]/i.test(line[end] ?? '') || /[a-z]/i.test(line[start - 1] ?? '');
      if (read(m) === 'present' && /[a-z]/i.test(m[0]) && inWord) continue;
      taken.push({ date: read(m), start, end });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}
const ADDRESS = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?:\/\/|www\.)\S+|\b[\w-]+\.(?:com|cn|net|org|io|me|dev)\/\S*/giu;

/** A line with its dates cut out (for reading the words around them). */
export function withoutDates(line: string, hits: readonly DateHit[] = findDates(line)): string {
  let out = line;
  for (const h of [...hits].reverse()) out = out.slice(0, h.start) + ' ' + out.slice(h.end);
  // Range marks between dates; "to" only beside a cut date, so "Teaching English to Speakers…" keeps its words.
  return (
    out
      .replace(/(?:^|\s)[-–—~～至到](?=\s|$)/gu, ' ')
      .replace(/(?<=\s{2}|^\s)to\s|\sto(?=\s{2}|\s$)/giu, ' ')
      // The brackets a date stood in ("Supply Chain Management (2023)"), left empty.
      .replace(/[(（][\s,，]*[)）]/gu, ' ')
  );
}

export interface DateRange {
  start?: YearMonth;
  end?: YearMonth | 'present';
}

/** The range a line states: its first date and its last; one date alone is the end (a graduation). */
export function dateRange(hits: readonly DateHit[]): DateRange {
  const first = hits[0];
  const last = hits[hits.length - 1];
  if (first === undefined || last === undefined) return {};
  if (hits.length === 1) return first.date === 'present' ? { end: 'present' } : { end: first.date };
  return { ...(first.date === 'present' ? {} : { start: first.date }), end: last.date };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** YYYY-MM-DD: the first of the month (June when only a year is known). */
export function monthStart(d: YearMonth): string {
  return `${d.year}-${pad(d.month ?? 6)}-01`;
}

/** YYYY-MM-DD: the last day of the month (June when only a year is known), as graduation dates are given. */
export function monthEnd(d: YearMonth): string {
  const month = d.month ?? 6;
  const last = new Date(Date.UTC(d.year, month, 0)).getUTCDate();
  return `${d.year}-${pad(month)}-${pad(last)}`;
}

/** The later of two dates; on the same year the one that names a month. */
export function later(a: YearMonth | undefined, b: YearMonth): YearMonth {
  if (a === undefined) return b;
  if (b.year !== a.year) return b.year > a.year ? b : a;
  if (a.month === undefined) return b;
  if (b.month === undefined) return a;
  return b.month > a.month ? b : a;
}
