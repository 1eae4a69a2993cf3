import { impactRatios, type GroupCount, type ImpactResult } from './rates.ts';

/** One scored individual; `group` null means unknown demographics (in the median, not in any rate). */
export interface ScoredIndividual {
  group: string | null;
  score: number;
}

/** Median of finite numbers (mean of the two middle values when the count is even); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((x, y) => x - y);
  const mid = Math.floor(s.length / 2);
  const hi = s[mid] ?? 0;
  return s.length % 2 === 1 ? hi : ((s[mid - 1] ?? 0) + hi) / 2;
}

export interface ScoringRateResult extends ImpactResult {
  /** Median of ALL scored individuals, unknown demographics included; null when nobody was scored. */
  sampleMedian: number | null;
  /** Individuals scored whose category is unknown (LL144 §5-301(c)(5): reported, excluded from rates). */
  unknownCount: number;
  /** Per-group counts, `selected` = number strictly above the sample median. */
  counts: GroupCount[];
}

/**
 * Scoring rate and its impact ratio, NYC LL144 rules (6 RCNY §5-300): "the rate at which individuals in
 * a category receive a score above the sample's median score". The median is pooled over the FULL
 * sample (every category and the unknown category), not per category, and "above" is strict
 * (score > median), so ties at the median do not count. Impact ratio = scoring rate / highest scoring
 * rate, flagged under `threshold` (0.8, UGESP four-fifths; LL144 itself sets no threshold) — see
 * {@link impactRatios} for the null conventions. Groups are reported in order of first appearance.
 * Scores must be finite.
 */
export function scoringRates(individuals: readonly ScoredIndividual[], threshold = 0.8): ScoringRateResult {
  for (const i of individuals)
    if (!Number.isFinite(i.score)) throw new RangeError(`score must be finite, got ${i.score}`);
  const sampleMedian = median(individuals.map((i) => i.score));
  const byGroup = new Map<string, GroupCount>();
  let unknownCount = 0;
  for (const i of individuals) {
    if (i.group === null) {
      unknownCount++;
      continue;
    }
    const g = byGroup.get(i.group) ?? { group: i.group, n: 0, selected: 0 };
    g.n++;
    if (sampleMedian !== null && i.score > sampleMedian) g.selected++;
    byGroup.set(i.group, g);
  }
  const counts = [...byGroup.values()];
  return { ...impactRatios(counts, threshold), sampleMedian, unknownCount, counts };
}
