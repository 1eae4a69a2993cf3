import { MOVE_CAUSES } from '../../../domain/explain/rerank-move.ts';
import { z } from 'zod';
import { COMPONENTS } from '../../../domain/matching/weights.ts';
import { aiNoticeSchema } from '../matching/schemas.ts';

const label = z
  .object({ zh: z.string(), en: z.string() })
  .meta({ id: 'Label', description: 'A text in Chinese and English.' });
const untranslated = z.array(z.enum(['zh', 'en'])).meta({
  description:
    'Languages in which the skill has no name of its own (its name there is the other ' +
    'language’s, and texts in that language mark it as untranslated).',
  example: [],
});
const skill = z.object({ skillId: z.string().meta({ example: 'excel' }), name: label, untranslated });
const evidence = z.object({
  source: z.enum(['declared', 'inferred']),
  field: z.string().meta({ example: 'summary' }),
  text: z.string().meta({ description: 'The words the skill was found in.' }),
});
const factor = z.object({ name: z.enum(COMPONENTS), label, amount: z.number() });
const reasonKind = z.enum(['personalization_off', 'ai_ranking_suspended']).nullable();

const explanationSchema = z
  .object({
    lang: z.enum(['zh', 'en']),
    score: z.number().meta({ description: 'The score: exactly the sum of the contributions.', example: 0.6435 }),
    modelVersion: z.string().meta({ example: 'hybrid-2026.12.2' }),
    embedderId: z.string(),
    personalized: z.boolean(),
    posting: z.object({ title: z.string() }),
    components: z.array(
      z.object({
        name: z.enum(COMPONENTS),
        label,
        value: z.number(),
        weight: z.number(),
        contribution: z.number().meta({ description: 'value × weight, 6 decimals.' }),
        shortfall: z.number().meta({ description: 'weight − contribution.' }),
      }),
    ),
    topFactors: z.object({ strongest: z.array(factor), shortfalls: z.array(factor) }),
    matchedTerms: z.array(z.string()).meta({
      description:
        'Evidence of the keyword match (lexical component): the profile words found in the ' +
        'posting, as analyzed terms (lower-cased English words without plural, Chinese character ' +
        'pairs), strongest first.',
      example: ['python', '数据', '分析'],
    }),
    matchedSkills: z.array(skill.extend({ wanted: z.enum(['required', 'preferred']), evidence })),
    nearMatches: z.array(
      skill.extend({ wanted: z.enum(['required', 'preferred']), evidence, via: skill, credit: z.number() }),
    ),
    missingSkills: z.object({ required: z.array(skill), preferred: z.array(skill) }),
    criteria: z.array(
      z.object({
        criterion: z.enum(['location', 'degree', 'major', 'salary', 'jobType']),
        status: z.enum(['met', 'partly', 'not_met']),
        label,
        text: label.meta({
          description:
            'The comparison in words; the object also carries the compared values (posting and graduate side).',
        }),
      }),
    ),
    signalsNotUsed: z
      .array(z.object({ id: z.string(), zh: z.string(), en: z.string() }))
      .readonly()
      .meta({ description: 'Signals never read by the scorer.' }),
    aiRole: label,
    summary: z
      .string()
      .meta({ description: 'Plain-language summary in `lang`, rendered only from the numbers and evidence above.' }),
  })
  .meta({ id: 'Explanation' });

const impressionSchema = z
  .object({
    impressionId: z.uuid(),
    listId: z.uuid(),
    rank: z.number().int(),
    servedScore: z.number(),
    servedAt: z.string(),
    modelVersion: z.string(),
    embedderId: z.string(),
    personalized: z.boolean(),
    reranked: z
      .boolean()
      .meta({ description: 'Fairness re-ranking reordered that list after scoring (scores unchanged).' }),
    scoreChanged: z
      .boolean()
      .meta({ description: 'The score now differs from the one served (false when no score exists now).' }),
    modelChanged: z
      .boolean()
      .meta({ description: 'The model version or embedder differs from the one that served it.' }),
    changedComponents: z.array(z.string()),
    fairnessMove: z
      .object({
        scoreRank: z
          .number()
          .int()
          .nullable()
          .meta({ description: 'Rank by score; null when it came from beyond the served length.' }),
        servedRank: z.number().int().meta({ description: 'Rank as served (equals rank).' }),
        cause: z.enum(MOVE_CAUSES).meta({
          description:
            'catch_up_floor: a cross-list floor for groups whose selection over the audit window lags; ' +
            "share_floor: the list's minimum shares; constraint: the method's minimum counts; made_room: " +
            'moved down for those. No group is named.',
        }),
        text: z.object({ zh: z.string(), en: z.string() }).meta({ description: 'Rendered from the numbers above.' }),
      })
      .nullable()
      .meta({
        description: 'Where fairness re-ranking served it at another rank than its score gave: both ranks and why.',
      }),
  })
  .nullable()
  .meta({
    id: 'ServedImpression',
    description:
      'The impression explained (the given impressionId, else the latest for this pair); null if never served.',
  });

