/** How one item moved: 1-based ranks; delta = after − before (positive = moved down the list). */
interface ItemRankShift {
  id: string;
  before: number;
  after: number;
  delta: number;
}

export interface RankShift {
  /** In the order of `before`. */
  items: ItemRankShift[];
  /** mean |delta|; null for empty lists. */
  meanAbsShift: number | null;
  maxAbsShift: number | null;
  /** Share of items with delta ≠ 0; null for empty lists. */
  shareChanged: number | null;
  /** Kendall's τ between the two orders; null for fewer than two items. */
  kendallTau: number | null;
}

function positions(list: readonly string[], name: string): Map<string, number> {
  const pos = new Map<string, number>();
  list.forEach((id, i) => {
    if (pos.has(id)) throw new RangeError(`${name} lists '${id}' twice`);
    pos.set(id, i);
  });
  return pos;
}

/** Number of pairs i < j with a[i] > a[j], by merge sort: O(n log n). */
export function countInversions(a: readonly number[]): number {
  let buf = [...a];
  let tmp = new Array<number>(a.length);
  let inv = 0;
  for (let width = 1; width < buf.length; width *= 2) {
    for (let lo = 0; lo < buf.length; lo += 2 * width) {
      const mid = Math.min(lo + width, buf.length);
      const hi = Math.min(lo + 2 * width, buf.length);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        const x = buf[i] ?? 0;
        const y = buf[j] ?? 0;
        if (y < x) {
          inv += mid - i; // y jumps ahead of every remaining left element
          tmp[k++] = y;
          j++;
        } else {
          tmp[k++] = x;
          i++;
        }
      }
      while (i < mid) tmp[k++] = buf[i++] ?? 0;
      while (j < hi) tmp[k++] = buf[j++] ?? 0;
    }
    [buf, tmp] = [tmp, buf];
  }
  return inv;
}

/**
 * Kendall's τ between two rankings of the same items (no ties in a ranking, so τ-a = τ-b):
 * τ = (C − D) / (n(n−1)/2) = 1 − 4·D / (n(n−1)), D = discordant pairs = inversions of the `after`
 * positions read in `before` order (Kendall 1938). 1 = same order, −1 = reversed.
 */
export function kendallTau(before: readonly string[], after: readonly string[]): number | null {
  return rankShift(before, after).kendallTau;
}

/**
 * Compares two rankings of the same set of ids (best first). Throws a RangeError if either lists an id
 * twice or the sets differ: a counterfactual re-scores the same sample, so a missing item is a bug.
 */
export function rankShift(before: readonly string[], after: readonly string[]): RankShift {
  positions(before, 'before');
  const posAfter = positions(after, 'after');
  if (before.length !== after.length) throw new RangeError(`before has ${before.length} items, after ${after.length}`);
  const afterIdx: number[] = [];
  const items: ItemRankShift[] = before.map((id, i) => {
    const j = posAfter.get(id);
    if (j === undefined) throw new RangeError(`'${id}' is in before but not in after`);
    afterIdx.push(j);
    return { id, before: i + 1, after: j + 1, delta: j - i };
  });
  const n = items.length;
  if (n === 0) return { items, meanAbsShift: null, maxAbsShift: null, shareChanged: null, kendallTau: null };
  let sum = 0;
  let max = 0;
  let changed = 0;
  for (const it of items) {
    const a = Math.abs(it.delta);
    sum += a;
    max = Math.max(max, a);
    if (a > 0) changed++;
  }
  const tau = n < 2 ? null : 1 - (4 * countInversions(afterIdx)) / (n * (n - 1));
  return { items, meanAbsShift: sum / n, maxAbsShift: max, shareChanged: changed / n, kendallTau: tau };
}
