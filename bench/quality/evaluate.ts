import { createRng } from '../../src/demo/random.ts';
import {
  ndcgAtK,
  pairedBootstrap,
  rankOf,
  recallAtK,
  reciprocalRank,
  topK,
  type BootstrapInterval,
} from './metrics.ts';

export const CUTOFF = 10;

/** One query with its relevance judgements. */
export interface JudgedQuery {
  readonly id: string;
  readonly split: 'dev' | 'test';
  /** Graded gains for nDCG (document index → gain > 0). */
  readonly gains: ReadonlyMap<number, number>;
  /** The documents that count as hits for MRR and recall (a subset of the gains' keys). */
  readonly relevant: readonly number[];
  /** A document removed from this query's ranking (the query occupation itself in benchmark b). */
  readonly exclude: number | null;
}

export interface QueryMetrics {
  readonly mrr: number;
  readonly recall: number;
  readonly ndcg: number;
}

/** MRR, recall@10 and nDCG@10 of one query's scores (`scores` is modified when the query excludes a document). */
export function judge(scores: Float64Array, tieKeys: ArrayLike<number>, query: JudgedQuery): QueryMetrics {
  if (query.exclude !== null) scores[query.exclude] = Number.NEGATIVE_INFINITY;
  const ranks = query.relevant.map((d) => rankOf(scores, tieKeys, d));
  const top = topK(scores, tieKeys, CUTOFF);
  return {
    mrr: reciprocalRank(ranks),
    recall: recallAtK(ranks, CUTOFF),
    ndcg: ndcgAtK(
      top.map((d) => query.gains.get(d) ?? 0),
      [...query.gains.values()],
      CUTOFF,
    ),
  };
}

export type MetricName = keyof QueryMetrics;

/** Per-query metrics of one method on one split, kept per query for paired comparisons. */
export interface MethodRun {
  readonly method: string;
  readonly note: string;
  readonly perQuery: readonly QueryMetrics[];
}

/** Paired bootstrap (1,000 resamples, fixed seed) of a method's mean minus the baseline's. */
export function versus(
  run: MethodRun,
  baseline: MethodRun,
  metric: MetricName,
  seed = 'bole-quality-bootstrap',
): BootstrapInterval {
  const rng = createRng(`${seed}|${run.method}|${metric}`);
  return pairedBootstrap(
    run.perQuery.map((q) => q[metric]),
    baseline.perQuery.map((q) => q[metric]),
    1000,
    rng.next,
  );
}
