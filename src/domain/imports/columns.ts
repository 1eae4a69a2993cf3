import { z } from 'zod';
import type { Bilingual, CellType, CellValue, RawCell } from './cells.ts';
import { parseCell } from './cells.ts';

export const IMPORT_KINDS = ['graduates', 'employers', 'postings', 'outcomes'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** One column of the header table: its key, its English and Chinese headers and the other spellings accepted. */
export interface ColumnSpec {
  readonly key: string;
  readonly en: string;
  readonly zh: string;
  readonly aliases: readonly string[];
  readonly type: CellType;
  /** A new row must give it (an update may leave it out). */
  readonly requiredOnCreate?: boolean;
  readonly description: Bilingual;
}

/** The parsed cells of one row, by column key; a column the file does not have is absent. */
export type ImportRecord = ReadonlyMap<string, CellValue>;

/** A field of a row that failed, by column key (the service names the header the file used). */
export interface FieldFailure {
  readonly key: string;
  readonly message: Bilingual;
}

export type Built<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: FieldFailure[] };

/** Folds a header for matching: width, case, spaces, underscores, hyphens and asterisks do not matter. */
export const foldHeader = (header: string): string =>
  header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-*]/g, '');

export interface HeaderMap {
  /** Column key per file column; undefined for columns the table does not know (ignored). */
  readonly keys: ReadonlyArray<string | undefined>;
  /** The header the file used for each key (for messages naming the column). */
  readonly headerOf: ReadonlyMap<string, string>;
  readonly ignored: readonly string[];
}

export type HeaderResult =
  { readonly ok: true; readonly map: HeaderMap } | { readonly ok: false; readonly errors: FieldFailure[] };

/**
 * Maps a file's header row to column keys: unknown headers are ignored, duplicates and a missing key column
 * (the columns that identify a row: the external id, or for outcomes 学号 and the date) are errors.
 */
