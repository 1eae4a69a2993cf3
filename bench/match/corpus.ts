/**
 * The real part of the bench:match data: generated demo postings and graduates (src/demo, built from
 * O*NET 29.2, CC BY 4.0, attribution in data/README.md) turned into production features and
 * embedded by the production LSA embedder fitted on those postings, exactly as embedder-store.ts fits it.
 */
import {
  postingFeatures,
  postingLexicalText,
  postingText,
  profileFeatures,
  profileText,
  type MatchableProfile,
} from '../../src/domain/matching/extract.ts';
import type { PostingFeatures, ProfileFeatures } from '../../src/domain/matching/features.ts';
import type { LexicalDocument } from '../../src/domain/search/lexical-index.ts';
import { graduateCreate } from '../../src/domain/model/graduate.ts';
import { postingCreate } from '../../src/domain/model/posting.ts';
import { getTaxonomy } from '../../src/domain/skills/index.ts';
import { fitLsa } from '../../src/domain/text/lsa.ts';
import { createLsaEmbedder, type LsaEmbedder } from '../../src/domain/text/lsa-embedder.ts';
import { generateDemoData } from '../../src/demo/generate.ts';
import { skillTokens } from '../../src/services/matching/embedder-store.ts';
import { normalizePostingSkills } from '../../src/services/skills.ts';

export interface BasePosting {
  features: PostingFeatures;
  vector: Float32Array;
  /** The fields the keyword (BM25F) channel indexes. */
  text: LexicalDocument;
  occupationCode: string;
}

export interface BaseQuery {
  /** The profile itself: a request recomputes its features, as recommendJobs does. */
  profile: MatchableProfile;
  features: ProfileFeatures;
  vector: Float32Array;
  /** profileText: the keyword channel's query, analyzed per request as recommendJobs does. */
  text: string;
}

export interface Corpus {
  postings: BasePosting[];
  queries: BaseQuery[];
  embedder: LsaEmbedder;
  timings: { generateMs: number; fitMs: number; embedMs: number };
}

/** `postings` real postings and `graduates` real profiles, embedded with a 256-d LSA fitted on the postings. */
export async function buildCorpus(
  seed: string,
  postings: number,
  graduates: number,
  dimensions: number,
): Promise<Corpus> {
  const taxonomy = getTaxonomy();
  let t = performance.now();
  const demo = generateDemoData({ seed, postings, graduates });
  const parsed = demo.postings.map((raw) => {
    const p = postingCreate.parse(raw);
    return {
      ...p,
      requiredSkills: normalizePostingSkills(p.requiredSkills),
      preferredSkills: normalizePostingSkills(p.preferredSkills),
      occupationCode: raw.occupationCode,
    };
  });
  const profiles = demo.graduates.map((g) => graduateCreate.parse(g));
  const generateMs = performance.now() - t;

  t = performance.now();
  const texts = parsed.map((p) => postingText(p));
  const state = fitLsa(texts, { dimensions, seed: 20_240_601, powerIterations: 1, skillTokens });
  const embedder = createLsaEmbedder(state, { skillTokens });
  const fitMs = performance.now() - t;

  t = performance.now();
  const postingVectors = await embedder.embed(texts);
  const profileTexts = profiles.map((p) => profileText(p, new Set(), taxonomy));
  const profileVectors = await embedder.embed(profileTexts);
  const embedMs = performance.now() - t;

  return {
    postings: parsed.map((p, i) => ({
      features: postingFeatures(p, taxonomy),
      vector: postingVectors[i] ?? new Float32Array(dimensions),
      text: postingLexicalText(p),
      occupationCode: p.occupationCode,
    })),
    queries: profiles.map((p, i) => ({
      profile: p,
      features: profileFeatures(p, taxonomy),
      vector: profileVectors[i] ?? new Float32Array(dimensions),
      text: profileTexts[i] ?? '',
    })),
    embedder,
    timings: { generateMs, fitMs, embedMs },
  };
}
