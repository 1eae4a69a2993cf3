/** Latency summaries for bench:match (nearest-rank percentiles over the measured, post-warm-up runs). */
export interface Summary {
  runs: number;
  p50: number;
  p99: number;
  mean: number;
}

/** Nearest-rank percentile: the ⌈p·n⌉-th smallest value. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    mean: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length),
  };
}

export const rssMb = (): number => process.memoryUsage().rss / 2 ** 20;
