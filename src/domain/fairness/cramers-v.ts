import { assertCount, type UndefinedReason } from './types.ts';

export interface CramersV {
  n: number;
  /** Categories actually observed on each side (empty rows/columns are dropped). */
  rows: number;
  cols: number;
  chiSquare: number | null;
  /** Plain V = √(χ²/n / min(r−1, c−1)). */
  v: number | null;
  /** Bergsma (2013) bias-corrected Ṽ. */
  vCorrected: number | null;
  reason: UndefinedReason | null;
}

/**
 * Cramér's V between a scoring input (categorical, or numeric binned with {@link quantileBins}) and a
 * protected attribute, from paired observations: V = √(φ²/min(r−1, c−1)), φ² = χ²/n, χ² the Pearson
 * statistic Σ (O−E)²/E with E = row·col/n and no continuity correction (Cramér 1946, §21.9). 0 = no
 * association, 1 = the input determines the attribute (a perfect proxy).
 * Also the bias-corrected Ṽ of Bergsma (2013, J. Korean Stat. Soc. 42:323–328), since plain V is biased
 * upwards in small samples: φ̃² = max(0, φ² − (c−1)(r−1)/(n−1)), r̃ = r − (r−1)²/(n−1),
 * c̃ = c − (c−1)²/(n−1), Ṽ = √(φ̃²/min(r̃−1, c̃−1)) (null when n ≤ 1 or that minimum is ≤ 0).
 * Fewer than two observed categories on either side → null ('single-category'); n = 0 → 'empty-input'.
 */
export function cramersV(pairs: readonly (readonly [string, string])[]): CramersV {
  const rowIndex = new Map<string, number>();
  const colIndex = new Map<string, number>();
  for (const [x, y] of pairs) {
    if (!rowIndex.has(x)) rowIndex.set(x, rowIndex.size);
    if (!colIndex.has(y)) colIndex.set(y, colIndex.size);
  }
  const observed = Array.from({ length: rowIndex.size }, () => new Array<number>(colIndex.size).fill(0));
  for (const [x, y] of pairs) {
    const row = observed[rowIndex.get(x) ?? 0];
    const j = colIndex.get(y) ?? 0;
    if (row) row[j] = (row[j] ?? 0) + 1;
  }
  return cramersVFromTable(observed);
}

/**
 * Cramér's V (plain and Bergsma-corrected, as {@link cramersV}) from an r×c contingency table of counts,
 * for callers that aggregate in SQL instead of holding every observation. Rows or columns whose total is
 * 0 are dropped first (they are categories that were never observed), so the result equals
 * `cramersV` on the pairs the table counts.
 */
export function cramersVFromTable(table: readonly (readonly number[])[]): CramersV {
  const width = table.reduce((w, row) => Math.max(w, row.length), 0);
  for (const row of table) for (const v of row) assertCount('table cell', v);
  const rowTotals = table.map((row) => row.reduce((s, v) => s + v, 0));
  const colTotals = Array.from({ length: width }, (_, j) => table.reduce((s, row) => s + (row[j] ?? 0), 0));
  const keepRows = table.flatMap((_, i) => ((rowTotals[i] ?? 0) > 0 ? [i] : []));
  const keepCols = colTotals.flatMap((t, j) => (t > 0 ? [j] : []));
  const r = keepRows.length;
  const c = keepCols.length;
  const n = rowTotals.reduce((s, v) => s + v, 0);
  const base = { n, rows: r, cols: c, chiSquare: null, v: null, vCorrected: null };
  if (n === 0) return { ...base, reason: 'empty-input' };
  if (r < 2 || c < 2) return { ...base, reason: 'single-category' };
  let chiSquare = 0;
  for (const i of keepRows) {
    for (const j of keepCols) {
      const expected = ((rowTotals[i] ?? 0) * (colTotals[j] ?? 0)) / n;
      const diff = (table[i]?.[j] ?? 0) - expected;
      chiSquare += (diff * diff) / expected;
    }
  }
  const phi2 = chiSquare / n;
  const v = Math.min(1, Math.sqrt(phi2 / Math.min(r - 1, c - 1)));
  let vCorrected: number | null = null;
  if (n > 1) {
    const phi2c = Math.max(0, phi2 - ((c - 1) * (r - 1)) / (n - 1));
    const rc = r - (r - 1) ** 2 / (n - 1);
    const cc = c - (c - 1) ** 2 / (n - 1);
    const denom = Math.min(rc - 1, cc - 1);
    vCorrected = denom > 0 ? Math.min(1, Math.sqrt(phi2c / denom)) : null;
  }
  return { n, rows: r, cols: c, chiSquare, v, vCorrected, reason: null };
}

/**
 * Equal-frequency bins for a numeric input: each value's label is `q<i>` where i = ⌊rank·bins/n⌋ over
 * the sorted values, ties sharing the bin of their first occurrence (so equal values never split).
 */
export function quantileBins(values: readonly number[], bins: number): string[] {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`bins must be an integer ≥ 1, got ${bins}`);
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const labels = new Array<string>(values.length).fill('q0');
  let firstRankOfValue = 0;
  for (const [rank, item] of order.entries()) {
    if (rank > 0 && item.v !== order[rank - 1]?.v) firstRankOfValue = rank;
    labels[item.i] = `q${Math.floor((firstRankOfValue * bins) / values.length)}`;
  }
  return labels;
}