const whatIfSchema = z.object({
  skillId: z.string(),
  name: label,
  untranslated,
  newScore: z.number().meta({ description: 'The score with this skill added to the profile, re-scored.' }),
  gain: z.number(),
  rank: z
    .number()
    .int()
    .meta({ description: 'Rank it would reach among the current recommendations (others unchanged).' }),
  tiedWith: z.number().int(),
  rerunRank: z
    .number()
    .int()
    .nullable()
    .meta({ description: 'Rank in a full re-run of the ranking with the skill added (every posting re-scored).' }),
});

export const recommendationExplanationSchema = z
  .object({
    graduateId: z.uuid(),
    postingId: z.uuid(),
    personalized: z.boolean(),
    reason: reasonKind,
    listedRank: z.number().int().nullable().meta({
      description:
        'Rank in the current list of `limit` items (null if not in it); with impressionId, the rank as served.',
    }),
    explanation: explanationSchema.nullable().meta({
      description:
        'With impressionId, the match exactly as served (null if that list was not personalized); else the score ' +
        'now, null when the list is not personalized: no profile-based score exists.',
    }),
    impression: impressionSchema,
    whatIf: z
      .array(whatIfSchema)
      .meta({ description: 'Missing skills that would raise this match most, computed by re-scoring.' }),
    ai: aiNoticeSchema,
  })
  .meta({ id: 'RecommendationExplanation' });

export const candidateExplanationSchema = z
  .object({
    postingId: z.uuid(),
    graduateId: z.uuid(),
    view: z
      .enum(['employer', 'career_office'])
      .meta({ description: "employer: the candidate's preferences are not shown, as in the candidate list." }),
    explanation: explanationSchema,
    impression: impressionSchema,
    automated: z.literal(true),
    ai: aiNoticeSchema,
  })
  .meta({ id: 'CandidateExplanation' });

export const skillAdviceSchema = z
  .object({
    graduateId: z.uuid(),
    personalized: z.boolean(),
    reason: reasonKind,
    considered: z.number().int(),
    skills: z.array(
      z.object({
        skillId: z.string(),
        name: label,
        untranslated,
        totalGain: z.number(),
        postings: z.number().int(),
        perPosting: z.array(z.object({ id: z.uuid(), newScore: z.number(), gain: z.number() })),
      }),
    ),
    ai: aiNoticeSchema,
  })
  .meta({ id: 'SkillAdvice' });

const filterValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string()).readonly()]);
const diff = z.object({
  name: z.enum(COMPONENTS),
  label,
  value: z.number(),
  lastValue: z.number(),
  contribution: z.number(),
  lastContribution: z.number(),
  difference: z.number(),
});

export const whyNotSchema = z
  .object({
    graduateId: z.uuid(),
    postingId: z.uuid(),
    personalized: z.boolean(),
    reason: reasonKind,
    limit: z.number().int(),
    recommended: z.boolean().meta({ description: 'The posting is in the list this request would return.' }),
    result: z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('filtered'),
        filters: z.array(
          z.object({ filter: z.string(), reason: label, detail: z.record(z.string(), filterValue).readonly() }),
        ),
      }),
      z.object({
        kind: z.literal('ranked'),
        rank: z.number().int().nullable(),
        score: z.number(),
        lastRecommendedScore: z.number().nullable(),
        gap: z.number().nullable(),
        heldBack: z.array(diff),
        ahead: z.array(diff),
        reason: label,
      }),
      z.object({ kind: z.literal('listed'), rank: z.number().int(), reason: label }),
    ]),
    ai: aiNoticeSchema,
  })
  .meta({ id: 'WhyNot' });
