import { studentTQuantile } from './stats/student-t.ts';
import type { UndefinedReason } from './types.ts';

export interface MeanScore {
  group: string;
  n: number;
  mean: number | null;
  /** Sample standard deviation with the n − 1 (Bessel) denominator. */
  sd: number | null;
  /** Lower and upper ends of the two-sided t interval; null when n < 2. */
  ciLow: number | null;
  ciHigh: number | null;
  level: number;
  reason: UndefinedReason | null;
}

/**
 * Mean score of one group with a two-sided Student t confidence interval:
 * mean ± t_{(1+level)/2, n−1} · s/√n, s = √(Σ(x − x̄)²/(n − 1)) (the textbook one-sample t interval;
 * it assumes roughly normal scores or a large n). Variance by two-pass sums (no cancellation).
 * n = 0 → everything null ('empty-group'); n = 1 → mean only ('single-observation').
 * s = 0 gives a zero-width interval [x̄, x̄].
 */
export function meanScore(group: string, scores: readonly number[], level = 0.95): MeanScore {
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  const n = scores.length;
  const empty = { group, n, sd: null, ciLow: null, ciHigh: null, level };
  if (n === 0) return { ...empty, mean: null, reason: 'empty-group' };
  for (const x of scores) if (!Number.isFinite(x)) throw new RangeError(`score must be finite, got ${x}`);
  const mean = scores.reduce((s, x) => s + x, 0) / n;
  if (n === 1) return { ...empty, mean, reason: 'single-observation' };
  const sd = Math.sqrt(scores.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
  const half = studentTQuantile((1 + level) / 2, n - 1) * (sd / Math.sqrt(n));
  return { group, n, mean, sd, ciLow: mean - half, ciHigh: mean + half, level, reason: null };
}
