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
  for (const [name, v] of [
    ['x1', x1],
    ['n1', n1],
    ['x2', x2],
    ['n2', n2],
  ] as const)
    assertCount(name, v);
  if (x1 > n1 || x2 > n2) throw new RangeError('successes exceed sample size');
  const base = { x1, n1, x2, n2 };
  if (n1 === 0 || n2 === 0) {
    return {
      ...base,
      p1: n1 === 0 ? null : x1 / n1,
      p2: n2 === 0 ? null : x2 / n2,
      pooled: null,
      z: null,
      pValue: null,
      reason: 'empty-group',
    };
  }
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const pooled = (x1 + x2) / (n1 + n2);
  if (x1 + x2 === 0 || x1 + x2 === n1 + n2)
    return { ...base, p1, p2, pooled, z: null, pValue: null, reason: 'zero-variance' };
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
  const pmf = (x: number) => hypergeomPmf(x, total, colSuccess, row1);
  // The pmf is unimodal, so the qualifying tables are two tails [lo, xL] and [xR, hi]. Each tail is
  // found by bisection and summed outward from its inner end until a term is below 2^-80 of the tail's
  // largest (it and every term beyond it are lost to rounding anyway): audits of a million decisions
  // have 10^5 possible tables, and evaluating all of them was most of the report's run time.
  const mode = Math.min(hi, Math.max(lo, Math.floor(((row1 + 1) * (colSuccess + 1)) / (total + 2))));
  const terms: number[] = [];
  const walk = (from: number, step: 1 | -1, end: number) => {
    let largest = 0;
    for (let x = from; step === 1 ? x <= end : x >= end; x += step) {
      const p = pmf(x);
      largest = Math.max(largest, p);
      if (p === 0 || p < largest * 2 ** -80) break;
      terms.push(p);
    }
  };
  if (pmf(mode) <= cut) {
    walk(mode, -1, lo);
    walk(mode + 1, 1, hi);
  } else {
    // Left of the mode the pmf rises: the last x with P(x) ≤ cut.
    let left = lo - 1;
    for (let l = lo, r = mode - 1; l <= r;) {
      const m = Math.floor((l + r) / 2);
      if (pmf(m) <= cut) {
        left = m;
        l = m + 1;
      } else r = m - 1;
    }
    // Right of the mode it falls: the first x with P(x) ≤ cut.
    let right = hi + 1;
    for (let l = mode + 1, r = hi; l <= r;) {
      const m = Math.floor((l + r) / 2);
      if (pmf(m) <= cut) {
        right = m;
        r = m - 1;
      } else l = m + 1;
    }
    if (left >= lo) walk(left, -1, lo);
    if (right <= hi) walk(right, 1, hi);
  }
  // Sum the qualifying terms smallest-first (the tails) for accuracy.
  terms.sort((u, v) => u - v);
  const pValue = Math.min(
    1,
    terms.reduce((s, t) => s + t, 0),
  );
  const denominator = b * c;
  return {
    table,
    oddsRatio: denominator === 0 ? null : (a * d) / denominator,
    pValue,
    reason: denominator === 0 ? 'zero-denominator' : null,
  };
}