export function resolveHeaders(
  columns: readonly ColumnSpec[],
  headers: readonly string[],
  keyColumns: readonly string[] = ['external_id'],
): HeaderResult {
  const lookup = new Map<string, string>();
  for (const c of columns) for (const h of [c.key, c.en, c.zh, ...c.aliases]) lookup.set(foldHeader(h), c.key);
  const keys: Array<string | undefined> = [];
  const headerOf = new Map<string, string>();
  const ignored: string[] = [];
  const errors: FieldFailure[] = [];
  for (const header of headers) {
    const key = header.trim() === '' ? undefined : lookup.get(foldHeader(header));
    if (key !== undefined && headerOf.has(key)) {
      errors.push({
        key,
        message: {
          zh: `列“${header}”与列“${headerOf.get(key)}”是同一字段，只能出现一次`,
          en: `column "${header}" is the same field as column "${headerOf.get(key)}"; give it once`,
        },
      });
    }
    if (key !== undefined && !headerOf.has(key)) headerOf.set(key, header.trim());
    else if (key === undefined && header.trim() !== '') ignored.push(header.trim());
    keys.push(key);
  }
  for (const key of keyColumns) {
    if (headerOf.has(key)) continue;
    const id = columns.find((c) => c.key === key);
    errors.push({
      key,
      message: {
        zh: `缺少必需的列“${id?.zh ?? key}”（或 ${key}）`,
        en: `the required column "${id?.en ?? key}" (or ${id?.zh ?? key}) is missing`,
      },
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, map: { keys, headerOf, ignored } };
}

/** Parses a row's cells into a record; every failing cell is reported, not only the first. */
export function parseRow(
  columns: readonly ColumnSpec[],
  map: HeaderMap,
  cells: readonly RawCell[],
): Built<ImportRecord> {
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const record = new Map<string, CellValue>();
  const errors: FieldFailure[] = [];
  map.keys.forEach((key, i) => {
    const spec = key === undefined ? undefined : byKey.get(key);
    if (!spec || key === undefined) return;
    const parsed = parseCell(spec.type, cells[i]);
    if (parsed.ok) record.set(key, parsed.value);
    else errors.push({ key, message: parsed.message });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: record };
}

/**
 * A row's identity from its key columns (joined with a tab, which no cell keeps), or the failures of the
 * key cells left empty. The engine uses it to find repeated rows; each kind's adapter finds the record by it.
 */
export function rowKey(
  columns: readonly ColumnSpec[],
  keyColumns: readonly string[],
  record: ImportRecord,
): Built<string> {
  const parts: string[] = [];
  const errors: FieldFailure[] = [];
  for (const key of keyColumns) {
    const v = record.get(key);
    if (typeof v === 'string') parts.push(v);
    else {
      const spec = columns.find((c) => c.key === key);
      errors.push({
        key,
        message:
          key === 'external_id'
            ? { zh: '编号不能为空', en: 'the external id is empty' }
            : { zh: `“${spec?.zh ?? key}”不能为空`, en: `"${spec?.en ?? key}" is empty` },
      });
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: parts.join('\t') };
}

/** The failure of a row whose key repeats an earlier row's, on its first key column. */
export function repeatedKey(
  columns: readonly ColumnSpec[],
  keyColumns: readonly string[],
  key: string,
  first: number,
): FieldFailure {
  const values = key.split('\t');
  if (keyColumns.length === 1 && keyColumns[0] === 'external_id')
    return {
      key: 'external_id',
      message: { zh: `编号“${key}”与第 ${first} 行重复`, en: `external id "${key}" repeats row ${first}` },
    };
  const specs = keyColumns.map((k) => columns.find((c) => c.key === k));
  return {
    key: keyColumns[0] ?? 'external_id',
    message: {
      zh: `${specs.map((c, i) => `${c?.zh ?? keyColumns[i]}“${values[i] ?? ''}”`).join('、')}与第 ${first} 行重复`,
      en: `${specs.map((c, i) => `${c?.en ?? keyColumns[i]} "${values[i] ?? ''}"`).join(', ')} repeats row ${first}`,
    },
  };
}

/** A required column left empty for a new row. */
export function missingOnCreate(columns: readonly ColumnSpec[], record: ImportRecord): FieldFailure[] {
  return columns
    .filter((c) => c.requiredOnCreate && record.get(c.key) === undefined)
    .map((c) => ({
      key: c.key,
      message: { zh: `新建记录时“${c.zh}”不能为空`, en: `"${c.en}" is required for a new record` },
    }));
}

const english = z.locales.en().localeError;
const zhCN = z.locales.zhCN().localeError;
const text = (m: ReturnType<typeof english>) => (typeof m === 'string' ? m : m?.message);

/** zod's Chinese wording of an issue whose message is zod's own default; a schema's own message is kept. */
function chinese(issue: z.core.$ZodIssue): string {
  const raw = issue as unknown as Parameters<typeof english>[0];
  if (text(english(raw)) !== issue.message) return issue.message;
  return text(zhCN(raw)) ?? issue.message;
}

/** zod issues of the built input, each named by the column it came from. */
export function zodFailures(
  issues: readonly z.core.$ZodIssue[],
  columnOf: (path: readonly PropertyKey[]) => string,
): FieldFailure[] {
  return issues.map((issue) => ({
    key: columnOf(issue.path),
    message: { zh: `取值无效：${chinese(issue)}`, en: `invalid value: ${issue.message}` },
  }));
}

export const snake = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

// Narrowing helpers for building inputs from a record.
export const str = (r: ImportRecord, key: string): string | undefined => {
  const v = r.get(key);
  return typeof v === 'string' ? v : undefined;
};
export const list = (r: ImportRecord, key: string): string[] | undefined => {
  const v = r.get(key);
  return Array.isArray(v) ? [...(v as readonly string[])] : undefined;
};
export const num = (r: ImportRecord, key: string): number | undefined => {
  const v = r.get(key);
  return typeof v === 'number' ? v : undefined;
};
export const bool = (r: ImportRecord, key: string): boolean | undefined => {
  const v = r.get(key);
  return typeof v === 'boolean' ? v : undefined;
};
