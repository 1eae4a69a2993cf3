import { jsDivergence, klDivergence, totalVariation } from '../fairness/divergence.ts';
import { DEFAULT_SKEW_SMOOTHING, minMaxSkew, ndkl, skewAtK, type SkewSmoothing } from '../fairness/skew.ts';
import type { RankingSummary } from './types.ts';

/**
 * Accumulates Geyik, Ambler & Kenthapadi (KDD 2019) ranking metrics over many served lists, one list at
 * a time, so the caller can stream lists from the database. For each list and attribute: items whose
 * value is unknown are left out (ranks close up); the desired distribution D_r is the list's own
 * distribution over its known items (the candidate pool of that query, paper §3.1); Skew@k uses LiFT's
 * Laplace smoothing α = 1 by default, or ε smoothing (see skewAtK); NDKL runs over the whole served list;
 * KL(top k ‖ desired) (natural log; never undefined, as every top-k group is in the desired distribution),
 * Jensen–Shannon and total variation compare the top k with the list. The summary is the mean over lists
 * of each, and each group's mean Skew@k over the lists it appears in.
 */
export function createRankingAccumulator(
  attributes: readonly string[],
  k: number,
  smoothing: SkewSmoothing = DEFAULT_SKEW_SMOOTHING,
) {
  const state = attributes.map((attribute) => ({
    attribute,
    lists: 0,
    minSum: 0,
    maxSum: 0,
    ndklSum: 0,
    ndklLists: 0,
    klSum: 0,
    jsSum: 0,
    tvSum: 0,
    groups: new Map<string, { lists: number; skewSum: number }>(),
  }));
  return {
    /** `items` in rank order; each item gives its attribute values in `attributes` order (null = unknown). */
    addList(items: readonly (readonly (string | null)[])[]): void {
      for (const [a, s] of state.entries()) {
        const ranking: string[] = [];
        for (const values of items) {
          const v = values[a];
          if (v !== null && v !== undefined) ranking.push(v);
        }
        if (ranking.length === 0) continue;
        const desired: Record<string, number> = {};
        for (const g of ranking) desired[g] = (desired[g] ?? 0) + 1;
        const rows = skewAtK(ranking, desired, k, smoothing);
        const top: Record<string, number> = {};
        for (const g of ranking.slice(0, k)) top[g] = (top[g] ?? 0) + 1;
        s.klSum += klDivergence(top, desired).value ?? 0;
        s.jsSum += jsDivergence(top, desired);
        s.tvSum += totalVariation(top, desired);
        const { minSkew, maxSkew } = minMaxSkew(rows);
        s.lists++;
        s.minSum += minSkew.value ?? 0;
        s.maxSum += maxSkew.value ?? 0;
        const d = ndkl(ranking, desired);
        if (d.value !== null) {
          s.ndklSum += d.value;
          s.ndklLists++;
        }
        for (const r of rows) {
          const g = s.groups.get(r.group) ?? { lists: 0, skewSum: 0 };
          g.lists++;
          g.skewSum += r.skew ?? 0;
          s.groups.set(r.group, g);
        }
      }
    },
    summary(): RankingSummary[] {
      return state.map((s) => ({
        attribute: s.attribute,
        lists: s.lists,
        meanMinSkew: s.lists === 0 ? null : s.minSum / s.lists,
        meanMaxSkew: s.lists === 0 ? null : s.maxSum / s.lists,
        meanNdkl: s.ndklLists === 0 ? null : s.ndklSum / s.ndklLists,
        meanKl: s.lists === 0 ? null : s.klSum / s.lists,
        meanJs: s.lists === 0 ? null : s.jsSum / s.lists,
        meanTotalVariation: s.lists === 0 ? null : s.tvSum / s.lists,
        smoothing:
          smoothing.kind === 'epsilon'
            ? `epsilon ${smoothing.epsilon}`
            : smoothing.kind === 'laplace'
              ? `laplace ${smoothing.alpha}`
              : 'none',
        groups: [...s.groups]
          .sort(([x], [y]) => x.localeCompare(y))
          .map(([group, g]) => ({ group, lists: g.lists, meanSkew: g.skewSum / g.lists })),
      }));
    },
  };
}
