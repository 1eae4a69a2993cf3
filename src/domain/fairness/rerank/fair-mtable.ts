import { binomPmf } from '../stats/discrete.ts';

/**
 * FA*IR m-tables (Zehlike, Bonchi, Castillo, Hajian, Megahed, Baeza-Yates, CIKM 2017).
 *
 * m(i) = F⁻¹(α; i, p), i = 1..k: the fewest protected items among the top i that a one-sided binomial
 * test at level α does not reject, in scipy's `binom.ppf` convention used by fairsearchcore
 * (`mtable_generator.py`): the smallest x with F(x; i, p) ≥ α.
 */

function checkParams(k: number, p: number, alpha: number): void {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be an integer ≥ 1, got ${k}`);
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be in (0, 1), got ${p}`);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
}

/** cdf[i][x] = F(x; i, p) for i = 1..k (row 0 unused), accumulated exactly as binomPpf does. */
function cdfRows(k: number, p: number): number[][] {
  const rows: number[][] = [[]];
  for (let i = 1; i <= k; i++) {
    const row: number[] = [];
    let sum = 0;
    for (let x = 0; x < i; x++) {
      sum += binomPmf(x, i, p);
      row.push(sum);
    }
    rows.push(row);
  }
  return rows;
}

function tableFrom(rows: readonly (readonly number[])[], k: number, alpha: number): number[] {
  const table: number[] = [];
  for (let i = 1; i <= k; i++) {
    const row = rows[i] ?? [];
    const x = row.findIndex((f) => f >= alpha);
    table.push(x === -1 ? i : x);
  }
  return table;
}

/** The unadjusted m-table [m(1), …, m(k)] for target proportion p at significance α. */
export function fairMTable(k: number, p: number, alpha: number): number[] {
  checkParams(k, p, alpha);
  return tableFrom(cdfRows(k, p), k, alpha);
}

/**
 * P(a ranking whose items are i.i.d. protected with probability p fails the table at some prefix)
 * = P(∃ i ≤ k: T_i < m(i)), T_i ~ Binomial(i, p) jointly as a random walk. Exact dynamic programme over
 * the protected count, adding the mass that first drops below m(i) at each i (so a small probability is
 * summed, not obtained as 1 − something). Uses EVERY entry of the table: fairsearchcore's
 * `fail_prob.py` builds its blocks over positions 1..k−1 only and so ignores m(k) (for k = 20, p = 0.25,
 * α = 0.1 it reports 0.11517506930977106, the value for the first 19 entries; all 20 give 0.146887188699).
 */
export function fairFailProbability(mtable: readonly number[], p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be in (0, 1), got ${p}`);
  let alive = [1]; // alive[c] = P(T_i = c and no prefix failed so far)
  let failed = 0;
  for (const [idx, m] of mtable.entries()) {
    const i = idx + 1;
    const next = new Array<number>(i + 1).fill(0);
    for (let c = 0; c < alive.length; c++) {
      const mass = alive[c] ?? 0;
      if (mass === 0) continue;
      next[c] = (next[c] ?? 0) + mass * (1 - p);
      next[c + 1] = (next[c + 1] ?? 0) + mass * p;
    }
    for (let c = 0; c < Math.min(m, next.length); c++) {
      failed += next[c] ?? 0;
      next[c] = 0;
    }
    alive = next;
  }
  return Math.min(1, failed);
}

export interface AdjustedMTable {
  k: number;
  p: number;
  /** The family-wise significance asked for. */
  alpha: number;
  /** The per-prefix α_c whose table is used. */
  adjustedAlpha: number;
  mtable: number[];
  /** Exact fail probability of `mtable` over all k prefixes (≤ alpha). */
  failProbability: number;
}

/**
 * Multiple-testing adjustment: the most demanding m-table whose exact fail probability over all k
 * prefixes is ≤ α. Tables only change when α_c crosses a value F(x; i, p), so we binary-search those
 * candidate values (the approach of Zehlike, Sühr & Castillo, arXiv:2012.12795) using the monotone
 * {@link fairFailProbability}. Differences from fairsearchcore: we use the exact all-k fail probability
 * (not the one that ignores m(k)), and we return the largest table not exceeding α rather than the
 * bisection's closest table, which may exceed α. The all-zero table (α_c ≤ (1−p)^k) always qualifies.
 */
export function fairAdjustedMTable(k: number, p: number, alpha: number): AdjustedMTable {
  checkParams(k, p, alpha);
  const rows = cdfRows(k, p);
  const candidateSet = new Set<number>([alpha]);
  for (const row of rows) for (const f of row) if (f > 0 && f <= alpha) candidateSet.add(f);
  const candidates = [...candidateSet].sort((a, b) => a - b);
  // Invariant: candidates[lo] qualifies (the smallest one gives the all-zero table); hi is past the end.
  let lo = 0;
  let hi = candidates.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    const table = tableFrom(rows, k, candidates[mid] ?? alpha);
    if (fairFailProbability(table, p) <= alpha) lo = mid;
    else hi = mid;
  }
  const adjustedAlpha = candidates[lo] ?? alpha;
  const mtable = tableFrom(rows, k, adjustedAlpha);
  return { k, p, alpha, adjustedAlpha, mtable, failProbability: fairFailProbability(mtable, p) };
}
