import { defined, undefinedBecause, type Maybe } from './types.ts';

/**
 * Generalized entropy index of non-negative values b_1..b_n with mean μ (Shorrocks 1980; Speicher et
 * al. 2018 as implemented in AIF360 `generalized_entropy_index` and LiFT GENERALIZED_ENTROPY_INDEX):
 *   GE(α) = 1/(n·α(α − 1)) · Σ [(b_i/μ)^α − 1]   for α ∉ {0, 1},
 *   GE(1) = (1/n) Σ (b_i/μ)·ln(b_i/μ)            (Theil T; 0·ln 0 = 0),
 *   GE(0) = −(1/n) Σ ln(b_i/μ)                    (Theil L, mean log deviation).
 * 0 = every value equal. Natural log. Undefined for no values ('empty-input'), μ = 0 ('zero-denominator'),
 * or GE(α ≤ 0) with some b_i = 0 ('zero-denominator'). Note AIF360 divides the GE(0) sum by μ as well
 * (−mean(ln(b/μ)/μ)); we keep the textbook form, which LiFT's THEIL_L also uses.
 */
export function generalizedEntropyIndex(values: readonly number[], alpha = 2): Maybe {
  for (const v of values)
    if (!(v >= 0) || !Number.isFinite(v)) throw new RangeError(`values must be finite and ≥ 0, got ${v}`);
  if (!Number.isFinite(alpha)) throw new RangeError(`alpha must be finite, got ${alpha}`);
  const n = values.length;
  if (n === 0) return undefinedBecause('empty-input');
  const mu = values.reduce((s, v) => s + v, 0) / n;
  if (mu === 0) return undefinedBecause('zero-denominator');
  if (alpha <= 0 && values.some((v) => v === 0)) return undefinedBecause('zero-denominator');
  let sum = 0;
  if (alpha === 1) {
    for (const v of values) if (v > 0) sum += (v / mu) * Math.log(v / mu);
    return defined(Math.max(0, sum / n));
  }
  if (alpha === 0) {
    for (const v of values) sum -= Math.log(v / mu);
    return defined(Math.max(0, sum / n));
  }
  for (const v of values) sum += (v / mu) ** alpha - 1;
  return defined(Math.max(0, sum / (n * alpha * (alpha - 1))));
}

/** Theil T index = GE(1). */
export const theilIndex = (values: readonly number[]): Maybe => generalizedEntropyIndex(values, 1);
/** Theil L index (mean log deviation) = GE(0). */
export const theilL = (values: readonly number[]): Maybe => generalizedEntropyIndex(values, 0);
