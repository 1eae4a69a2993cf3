import { assertCount, type UndefinedReason } from './types.ts';

/** One category's counts: n individuals considered, `selected` of them selected (or above the median). */
export interface GroupCount {
  group: string;
  n: number;
  selected: number;
}

export interface ImpactRow extends GroupCount {
  /** selected / n; null when n = 0. */
  rate: number | null;
  /** rate / max rate; null when this group is empty or every rate is 0. */
  impactRatio: number | null;
  reason: UndefinedReason | null;
  /** impactRatio < threshold (false when the ratio is undefined). */
  flagged: boolean;
  /** This group has the highest rate (ties: every tied group is a reference with ratio 1). */
  isReference: boolean;
}

export interface ImpactResult {
  rows: ImpactRow[];
  threshold: number;
  /** Highest rate among non-empty groups; null when there are none. */
  maxRate: number | null;
  referenceGroups: string[];
  /** The lowest defined impact ratio and its group (audit-ai's "bias ratio"); null when none is defined. */
  minImpactRatio: { group: string; value: number } | null;
  /** Set when no ratio can be computed at all. */
  reason: UndefinedReason | null;
}

/**
 * Selection rate SR_g = selected_g / n_g (NYC LL144 rules, 6 RCNY §5-300 "selection rate"; fairlearn
 * `selection_rate`; Aequitas `pprev`). Returns null for n = 0 rather than 0/0.
 */
export function selectionRate(selected: number, n: number): number | null {
  assertCount('n', n);
  assertCount('selected', selected);
  if (selected > n) throw new RangeError(`selected (${selected}) exceeds n (${n})`);
  return n === 0 ? null : selected / n;
}

/**
 * Impact ratios against the most-selected category, one-sided as in NYC LL144 (6 RCNY §5-300 "impact
 * ratio": IR_g = SR_g / max_h SR_h, so the top category has IR = 1) and UGESP 29 CFR §1607.4(D), which
 * regards IR < 4/5 as evidence of adverse impact; `flagged` applies that rule (threshold default 0.8,
 * strict <). Conventions: groups with n = 0 get rate and ratio null ('empty-group') and do not take part;
 * when the maximum rate is 0 every ratio is 0/0 → null ('all-zero-rates') and nothing is flagged
 * (fairlearn would return NaN, AIF360's sklearn API 0); a single group is its own reference (IR = 1).
 * The ratio is computed as (x_g·n_r)/(n_g·x_r) from exact integer products, one rounding, so a ratio of
 * exactly 4/5 equals 0.8 and is not flagged.
 */
export function impactRatios(groups: readonly GroupCount[], threshold = 0.8): ImpactResult {
  const rates = groups.map((g) => selectionRate(g.selected, g.n));
  let reference: GroupCount | null = null;
  let maxRate: number | null = null;
  for (const [i, g] of groups.entries()) {
    const r = rates[i] ?? null;
    if (r !== null && (maxRate === null || r > maxRate)) {
      maxRate = r;
      reference = g;
    }
  }
  const allZero = maxRate === 0;
  const rows: ImpactRow[] = groups.map((g, i) => {
    const rate = rates[i] ?? null;
    const base = { group: g.group, n: g.n, selected: g.selected, rate };
    if (rate === null) return { ...base, impactRatio: null, reason: 'empty-group', flagged: false, isReference: false };
    if (reference === null || allZero)
      return { ...base, impactRatio: null, reason: 'all-zero-rates', flagged: false, isReference: false };
    const isReference = rate === maxRate;
    const ratio = isReference ? 1 : (g.selected * reference.n) / (g.n * reference.selected);
    return { ...base, impactRatio: ratio, reason: null, flagged: ratio < threshold, isReference };
  });
  let minImpactRatio: ImpactResult['minImpactRatio'] = null;
  for (const r of rows) {
    if (r.impactRatio !== null && (minImpactRatio === null || r.impactRatio < minImpactRatio.value)) {
      minImpactRatio = { group: r.group, value: r.impactRatio };
    }
  }
  const reason: UndefinedReason | null = maxRate === null ? 'empty-input' : allZero ? 'all-zero-rates' : null;
  return {
    rows,
    threshold,
    maxRate,
    referenceGroups: rows.filter((r) => r.isReference).map((r) => r.group),
    minImpactRatio,
    reason,
  };
}
