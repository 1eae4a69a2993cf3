/** Plain tables for bench:match, printed aligned on the console and as markdown for bench/out/match.md. */
export interface Table {
  title: string;
  head: string[];
  rows: string[][];
  notes?: string[];
}

export function renderConsole(t: Table): string {
  const widths = t.head.map((h, c) => Math.max(h.length, ...t.rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((x, c) => (c === 0 ? x.padEnd(widths[c] ?? 0) : x.padStart(widths[c] ?? 0))).join('  ');
  return [
    t.title,
    line(t.head),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...t.rows.map(line),
    ...(t.notes ?? []).map((n) => `  ${n}`),
  ].join('\n');
}

export function renderMarkdown(t: Table): string {
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    `### ${t.title}`,
    '',
    row(t.head),
    row(t.head.map((_, c) => (c === 0 ? '---' : '---:'))),
    ...t.rows.map(row),
    '',
    ...(t.notes ?? []).map((n) => `- ${n}`),
    '',
  ].join('\n');
}

export const ms = (x: number): string =>
  Number.isNaN(x) ? '–' : x < 1 ? x.toFixed(3) : x < 10 ? x.toFixed(2) : x.toFixed(1);
export const ratio = (x: number): string => `${x.toFixed(2)}×`;
export const sizeLabel = (n: number): string =>
  n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n);
