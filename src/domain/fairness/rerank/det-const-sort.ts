import { byScoreDesc, type RankedItem } from './prefix.ts';

const FLOOR_EPS = 1e-9; // see prefix.ts: ⌊k·p⌋ of the decimal the caller meant

/**
 * DetConstSort (Geyik, Ambler & Kenthapadi, KDD 2019, Algorithm 3), following AIF360's
 * `DeterministicReranking(rerank_type="Constrained")`: grow a counter k = 1, 2, …; whenever ⌊k·p_a⌋
 * rises for some groups, insert each such group's next-best item (best score first) at the end with
 * maxIndex = k, then bubble it up while the item above has a lower score and can move down one place
 * without passing its own maxIndex. Every item therefore sits at or before the position by which its
 * group's minimum count required it, so each prefix i has at least ⌊i·p_a⌋ items of a (as long as the
 * group has items left) — AIF360's behaviour, not FairRankTune's (off-by-one, infeasible prefixes).
 *
 * `shares` must give every group present in `items` a share in [0, 1], summing to 1 (± 1e-6), as the
 * paper's target distribution does. When a group runs out of items its insertions are skipped; if all
 * groups with a positive share run out, the rest are appended by score. Output length min(k, |items|).
 */
export function detConstSort(
  items: readonly RankedItem[],
  shares: Readonly<Record<string, number>>,
  k: number,
): RankedItem[] {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a non-negative integer, got ${k}`);
  const groups = Object.keys(shares);
  let total = 0;
  for (const g of groups) {
    const p = shares[g] ?? 0;
    if (!(p >= 0 && p <= 1)) throw new RangeError(`share of ${g} must be in [0, 1], got ${p}`);
    total += p;
  }
  if (groups.length > 0 && Math.abs(total - 1) > 1e-6) throw new RangeError(`shares must sum to 1, got ${total}`);
  for (const it of items) if (!(it.group in shares)) throw new RangeError(`no share given for group ${it.group}`);

  const queues = new Map(groups.map((g) => [g, byScoreDesc(items.filter((it) => it.group === g))]));
  const used = new Map(groups.map((g) => [g, 0]));
  const minCounts = new Map(groups.map((g) => [g, 0]));
  const target = Math.min(k, items.length);
  const ranked: RankedItem[] = [];
  const maxIndex: number[] = []; // 1-based latest position each placed item may occupy

  const hasItems = (g: string): boolean => (used.get(g) ?? 0) < (queues.get(g)?.length ?? 0);
  let step = 0;
  while (ranked.length < target && groups.some((g) => (shares[g] ?? 0) > 0 && hasItems(g))) {
    step++;
    const changed = groups.filter((g) => Math.floor(step * (shares[g] ?? 0) + FLOOR_EPS) > (minCounts.get(g) ?? 0));
    if (changed.length === 0) continue;
    const candidates: { group: string; item: RankedItem }[] = [];
    for (const g of changed) {
      const next = queues.get(g)?.[used.get(g) ?? 0];
      if (next !== undefined) candidates.push({ group: g, item: next });
    }
    candidates.sort((a, b) => b.item.score - a.item.score);
    for (const { group, item } of candidates) {
      if (ranked.length === target) break;
      ranked.push(item);
      maxIndex.push(step);
      let pos = ranked.length - 1; // 0-based slot of the new item
      // Swap up while the item above may move down to 1-based position pos + 1 and scores lower.
      while (pos > 0 && (maxIndex[pos - 1] ?? 0) >= pos + 1 && (ranked[pos - 1]?.score ?? 0) < item.score) {
        const above = ranked[pos - 1];
        const aboveMax = maxIndex[pos - 1];
        if (above === undefined || aboveMax === undefined) break;
        ranked[pos - 1] = item;
        maxIndex[pos - 1] = maxIndex[pos] ?? step;
        ranked[pos] = above;
        maxIndex[pos] = aboveMax;
        pos--;
      }
      used.set(group, (used.get(group) ?? 0) + 1);
    }
    for (const g of groups) minCounts.set(g, Math.floor(step * (shares[g] ?? 0) + FLOOR_EPS));
  }
  if (ranked.length < target) {
    const placed = new Set(ranked);
    for (const it of byScoreDesc(items)) {
      if (ranked.length === target) break;
      if (!placed.has(it)) ranked.push(it);
    }
  }
  return ranked;
}
