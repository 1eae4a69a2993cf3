/**
 * Figures about people, each with its n, blanked under the tenant's minimum group size k (the audit's
 * threshold, a floor no request can lower).
 *
 * - A count cell of n people is shown when n ≥ k, else blanked (n and value null). 0 is blanked too: the
 *   rule is "fewer than k", and a published 0 next to a total can reveal a small group's members.
 * - A rate cell (numerator over a denominator of people) is shown when the denominator is ≥ k.
 * - Complementary suppression (`suppressPartition`): where the cells of a partition sum to a total that is
 *   shown, blanked cells could be recovered by subtraction, so shown cells are blanked as well until the
 *   blanked ones together hold at least k people.
 */
export interface Cell {
  /** The number of people the figure is about (the denominator of a rate); null when blanked. */
  readonly n: number | null;
  /** The figure: a count (= n), a rate in [0, 1], or a mean; null when blanked. */
  readonly value: number | null;
  readonly suppressed: boolean;
}

export const BLANK: Cell = { n: null, value: null, suppressed: true };

/** Rates and means are given to 4 decimals (a rate of 0.1234 is 12.34 %). */
export const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

export const countCell = (n: number, k: number): Cell => (n < k ? BLANK : { n, value: n, suppressed: false });

export const rateCell = (numerator: number, denominator: number, k: number): Cell =>
  denominator < k || denominator === 0
    ? BLANK
    : { n: denominator, value: round4(numerator / denominator), suppressed: false };

/** A mean over n people (profile completeness, say). */
export const meanCell = (sum: number, n: number, k: number): Cell =>
  n < k || n === 0 ? BLANK : { n, value: round4(sum / n), suppressed: false };

/**
 * Which cells of a partition to blank: every count under k; then, while the blanked cells add up to
 * fewer than k people (one small cell alone, or two small ones together), the smallest shown cell as well
 * (ties: the first), so subtracting the shown cells from the total never reveals a group under k.
 * Returns one flag per input, in order.
 */
export function suppressPartition(counts: readonly number[], k: number): boolean[] {
  const blank = counts.map((n) => n < k);
  const blankedSum = () => counts.reduce((s, n, i) => s + (blank[i] ? n : 0), 0);
  while (blank.some(Boolean) && blankedSum() < k) {
    let smallest = -1;
    counts.forEach((n, i) => {
      if (!blank[i] && (smallest < 0 || n < (counts[smallest] ?? Infinity))) smallest = i;
    });
    if (smallest < 0) break;
    blank[smallest] = true;
  }
  return blank;
}

/** Count cells for a partition, with complementary suppression. */
export function partitionCells(counts: readonly number[], k: number): Cell[] {
  const blank = suppressPartition(counts, k);
  return counts.map((n, i) => (blank[i] ? BLANK : { n, value: n, suppressed: false }));
}

/** Percentage-point change of two rate cells (both shown), to 4 decimals; null otherwise. */
export const rateDelta = (current: Cell, previous: Cell): number | null =>
  current.value === null || previous.value === null ? null : round4(current.value - previous.value);
