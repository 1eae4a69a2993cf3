import { z } from 'zod';
import { id } from './common.ts';

const INTERACTION_TYPES = ['view', 'save', 'apply', 'dismiss', 'interview', 'offer', 'hire'] as const;
export type InteractionType = (typeof INTERACTION_TYPES)[number];
/** What the graduate does; the rest is recorded by the employer or the career office. */
export const GRADUATE_ACTIONS: readonly InteractionType[] = ['view', 'save', 'apply', 'dismiss'];

export const interactionCreate = z
  .object({
    type: z.enum(INTERACTION_TYPES).meta({
      description: 'view, save, apply or dismiss (the graduate); interview, offer or hire (employer or career office).',
      example: 'apply',
    }),
    postingId: id.meta({ description: 'The posting acted on.' }),
    graduateId: id.optional().meta({ description: 'The graduate; implied for a graduate key, required otherwise.' }),
    impressionId: id
      .optional()
      .meta({ description: 'The impression (list item) this came from, when it came from a list.' }),
    reason: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .optional()
      .meta({ description: 'Why, for dismiss (e.g. "too far", "salary too low").', example: '地点太远' }),
    occurredAt: z.iso
      .datetime({ offset: true })
      .optional()
      .meta({ description: 'When it happened (default: now).', example: '2026-11-28T10:00:00Z' }),
  })
  .meta({ id: 'InteractionCreate' });
export type InteractionCreate = z.infer<typeof interactionCreate>;

export const interaction = z
  .object({
    id,
    type: z.enum(INTERACTION_TYPES),
    postingId: id,
    graduateId: id,
    impressionId: id.nullable(),
    reason: z.string().nullable(),
    occurredAt: z.iso.datetime(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Interaction' });
