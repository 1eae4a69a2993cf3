import { DEFAULT_WEIGHTS } from '../../src/domain/matching/weights.ts';
import type { MatchingDeps } from '../../src/services/matching/deps.ts';
import { ensureLsaEmbedder } from '../../src/services/matching/embedder-store.ts';
import { MatchingEngine } from '../../src/services/matching/engine.ts';
import { directImpressionSink } from '../../src/services/matching/impression-log.ts';
import type { Database } from '../../src/storage/db.ts';

/** Real matching on a small LSA fit (32 dimensions, 300-posting corpus) so a test file fits in seconds. */
export async function testMatching(database: Database): Promise<MatchingDeps> {
  const embedder = await ensureLsaEmbedder(database, { dimensions: 32, seed: 7, minCorpus: 300 });
  return { engine: new MatchingEngine(embedder), impressions: directImpressionSink, weights: DEFAULT_WEIGHTS };
}
