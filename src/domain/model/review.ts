import { z } from 'zod';
import { id } from './common.ts';

const REVIEW_KINDS = ['flag', 'human_review'] as const;
const FLAG_REASONS = ['irrelevant', 'wrong_skills', 'unfair', 'other'] as const;
export const REVIEW_STATUSES = ['open', 'in_review', 'resolved'] as const;
export const REVIEW_DECISIONS = ['upheld', 'partly_upheld', 'not_upheld'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** Forward-only workflow: a resolved review is final. */
export const REVIEW_TRANSITIONS: Readonly<Record<ReviewStatus, readonly ReviewStatus[]>> = {
  open: ['open', 'in_review', 'resolved'],
  in_review: ['in_review', 'resolved'],
  resolved: ['resolved'],
};

const text = z
  .string()
  .trim()
  .max(4_000)
  .default('')
  .meta({ description: 'What the graduate wants to say.', example: '这个岗位要求的技能我都没有，推荐理由不对。' });

const flagBody = z
  .object({
    kind: z.literal('flag').meta({ description: 'Flag one recommendation.' }),
    impressionId: id.optional().meta({ description: 'The impression (one shown recommendation) being contested.' }),
    postingId: id.optional().meta({ description: 'The posting being contested, if no impression id is at hand.' }),
    reason: z
      .enum(FLAG_REASONS)
      .meta({ description: 'irrelevant, wrong_skills, unfair or other.', example: 'wrong_skills' }),
    text,
  })
  .strict()
  .refine((v) => v.impressionId !== undefined || v.postingId !== undefined, {
    path: ['impressionId'],
    message: 'Give impressionId or postingId.',
  });

const humanReviewBody = z
  .object({
    kind: z.literal('human_review').meta({ description: 'Ask a person to review an automated list (PIPL art. 24).' }),
    listId: id.meta({ description: 'The listId of the recommendation or candidate list.' }),
    text,
  })
  .strict();

export const reviewCreate = z.discriminatedUnion('kind', [flagBody, humanReviewBody]).meta({ id: 'ReviewCreate' });
export type ReviewCreate = z.infer<typeof reviewCreate>;

export const reviewUpdate = z
  .object({
    assignee: z
      .string()
      .trim()
      .min(1)
      .max(120)
      .nullable()
      .optional()
      .meta({ description: 'Who handles it (name or staff id); null unassigns.', example: '张老师' }),
    status: z
      .enum(REVIEW_STATUSES)
      .optional()
      .meta({ description: 'open → in_review → resolved; resolved needs decision and reply.', example: 'in_review' }),
    decision: z
      .enum(REVIEW_DECISIONS)
      .optional()
      .meta({ description: 'upheld, partly_upheld or not_upheld.', example: 'upheld' }),
    reply: z.string().trim().min(1).max(4_000).optional().meta({
      description: 'The answer the graduate will read.',
      example: '已核实：该岗位的技能匹配有误，已反馈给模型维护人员。',
    }),
  })
  .strict()
  .meta({ id: 'ReviewUpdate' });
export type ReviewUpdate = z.infer<typeof reviewUpdate>;

export const review = z
  .object({
    id,
    graduateId: id,
    kind: z.enum(REVIEW_KINDS),
    impressionId: id.nullable(),
    postingId: id.nullable(),
    listId: id.nullable(),
    reason: z.enum(FLAG_REASONS).nullable(),
    text: z.string(),
    status: z.enum(REVIEW_STATUSES),
    assignee: z.string().nullable(),
    decision: z.enum(REVIEW_DECISIONS).nullable(),
    reply: z.string().nullable(),
    dueAt: z.iso.datetime().meta({ description: "Answer due by: filed time + the tenant's reviewSlaDays." }),
    resolvedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Review' });
export type Review = z.infer<typeof review>;
