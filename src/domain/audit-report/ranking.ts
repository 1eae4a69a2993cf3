import { minMaxSkew, ndkl, skewAtK } from '../fairness/skew.ts';
import type { RankingSummary } from './types.ts';

/**
 * Accumulates Geyik, Ambler & Kenthapadi (KDD 2019) ranking metrics over many served lists, one list at
 * a time, so the caller can stream lists from the database. For each list and attribute: items whose
 * value is unknown are left out (ranks close up); the desired distribution D_r is the list's own
 * distribution over its known items (the candidate pool of that query, paper §3.1); Skew@k uses LiFT's
 * Laplace smoothing α = 1 (see skewAtK); NDKL runs over the whole served list. The summary is the mean
 * over lists of MinSkew@k, MaxSkew@k and NDKL, and each group's mean Skew@k over the lists it appears in.
 */
export function createRankingAccumulator(attributes: readonly string[], k: number) {
  const state = attributes.map((attribute) => ({
    attribute,
    lists: 0,
    minSum: 0,
    maxSum: 0,
    ndklSum: 0,
    ndklLists: 0,
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
        const rows = skewAtK(ranking, desired, k);
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
        groups: [...s.groups]
          .sort(([x], [y]) => x.localeCompare(y))
          .map(([group, g]) => ({ group, lists: g.lists, meanSkew: g.skewSum / g.lists })),
      }));
    },
  };
}
