import type { EqualOpportunityDifference, FunnelRow } from '../fairness/funnel.ts';
import type { ExposureDisparity, GroupExposure } from '../fairness/exposure.ts';
import type { MeanScore } from '../fairness/mean-score.ts';
import type { GroupReport } from '../fairness/report.ts';
import type { ExcludedGroup } from '../fairness/suppression.ts';
import type { CramersV } from '../fairness/cramers-v.ts';
import type { ConventionKey } from './conventions.ts';
import type { RankingSummary } from './types.ts';
import type { CounterfactualSection } from './counterfactual-section.ts';
import type { RerankingSection } from './reranking.ts';

export interface Block<T> {
  convention: ConventionKey;
  /** Groups left out of this block (n = people) and the unknown count for this grouping. */
  excluded: ExcludedGroup[];
  unknown: number;
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
}

export interface Flag {
  grouping: string;
  group: string;
  metric: 'selection' | 'scoring' | 'recommendation-quality';
  impactRatio: number;
  fisherP: number | null;
  adverse: boolean;
}

export interface AuditReport {
  schema: 'bole.audit-report/1';
  runId: string;
  tenantId: string;
  auditDate: string;
  source: 'impressions' | 'upload';
  sourceDescription: string;
  window: { from: string | null; to: string | null };
  k: number;
  modelVersions: string[];
  params: { minGroupSize: number; minShare: number; threshold: number; significance: number };
  totals: {
    impressions: number;
    candidateLists: number;
    recommendationLists: number;
    graduates: number;
    consented: number;
    decisions: number;
    unknownDecisions: number;
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
  flags: Flag[];
  conventions: Record<string, string>;
  /** Audits of recorded impressions only: the counterfactual check and the re-ranking before/after. */
  counterfactual?: CounterfactualSection;
  reranking?: RerankingSection;
}
