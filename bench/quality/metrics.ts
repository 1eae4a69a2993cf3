/**
 * Ranking metrics of the quality benchmark. Pure functions over score arrays, so each one can be checked
 * by hand (test/unit/bench-quality-metrics.test.ts).
 *
 * Ties: documents with equal scores are ordered by a fixed per-document tie key (ascending), the same
 * key for every query and every method, so a method that scores many documents equally (skills-only)
 * neither gains nor loses by the order the corpus happens to be in.
 */
import { ndcgAtK as fairnessNdcg } from '../../src/domain/fairness/rerank/ndcg.ts';

/** `a` ranks before `b`: higher score, or equal score and lower tie key. */
const before = (sa: number, ka: number, sb: number, kb: number): boolean => sa > sb || (sa === sb && ka < kb);

/**
 * 1-based rank of document `i`: 1 + #{j ≠ i : j ranks before i}. Documents whose score is −∞ are
 * excluded from the ranking (used to remove the query occupation itself); they never rank before `i`.
 */
export function rankOf(scores: ArrayLike<number>, tieKeys: ArrayLike<number>, i: number): number {
  const s = scores[i] ?? 0;
  const k = tieKeys[i] ?? 0;
  let rank = 1;
  for (let j = 0; j < scores.length; j++) {
    if (j !== i && before(scores[j] ?? 0, tieKeys[j] ?? 0, s, k)) rank++;
  }
  return rank;
}

/** Indices of the k best documents, best first (selection by insertion into a sorted list of k). */
export function topK(scores: ArrayLike<number>, tieKeys: ArrayLike<number>, k: number): number[] {
  const out: number[] = [];
  for (let j = 0; j < scores.length; j++) {
    const s = scores[j] ?? 0;
    if (s === Number.NEGATIVE_INFINITY) continue;
    const key = tieKeys[j] ?? 0;
    let pos = out.length;
    while (pos > 0) {
      const o = out[pos - 1] ?? 0;
      if (before(s, key, scores[o] ?? 0, tieKeys[o] ?? 0)) pos--;
      else break;
    }
    if (pos < k) {
      out.splice(pos, 0, j);
      if (out.length > k) out.pop();
    }
  }
  return out;
}

/** Reciprocal rank: 1 / (best rank of any relevant document); 0 when there is none. */
export function reciprocalRank(relevantRanks: readonly number[]): number {
  if (relevantRanks.length === 0) return 0;
  return 1 / Math.min(...relevantRanks);
}

/**
 * recall@k = |relevant ∩ top k| / min(k, |relevant|). The denominator is capped at k so that a query
 * with more than k relevant documents can still reach 1 (the "R-capped" recall of e.g. BEIR's
 * capped_recall); with |relevant| ≤ k it is ordinary recall.
 */
export function recallAtK(relevantRanks: readonly number[], k: number, relevantCount = relevantRanks.length): number {
  const denominator = Math.min(k, relevantCount);
  if (denominator === 0) return 0;
  return relevantRanks.filter((r) => r <= k).length / denominator;
}

/**
 * nDCG@k with linear gains (Järvelin & Kekäläinen 2002): DCG@k of the gains in ranked order divided by
 * DCG@k of all relevant gains sorted descending; rel_i / log2(i + 1). Delegates to the fairness module's
 * implementation; a query with no positive gain scores 0.
 */
export function ndcgAtK(rankedGains: readonly number[], allGains: readonly number[], k: number): number {
  return fairnessNdcg(rankedGains, k, allGains).value ?? 0;
}

export function mean(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

export interface BootstrapInterval {
  /** mean(a) − mean(b). */
  readonly delta: number;
  readonly low: number;
  readonly high: number;
}

/**
 * Paired percentile bootstrap (Efron & Tibshirani 1993, ch. 13) of mean(a) − mean(b) over the same
 * queries: `rounds` resamples of query indices with replacement from a seeded PRNG; the 2.5th and
 * 97.5th percentiles of the resampled differences.
 */
export function pairedBootstrap(
  a: readonly number[],
  b: readonly number[],
  rounds: number,
  next: () => number,
): BootstrapInterval {
  if (a.length !== b.length) throw new RangeError('paired samples must have equal length');
  const n = a.length;
  const diff = a.map((x, i) => x - (b[i] ?? 0));
  const delta = mean(diff);
  if (n === 0 || rounds <= 0) return { delta, low: delta, high: delta };
  const stats = new Float64Array(rounds);
  for (let r = 0; r < rounds; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += diff[Math.floor(next() * n)] ?? 0;
    stats[r] = sum / n;
  }
  stats.sort();
  const at = (q: number): number => stats[Math.min(rounds - 1, Math.max(0, Math.floor(q * rounds)))] ?? delta;
  return { delta, low: at(0.025), high: at(0.975) };
}
