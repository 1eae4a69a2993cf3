import { impactRatios, type GroupCount, type ImpactRow } from './rates.ts';
import { fisherExact, twoProportionZTest, type FisherExactTest, type TwoProportionZTest } from './significance.ts';
import { suppressSmallGroups, type ExcludedGroup, type SuppressionOptions } from './suppression.ts';
import type { UndefinedReason } from './types.ts';

export interface GroupReportInput {
  /** Per-category counts: n considered, selected (shown in the top k, or scoring above the median). */
  groups: readonly GroupCount[];
  unknownCount: number;
  /** Four-fifths threshold (default 0.8). */
  threshold?: number;
  /** Significance level for `adverse` (default 0.05). */
  significance?: number;
  suppression?: SuppressionOptions;
}

interface GroupReportRow extends ImpactRow {
  /** Pooled two-proportion z-test of this group against the reference group; null for the reference. */
  zTest: TwoProportionZTest | null;
  /** Fisher's exact test (two-sided) of this group against the reference group; null for the reference. */
  fisher: FisherExactTest | null;
  /** flagged (IR < threshold) AND Fisher p < significance: the four-fifths rule and statistical significance. */
  adverse: boolean;
}

export interface GroupReport {
  rows: GroupReportRow[];
  excluded: ExcludedGroup[];
  unknownCount: number;
  sampleSize: number;
  threshold: number;
  significance: number;
  referenceGroup: string | null;
  minImpactRatio: { group: string; value: number } | null;
  reason: UndefinedReason | null;
}

/**
 * One attribute's (or intersection's) LL144-style table: suppress small groups (listed with n), then
 * per published category n, selected, rate, impact ratio vs the most-selected category and the 0.8 flag
 * (see impactRatios), and against that reference category (the first, if rates tie) the pooled z-test
 * and Fisher's exact test on the 2×2 table [[x_g, n_g − x_g], [x_ref, n_ref − x_ref]], as the reference
 * doc recommends. `adverse` uses Fisher because it is exact at every sample size (UGESP §1607.4(D):
 * small-number differences that are not significant are not adverse impact).
 */
export function computeGroupReport(input: GroupReportInput): GroupReport {
  const threshold = input.threshold ?? 0.8;
  const significance = input.significance ?? 0.05;
  const suppressed = suppressSmallGroups(input.groups, input.unknownCount, input.suppression);
  const impact = impactRatios(suppressed.published, threshold);
  const referenceGroup = impact.referenceGroups[0] ?? null;
  const ref = impact.rows.find((r) => r.group === referenceGroup) ?? null;
  const rows = impact.rows.map((row): GroupReportRow => {
    if (ref === null || row.group === ref.group || row.n === 0)
      return { ...row, zTest: null, fisher: null, adverse: false };
    const zTest = twoProportionZTest(row.selected, row.n, ref.selected, ref.n);
    const fisher = fisherExact([
      [row.selected, row.n - row.selected],
      [ref.selected, ref.n - ref.selected],
    ]);
    return { ...row, zTest, fisher, adverse: row.flagged && fisher.pValue < significance };
  });
  return {
    rows,
    excluded: suppressed.excluded,
    unknownCount: suppressed.unknownCount,
    sampleSize: suppressed.sampleSize,
    threshold,
    significance,
    referenceGroup,
    minImpactRatio: impact.minImpactRatio,
    reason: impact.reason,
  };
}
