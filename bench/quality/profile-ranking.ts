/**
 * Benchmark (c): synthetic graduate profiles ranked against demo postings of every demo occupation.
 * The hybrid is production's scoreMatch with DEFAULT_WEIGHTS on profileFeatures / postingFeatures, the
 * BM25F keyword match and the cosine of the default (supervised) embedder; "hybrid (EMBEDDER=lsa)" uses the
 * cosine of the LSA embedder fitted on the postings corpus instead (profiles never enter the fit).
 * Gains: a posting of the profile's occupation 2, of an O*NET-related occupation 1; MRR and recall
 * count same-occupation postings only. Production's weights (DEFAULT_WEIGHTS) and fit (SERVICE_LSA_FIT)
 * were chosen on the dev profiles only (tune-production.ts); test profiles are the reported figures.
 */
import {
  postingFeatures,
  postingLexicalText,
  postingText,
  profileFeatures,
  profileText,
  taxonomySimilarity,
  type MatchablePosting,
} from '../../src/domain/matching/extract.ts';
import { LexicalIndex } from '../../src/domain/search/lexical-index.ts';
import { scoreMatch } from '../../src/domain/matching/score.ts';
import { DEFAULT_WEIGHTS } from '../../src/domain/matching/weights.ts';
import { extractSkillIds, type Taxonomy } from '../../src/domain/skills/index.ts';
import { buildBm25 } from '../../src/domain/text/bm25.ts';
import { dot, type Embedder } from '../../src/domain/text/embedder.ts';
import { hashString32 } from '../../src/domain/text/hash.ts';
import { createLsaEmbedder } from '../../src/domain/text/lsa-embedder.ts';
import { fitLsa, SERVICE_LSA_FIT } from '../../src/domain/text/lsa.ts';
import type { DemoPosting } from '../../src/demo/generate.ts';
import { judge, type JudgedQuery, type MethodRun, type QueryMetrics } from './evaluate.ts';
import { describeLsa } from './occupation-corpus.ts';
import type { OnetData } from './onet.ts';
import type { SyntheticProfile } from './profiles.ts';
import { splitOf } from './split.ts';

/** The fixed setup of benchmark (c), shared with the dev-only weight search. */
export const PROFILE_BENCH = { demoSeed: 'bole-quality', postings: 1000, profilesPerOccupation: 8 } as const;

/** PostingCreate allows plain-string skills; the stored Posting (what postingFeatures reads) has objects. */
export function asMatchable(p: DemoPosting): MatchablePosting {
  const skills = (list: DemoPosting['requiredSkills']) => list.map((s) => (typeof s === 'string' ? { name: s } : s));
  return {
    title: p.title,
    description: p.description,
    requiredSkills: skills(p.requiredSkills),
    preferredSkills: skills(p.preferredSkills),
    minDegree: p.minDegree,
    acceptedMajors: p.acceptedMajors,
    locations: p.locations,
    remote: p.remote,
    jobType: p.jobType,
    salaryMin: p.salaryMin,
    salaryMax: p.salaryMax,
  };
}

const W = DEFAULT_WEIGHTS.weights;
/** Skills-only ablation: production's two skill components with their production weights, renormalised. */
const SKILL_SHARE = {
  required: W.requiredSkills / (W.requiredSkills + W.preferredSkills),
  preferred: W.preferredSkills / (W.requiredSkills + W.preferredSkills),
};
const SEMANTIC_SKILLS = W.semantic + W.requiredSkills + W.preferredSkills;

const PROFILE_METHODS = [
  { method: 'BM25', note: 'Okapi BM25 of profileText against postingText' },
  { method: 'embeddings-only', note: 'LSA cosine (see describeLsa)' },
  {
    method: 'skills-only',
    note:
      `required/preferred skill coverage with family credit, ` +
      `${SKILL_SHARE.required.toFixed(3)}/${SKILL_SHARE.preferred.toFixed(3)}`,
  },
  {
    method: 'hybrid (semantic+skills)',
    note: 'scoreMatch restricted to its semantic and skill components (production weights, renormalised)',
  },
  {
    method: 'hybrid (EMBEDDER=lsa)',
    note: `production scoreMatch, ${DEFAULT_WEIGHTS.version}, with the LSA cosine as its semantic component`,
  },
  { method: 'supervised-only', note: 'supervised embedder cosine (the default embedder)' },
  {
    method: 'hybrid',
    note:
      `production scoreMatch, ${DEFAULT_WEIGHTS.version}, default embedder (supervised): ` +
      `semantic, BM25F keyword match, skills, major and degree fit`,
  },
] as const;

export interface ProfileBench {
  readonly postings: number;
  readonly profiles: number;
  readonly relatedPairs: number;
  /** Leading components the postings fit dropped (indices of its rank k + |dropped| fit). */
  readonly droppedComponents: readonly number[];
  readonly runs: readonly MethodRun[];
  readonly runsBySplit: ReadonlyArray<{ readonly label: string; readonly runs: MethodRun[] }>;
  readonly timings: {
    readonly featuresMs: number;
    readonly lsaFitMs: number;
    readonly embedMs: number;
    readonly scoreMs: number;
  };
}

