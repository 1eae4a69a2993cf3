/** Latency summaries for bench:match (nearest-rank percentiles over the measured, post-warm-up runs). */
export interface Summary {
  runs: number;
  p50: number;
  p99: number;
  mean: number;
}

/** Nearest-rank percentile: the ⌈p·n⌉-th smallest value. */
export function percentile(sorted: readonly number[], p: number): number {
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

/** Runs fn warmup + runs times and returns the timings (ms) of the last `runs`; `sink` keeps results alive. */
export function timeRuns(
  runs: number,
  warmup: number,
  fn: (i: number) => unknown,
): { summary: Summary; sink: unknown[] } {
  const samples: number[] = [];
  const sink: unknown[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const t = performance.now();
    const out = fn(i);
    const dt = performance.now() - t;
    if (i >= warmup) {
      samples.push(dt);
      if (sink.length < 4) sink.push(out);
    }
  }
  return { summary: summarize(samples), sink };
}

export const rssMb = (): number => process.memoryUsage().rss / 2 ** 20;
