import { versus, type MethodRun, type MetricName } from './evaluate.ts';
import { formatInterval, meanInterval } from './intervals.ts';

export interface BenchTable {
  readonly title: string;
  readonly metrics: readonly MetricName[];
  /** Name of the baseline run that Δ columns compare against. */
  readonly baseline: string;
  readonly splits: ReadonlyArray<{ readonly label: string; readonly runs: readonly MethodRun[] }>;
  readonly notes: readonly string[];
}

const LABEL: Record<MetricName, string> = { mrr: 'MRR', recall: 'recall@10', ndcg: 'nDCG@10' };
const signed = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;

interface Row {
  readonly cells: string[];
}

function rows(table: BenchTable, runs: readonly MethodRun[]): { header: string[]; body: Row[] } {
  const base = runs.find((r) => r.method === table.baseline);
  const header = [
    'method',
    ...table.metrics.map((m) => `${LABEL[m]} [95% CI]`),
    ...table.metrics.map((m) => `Δ${LABEL[m]} vs ${table.baseline} [95% CI]`),
    'what it is',
  ];
  const body = runs.map((run) => ({
    cells: [
      run.method,
      ...table.metrics.map((m) =>
        formatInterval(
          meanInterval(
            run.perQuery.map((q) => q[m]),
            `${table.title}|${run.method}|${m}`,
          ),
        ),
      ),
      ...table.metrics.map((m) => {
        if (base === undefined || run === base) return '—';
        const ci = versus(run, base, m);
        return `${signed(ci.delta)} [${signed(ci.low)}, ${signed(ci.high)}]`;
      }),
      run.note,
    ],
  }));
  return { header, body };
}

export function renderConsole(table: BenchTable): string {
  const out = [`\n=== ${table.title} ===`];
  for (const split of table.splits) {
    const n = split.runs[0]?.perQuery.length ?? 0;
    out.push(`-- ${split.label} (${n} queries)`);
    const { header, body } = rows(table, split.runs);
    const all = [header, ...body.map((r) => r.cells)];
    const widths = header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
    for (const r of all)
      out.push(r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c] ?? 0))).join('  '));
  }
  for (const note of table.notes) out.push(`   ${note}`);
  return out.join('\n');
}

export function renderMarkdown(table: BenchTable): string {
  const out = [`### ${table.title}`, ''];
  for (const split of table.splits) {
    const n = split.runs[0]?.perQuery.length ?? 0;
    out.push(`**${split.label}** (${n} queries)`, '');
    const { header, body } = rows(table, split.runs);
    out.push(
      `| ${header.join(' | ')} |`,
      `|${header.map((_, i) => (i === 0 || i === header.length - 1 ? ' --- ' : ' ---: ')).join('|')}|`,
    );
    for (const r of body) out.push(`| ${r.cells.join(' | ')} |`);
    out.push('');
  }
  for (const note of table.notes) out.push(`- ${note}`);
  out.push('');
  return out.join('\n');
}
