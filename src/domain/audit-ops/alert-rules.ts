import type { AuditReport, GroupingReport } from '../audit-report/report-types.ts';
import type { GroupExposure } from '../fairness/exposure.ts';
import type { GroupReport } from '../fairness/report.ts';

type AlertKind = 'adverse_impact' | 'exposure_disparity';

/** One alert an audit report raises: aggregates of a published group only, never a person. */
export interface AlertCandidate {
  kind: AlertKind;
  grouping: string;
  group: string;
  metric: string;
  figures: Record<string, number | string | null>;
}

/**
 * Hoeffding bound on the two-sided p-value of a difference of two means of values in [0, 1]:
 * X̄ − Ȳ is a sum of n₁ + n₂ independent terms with ranges 1/n₁ and 1/n₂, so under H0 (equal means)
 * P(|X̄ − Ȳ| ≥ d) ≤ 2·exp(−2d² / (1/n₁ + 1/n₂)) (Hoeffding 1963, Thm 2). Capped at 1. Needs no
 * variance, which the aggregated exposure sums do not carry, and is conservative (never too small).
 */
export function hoeffdingTwoSampleP(d: number, n1: number, n2: number): number {
  if (!(n1 >= 1) || !(n2 >= 1)) return 1;
  return Math.min(1, 2 * Math.exp((-2 * d * d) / (1 / n1 + 1 / n2)));
}

const blockOf = (g: GroupingReport, metric: string): GroupReport | null => {
  if (metric === 'selection') return g.selection?.value ?? null;
  if (metric === 'scoring') return g.scoring?.value ?? null;
  if (metric === 'recommendation-quality') return g.recommendationQuality?.value.scoring ?? null;
  return null;
};

/**
 * Adverse impact: every flag of the report with `adverse` true, i.e. impact ratio < threshold (0.8)
 * AND the person-clustered p, Holm-adjusted over the report's tests, < significance (0.05) against the
 * reference group (format /1 reports: Fisher's p), in a published block (the group passed the size floor
 * and the 2 % share; see src/domain/fairness/report.ts).
 */
function adverseImpact(report: AuditReport): AlertCandidate[] {
  const byKey = new Map(report.groupings.map((g) => [g.key, g]));
  return report.flags
    .filter((f) => f.adverse)
    .map((f) => {
      const grouping = byKey.get(f.grouping);
      const block = grouping ? blockOf(grouping, f.metric) : null;
      const row = block?.rows.find((r) => r.group === f.group);
      const ref = block?.rows.find((r) => r.group === block.referenceGroup);
      return {
        kind: 'adverse_impact' as const,
        grouping: f.grouping,
        group: f.group,
        metric: f.metric,
        figures: {
          impactRatio: f.impactRatio,
          fisherP: f.fisherP,
          zTestP: row?.zTest?.pValue ?? null,
          clusteredP: f.clusteredP ?? null,
          holmP: f.holmP ?? null,
          bhQ: f.bhQ ?? null,
          n: row?.n ?? null,
          people: row?.people ?? null,
          selected: row?.selected ?? null,
          rate: row?.rate ?? null,
          referenceGroup: block?.referenceGroup ?? null,
          referenceRate: ref?.rate ?? null,
          threshold: report.params.threshold,
          significance: report.params.significance,
        },
      };
    });
}

/**
 * Significant exposure disparity, per grouping, over its published groups (size floor and share already
 * applied by the report): let L and H be the groups with the lowest and highest exposure-to-relevance
 * E/U (Singh & Joachims 2018). Alert when BOTH
 *   (1) DTR = (E/U)_L / (E/U)_H < threshold (0.8, the four-fifths line applied to exposure), and
 *   (2) L's mean exposure is below H's and the Hoeffding p-value of that difference, over the groups'
 *       served impressions (position weights 1/log2(1 + rank) lie in (0, 1]), is < significance (0.05).
 * (2) asks that L is actually shown lower, not only that its mean score is higher; impressions of one
 * person are not independent, so, as for decisions, the p-value is optimistic on that account.
 */
function exposureDisparities(report: AuditReport): AlertCandidate[] {
  const out: AlertCandidate[] = [];
  for (const g of report.groupings) {
    const block = g.exposure?.value;
    const ratio = block?.disparity.minMaxRatio.value ?? null;
    if (!block || ratio === null || !(ratio < report.params.threshold)) continue;
    const find = (name: string | null): GroupExposure | undefined => block.groups.find((x) => x.group === name);
    const lo = find(block.disparity.minGroup);
    const hi = find(block.disparity.maxGroup);
    if (!lo || !hi) continue;
    const d = hi.exposure - lo.exposure;
    const p = d > 0 ? hoeffdingTwoSampleP(d, lo.n, hi.n) : 1;
    if (!(p < report.params.significance)) continue;
    out.push({
      kind: 'exposure_disparity',
      grouping: g.key,
      group: lo.group,
      metric: 'exposure',
      figures: {
        disparateTreatmentRatio: ratio,
        hoeffdingP: p,
        referenceGroup: hi.group,
        exposure: lo.exposure,
        referenceExposure: hi.exposure,
        meanRelevance: lo.meanRelevance,
        referenceMeanRelevance: hi.meanRelevance,
        impressions: lo.n,
        referenceImpressions: hi.n,
        threshold: report.params.threshold,
        significance: report.params.significance,
      },
    });
  }
  return out;
}

/** Every alert a report raises, adverse impact first, in report order. Pure and deterministic. */
export function evaluateReport(report: AuditReport): AlertCandidate[] {
  return [...adverseImpact(report), ...exposureDisparities(report)];
}
