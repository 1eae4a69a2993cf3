import type { EqualOpportunityDifference, FunnelRow } from '../fairness/funnel.ts';
import type { ExposureDisparity, GroupExposure } from '../fairness/exposure.ts';
import type { MeanScore } from '../fairness/mean-score.ts';
import type { OutcomeMetrics } from '../fairness/outcomes.ts';
import type { MantelHaenszel } from '../fairness/contingency.ts';
import type { GroupReport } from '../fairness/report.ts';
import type { ExcludedGroup } from '../fairness/suppression.ts';
import type { CramersV } from '../fairness/cramers-v.ts';
import type { ConventionKey } from './conventions.ts';
import type { RankingSummary } from './types.ts';
import type { CounterfactualSection } from './counterfactual-section.ts';
import type { RerankingSection } from './reranking.ts';

/**
 * A category left out of a block's comparisons, still listed: n = people. Below the 2 % share (LL144
 * §5-301(d)) its decisions, selected count and rate are published; below the size floor, or suppressed
 * by the grouping's selection floor ('suppressed-in-selection'), they are null (suppressed, marked).
 */
export interface ExcludedCategory extends Omit<ExcludedGroup, 'reason'> {
  reason: ExcludedGroup['reason'] | 'suppressed-in-selection';
  decisions: number | null;
  selected: number | null;
  rate: number | null;
}

export interface Block<T> {
  convention: ConventionKey;
  /** Groups left out of this block and why, and the unknown count for this grouping. */
  excluded: ExcludedCategory[];
  /** Decisions (or the block's unit) whose value for this grouping is unknown. */
  unknown: number;
  /** People whose value for this grouping is unknown. */
  unknownPeople: number;
  value: T;
}

export interface GroupingReport {
  key: string;
  attributes: string[];
  kind: 'single' | 'intersection' | 'proxy';
  selection: Block<GroupReport> | null;
  scoring: Block<GroupReport> | null;
  meanScores: Block<MeanScore[]> | null;
  exposure: Block<{ groups: GroupExposure[]; disparity: ExposureDisparity }> | null;
  recommendationQuality: Block<{ scoring: GroupReport; meanScores: MeanScore[] }> | null;
  funnel: Block<{ rows: FunnelRow[]; equalOpportunity: EqualOpportunityDifference }> | null;
  /**
   * Each published group vs the reference group, Cochran–Mantel–Haenszel across strata (no continuity
   * correction), at decision level: strata = an upload's stratum column, or the postings in audits of lists.
   */
  mantelHaenszel?: { convention: ConventionKey; rows: ({ group: string; reference: string } & MantelHaenszel)[] };
  /** TPR/FPR/precision by group against the outcome label; null when the data carry no labels. */
  outcomes: Block<OutcomeMetrics & { labelDefinition: string }> | null;
}

export interface Flag {
  grouping: string;
  group: string;
  metric: 'selection' | 'scoring' | 'recommendation-quality';
  impactRatio: number;
  /** People and decisions behind the flagged row. */
  people: number;
  decisions: number;
  fisherP: number | null;
  /** Person-clustered p, its Holm adjustment over the report (the flag uses it) and its BH q-value. */
  clusteredP: number | null;
  holmP: number | null;
  bhQ: number | null;
  adverse: boolean;
}

export interface AuditReport {
  /**
   * /2 added people beside decisions, the clustered test with Holm and BH, excluded-category rates and outcome metrics.
   */
  schema: 'bole.audit-report/2';
  runId: string;
  tenantId: string;
  auditDate: string;
  source: 'impressions' | 'upload';
  sourceDescription: string;
  window: { from: string | null; to: string | null };
  k: number;
  modelVersions: string[];
  params: {
    minGroupSize: number;
    minShare: number;
    threshold: number;
    significance: number;
    /** Scoring rate: null = strictly above the pooled median (LL144); a number = score ≥ it (binary scores). */
    scoreThreshold: number | null;
    /** Reference group for the outcome metrics' comparisons (null: none chosen). */
    referenceGroup: string | null;
  };
  /** The family over which Holm and BH adjust: every clustered test in the report. */
  multipleComparisons: { tests: number; adverseMethod: 'holm'; qValues: 'fdr_bh' };
  totals: {
    impressions: number;
    candidateLists: number;
    recommendationLists: number;
    graduates: number;
    consented: number;
    decisions: number;
    /** Decisions and people with every attribute unknown. */
    unknownDecisions: number;
    /** Per attribute: decisions and people whose value for it is unknown (LL144 §5-301(b)(5)). */
    unknownByAttribute: { attribute: string; people: number; decisions: number }[];
  };
  sampleMedian: { selection: number | null; recommendations: number | null };
  groupings: GroupingReport[];
  ranking: { convention: ConventionKey; attributes: RankingSummary[] };
  exposureByRank: {
    convention: ConventionKey;
    attribute: string;
    ranks: { rank: number; positionWeight: number; shares: Record<string, number> }[];
  };
  proxyStrength: {
    convention: ConventionKey;
    sampleFraction: number;
    pairs: ({ component: string; attribute: string } & CramersV)[];
  };
  /**
   * Inequality of the scores (generalized entropy): GE(2) from the pooled moments; Theil T and L when
   * the raw scores were read (uploads) and all are ≥ 0 (Theil L: > 0). Absent in format /1.
   */
  scoreInequality?: {
    convention: ConventionKey;
    n: number;
    ge2: number | null;
    theilT: number | null;
    theilL: number | null;
  };
  flags: Flag[];
  conventions: Record<string, string>;
  /** Audits of recorded impressions only: the counterfactual check and the re-ranking before/after. */
  counterfactual?: CounterfactualSection;
  reranking?: RerankingSection;
}