export async function runProfileBench(
  onet: OnetData,
  postings: readonly DemoPosting[],
  profiles: readonly SyntheticProfile[],
  taxonomy: Taxonomy,
  supervised: Embedder,
): Promise<ProfileBench> {
  const skillTokens = (text: string): string[] => extractSkillIds(text, taxonomy);
  const similarity = taxonomySimilarity(taxonomy);
  const matchable = postings.map(asMatchable);
  let t = performance.now();
  const postingFeats = matchable.map((p) => postingFeatures(p, taxonomy));
  const profileFeats = profiles.map((p) => profileFeatures(p.profile, taxonomy));
  const featuresMs = performance.now() - t;

  const texts = matchable.map(postingText);
  t = performance.now();
  const embedder = createLsaEmbedder(fitLsa(texts, { ...SERVICE_LSA_FIT, skillTokens }), { skillTokens });
  const lsaFitMs = performance.now() - t;
  t = performance.now();
  const postingVectors = await embedder.embed(texts);
  const profileVectors = await embedder.embed(profiles.map((p) => profileText(p.profile)));
  const supervisedPostings = await supervised.embed(texts);
  const supervisedProfiles = await supervised.embed(profiles.map((p) => profileText(p.profile)));
  const embedMs = performance.now() - t;
  const bm25 = buildBm25(texts.map((text, i) => ({ id: String(i), text })));
  // Production's lexical component: BM25F over the postings' fields (PostingIndex.lexical).
  const lexicalIndex = new LexicalIndex();
  matchable.forEach((p, i) => lexicalIndex.upsert(String(i), postingLexicalText(p)));

  const related = new Set(onet.related.map((r) => `${r.code}>${r.related}`));
  let relatedPairs = 0;
  const tieKeys = Float64Array.from(postings, (_, i) => hashString32(`tie|posting-${i}`));
  const per: QueryMetrics[][] = PROFILE_METHODS.map(() => []);
  const n = postings.length;
  const scores = PROFILE_METHODS.map(() => new Float64Array(n));
  t = performance.now();
  profiles.forEach((profile, pi) => {
    const gains = new Map<number, number>();
    const relevant: number[] = [];
    postings.forEach((posting, d) => {
      if (posting.occupationCode === profile.occupationCode) {
        gains.set(d, 2);
        relevant.push(d);
      } else if (related.has(`${profile.occupationCode}>${posting.occupationCode}`)) {
        gains.set(d, 1);
        relatedPairs++;
      }
    });
    const query: JudgedQuery = { id: profile.id, split: splitOf(profile.id), gains, relevant, exclude: null };
    const pf = profileFeats[pi];
    const pv = profileVectors[pi];
    const lexical = bm25.scoreAll(profileText(profile.profile));
    const keywords = lexicalIndex.query(profileText(profile.profile));
    for (let d = 0; d < n; d++) {
      const posting = postingFeats[d];
      const pvec = postingVectors[d];
      if (pf === undefined || posting === undefined || pv === undefined || pvec === undefined) continue;
      const cosine = dot(pv, pvec);
      const sp = supervisedProfiles[pi];
      const sd = supervisedPostings[d];
      const supervisedCosine = sp === undefined || sd === undefined ? 0 : dot(sp, sd);
      const keywordMatch = lexicalIndex.match(String(d), keywords);
      const withLsa = scoreMatch(pf, posting, cosine, DEFAULT_WEIGHTS, similarity, keywordMatch);
      const match = scoreMatch(pf, posting, supervisedCosine, DEFAULT_WEIGHTS, similarity, keywordMatch);
      const value = (name: string): number => match.components.find((c) => c.name === name)?.value ?? 0;
      const skills = SKILL_SHARE.required * value('requiredSkills') + SKILL_SHARE.preferred * value('preferredSkills');
      const row = [
        lexical[d] ?? 0,
        cosine,
        skills,
        (W.semantic * value('semantic') + (W.requiredSkills + W.preferredSkills) * skills) / SEMANTIC_SKILLS,
        withLsa.score,
        supervisedCosine,
        match.score,
      ];
      row.forEach((s, m) => {
        const arr = scores[m];
        if (arr !== undefined) arr[d] = s;
      });
    }
    scores.forEach((s, m) => per[m]?.push(judge(s, tieKeys, query)));
  });
  const scoreMs = performance.now() - t;
  const embeddingNote = describeLsa(embedder.state, 'the postings');
  const runs = PROFILE_METHODS.map((m, i) => ({
    method: m.method,
    note: m.method === 'embeddings-only' ? embeddingNote : m.note,
    perQuery: per[i] ?? [],
  }));
  const pick = (split: 'dev' | 'test'): MethodRun[] =>
    runs.map((r) => ({ ...r, perQuery: r.perQuery.filter((_, q) => splitOf(profiles[q]?.id ?? '') === split) }));
  return {
    postings: n,
    profiles: profiles.length,
    relatedPairs,
    runs,
    droppedComponents: embedder.state.fit.droppedComponents ?? [],
    runsBySplit: [
      { label: 'test (held out; reported figures)', runs: pick('test') },
      { label: 'dev (production weights and fit were chosen here; optimistic)', runs: pick('dev') },
    ],
    timings: { featuresMs, lsaFitMs, embedMs, scoreMs },
  };
}
