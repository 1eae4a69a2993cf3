/**
 * 95 % percentile-bootstrap intervals (Efron & Tibshirani 1993, ch. 13) for the benchmarks that print
 * one figure per method: the mean of a per-query metric, and a method's mean minus the baseline's over
 * the same queries (paired). 1,000 resamples from a seeded generator, so every run prints the same.
 */
import { createRng } from '../../src/demo/random.ts';
import { mean, pairedBootstrap } from './metrics.ts';

export interface Interval {
  readonly value: number;
  readonly low: number;
  readonly high: number;
}

const ROUNDS = 1000;

export function meanInterval(values: readonly number[], seed: string): Interval {
  const zeros = values.map(() => 0);
  const ci = pairedBootstrap(values, zeros, ROUNDS, createRng(`bole-bench-ci|${seed}`).next);
  return { value: mean(values), low: ci.low, high: ci.high };
}

export function deltaInterval(values: readonly number[], baseline: readonly number[], seed: string): Interval {
  const ci = pairedBootstrap(values, baseline, ROUNDS, createRng(`bole-bench-delta|${seed}`).next);
  return { value: ci.delta, low: ci.low, high: ci.high };
}

export const formatInterval = (i: Interval, digits = 3): string =>
  `${i.value.toFixed(digits)} [${i.low.toFixed(digits)}, ${i.high.toFixed(digits)}]`;

/**
 * Rank of document `d` with ties counted fairly: 1 + #{better} + #{equal, other}/2, so a query whose
 * scores are all equal (a lexical method with no shared term) ranks its answer in the middle, not first.
 */
function fairRank(scores: ArrayLike<number>, d: number): number {
  const s = scores[d] ?? 0;
  let better = 0;
  let equal = 0;
  for (let j = 0; j < scores.length; j++) {
    if (j === d) continue;
    const x = scores[j] ?? 0;
    if (x > s) better++;
    else if (x === s) equal++;
  }
  return 1 + better + equal / 2;
}

export interface RankMetrics {
  readonly mrr: number;
  readonly recall: number;
}

/** Reciprocal rank of the best relevant document and recall@k (relevant in the top k / min(k, |relevant|)). */
export function rankMetrics(scores: ArrayLike<number>, relevant: readonly number[], k = 10): RankMetrics {
  const ranks = relevant.map((d) => fairRank(scores, d));
  const best = Math.min(...ranks);
  return {
    mrr: ranks.length === 0 ? 0 : 1 / best,
    recall: ranks.length === 0 ? 0 : ranks.filter((r) => r <= k).length / Math.min(k, ranks.length),
  };
}

/**
 * mean(a) / mean(b) over the same queries with a paired percentile-bootstrap 95 % interval (1,000 resamples
 * of query indices): how the "at least 1.2× BM25" targets are read.
 */
export function ratioInterval(a: readonly number[], b: readonly number[], seed: string): Interval {
  if (a.length !== b.length) throw new RangeError('paired samples must have equal length');
  const n = a.length;
  const value = mean(b) > 0 ? mean(a) / mean(b) : 0;
  const next = createRng(`bole-bench-ratio|${seed}`).next;
  const stats = new Float64Array(ROUNDS);
  for (let r = 0; r < ROUNDS; r++) {
    let sa = 0;
    let sb = 0;
    for (let i = 0; i < n; i++) {
      const j = Math.floor(next() * n);
      sa += a[j] ?? 0;
      sb += b[j] ?? 0;
    }
    stats[r] = sb > 0 ? sa / sb : 0;
  }
  stats.sort();
  const at = (q: number): number => stats[Math.min(ROUNDS - 1, Math.floor(q * ROUNDS))] ?? value;
  return { value, low: at(0.025), high: at(0.975) };
}
