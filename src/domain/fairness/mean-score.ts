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

/** Sufficient statistics of a sample: count, mean and M2 = Σ(x − x̄)² (what SQL's avg and var_samp give). */
export interface Moments {
  n: number;
  mean: number;
  m2: number;
}

/**
 * Merges the moments of two disjoint samples (Chan, Golub & LeVeque 1979, the pairwise update):
 * n = nA + nB, δ = x̄B − x̄A, x̄ = x̄A + δ·nB/n, M2 = M2A + M2B + δ²·nA·nB/n. Exact up to rounding and
 * free of the Σx² − (Σx)²/n cancellation, so cells aggregated in SQL can be summed into any grouping.
 */
export function combineMoments(a: Moments, b: Moments): Moments {
  if (a.n === 0) return b;
  if (b.n === 0) return a;
  const n = a.n + b.n;
  const delta = b.mean - a.mean;
  return { n, mean: a.mean + (delta * b.n) / n, m2: a.m2 + b.m2 + (delta * delta * a.n * b.n) / n };
}

/**
 * {@link meanScore} from moments instead of the raw scores: the same t interval
 * mean ± t_{(1+level)/2, n−1}·s/√n with s = √(M2/(n − 1)), and the same null conventions.
 */
export function meanScoreFromMoments(group: string, moments: Moments, level = 0.95): MeanScore {
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  const { n, mean, m2 } = moments;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  const empty = { group, n, sd: null, ciLow: null, ciHigh: null, level };
  if (n === 0) return { ...empty, mean: null, reason: 'empty-group' };
  if (n === 1) return { ...empty, mean, reason: 'single-observation' };
  const sd = Math.sqrt(Math.max(0, m2) / (n - 1));
  const half = studentTQuantile((1 + level) / 2, n - 1) * (sd / Math.sqrt(n));
  return { group, n, mean, sd, ciLow: mean - half, ciHigh: mean + half, level, reason: null };
}
