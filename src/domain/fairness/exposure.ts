import { defined, undefinedBecause, type Maybe, type UndefinedReason } from './types.ts';

/**
 * Position bias v_j = 1/log2(1 + j) for a 1-based rank j (Singh & Joachims, "Fairness of Exposure in
 * Rankings", KDD 2018, §3; the DCG discount). v_1 = 1, v_3 = 0.5, v_7 = 1/3. Not shown (rank null) → 0.
 */
export function positionWeight(rank: number | null): number {
  if (rank === null) return 0;
  if (!Number.isInteger(rank) || rank < 1) throw new RangeError(`rank must be an integer ≥ 1, got ${rank}`);
  return 1 / Math.log2(1 + rank);
}

/** One subject in one ranking: its rank (null = in the candidate pool but not shown) and relevance u_i ≥ 0. */
export interface ExposureItem {
  group: string;
  rank: number | null;
  relevance: number;
}

export interface GroupExposure {
  group: string;
  n: number;
  /** Exposure(G) = (1/|G|) Σ_{i∈G} v_{rank(i)}. */
  exposure: number;
  /** U(G) = (1/|G|) Σ_{i∈G} u_i. */
  meanRelevance: number;
  /** Exposure(G)/U(G); null when U(G) = 0 ('zero-relevance'). */
  exposurePerRelevance: number | null;
  reason: UndefinedReason | null;
}

/**
 * Group exposure and exposure-to-relevance, Singh & Joachims 2018 §4 for a deterministic ranking
 * (P is a permutation matrix, so Exposure(d_i|P) = v at d_i's rank): Exposure(G) = mean of v over the
 * group's members, U(G) = mean relevance. Items from several rankings may be pooled (each item is one
 * subject-in-ranking); groups appear in order of first appearance; groups with no items are absent.
 */
export function groupExposure(items: readonly ExposureItem[]): GroupExposure[] {
  const acc = new Map<string, { n: number; v: number; u: number }>();
  for (const it of items) {
    if (!(it.relevance >= 0) || !Number.isFinite(it.relevance))
      throw new RangeError(`relevance must be finite and ≥ 0, got ${it.relevance}`);
    const a = acc.get(it.group) ?? { n: 0, v: 0, u: 0 };
    a.n++;
    a.v += positionWeight(it.rank);
    a.u += it.relevance;
    acc.set(it.group, a);
  }
  return [...acc].map(([group, a]) => {
    const exposure = a.v / a.n;
    const meanRelevance = a.u / a.n;
    const ok = meanRelevance > 0;
    return {
      group,
      n: a.n,
      exposure,
      meanRelevance,
      exposurePerRelevance: ok ? exposure / meanRelevance : null,
      reason: ok ? null : 'zero-relevance',
    };
  });
}

/** Per-group sums over its subject-in-ranking items: count, Σ v_{rank(i)} and Σ u_i. */
export interface ExposureTotals {
  group: string;
  n: number;
  exposureSum: number;
  relevanceSum: number;
}

/**
 * {@link groupExposure} from totals aggregated elsewhere (e.g. in SQL, Σ 1/log2(1 + rank) per group):
 * Exposure(G) = exposureSum/n, U(G) = relevanceSum/n, and E/U null when U(G) = 0. Groups with n = 0
 * are dropped, as groupExposure never reports a group without items.
 */
export function groupExposureFromTotals(totals: readonly ExposureTotals[]): GroupExposure[] {
  return totals
    .filter((t) => t.n > 0)
    .map((t) => {
      if (!Number.isInteger(t.n)) throw new RangeError(`n must be an integer, got ${t.n}`);
      if (!(t.relevanceSum >= 0) || !(t.exposureSum >= 0)) throw new RangeError('sums must be ≥ 0');
      const exposure = t.exposureSum / t.n;
      const meanRelevance = t.relevanceSum / t.n;
      const ok = meanRelevance > 0;
      return {
        group: t.group,
        n: t.n,
        exposure,
        meanRelevance,
        exposurePerRelevance: ok ? exposure / meanRelevance : null,
        reason: ok ? null : 'zero-relevance',
      };
    });
}

/**
 * Disparate treatment ratio DTR(G0, G1) = [Exposure(G0)/U(G0)] / [Exposure(G1)/U(G1)] (Singh & Joachims
 * 2018, Eq. 10; FairRankTune "EXPU"); 1 = exposure proportional to relevance in both groups, < 1 = G0
 * gets less exposure per unit of relevance. Null when either side is undefined or G1's side is 0.
 */
export function disparateTreatmentRatio(g0: GroupExposure, g1: GroupExposure): Maybe {
  if (g0.exposurePerRelevance === null) return undefinedBecause(g0.reason ?? 'zero-relevance');
  if (g1.exposurePerRelevance === null) return undefinedBecause(g1.reason ?? 'zero-relevance');
  if (g1.exposurePerRelevance === 0) return undefinedBecause('zero-exposure');
  return defined(g0.exposurePerRelevance / g1.exposurePerRelevance);
}

export interface ExposureDisparity {
  /** min_g (E/U) / max_g (E/U) over groups where E/U is defined (FairRankTune "MinMaxRatio" of EXPU). */
  minMaxRatio: Maybe;
  minGroup: string | null;
  maxGroup: string | null;
}

/** The worst pairwise DTR across all groups with a defined exposure/relevance. */
export function exposureDisparity(groups: readonly GroupExposure[]): ExposureDisparity {
  let lo: GroupExposure | null = null;
  let hi: GroupExposure | null = null;
  for (const g of groups) {
    if (g.exposurePerRelevance === null) continue;
    if (lo === null || g.exposurePerRelevance < (lo.exposurePerRelevance ?? Infinity)) lo = g;
    if (hi === null || g.exposurePerRelevance > (hi.exposurePerRelevance ?? -Infinity)) hi = g;
  }
  if (lo === null || hi === null)
    return { minMaxRatio: undefinedBecause('empty-input'), minGroup: null, maxGroup: null };
  return { minMaxRatio: disparateTreatmentRatio(lo, hi), minGroup: lo.group, maxGroup: hi.group };
}
