import { chiSquareIndependence, type ChiSquareIndependence } from './contingency.ts';
import { clusteredRateTest, singletonClusters, type ClusteredRateTest, type ClusterSums } from './clustered.ts';
import { benjaminiHochberg, holmAdjust } from './multiplicity.ts';
import { impactRatios, type GroupCount, type ImpactRow } from './rates.ts';
import { fisherExact, twoProportionZTest, type FisherExactTest, type TwoProportionZTest } from './significance.ts';
import { suppressSmallGroups, type ExcludedGroup, type SuppressionOptions } from './suppression.ts';
import type { UndefinedReason } from './types.ts';

/** A category's counts, with the per-person sums when one person may make several decisions. */
export interface GroupCountWithPeople extends GroupCount {
  /** Per-person sums of this category's decisions; omitted = one decision per person. */
  clusters?: ClusterSums;
}

export interface GroupReportInput {
  /** Per-category counts: n decisions considered, selected (shown in the top k, or scoring above the median). */
  groups: readonly GroupCountWithPeople[];
  unknownCount: number;
  /** Four-fifths threshold (default 0.8). */
  threshold?: number;
  /** Significance level for `adverse` (default 0.05). */
  significance?: number;
  suppression?: SuppressionOptions;
}

export interface GroupReportRow extends ImpactRow {
  /** People behind the n decisions. */
  people: number;
  /** Decision-level pooled two-proportion z-test against the reference group (audit-ai); null for the reference. */
  zTest: TwoProportionZTest | null;
  /** Decision-level Fisher exact test on [[x_g, n_g − x_g], [x_ref, n_ref − x_ref]]; null for the reference. */
  fisher: FisherExactTest | null;
  /** The person-clustered test of rate_g − rate_ref, the one the adverse flag uses; null for the reference. */
  clustered: ClusteredRateTest | null;
  /** Holm-adjusted clustered p over the test family (the block, or the whole report once assembled). */
  holmP: number | null;
  /** Benjamini–Hochberg q-value of the clustered p over the same family. */
  bhQ: number | null;
  /** flagged (IR < threshold) AND Holm-adjusted clustered p < significance. */
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
  /** Pearson χ² of independence on the published categories × (selected, not selected), decision level. */
  chiSquare: ChiSquareIndependence | null;
  reason: UndefinedReason | null;
}

/**
 * One attribute's (or intersection's) LL144-style table: suppress small groups (listed with n), then
 * per published category n, selected, rate, impact ratio vs the most-selected category and the 0.8 flag
 * (see impactRatios); against that reference category (the first, if rates tie) the person-clustered
 * rate test (see clusteredRateTest), and for comparison with audit-ai/scipy the decision-level pooled
 * z-test and Fisher's exact test on [[x_g, n_g − x_g], [x_ref, n_ref − x_ref]] (odds ratio as scipy's
 * fisher_exact on that table: odds of the group over odds of the reference). Adverse = flagged and the
 * Holm-adjusted clustered p < significance (UGESP §1607.4(D): differences that are not significant are
 * not adverse impact); Holm and BH run over this block's tests until {@link adjustFamily} re-runs them
 * over a whole report.
 */
export function computeGroupReport(input: GroupReportInput): GroupReport {
  const threshold = input.threshold ?? 0.8;
  const significance = input.significance ?? 0.05;
  const suppressed = suppressSmallGroups(input.groups, input.unknownCount, input.suppression);
  const impact = impactRatios(suppressed.published, threshold);
  const referenceGroup = impact.referenceGroups[0] ?? null;
  const ref = impact.rows.find((r) => r.group === referenceGroup) ?? null;
  const clustersOf = new Map(
    suppressed.published.map((g) => [g.group, g.clusters ?? singletonClusters(g.n, g.selected)] as const),
  );
  const refClusters = ref ? clustersOf.get(ref.group) : undefined;
  const rows = impact.rows.map((row): GroupReportRow => {
    const clusters = clustersOf.get(row.group);
    const people = clusters?.people ?? row.n;
    const none = { people, zTest: null, fisher: null, clustered: null, holmP: null, bhQ: null, adverse: false };
    if (ref === null || refClusters === undefined || clusters === undefined || row.group === ref.group || row.n === 0)
      return { ...row, ...none };
    const zTest = twoProportionZTest(row.selected, row.n, ref.selected, ref.n);
    const fisher = fisherExact([
      [row.selected, row.n - row.selected],
      [ref.selected, ref.n - ref.selected],
    ]);
    const clustered = clusteredRateTest(clusters, refClusters);
    return { ...row, ...none, zTest, fisher, clustered };
  });
  const published = impact.rows.filter((r) => r.n > 0);
  const chiSquare =
    published.length >= 2 ? chiSquareIndependence(published.map((r) => [r.selected, r.n - r.selected])) : null;
  const report: GroupReport = {
    rows,
    excluded: suppressed.excluded,
    unknownCount: suppressed.unknownCount,
    sampleSize: suppressed.sampleSize,
    threshold,
    significance,
    referenceGroup,
    minImpactRatio: impact.minImpactRatio,
    chiSquare,
    reason: impact.reason,
  };
  adjustFamily([report]);
  return report;
}

/**
 * Holm-adjusted p-values and Benjamini–Hochberg q-values of the clustered tests over one family (every
 * row of every report given), and the adverse flag from Holm: flagged and p_Holm < significance.
 * Mutates the rows; returns the family's size m.
 */
export function adjustFamily(reports: readonly GroupReport[]): number {
  const rows = reports.flatMap((r) => r.rows.map((row) => ({ row, significance: r.significance })));
  const p = rows.map(({ row }) => row.clustered?.pValue ?? null);
  const holm = holmAdjust(p);
  const bh = benjaminiHochberg(p);
  rows.forEach(({ row, significance }, i) => {
    row.holmP = holm[i] ?? null;
    row.bhQ = bh[i] ?? null;
    row.adverse = row.flagged && row.holmP !== null && row.holmP < significance;
  });
  return p.filter((x) => x !== null).length;
}
