import { postingFeatures, postingLexicalText, taxonomySimilarity } from '../../domain/matching/extract.ts';
import type { LexicalMatch, PostingFeatures, SkillSimilarity } from '../../domain/matching/features.ts';
import type { WeightSet } from '../../domain/matching/weights.ts';
import type { Posting } from '../../domain/model/posting.ts';
import { postingFeatureInputs } from '../../domain/search/derived.ts';
import type { CandidateQuery, GraduateIndex, RankedGraduate } from '../../domain/search/graduate-index.ts';
import { getTaxonomy, type Taxonomy } from '../../domain/skills/index.ts';
import type { ServiceContext } from '../context.ts';
import type { MatchingDeps } from './deps.ts';

/** One posting as the query of a candidate list or of one candidate's explanation. */
export interface CandidateSide {
  graduates: GraduateIndex;
  /** The query with the posting index's statistics as they are now: call it after the last await. */
  query: () => CandidateQuery;
  /** The exact lexical match of a graduate's query terms against the posting (the lists' lexicalFor). */
  lexical: (terms: readonly string[]) => LexicalMatch;
  /**
   * graduates.rank(query(), mask, k, lexical), the same list; when `shared` (the mask GraduateIndex.allowed keeps for
   * an audience) it is kept, and given again while nothing it was ranked from changed. Read it, never write it.
   */
  rank: (mask: Uint8Array, k: number, shared: boolean) => readonly RankedGraduate[];
}

/**
 * The latest list of each posting ranked over an audience's shared mask (GraduateIndex.allowed), kept by that mask,
 * with everything it was ranked from: a posting's candidates were ranked anew on every list (the posting's credit and
 * numerator scatters, the bound pass over every allowed row, the sampled exact biases: about half of a list's CPU at
 * 100k) although they depend only on the posting, the two indexes and the weights. Any upsert or removal of a
 * graduate gives the index a new version and a new shared mask, so the lists kept by the old one are ranked anew
 * (and collected with it); so does any change of the posting index (its lexical key: the idfs and the posting's
 * parts), of the posting's features or vector, the weights, the taxonomy's similarity or the list's depth. Each
 * mask's lists are emptied when they grow past CACHED_RANKINGS (a list of 20 holds a few tens of KB of details).
 */
interface KeptRanking {
  version: number;
  lexicalKey: string;
  vector: Float32Array;
  features: PostingFeatures;
  weights: WeightSet;
  similarity: SkillSimilarity;
  k: number;
  ranked: readonly RankedGraduate[];
}
const keptRankings = new WeakMap<Uint8Array, Map<string, KeptRanking>>();
const CACHED_RANKINGS = 512;

const sameVector = (a: Float32Array, b: Float32Array): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/**
 * postingFeatures of the postings listed lately, by id, with the fields they were derived from: each list of the same
 * posting derived them again (skill names normalized through the taxonomy, 2.8 % of a list's CPU at 100k). Reused
 * only when those fields are the same text, so an edited posting is derived anew. Shared by the lists that read them
 * (never written); emptied when it grows past CACHED_POSTINGS.
 */
const derivedFeatures = new WeakMap<Taxonomy, Map<string, { key: string; features: PostingFeatures }>>();
const CACHED_POSTINGS = 10_000;

function featuresOf(posting: Posting, taxonomy: Taxonomy): PostingFeatures {
  let byId = derivedFeatures.get(taxonomy);
  if (!byId) derivedFeatures.set(taxonomy, (byId = new Map()));
  const key = JSON.stringify(postingFeatureInputs(posting));
  const held = byId.get(posting.id);
  if (held?.key === key) return held.features;
  const features = postingFeatures(posting, taxonomy);
  if (byId.size >= CACHED_POSTINGS) byId.clear();
  byId.set(posting.id, { key, features });
  return features;
}

/**
 * The posting's side of every candidate score: its features, its vector (the posting index's stored one
 * when it is open, else embedded now), and its lexical statistics from the tenant's posting index (an
 * indexed posting as itself, any other as one more document). The list and the explanation both score
 * through this, so they show the same numbers.
 */
export async function candidateSide(
  ctx: ServiceContext,
  deps: MatchingDeps,
  posting: Posting,
  /** Both indexes' versions when the caller read them with the posting (postingListInputs); else read here. */
  versions?: { postingsVersion: string; graduatesVersion: string },
): Promise<CandidateSide> {
  const tenantId = ctx.principal.tenantId;
  const postings = versions
    ? await deps.engine.postingsAt(ctx.database, tenantId, versions.postingsVersion)
    : await deps.engine.postings(ctx.database, tenantId);
  const graduates = versions
    ? await deps.engine.graduatesAt(ctx.database, tenantId, versions.graduatesVersion)
    : await deps.engine.graduates(ctx.database, tenantId);
  const taxonomy = getTaxonomy();
  const indexed = postings.has(posting.id);
  const vector =
    (indexed ? postings.vectors.vectorOf(posting.id) : undefined) ??
    (await deps.engine.embedPostings([posting]))[0] ??
    new Float32Array(deps.engine.embedder.dimensions);
  const text = postingLexicalText(posting);
  const lexical = postings.lexical;
  const features = featuresOf(posting, taxonomy);
  const similarity = taxonomySimilarity(taxonomy);
  // One matcher for every graduate a list scores: the posting's parts and the idfs are not redone per graduate.
  const match = indexed ? lexical.matcher(posting.id) : null;
  const query = (): CandidateQuery => ({
    posting: features,
    vector,
    weights: deps.weights,
    similarity,
    lexical: lexical.documentSide(posting.id) ?? lexical.outsideDocumentSide(text),
  });
  const lexicalFor = (terms: readonly string[]): LexicalMatch =>
    match !== null ? match({ terms, corrections: [] }) : lexical.matchDocument(text, { terms, corrections: [] });
  return {
    graduates,
    query,
    lexical: lexicalFor,
    rank: (mask, k, shared) => {
      const q = query();
      // A posting outside the index (closed, or not yet synced) is scored as one more document: not kept.
      const lexicalKey = q.lexical?.key ?? null;
      if (!shared || lexicalKey === null) return graduates.rank(q, mask, k, lexicalFor);
      let kept = keptRankings.get(mask);
      if (!kept) keptRankings.set(mask, (kept = new Map()));
      const held = kept.get(posting.id);
      if (
        held !== undefined &&
        held.version === graduates.version &&
        held.lexicalKey === lexicalKey &&
        held.features === features &&
        held.weights === q.weights &&
        held.similarity === similarity &&
        held.k === k &&
        sameVector(held.vector, vector)
      )
        return held.ranked;
      const ranked = Object.freeze(graduates.rank(q, mask, k, lexicalFor));
      if (kept.size >= CACHED_RANKINGS) kept.clear();
      kept.set(posting.id, {
        version: graduates.version,
        lexicalKey,
        vector,
        features,
        weights: q.weights,
        similarity,
        k,
        ranked,
      });
      return ranked;
    },
  };
}
