import { chiSquareSf } from './stats/chi-square.ts';
import { assertCount, type UndefinedReason } from './types.ts';

export interface ChiSquareIndependence {
  statistic: number | null;
  dof: number;
  pValue: number | null;
  /** Expected counts row_i·col_j/N under independence (null when undefined). */
  expected: number[][] | null;
  /** Whether Yates' continuity correction was applied (only ever on a 1-dof table). */
  corrected: boolean;
  reason: UndefinedReason | null;
}

/**
 * Pearson's chi-square test of independence on an R×C table of counts, as `scipy.stats.chi2_contingency`
 * (default `correction=True`): E_ij = r_i·c_j/N, dof = (R − 1)(C − 1), χ² = Σ (O − E)²/E, p = sf(χ², dof).
 * With dof = 1 and `correction`, Yates: each O moves toward E by min(0.5, |O − E|) first (so a 2×2 p
 * differs from the uncorrected z-test's; pass `correction: false` to get z² exactly). dof = 0 → χ² = 0,
 * p = 1 (scipy's answer). A zero row or column total makes some E = 0: null ('zero-denominator'),
 * where scipy raises.
 */
export function chiSquareIndependence(
  table: readonly (readonly number[])[],
  options: { correction?: boolean } = {},
): ChiSquareIndependence {
  const correction = options.correction ?? true;
  const rows = table.length;
  const cols = table[0]?.length ?? 0;
  for (const row of table) {
    if (row.length !== cols) throw new RangeError('every row of the table must have the same length');
    for (const v of row) assertCount('table cell', v);
  }
  const dof = Math.max(0, (rows - 1) * (cols - 1));
  const rowSums = table.map((r) => r.reduce((s, v) => s + v, 0));
  const colSums = Array.from({ length: cols }, (_, j) => table.reduce((s, r) => s + (r[j] ?? 0), 0));
  const total = rowSums.reduce((s, v) => s + v, 0);
  if (total === 0 || rowSums.some((r) => r === 0) || colSums.some((c) => c === 0))
    return { statistic: null, dof, pValue: null, expected: null, corrected: false, reason: 'zero-denominator' };
  const expected = rowSums.map((r) => colSums.map((c) => (r * c) / total));
  if (dof === 0) return { statistic: 0, dof, pValue: 1, expected, corrected: false, reason: null };
  const corrected = correction && dof === 1;
  let statistic = 0;
  table.forEach((row, i) =>
    row.forEach((o, j) => {
      const e = expected[i]?.[j] ?? 0;
      const diff = e - o;
      const observed = corrected ? o + Math.sign(diff) * Math.min(0.5, Math.abs(diff)) : o;
      statistic += (observed - e) ** 2 / e;
    }),
  );
  return { statistic, dof, pValue: chiSquareSf(statistic, dof), expected, corrected, reason: null };
}

/** One stratum's 2×2 table [[a, b], [c, d]]: rows group / reference, columns selected / not selected. */
export type Stratum2x2 = readonly [readonly [number, number], readonly [number, number]];

export interface MantelHaenszel {
  /** Strata used (those with at least 2 decisions; a stratum of 0 or 1 carries no information). */
  strata: number;
  statistic: number | null;
  pValue: number | null;
  /** Mantel–Haenszel pooled odds ratio Σ(a·d/n) / Σ(b·c/n) (statsmodels `oddsratio_pooled`). */
  pooledOddsRatio: number | null;
  corrected: boolean;
  reason: UndefinedReason | null;
}

/**
 * Cochran–Mantel–Haenszel test that the odds ratio is 1 in every stratum (time periods, regions,
 * postings), as statsmodels `StratifiedTable(tables).test_null_odds(correction)`:
 *   χ²_MH = (|Σ a_k − Σ E[a_k]| − ½·[correction])² / Σ Var(a_k),
 *   E[a_k] = (a+b)(a+c)/n, Var(a_k) = (a+b)(c+d)(a+c)(b+d)/(n²(n − 1)), p = sf(χ²_MH, 1).
 * `correction` defaults to false, as statsmodels and audit-ai (which leaves it out on purpose as
 * conservative). Undefined when no stratum has variance ('zero-variance') or there are none.
 */
export function mantelHaenszel(tables: readonly Stratum2x2[], options: { correction?: boolean } = {}): MantelHaenszel {
  const correction = options.correction ?? false;
  let sumA = 0;
  let sumE = 0;
  let sumVar = 0;
  let orNum = 0;
  let orDen = 0;
  let strata = 0;
  for (const [[a, b], [c, d]] of tables) {
    for (const v of [a, b, c, d]) assertCount('stratum cell', v);
    const n = a + b + c + d;
    if (n < 2) continue;
    strata++;
    sumA += a;
    sumE += ((a + b) * (a + c)) / n;
    sumVar += ((a + b) * (c + d) * (a + c) * (b + d)) / (n * n * (n - 1));
    orNum += (a * d) / n;
    orDen += (b * c) / n;
  }
  const pooledOddsRatio = orDen === 0 ? null : orNum / orDen;
  if (strata === 0)
    return { strata, statistic: null, pValue: null, pooledOddsRatio, corrected: correction, reason: 'empty-input' };
  if (sumVar === 0)
    return { strata, statistic: null, pValue: null, pooledOddsRatio, corrected: correction, reason: 'zero-variance' };
  const deviation = Math.abs(sumA - sumE) - (correction ? 0.5 : 0);
  const statistic = deviation ** 2 / sumVar;
  return { strata, statistic, pValue: chiSquareSf(statistic, 1), pooledOddsRatio, corrected: correction, reason: null };
}
