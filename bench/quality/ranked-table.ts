/**
 * Printing of the title-search and cross-lingual benchmarks: every figure is a mean over queries with
 * its 95 % bootstrap interval, and every method's difference from the baseline with its paired interval.
 */
import { deltaInterval, formatInterval, meanInterval, ratioInterval, type RankMetrics } from './intervals.ts';

export interface MethodResult {
  readonly method: string;
  readonly note: string;
  readonly perQuery: readonly RankMetrics[];
}

export function renderRankedTable(title: string, results: readonly MethodResult[], baseline: string): string {
  const base = results.find((r) => r.method === baseline);
  const lines = [`\n=== ${title} (${results[0]?.perQuery.length ?? 0} queries) ===`];
  const header = [
    'method',
    'MRR [95% CI]',
    'recall@10 [95% CI]',
    `ΔMRR vs ${baseline} [95% CI]`,
    `MRR ÷ ${baseline} [95% CI]`,
    'what it is',
  ];
  const rows = results.map((r) => {
    const mrr = r.perQuery.map((q) => q.mrr);
    const recall = r.perQuery.map((q) => q.recall);
    const baseMrr = base?.perQuery.map((q) => q.mrr) ?? [];
    const baseMean = baseMrr.reduce((a, b) => a + b, 0) / Math.max(1, baseMrr.length);
    return [
      r.method,
      formatInterval(meanInterval(mrr, `${title}|${r.method}|mrr`)),
      formatInterval(meanInterval(recall, `${title}|${r.method}|recall`)),
      base === undefined || base === r ? '—' : formatInterval(deltaInterval(mrr, baseMrr, `${title}|${r.method}`)),
      base === undefined || base === r || baseMean === 0
        ? '—'
        : `${formatInterval(ratioInterval(mrr, baseMrr, `${title}|${r.method}|ratio`))}×`,
      r.note,
    ];
  });
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((row) => (row[c] ?? '').length)));
  for (const row of all)
    lines.push(row.map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c] ?? 0))).join('  '));
  return lines.join('\n');
}
