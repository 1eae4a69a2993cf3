import { defined, undefinedBecause, type Maybe } from '../types.ts';

/** DCG@k = Σ_{i=1}^{min(k,|r|)} rel_i / log2(i + 1) (linear gain, the discount of Järvelin & Kekäläinen 2002). */
function dcgAtK(relevances: readonly number[], k: number): number {
  let s = 0;
  for (let i = 0; i < Math.min(k, relevances.length); i++) {
    const rel = relevances[i] ?? 0;
    if (!(rel >= 0) || !Number.isFinite(rel)) throw new RangeError(`relevance must be finite and ≥ 0, got ${rel}`);
    s += rel / Math.log2(i + 2);
  }
  return s;
}

/**
 * nDCG@k = DCG@k(ranking) / DCG@k(ideal), the ideal being `pool` (default: the ranking's own relevances)
 * sorted descending. Linear gain, as AIF360's `RegressionDatasetMetric.discounted_cum_gain` uses raw
 * (there: min-max scaled) scores; pass the unconstrained scores as relevance to measure what a re-ranking
 * costs (loss = 1 − nDCG). IDCG = 0 (no positive relevance, or k = 0) → null ('zero-ideal-gain').
 */
export function ndcgAtK(ranking: readonly number[], k: number, pool: readonly number[] = ranking): Maybe {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a non-negative integer, got ${k}`);
  const ideal = dcgAtK(
    [...pool].sort((a, b) => b - a),
    k,
  );
  if (ideal === 0) return undefinedBecause('zero-ideal-gain');
  return defined(dcgAtK(ranking, k) / ideal);
}
