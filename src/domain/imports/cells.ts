/**
 * How one spreadsheet cell becomes a typed value and back. Parsing accepts what career-office systems
 * write (本科 or bachelor, 2026/6/30 or 2026-06-30, 是/否); formatting writes the one canonical spelling,
 * so an exported file imports as "unchanged".
 */

/** A message in both languages; the HTTP layer picks one by Accept-Language and keeps both in reports. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** What a cell holds after parsing: absent (empty cell), text, a list, a whole number or a yes/no. */
export type CellValue = string | readonly string[] | number | boolean | undefined;

/** What a reader hands over for a cell: CSV gives text, XLSX may give numbers, booleans and dates. */
export type RawCell = string | number | boolean | Date | null | undefined;

export type CellType =
  | { readonly kind: 'text' }
  | { readonly kind: 'list'; readonly of?: Readonly<Record<string, readonly string[]>> }
  | { readonly kind: 'int' }
  | { readonly kind: 'date' }
  | { readonly kind: 'bool' }
  | { readonly kind: 'enum'; readonly values: Readonly<Record<string, readonly string[]>> };

export type CellResult =
  { readonly ok: true; readonly value: CellValue } | { readonly ok: false; readonly message: Bilingual };

const fail = (zh: string, en: string): CellResult => ({ ok: false, message: { zh, en } });

/** Splits a list cell on ; ； 、 | , ， and line breaks (the separators spreadsheets people type use). */
export const LIST_SEPARATORS = /[;；、|,，\n\r]+/;

const fold = (s: string): string => s.normalize('NFKC').trim().toLowerCase();

function pickEnum(values: Readonly<Record<string, readonly string[]>>, text: string): string | undefined {
  const folded = fold(text);
  for (const [canonical, spellings] of Object.entries(values)) {
    if (fold(canonical) === folded || spellings.some((s) => fold(s) === folded)) return canonical;
  }
  return undefined;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** 2026-06-30, 2026/6/30, 2026.06.30 or 2026年6月30日 → 2026-06-30; anything else is undefined. */
export function parseDay(text: string): string | undefined {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.normalize('NFKC').trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : undefined;
}

const textOf = (raw: RawCell): string => {
  if (raw === null || raw === undefined) return '';
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? '' : raw.toISOString().slice(0, 10);
  return String(raw).normalize('NFC').trim();
};

/** Parses one cell; an empty cell is `undefined` for every type (the field is cleared or left at its default). */
export function parseCell(type: CellType, raw: RawCell): CellResult {
  const text = textOf(raw);
  if (text === '') return { ok: true, value: undefined };
  switch (type.kind) {
    case 'text':
      return { ok: true, value: text };
    case 'list': {
      const items = text
        .split(LIST_SEPARATORS)
        .map((s) => s.trim())
        .filter((s) => s !== '');
      if (!type.of) return { ok: true, value: items };
      const values: string[] = [];
      for (const item of items) {
        const picked = pickEnum(type.of, item);
        if (picked === undefined) return enumFailure(type.of, item);
        values.push(picked);
      }
      return { ok: true, value: values };
    }
    case 'int': {
      if (typeof raw === 'number') {
        return Number.isInteger(raw)
          ? { ok: true, value: raw }
          : fail(`应为整数，而不是 ${raw}`, `expected a whole number, not ${raw}`);
      }
      const digits = text.normalize('NFKC').replace(/[,\s]/g, '');
      if (!/^-?\d{1,12}(\.0+)?$/.test(digits))
        return fail(`应为整数，而不是“${text}”`, `expected a whole number, not "${text}"`);
      return { ok: true, value: Number.parseInt(digits, 10) };
    }
    case 'date': {
      const day = raw instanceof Date ? textOf(raw) : parseDay(text);
      if (day === undefined)
        return fail(`应为日期（如 2026-06-30），而不是“${text}”`, `expected a date such as 2026-06-30, not "${text}"`);
      return { ok: true, value: day };
    }
    case 'bool': {
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      const yes = ['是', 'true', 'yes', 'y', '1', '√'];
      const no = ['否', 'false', 'no', 'n', '0', '×'];
      const folded = fold(text);
      if (yes.includes(folded)) return { ok: true, value: true };
      if (no.includes(folded)) return { ok: true, value: false };
      return fail(`应为“是”或“否”，而不是“${text}”`, `expected yes or no (是/否), not "${text}"`);
    }
    case 'enum': {
      const picked = pickEnum(type.values, text);
      return picked === undefined ? enumFailure(type.values, text) : { ok: true, value: picked };
    }
  }
}

function enumFailure(values: Readonly<Record<string, readonly string[]>>, text: string): CellResult {
  const accepted = Object.entries(values)
    .map(([canonical, spellings]) => [canonical, ...spellings.slice(0, 1)].join('/'))
    .join(', ');
  return fail(`“${text}”不是可接受的值（${accepted}）`, `"${text}" is not one of ${accepted}`);
}

/** The canonical text of a value: what export writes and what "unchanged" compares. */
export function formatCell(type: CellType, value: CellValue): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.join('; ');
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  void type;
  return String(value);
}
