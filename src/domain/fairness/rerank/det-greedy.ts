import { byScoreDesc, type RankedItem } from './prefix.ts';

const EPS = 1e-9; // see prefix.ts: ⌊k·p⌋ and ⌈k·p⌉ of the decimal the caller meant

/** The three interval-constrained variants of Geyik, Ambler & Kenthapadi (KDD 2019, Algorithms 1 and 2). */
export const GEYIK_VARIANTS = ['greedy', 'conservative', 'relaxed'] as const;
export type GeyikVariant = (typeof GEYIK_VARIANTS)[number];

const floorOf = (x: number) => Math.floor(x + EPS);
const ceilOf = (x: number) => Math.ceil(x - EPS);

/** Throws unless every item's group has a share in [0, 1] and the shares sum to 1 (± 1e-6). */
export function checkShares(items: readonly { group: string }[], shares: Readonly<Record<string, number>>): void {
  let total = 0;
  for (const [g, p] of Object.entries(shares)) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`share of ${g} must be in [0, 1], got ${p}`);
    total += p;
  }
  if (Object.keys(shares).length > 0 && Math.abs(total - 1) > 1e-6)
    throw new RangeError(`shares must sum to 1, got ${total}`);
  for (const it of items) if (!(it.group in shares)) throw new RangeError(`no share given for group ${it.group}`);
}

/**
 * DetGreedy, DetCons and DetRelaxed (Geyik et al. 2019, Algorithms 1–2), as AIF360's
 * `DeterministicReranking.predict(rerank_type='Greedy' | 'Conservative' | 'Relaxed')`. For position
 * k = 1, 2, … with count_a items of group a placed so far:
 *   belowMin = {a : count_a < ⌊k·p_a⌋},  belowMax = {a : ⌊k·p_a⌋ ≤ count_a < ⌈k·p_a⌉}.
 * If belowMin ≠ ∅, place the best next item among belowMin's groups (every variant). Otherwise
 *   greedy:       the best next item among belowMax;
 *   conservative: the next item of the a ∈ belowMax minimising ⌈k·p_a⌉ / p_a (the group that must next
 *                 gain an item soonest), ties to the better next item;
 *   relaxed:      among a ∈ belowMax minimising ⌈⌈k·p_a⌉ / p_a⌉, the best next item.
 * Remaining ties go to the group listed first in `shares` (AIF360 keeps the order of its groups).
 * So each prefix k holds at most ⌈k·p_a⌉ of group a while others are below theirs: the published methods
 * cap as well as floor. Where AIF360 would fail (a chosen group has no items left) we skip exhausted
 * groups, and when no group in belowMin ∪ belowMax has items, place the best remaining item by score.
 * `shares` must cover every group of `items` and sum to 1. Output length min(k, |items|).
 */
export function geyikRerank(
  items: readonly RankedItem[],
  shares: Readonly<Record<string, number>>,
  k: number,
  variant: GeyikVariant,
): RankedItem[] {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a non-negative integer, got ${k}`);
  checkShares(items, shares);
  const groups = Object.keys(shares);
  const queues = groups.map((g) => byScoreDesc(items.filter((it) => it.group === g)));
  const counts = groups.map(() => 0);
  const ranked: RankedItem[] = [];
  const target = Math.min(k, items.length);
  const next = (gi: number): RankedItem | undefined => queues[gi]?.[counts[gi] ?? 0];
  /** The group index among `candidates` with the least key (then the best next item, then listed first). */
  const pick = (candidates: number[], key: (gi: number) => number): number | undefined => {
    let best: number | undefined;
    for (const gi of candidates) {
      if (best === undefined) {
        best = gi;
        continue;
      }
      const d = key(gi) - key(best);
      if (d < 0 || (d === 0 && (next(gi)?.score ?? -Infinity) > (next(best)?.score ?? -Infinity))) best = gi;
    }
    return best;
  };
  for (let pos = 1; pos <= target; pos++) {
    const belowMin: number[] = [];
    const belowMax: number[] = [];
    for (const [gi, g] of groups.entries()) {
      if (next(gi) === undefined) continue;
      const p = shares[g] ?? 0;
      const c = counts[gi] ?? 0;
      if (c < floorOf(pos * p)) belowMin.push(gi);
      else if (c < ceilOf(pos * p)) belowMax.push(gi);
    }
    let chosen: number | undefined;
    if (belowMin.length > 0) chosen = pick(belowMin, () => 0);
    else if (variant === 'greedy') chosen = pick(belowMax, () => 0);
    else if (variant === 'conservative')
      chosen = pick(belowMax, (gi) => {
        const p = shares[groups[gi] ?? ''] ?? 0;
        return ceilOf(pos * p) / p;
      });
    else
      chosen = pick(belowMax, (gi) => {
        const p = shares[groups[gi] ?? ''] ?? 0;
        return ceilOf(ceilOf(pos * p) / p);
      });
    if (chosen === undefined) {
      // No constrained group has items left: the best remaining item of any group.
      chosen = pick(
        groups.flatMap((_, gi) => (next(gi) === undefined ? [] : [gi])),
        () => 0,
      );
    }
    const item = chosen === undefined ? undefined : next(chosen);
    if (chosen === undefined || item === undefined) break;
    ranked.push(item);
    counts[chosen] = (counts[chosen] ?? 0) + 1;
  }
  return ranked;
}
