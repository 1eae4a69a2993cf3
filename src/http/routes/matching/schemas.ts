import { RERANK_METHODS } from '../../../domain/model/reranking-settings.ts';
import { z } from 'zod';
import { COMPONENTS } from '../../../domain/matching/weights.ts';

const skillRef = z.object({
  skillId: z.string().meta({ description: 'Canonical skill id, or tag:<label> for a free tag.', example: 'python' }),
  name: z.string().meta({ example: 'Python' }),
  nameZh: z.string().meta({ example: 'Python' }),
  untranslated: z.array(z.enum(['zh', 'en'])).meta({
    description:
      'Languages in which the skill has no name of its own (name or nameZh then repeats the ' +
      'other language, and summaries mark it as untranslated).',
    example: [],
  }),
});
const evidence = z.object({
  source: z.enum(['declared', 'inferred']),
  field: z.string().meta({ description: 'Profile field it came from.', example: 'experiences.0.description' }),
  text: z.string().meta({ description: 'The words it was found in.', example: '用 Python 做用户留存分析。' }),
});

const componentSchema = z
  .object({
    name: z.enum(COMPONENTS).meta({ description: 'Score component.', example: 'requiredSkills' }),
    value: z.number().meta({ description: 'Component value in [0, 1].', example: 0.75 }),
    weight: z.number().meta({ description: 'Weight in the current model version.', example: 0.3 }),
    contribution: z
      .number()
      .meta({ description: 'value × weight (6 decimals); contributions sum to the score exactly.', example: 0.225 }),
  })
  .meta({ id: 'ScoreComponent' });

export const matchViewSchema = z
  .object({
    score: z
      .number()
      .meta({ description: 'Hybrid score in [0, 1]: the sum of the component contributions.', example: 0.6435 }),
    components: z.array(componentSchema),
    matchedTerms: z.array(z.string()).meta({
      description:
        'Evidence of the keyword match (lexical component): the words of the profile or query ' +
        'found in the posting, as analyzed terms, strongest first.',
      example: ['python', '数据', '分析'],
    }),
    matchedSkills: z.array(skillRef.extend({ wanted: z.enum(['required', 'preferred']), evidence })),
    nearMatches: z.array(
      skillRef.extend({ wanted: z.enum(['required', 'preferred']), via: skillRef, credit: z.number(), evidence }),
    ),
    missingSkills: z.object({ required: z.array(skillRef), preferred: z.array(skillRef) }),
    criteria: z.array(
      z.object({
        criterion: z.enum(['location', 'degree', 'major', 'salary', 'jobType']),
        status: z.enum(['met', 'partly', 'not_met']),
      }),
    ),
  })
  .meta({ id: 'MatchView' });

export const aiNoticeSchema = z
  .object({
    algorithmic: z.literal(true),
    machineGenerated: z.string(),
    modelVersion: z.string().meta({ example: 'hybrid-2026.12.2' }),
    embedder: z.string().meta({ example: 'lsa-256-680dc33e' }),
    personalized: z.boolean(),
    reason: z
      .string()
      .nullable()
      .meta({ description: 'Why the list is not personalized: personalization_off or ai_ranking_suspended.' }),
    disclosureUrl: z.string().meta({ example: '/v1/algorithm' }),
  })
  .meta({
    id: 'AiNotice',
    description:
      'Tells the reader that software ranked this list, with which model, and where the algorithm is disclosed.',
  });

const postingSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  employerId: z.uuid(),
  employerName: z.string().nullable(),
  locations: z.array(z.string()),
  remote: z.boolean(),
  jobType: z.string(),
  minDegree: z.string(),
  salaryMin: z.number().optional(),
  salaryMax: z.number().optional(),
  closesAt: z.string().optional(),
  createdAt: z.string(),
});

export const recommendationListSchema = z
  .object({
    listId: z.uuid().meta({ description: 'Id of this served list (quote it to ask for human review).' }),
    graduateId: z.uuid(),
    mode: z.enum(['personalized', 'non_personalized']),
    reason: z.enum(['personalization_off', 'ai_ranking_suspended']).nullable(),
    filters: z.record(z.string(), z.unknown()),
    lang: z.enum(['zh', 'en']).meta({ description: 'Language of the item summaries.' }),
    preferences: z
      .object({
        applied: z
          .array(z.enum(['jobType', 'location', 'remote', 'salary']))
          .meta({ description: 'Stated preferences that formed the first tier of the list.' }),
        meeting: z.number().int().meta({ description: 'Allowed postings meeting all of them.' }),
        onlyMeeting: z.boolean().meta({
          description: 'True when enough postings meet them that the list shows only those; otherwise they come first.',
        }),
      })
      .nullable()
      .meta({ description: 'How your stated preferences ordered the list (null when not personalized).' }),
    items: z.array(
      z.object({
        rank: z.number().int(),
        impressionId: z.uuid().meta({ description: 'Quote it when recording an interaction or contesting this item.' }),
        posting: postingSummary,
        match: matchViewSchema
          .nullable()
          .meta({ description: 'Null on a non-personalized list (ordered by recency).' }),
        summary: z
          .string()
          .nullable()
          .meta({
            description:
              'One line in the requested language, built from the match (skills without a name in that ' +
              'language are marked untranslated).',
            example: 'Score 0.62: 3 of 4 required skills (Python, SQL, Excel); location fits.',
          }),
        meetsPreferences: z
          .boolean()
          .nullable()
          .meta({ description: 'Whether the posting meets your stated preferences (null when not personalized).' }),
        variants: z
          .array(z.object({ id: z.uuid(), locations: z.array(z.string()) }))
          .meta({ description: 'Near-identical postings (same employer, title and text) shown as this one item.' }),
      }),
    ),
    ai: aiNoticeSchema,
  })
  .meta({ id: 'RecommendationList' });

export const candidateListSchema = z
  .object({
    listId: z.uuid(),
    postingId: z.uuid(),
    considered: z.number().int().meta({ description: 'Graduates visible to this key that were scored.' }),
    automated: z
      .literal(true)
      .meta({ description: 'An automated shortlist until a person reviews it (PIPL art. 24).' }),
    fairnessReranking: z
      .union([
        z.object({ reranked: z.literal(false) }),
        z.object({
          reranked: z.literal(true),
          method: z.enum(RERANK_METHODS).meta({
            description:
              'floors (minimum shares of several attributes and pairs), DetConstSort, DetGreedy, DetCons or ' +
              'DetRelaxed (Geyik et al. 2019), or FA*IR (Zehlike et al. 2017).',
          }),
          attribute: z.string().meta({
            description:
              'The protected attribute the tenant balances (read from consented demographics only, never ' +
              'shown per person).',
            example: 'gender',
          }),
          k: z.number().int(),
          note: z.string(),
        }),
      ])
      .meta({
        description:
          "Whether the tenant's fairness re-ranking reordered this list after scoring (scores are unchanged).",
      }),
    items: z.array(
      z.object({
        rank: z.number().int(),
        impressionId: z.uuid(),
        graduate: z.object({
          id: z.uuid(),
          name: z.string(),
          degree: z.string().nullable(),
          majors: z.array(z.string()),
          graduationDate: z.string().nullable(),
        }),
        match: matchViewSchema,
      }),
    ),
    ai: aiNoticeSchema,
  })
  .meta({ id: 'CandidateList' });
