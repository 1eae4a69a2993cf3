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
  /**
   * Per-person sums for the person-clustered variance (x_i = a person's selected decisions, a_i = their
   * decisions above the median, n_i = their decisions): Σ n_i², Σ x_i², Σ x_i·n_i, Σ a_i², Σ a_i·n_i.
   */
  cluster: PersonSums;
  /** Confusion counts against the outcome label (weighted for uploads with weights); null without labels. */
  labels: LabelCounts | null;
  score: Moments;
  /** Served impressions and Σ 1/log2(1 + rank), Σ score over them (exposure and relevance). */
  impressions: number;
  exposureSum: number;
  relevanceSum: number;
}

export interface PersonSums {
  sumN2: number;
  selectedSq: number;
  selectedN: number;
  aboveSq: number;
  aboveN: number;
}

/** tp = selected and labelled positive, fp = selected and negative, fn / tn likewise for not selected. */
export interface LabelCounts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface StratumCell extends CellBase {
  stratum: string;
  n: number;
  selected: number;
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
  /** Mean over lists of KL(top-k shares ‖ list shares), natural log (absent in format /1 reports). */
  meanKl?: number | null;
  /** Mean Jensen–Shannon divergence (natural log) and total variation distance, top k vs the list. */
  meanJs?: number | null;
  meanTotalVariation?: number | null;
  /** Skew smoothing used: "laplace 1" (LiFT) or "epsilon 1e-7" (FairRankTune). */
  smoothing?: string;
  groups: { group: string; lists: number; meanSkew: number | null }[];
}

export interface AuditAggregates {
  /** Names of the positions in every cell's `values`. */
  attributes: readonly string[];
  /** Which of them are protected (intersections are formed from these); the rest are monitored proxies. */
  protectedAttributes: readonly string[];
  k: number;
  /**
   * Every category of each attribute, when known (database audits: the profile schema's list): a
   * category nobody in the window belongs to is still listed, with n = 0.
   */
  categories?: Readonly<Record<string, readonly string[]>>;
  /**
   * Cells' `aboveMedian` counts scores strictly above the pooled median (LL144), or, when `scoreThreshold`
   * is set (binary scores), scores at or above that threshold.
   */
  selection: { cells: SelectionCell[]; sampleMedian: number | null; scoreThreshold?: number | null };
  /** What the cells' labels mean (null when there are none). */
  labelDefinition?: string | null;
  /**
   * Decisions per (stratum, cell), for the Mantel–Haenszel test: an upload's stratum column, or, in audits
   * of recorded lists, the posting whose candidate list held the decision (`strataKind` says which).
   */
  strata?: StratumCell[];
  strataKind?: 'column' | 'posting';
  /** Uploads: every score (for the Theil indices); absent when raw scores were not read. */
  rawScores?: readonly number[];
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
