/**
 * The ranking GET /v1/jobs/search does, called directly on the engine's posting index with a chosen weight set:
 * the same lexical query (with one-edit corrections), the same query embedding, the same open-postings mask and
 * the same searchPostings (src/domain/search/job-search.ts). The benchmarks check that it reproduces the HTTP
 * answers with the shipped weights, then use it to try other weights (tuning, on dev only) and ablations.
 */
import { profileFeatures, profileText, taxonomySimilarity } from '../../src/domain/matching/extract.ts';
import {
  searchPostings,
  type SearchHit,
  type SearchProfile,
  type SearchWeights,
} from '../../src/domain/search/job-search.ts';
import type { PostingIndex } from '../../src/domain/search/posting-index.ts';
import { getTaxonomy } from '../../src/domain/skills/index.ts';
import { titleProfile } from '../quality/production-path.ts';
import type { Embedder } from '../../src/domain/text/embedder.ts';
import type { SearchService } from './service.ts';

export interface PreparedQuery {
  readonly lexical: ReturnType<PostingIndex['lexical']['query']>;
  readonly vector: Float32Array;
}

export async function prepareQuery(embedder: Embedder, index: PostingIndex, q: string): Promise<PreparedQuery> {
  let vector: Float32Array = new Float32Array(embedder.dimensions);
  try {
    vector = (await embedder.embed([q]))[0] ?? vector;
  } catch {
    // a query with nothing embeddable has no meaning signal, as in the service
  }
  return { lexical: index.lexical.query(q, { correct: true }), vector };
}

/** A graduate whose profile says only `summary`, as the service builds a SearchProfile for them. */
export async function summaryProfile(
  service: SearchService,
  index: PostingIndex,
  key: string,
  summary: string,
): Promise<SearchProfile> {
  const taxonomy = getTaxonomy();
  const profile = titleProfile(summary);
  return {
    features: profileFeatures(profile, taxonomy),
    vector: await service.deps.engine.profileVector(key, profile),
    lexical: index.lexical.query(profileText(profile, new Set(), taxonomy)),
    weights: service.deps.weights,
    similarity: taxonomySimilarity(taxonomy),
  };
}

export function rankDirect(
  index: PostingIndex,
  query: PreparedQuery,
  k: number,
  weights: SearchWeights,
  profile: SearchProfile | null = null,
): SearchHit[] {
  const mask = index.mask({ now: Date.now() });
  return searchPostings(index, { lexical: query.lexical, vector: query.vector, mask, k, profile, weights });
}
