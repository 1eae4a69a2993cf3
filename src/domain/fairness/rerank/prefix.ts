/** An item to rank: `score` is the unconstrained relevance, `group` the (consented) protected value. */
export interface RankedItem {
  id: string;
  score: number;
  group: string;
}

/** minCounts[group][i − 1] = the least number of that group's items required in the top i. */
export type MinCounts = Readonly<Record<string, readonly number[]>>;

export interface PrefixViolation {
  /** Prefix length i (1-based): the top i items. */
  prefix: number;
  group: string;
  count: number;
  required: number;
}

// k·p is computed in binary floating point (0.29·100 = 28.999…); a tolerance far below 1/k keeps
// ⌊k·p⌋ the exact integer part of the decimal the caller meant.
const FLOOR_EPS = 1e-9;

/** ⌊i·p⌋ for i = 1..k per group: the minimum counts of Geyik et al. (2019) for target shares p. */
export function minCountsFromShares(shares: Readonly<Record<string, number>>, k: number): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const [g, p] of Object.entries(shares)) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`share of ${g} must be in [0, 1], got ${p}`);
    out[g] = Array.from({ length: k }, (_, i) => Math.floor((i + 1) * p + FLOOR_EPS));
  }
  return out;
}

/**
 * Every prefix of `ranking` that has fewer items of a group than `minCounts` requires. Prefixes
 * i = 1..min(|ranking|, table length) are checked (all of them, unlike AIF360's `infeasible_index`,
 * which scans 1..r−1). `groupOf` maps an item to the label used in minCounts (default its group), so a
 * set of protected groups can be checked as one label. Empty result = every prefix feasible.
 */
export function prefixViolations<T extends { group: string }>(
  ranking: readonly T[],
  minCounts: MinCounts,
  groupOf: (item: T) => string = (item) => item.group,
): PrefixViolation[] {
  const counts = new Map<string, number>();
  const violations: PrefixViolation[] = [];
  for (const [idx, item] of ranking.entries()) {
    const label = groupOf(item);
    counts.set(label, (counts.get(label) ?? 0) + 1);
    for (const [group, table] of Object.entries(minCounts)) {
      const required = table[idx];
      if (required === undefined) continue;
      const count = counts.get(group) ?? 0;
      if (count < required) violations.push({ prefix: idx + 1, group, count, required });
    }
  }
  return violations;
}

/** Items sorted by score descending, stable (equal scores keep input order). */
export function byScoreDesc<T extends { score: number }>(items: readonly T[]): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => b.item.score - a.item.score || a.i - b.i)
    .map((x) => x.item);
}
