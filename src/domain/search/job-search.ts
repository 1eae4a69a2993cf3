import { lexicalValue, semanticValue } from '../matching/components.ts';
import type { ProfileFeatures, SkillSimilarity } from '../matching/features.ts';
import { scoreMatch, type MatchScore } from '../matching/score.ts';
import { round6, sumMicro, type WeightSet } from '../matching/weights.ts';
import type { LexicalQuery } from './lexical-index.ts';
import type { PostingIndex } from './posting-index.ts';

/**
 * How a free-text search ranks postings (GET /v1/jobs/search). By the query alone:
 *   score = keywords × BM25F(q, posting) + meaning × max(0, cos(embed(q), posting))
 * With a graduate's key and personalization on, the query part keeps (1 − profileShare) of the weight
 * and the graduate's own hybrid match score (scoreMatch) gets profileShare.
 */
/**
 * search-2026.12.2, chosen on the dev held-out O*NET titles only (bench/search/tune-search.ts): keywords 0.5 /
 * meaning 0.5 had the best dev MRR@20 (0.440; 0.6 / 0.4 of search-2026.12.1 gave 0.431, keywords alone 0.329,
 * meaning alone 0.391); profileShare 0.4 is the largest share on 0…0.5 that keeps ≥ 95 % of the query-only dev
 * MRR when the searcher's profile names another occupation (95.7 %; an agreeing profile lifts it to 0.490).
 * bench:title-search reports the test split.
 */
export const SEARCH_WEIGHTS = { version: 'search-2026.12.2', keywords: 0.5, meaning: 0.5, profileShare: 0.4 } as const;
export type SearchWeights = {
  readonly version: string;
  readonly keywords: number;
  readonly meaning: number;
  readonly profileShare: number;
};

type SearchComponentName = 'keywords' | 'meaning' | 'profile';

export interface SearchComponent {
  name: SearchComponentName;
  value: number;
  weight: number;
  contribution: number;
}

export interface SearchHit {
  id: string;
  /** Sum of the contributions (6 decimals, exact). */
  score: number;
  components: SearchComponent[];
  /** The query's terms the posting contains, strongest first. */
  matchedTerms: readonly string[];
  /** The graduate's own match, when the search is personalized. */
  profileMatch: MatchScore | null;
}

export interface SearchProfile {
  features: ProfileFeatures;
  vector: Float32Array;
  /** The profile text as a lexical query (the lexical component of the match). */
  lexical: LexicalQuery;
  weights: WeightSet;
  similarity: SkillSimilarity;
}

export interface SearchInput {
  lexical: LexicalQuery;
  /** The query's embedding (the zero vector when it has nothing embeddable). */
  vector: Float32Array;
  mask: Uint8Array;
  k: number;
  profile: SearchProfile | null;
  weights?: SearchWeights;
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

/**
 * The k best allowed postings for a query, exact like PostingIndex.rank: every allowed row gets its
 * linear part as a bias (query keywords, and with a profile its structured score and keyword match), the
 * int8 stage bounds the two cosines folded into one vector, and the shortlist is rescored in full.
 */
export function searchPostings(index: PostingIndex, input: SearchInput): SearchHit[] {
  const w = input.weights ?? SEARCH_WEIGHTS;
  const share = input.profile === null ? 0 : w.profileShare;
  const keywords = round6((1 - share) * w.keywords);
  const meaning = round6((1 - share) * w.meaning);
  const n = index.size;
  const { profile } = input;
  let bias: Float64Array;
  if (profile !== null) {
    bias = index.hybridBias(profile.features, profile.weights, profile.similarity, input.mask, profile.lexical);
    for (let row = 0; row < n; row++) bias[row] = (bias[row] as number) * share;
  } else {
    bias = new Float64Array(n);
    for (let row = 0; row < n; row++) if (input.mask[row] !== 1) bias[row] = -Infinity;
  }
  index.addLexical(bias, input.lexical, keywords);
  const folded = new Float32Array(index.vectors.dimensions);
  for (let i = 0; i < folded.length; i++) {
    folded[i] =
      meaning * (input.vector[i] ?? 0) +
      (profile === null ? 0 : share * profile.weights.weights.semantic * (profile.vector[i] ?? 0));
  }
  const k = input.k;
  const shortlist = index.vectors.searchScored(folded, Math.max(4 * k, k + 40), { weight: 1, bias });
  const hits = shortlist.flatMap((hit) => {
    const posting = index.get(hit.id);
    const vector = index.vectors.vectorOf(hit.id);
    if (posting === undefined || vector === undefined) return [];
    const lexical = index.lexical.match(hit.id, input.lexical);
    const profileMatch =
      profile === null
        ? null
        : scoreMatch(
            profile.features,
            posting.features,
            dot(profile.vector, vector),
            profile.weights,
            profile.similarity,
            index.lexical.match(hit.id, profile.lexical),
          );
    const part = (name: SearchComponentName, value: number, weight: number): SearchComponent => {
      const v = round6(value);
      return { name, value: v, weight, contribution: round6(v * weight) };
    };
    const components = [
      part('keywords', lexicalValue(lexical.value), keywords),
      part('meaning', semanticValue(dot(input.vector, vector)), meaning),
    ];
    if (profileMatch !== null) components.push(part('profile', profileMatch.score, share));
    const score = sumMicro(components.map((c) => c.contribution));
    return [{ id: hit.id, row: hit.row, score, components, matchedTerms: lexical.terms, profileMatch }];
  });
  hits.sort((a, b) => b.score - a.score || a.row - b.row);
  return hits.slice(0, k).map(({ row: _row, ...hit }) => hit);
}
