import { hypergeomPmf } from './stats/discrete.ts';
import { normalSf } from './stats/normal.ts';
import { assertCount, type UndefinedReason } from './types.ts';

export interface TwoProportionZTest {
  x1: number;
  n1: number;
  x2: number;
  n2: number;
  p1: number | null;
  p2: number | null;
  /** p̂ = (x1 + x2)/(n1 + n2). */
  pooled: number | null;
  z: number | null;
  /** Two-sided p = 2·sf(|z|). */
  pValue: number | null;
  reason: UndefinedReason | null;
}

/**
 * Pooled two-proportion z-test, two-sided, as pymetrics/audit-ai `two_tailed_ztest` (auditai/stats.py):
 * z = (p1 − p2) / √(p̂(1 − p̂)(1/n1 + 1/n2)), p̂ = (x1 + x2)/(n1 + n2), p = 2·(1 − Φ(|z|)); no continuity
 * correction (so it differs from scipy's 2×2 chi-square, which applies Yates). |z| ≥ 2 is the OFCCP
 * "two standard deviations" practice. Undefined (null) when a sample is empty ('empty-group') or p̂ is 0
 * or 1, i.e. no variation at all ('zero-variance'); audit-ai would return NaN there.
 */
export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): TwoProportionZTest {
  for (const [name, v] of [['x1', x1], ['n1', n1], ['x2', x2], ['n2', n2]] as const) assertCount(name, v);
  if (x1 > n1 || x2 > n2) throw new RangeError('successes exceed sample size');
  const base = { x1, n1, x2, n2 };
  if (n1 === 0 || n2 === 0) {
    return { ...base, p1: n1 === 0 ? null : x1 / n1, p2: n2 === 0 ? null : x2 / n2, pooled: null, z: null, pValue: null, reason: 'empty-group' };
  }
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const pooled = (x1 + x2) / (n1 + n2);
  if (x1 + x2 === 0 || x1 + x2 === n1 + n2) return { ...base, p1, p2, pooled, z: null, pValue: null, reason: 'zero-variance' };
  const z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return { ...base, p1, p2, pooled, z, pValue: Math.min(1, 2 * normalSf(Math.abs(z))), reason: null };
}

/** A 2×2 table [[a, b], [c, d]]: rows are groups, columns are (selected, not selected). */
export type Table2x2 = readonly [readonly [number, number], readonly [number, number]];

export interface FisherExactTest {
  table: Table2x2;
  /** Sample odds ratio a·d/(b·c) (scipy's `statistic`); null when b·c = 0 ('zero-denominator'). */
  oddsRatio: number | null;
  /** Two-sided p-value. */
  pValue: number;
  reason: UndefinedReason | null;
}

/**
 * Fisher's exact test, two-sided, in scipy's convention (`scipy.stats.fisher_exact`, used by audit-ai):
 * with margins fixed, a ~ Hypergeometric(N = a+b+c+d, K = a+c, n = a+b), and
 * p = Σ P(x) over every table x with P(x) ≤ P(a)·(1 + 1e-7) (the relative tolerance makes tables that
 * tie with the observed one in exact arithmetic count despite rounding), clipped to 1.
 * An empty table (N = 0) or a degenerate margin has a single possible table, so p = 1.
 */
export function fisherExact(table: Table2x2): FisherExactTest {
  const [[a, b], [c, d]] = table;
  for (const v of [a, b, c, d]) assertCount('table cell', v);
  const total = a + b + c + d;
  const colSuccess = a + c;
  const row1 = a + b;
  const lo = Math.max(0, row1 - (total - colSuccess));
  const hi = Math.min(row1, colSuccess);
  const observed = hypergeomPmf(a, total, colSuccess, row1);
  const cut = observed * (1 + 1e-7);
  // Sum the qualifying terms smallest-first (the tails) for accuracy.
  const terms: number[] = [];
  for (let x = lo; x <= hi; x++) {
    const p = hypergeomPmf(x, total, colSuccess, row1);
    if (p <= cut) terms.push(p);
  }
  terms.sort((u, v) => u - v);
  const pValue = Math.min(1, terms.reduce((s, t) => s + t, 0));
  const denominator = b * c;
  return {
    table,
    oddsRatio: denominator === 0 ? null : (a * d) / denominator,
    pValue,
    reason: denominator === 0 ? 'zero-denominator' : null,
  };
}
