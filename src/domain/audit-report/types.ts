import type { Moments } from '../fairness/mean-score.ts';

/**
 * What the audit reads, already aggregated: "cells", one per combination of attribute values (null =
 * unknown or not consented), holding additive sums. Any grouping (one attribute, an intersection of two)
 * is a sum of cells, so the database returns a few hundred rows however many impressions there were.
 */
export interface CellBase {
  /** One value per entry of AuditAggregates.attributes; null = unknown. */
  values: readonly (string | null)[];
}

/** Candidate decisions: one per (posting, graduate) pair, or one per row of an uploaded file. */
export interface SelectionCell extends CellBase {
  /** Decisions. */
  n: number;
  /** Decisions where the graduate was shown in the top k (or `selected` in an upload). */
  selected: number;
  /** Decisions whose score is strictly above the pooled sample median. */
  aboveMedian: number;
  /** Distinct people behind the decisions (the suppression floor counts people, not decisions). */
  individuals: number;
  score: Moments;
  /** Served impressions and Σ 1/log2(1 + rank), Σ score over them (exposure and relevance). */
  impressions: number;
  exposureSum: number;
  relevanceSum: number;
}

/** Recommendation quality per graduate: mean score of the top k postings served to them. */
export interface QualityCell extends CellBase {
  /** Graduates who were served recommendations. */
  n: number;
  aboveMedian: number;
  score: Moments;
}

/** Outcome funnel over shown (graduate, posting) pairs; each stage counts pairs that reached it. */
export interface FunnelCell extends CellBase {
  individuals: number;
  shown: number;
  applied: number;
  interview: number;
  offer: number;
  hire: number;
}

/** One count of the (scoring input bin × attribute values) contingency table. */
export interface ProxyCell extends CellBase {
  component: string;
  bin: string;
  count: number;
}

/** Impressions at one rank position for one cell (for the exposure-by-rank chart). */
export interface RankCell extends CellBase {
  rank: number;
  count: number;
}

/** Geyik et al. ranking metrics averaged over lists, for one attribute. */
export interface RankingSummary {
  attribute: string;
  /** Lists where the attribute was known for at least one ranked item. */
  lists: number;
  meanMinSkew: number | null;
  meanMaxSkew: number | null;
  meanNdkl: number | null;
  groups: { group: string; lists: number; meanSkew: number | null }[];
}

export interface AuditAggregates {
  /** Names of the positions in every cell's `values`. */
  attributes: readonly string[];
  /** Which of them are protected (intersections are formed from these); the rest are monitored proxies. */
  protectedAttributes: readonly string[];
  k: number;
  selection: { cells: SelectionCell[]; sampleMedian: number | null };
  recommendations: { cells: QualityCell[]; sampleMedian: number | null } | null;
  funnel: { cells: FunnelCell[] } | null;
  proxy: ProxyCell[];
  /** Share of impressions the proxy table was computed on (1 = all; < 1 = a Bernoulli sample). */
  proxySampleFraction: number;
  ranks: RankCell[];
  ranking: RankingSummary[];
  totals: {
    impressions: number;
    candidateLists: number;
    recommendationLists: number;
    graduates: number;
    /** Graduates whose demographics could be used (consent granted). */
    consented: number;
  };
  modelVersions: string[];
}
