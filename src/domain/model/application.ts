import { z } from 'zod';
import type { Role } from './common.ts';
import { id } from './common.ts';
import type { InteractionType } from './interaction.ts';

export const APPLICATION_STATUSES = [
  'saved',
  'applied',
  'interviewing',
  'offer',
  'hired',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** The statuses the graduate sets; the rest are the employer's. */
export const GRADUATE_STATUSES: readonly ApplicationStatus[] = ['saved', 'applied', 'withdrawn'];
export const EMPLOYER_STATUSES: readonly ApplicationStatus[] = ['interviewing', 'offer', 'rejected', 'hired'];

/**
 * Where each status may go next. Hired, rejected and withdrawn are final; a graduate may withdraw at any
 * open step (declining an offer is withdrawing), and the employer may skip the interview.
 */
const NEXT: Readonly<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  saved: ['applied', 'withdrawn'],
  applied: ['interviewing', 'offer', 'rejected', 'withdrawn'],
  interviewing: ['offer', 'rejected', 'withdrawn'],
  offer: ['hired', 'rejected', 'withdrawn'],
  hired: [],
  rejected: [],
  withdrawn: [],
};

export const canMove = (from: ApplicationStatus, to: ApplicationStatus): boolean => NEXT[from].includes(to);
export const nextStatuses = (from: ApplicationStatus): readonly ApplicationStatus[] => NEXT[from];

/** Who may set a status: the graduate their own steps, the posting's employer the hiring steps. */
export function roleMaySet(role: Role, to: ApplicationStatus): boolean {
  if (role === 'graduate') return GRADUATE_STATUSES.includes(to);
  if (role === 'employer') return EMPLOYER_STATUSES.includes(to);
  return false;
}

/**
 * The interaction each status writes into the funnel the audit and analytics read. Rejected and withdrawn
 * end the funnel without a step of their own (the interaction log has no such type); they are kept in the
 * application's history.
 */
export const FUNNEL_STEP: Readonly<Record<ApplicationStatus, InteractionType | null>> = {
  saved: 'save',
  applied: 'apply',
  interviewing: 'interview',
  offer: 'offer',
  hired: 'hire',
  rejected: null,
  withdrawn: null,
};

const status = z.enum(APPLICATION_STATUSES).meta({
  description: 'saved, applied, interviewing, offer, hired, rejected or withdrawn.',
  example: 'applied',
});

export const applicationCreate = z
  .object({
    postingId: id.meta({ description: 'The posting saved or applied to.' }),
    status: z
      .enum(['saved', 'applied'])
      .default('applied')
      .meta({ description: 'Save the posting for later, or apply (default).', example: 'applied' }),
    impressionId: id
      .optional()
      .meta({ description: 'The list item (impression) this came from, so the funnel links to what was shown.' }),
  })
  .meta({ id: 'ApplicationCreate' });
export type ApplicationCreate = z.infer<typeof applicationCreate>;

export const applicationUpdate = z
  .object({
    status,
    reason: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .optional()
      .meta({ description: 'Why (kept in the history; erased with the graduate).', example: '已接受其他单位录用' }),
  })
  .meta({ id: 'ApplicationUpdate' });
export type ApplicationUpdate = z.infer<typeof applicationUpdate>;

export const applicationEvent = z
  .object({
    from: status.nullable().meta({ description: 'The status before; null when the application was created.' }),
    to: status,
    reason: z.string().nullable(),
    actorRole: z.string().meta({ description: 'Who moved it: graduate, employer, …', example: 'employer' }),
    interactionId: id.nullable().meta({ description: 'The funnel interaction this step wrote, if any.' }),
    at: z.iso.datetime(),
  })
  .meta({ id: 'ApplicationEvent' });

export const application = z
  .object({
    id,
    graduateId: id,
    postingId: id,
    impressionId: id.nullable(),
    status,
    appliedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    history: z.array(applicationEvent).meta({ description: 'Every status change, oldest first.' }),
  })
  .meta({ id: 'Application' });
export type Application = z.infer<typeof application>;
