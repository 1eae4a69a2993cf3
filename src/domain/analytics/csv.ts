/**
 * Analytics as CSV: one long table per answer, a row per figure, so every view has the same columns and
 * a spreadsheet pivots it as it likes. A blanked figure has empty n and value and `suppressed` = true.
 */
export const CSV_COLUMNS = ['table', 'dimension', 'key', 'label', 'measure', 'n', 'value', 'suppressed'] as const;
export type CsvRow = Readonly<Record<(typeof CSV_COLUMNS)[number], string | number | boolean | null>>;

/** RFC 4180 quoting; a text cell a spreadsheet would run as a formula (= + - @) is prefixed with '. */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** UTF-8 with a byte-order mark (so Excel reads the Chinese labels), CRLF line ends, a header row. */
export function toCsv(rows: readonly CsvRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) lines.push(CSV_COLUMNS.map((c) => csvCell(r[c])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
