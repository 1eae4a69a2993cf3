import type { WeightSet } from '../../domain/matching/weights.ts';
import type { MatchingEngine } from './engine.ts';
import type { EmbedderSwitchStatus } from './embedder-switch.ts';
import type { ImpressionSink } from './impression-log.ts';
import type { TextEmbedding } from './text-embedding.ts';
import type { Database } from '../../storage/db.ts';

/** What the matching use-cases need besides the request context. */
export interface MatchingDeps {
  engine: MatchingEngine;
  impressions: ImpressionSink;
  weights: WeightSet;
  /**
   * 'pgvector': a semantic shortlist from pgvector's HNSW index (where the extension exists), re-ranked by the hybrid
   * score.
   */
  vectorSearch?: 'memory' | 'pgvector';
  /** A changed embedder being re-embedded in the background (the engine serves the old one until it switches). */
  embedderSwitch?: { status(): EmbedderSwitchStatus };
  /** Where POST /v1/embeddings embeds (default: this thread, in batches that yield; on Node a worker-thread pool). */
  textEmbedding?: TextEmbedding;
}

/** Resolves the matching dependencies for a request (loaded once; a Worker loads them on first use). */
export type MatchingProvider = (database: Database) => Promise<MatchingDeps>;

const DISCLOSURE_PATH = '/v1/algorithm';

/** The AI notice every list carries (Algorithmic Recommendation Provisions art. 16; AI Act art. 13). */
export function aiNotice(deps: MatchingDeps, personalized: boolean, reason: string | null) {
  return {
    algorithmic: true as const,
    machineGenerated:
      'This list was ranked by software (Bole), not by a person. 本列表由算法（伯乐）自动排序，并非人工决定。',
    modelVersion: deps.weights.version,
    embedder: deps.engine.embedder.id,
    personalized,
    reason,
    disclosureUrl: DISCLOSURE_PATH,
  };
}

export const aiNoticeHeader = (deps: MatchingDeps, personalized: boolean): string =>
  `algorithmic; model=${deps.weights.version}; embedder=${deps.engine.embedder.id}; ` +
  `personalized=${personalized}; disclosure=${DISCLOSURE_PATH}`;
