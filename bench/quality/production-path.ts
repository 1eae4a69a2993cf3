/**
 * Benchmark (a) through the service's own scorer: every occupation becomes a posting (its title, its
 * description and first task statements as the description, the taxonomy skills its document names as
 * required skills) and every held-out title becomes a profile whose summary is that title. A pair's
 * score is production's scoreMatch with a weight set, the cosine of the production embedder's vectors
 * of profileText and postingText, and the BM25F value of the production LexicalIndex over
 * postingLexicalText: exactly what GET /v1/graduates/{id}/recommendations computes for that profile.
 * Location, salary, job type, major and degree are equal for every posting here, so they order nothing.
 */
import {
  postingFeatures,
  postingLexicalText,
  postingText,
  profileFeatures,
  profileText,
  taxonomySimilarity,
  type MatchablePosting,
  type MatchableProfile,
} from '../../src/domain/matching/extract.ts';
import type { PostingFeatures, SkillSimilarity } from '../../src/domain/matching/features.ts';
import { scoreMatch } from '../../src/domain/matching/score.ts';
import type { ComponentName, WeightSet } from '../../src/domain/matching/weights.ts';
import { LexicalIndex } from '../../src/domain/search/lexical-index.ts';
import type { Taxonomy } from '../../src/domain/skills/index.ts';
import { dot } from '../../src/domain/text/embedder.ts';
import type { OnetOccupation } from './onet.ts';
import { DOC_TASKS } from './occupation-corpus.ts';

/** What production needs of an embedder here: one text in, a unit vector (or nothing) out. */
export interface TextEmbedder {
  readonly id: string;
  embedOne(text: string): Float32Array | undefined;
}

export function occupationPosting(
  o: OnetOccupation,
  skillIds: readonly string[],
  taxonomy: Taxonomy,
): MatchablePosting {
  return {
    title: o.title,
    description: [o.description, ...o.tasks.slice(0, DOC_TASKS)].join('\n'),
    requiredSkills: skillIds.map((id) => ({ name: taxonomy.get(id)?.name ?? id, skillId: id })),
    preferredSkills: [],
    minDegree: 'associate',
    acceptedMajors: [],
    locations: [],
    remote: false,
    jobType: 'full-time',
    salaryMin: undefined,
    salaryMax: undefined,
  };
}

/** A graduate who wrote only the job title they want, as their summary. */
export function titleProfile(title: string): MatchableProfile {
  return {
    education: [],
    skills: [],
    languages: [],
    certificates: [],
    experiences: [],
    summary: title,
    preferences: { locations: [], industries: [], jobTypes: [], remote: 'any' },
  };
}

/** The postings' embedding texts (postingText), which the service's LSA would be fitted on. */
export function occupationPostingTexts(
  occupations: readonly OnetOccupation[],
  skillLists: readonly (readonly string[])[],
  taxonomy: Taxonomy,
): string[] {
  return occupations.map((o, i) => postingText(occupationPosting(o, skillLists[i] ?? [], taxonomy)));
}

export interface ProductionCorpus {
  readonly features: readonly PostingFeatures[];
  readonly lexical: LexicalIndex;
  readonly vectors: ReadonlyArray<Float32Array | undefined>;
  readonly similarity: SkillSimilarity;
  readonly embedderId: string;
}

export function buildProductionCorpus(
  occupations: readonly OnetOccupation[],
  skillLists: readonly (readonly string[])[],
  taxonomy: Taxonomy,
  embedder: TextEmbedder,
): ProductionCorpus {
  const postings = occupations.map((o, i) => occupationPosting(o, skillLists[i] ?? [], taxonomy));
  const lexical = new LexicalIndex();
  postings.forEach((p, i) => lexical.upsert(String(i), postingLexicalText(p)));
  return {
    features: postings.map((p) => postingFeatures(p, taxonomy)),
    lexical,
    vectors: postings.map((p) => embedder.embedOne(postingText(p))),
    similarity: taxonomySimilarity(taxonomy),
    embedderId: embedder.id,
  };
}

/** The three component columns that differ between postings for a title query. */
export type TitleColumns = Readonly<Record<'semantic' | 'requiredSkills' | 'lexical', Float64Array>>;

const VARYING = ['semantic', 'requiredSkills', 'lexical'] as const;

/**
 * Every posting's scoreMatch for one title: the scores (weights applied) and, for weight searches, the
 * component values that vary (scoreMatch's own rounded values).
 */
export function productionScores(
  corpus: ProductionCorpus,
  title: string,
  taxonomy: Taxonomy,
  embedder: TextEmbedder,
  weights: WeightSet,
): { scores: Float64Array; columns: TitleColumns } {
  const profile = titleProfile(title);
  const features = profileFeatures(profile, taxonomy);
  const text = profileText(profile);
  const q = embedder.embedOne(text);
  const query = corpus.lexical.query(text);
  const n = corpus.features.length;
  const scores = new Float64Array(n);
  const columns = { semantic: new Float64Array(n), requiredSkills: new Float64Array(n), lexical: new Float64Array(n) };
  corpus.features.forEach((posting, d) => {
    const v = corpus.vectors[d];
    const cosine = q === undefined || v === undefined ? 0 : dot(q, v);
    const match = scoreMatch(
      features,
      posting,
      cosine,
      weights,
      corpus.similarity,
      corpus.lexical.match(String(d), query),
    );
    scores[d] = match.score;
    for (const c of match.components) {
      if ((VARYING as readonly ComponentName[]).includes(c.name))
        columns[c.name as (typeof VARYING)[number]][d] = c.value;
    }
  });
  return { scores, columns };
}
