import { impactRatios } from '../fairness/rates.ts';
import { suppressSmallGroups, type ExcludedGroup } from '../fairness/suppression.ts';
import type { Pair } from './types.ts';

interface GroupInterviewRate {
  group: string;
  /** Registered graduates of the group who wanted an interview. */
  n: number;
  /** Of them, how many got at least one interview. */
  selected: number;
  rate: number | null;
  impactRatio: number | null;
  flagged: boolean;
  /** The group's share of all interview slots in the plan. */
  slotShare: number;
}

export interface AttributeRates {
  attribute: string;
  groups: GroupInterviewRate[];
  excluded: ExcludedGroup[];
  unknownCount: number;
  minSize: number;
}

/**
 * Interview-slot rates by group for one attribute: rate = graduates with ≥ 1 interview / graduates of
 * the group, impact ratio = rate / highest rate (the four-fifths rule flags < 0.8). Only consented,
 * known values enter (`groupOf` returns null otherwise: counted as unknown); groups below the audit's
 * minimum size or share are suppressed and listed with their n, as in the audit reports.
 */
export function interviewRates(
  attribute: string,
  graduates: readonly number[],
  groupOf: (g: number) => string | null,
  pairs: readonly Pair[],
  options: { minSize?: number; minShare?: number; threshold?: number } = {},
): AttributeRates {
  const interviews = new Map<number, number>();
  for (const p of pairs) interviews.set(p.graduate, (interviews.get(p.graduate) ?? 0) + 1);
  const counts = new Map<string, { n: number; selected: number; slots: number }>();
  let unknownCount = 0;
  for (const g of graduates) {
    const group = groupOf(g);
    if (group === null) {
      unknownCount++;
      continue;
    }
    const c = counts.get(group) ?? { n: 0, selected: 0, slots: 0 };
    c.n++;
    const k = interviews.get(g) ?? 0;
    if (k > 0) c.selected++;
    c.slots += k;
    counts.set(group, c);
  }
  const rows = [...counts].map(([group, c]) => ({ group, ...c })).sort((a, b) => a.group.localeCompare(b.group));
  const kept = suppressSmallGroups(rows, unknownCount, {
    ...(options.minSize === undefined ? {} : { minSize: options.minSize }),
    ...(options.minShare === undefined ? {} : { minShare: options.minShare }),
  });
  const ratios = impactRatios(kept.published, options.threshold ?? 0.8);
  const total = pairs.length;
  return {
    attribute,
    groups: kept.published.map((g) => {
      const r = ratios.rows.find((x) => x.group === g.group);
      return {
        group: g.group,
        n: g.n,
        selected: g.selected,
        rate: r?.rate ?? null,
        impactRatio: r?.impactRatio ?? null,
        flagged: r?.flagged ?? false,
        slotShare: total > 0 ? g.slots / total : 0,
      };
    }),
    excluded: kept.excluded,
    unknownCount,
    minSize: kept.minSize,
  };
}
