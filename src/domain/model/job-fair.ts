import { z } from 'zod';
import { ATTRIBUTE_VALUES, categoriesOf, PROTECTED_ATTRIBUTES } from '../audit-report/attributes.ts';
import { slotsOf } from '../assignment/schedule.ts';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time of day as HH:MM');
export const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
export const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const breakSchema = z
  .object({
    from: clock.meta({ description: 'Start of the break (HH:MM).', example: '12:00' }),
    to: clock.meta({ description: 'End of the break (HH:MM).', example: '13:00' }),
  })
  .meta({ id: 'FairBreak', description: 'A break with no interviews (a slot that touches it is not used).' });

const fairFields = z.object({
  name: z.string().trim().min(1).max(200).meta({ description: "The fair's name.", example: '2027届秋季双选会' }),
  date: z.iso.date().meta({ description: 'The day of the fair.', example: '2026-12-20' }),
  venue: z.string().trim().min(1).max(200).meta({ description: 'Where it is held.', example: '体育馆 Gymnasium' }),
  slotMinutes: z
    .number()
    .int()
    .min(5)
    .max(240)
    .meta({ description: 'Length of one interview slot in minutes.', example: 20 }),
  start: clock.meta({ description: 'First interview starts (HH:MM, local time of the fair).', example: '09:00' }),
  end: clock.meta({ description: 'Last interview ends by (HH:MM).', example: '16:00' }),
  breaks: z
    .array(breakSchema)
    .max(10)
    .default([])
    .meta({ description: 'Breaks inside the window.', example: [{ from: '12:00', to: '13:00' }] }),
  maxInterviewsPerGraduate: z
    .number()
    .int()
    .min(1)
    .max(20)
    .default(3)
    .meta({ description: 'How many interviews one graduate may get.', example: 3 }),
  maxRankings: z
    .number()
    .int()
    .min(0)
    .max(20)
    .default(5)
    .meta({ description: 'How many booths a graduate may rank (N).', example: 5 }),
  preferenceWeight: z.number().min(0).max(1).default(0.2).meta({
    description: 'β: a booth a graduate ranked r-th of N adds β·(N − r + 1)/N to the hybrid score in the optimal plan.',
    example: 0.2,
  }),
});

/** Usable slots of a fair as validated input describes it. */
function slotCountOf(fair: {
  slotMinutes: number;
  start: string;
  end: string;
  breaks: readonly { from: string; to: string }[];
}): number {
  return slotsOf({
    window: { from: minutesOf(fair.start), to: minutesOf(fair.end) },
    slotMinutes: fair.slotMinutes,
    breaks: fair.breaks.map((b) => ({ from: minutesOf(b.from), to: minutesOf(b.to) })),
  }).length;
}

export const fairCreate = fairFields
  .superRefine((fair, ctx) => {
    const from = minutesOf(fair.start);
    const to = minutesOf(fair.end);
    if (to <= from) ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after start.' });
    fair.breaks.forEach((b, i) => {
      if (minutesOf(b.to) <= minutesOf(b.from))
        ctx.addIssue({ code: 'custom', path: ['breaks', i, 'to'], message: 'must be after from.' });
      if (minutesOf(b.from) < from || minutesOf(b.to) > to)
        ctx.addIssue({
          code: 'custom',
          path: ['breaks', i, 'from'],
          message: `the break lies outside the fair's window ${fair.start}–${fair.end}.`,
        });
    });
    const slots = to > from ? slotCountOf(fair) : 0;
    if (to > from && slots === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['slotMinutes'],
        message: 'no slot of this length fits in the window outside the breaks.',
      });
    else if (to > from && fair.maxInterviewsPerGraduate > slots)
      ctx.addIssue({
        code: 'custom',
        path: ['maxInterviewsPerGraduate'],
        message: `at most the ${slots} usable slots.`,
      });
  })
  .meta({ id: 'JobFairCreate' });
export type FairCreate = z.infer<typeof fairCreate>;

export const boothCreate = z
  .object({
    employerId: z.uuid().optional().meta({
      description: 'The employer (career office keys; an employer key books for itself).',
      example: '0193a4b2-6c1e-7d1a-9b1e-3f2a1c0d9e8f',
    }),
    postingIds: z
      .array(z.uuid())
      .min(1)
      .max(20)
      .meta({
        description: "The employer's open postings the booth interviews for (the best one scores each graduate).",
        example: ['0193a4b2-6c1e-7d1a-9b1e-3f2a1c0d9e8f'],
      }),
    room: z.string().trim().min(1).max(100).meta({ description: 'Room or hall.', example: 'A厅 Hall A' }),
    table: z.string().trim().min(1).max(50).meta({ description: 'Table or stand label.', example: 'A-12' }),
    interviewers: z
      .number()
      .int()
      .min(1)
      .max(50)
      .meta({ description: 'Interviewers at the booth, each interviewing one graduate per slot.', example: 2 }),
    capacity: z
      .number()
      .int()
      .min(0)
      .max(10_000)
      .optional()
      .meta({ description: 'At most this many interviews (default interviewers × usable slots).', example: 30 }),
  })
  .meta({ id: 'JobFairBoothCreate' });
export type BoothCreate = z.infer<typeof boothCreate>;

export const registrationInput = z
  .object({
    graduateId: z.uuid().optional().meta({
      description: 'The graduate (career office keys; a graduate key registers itself).',
      example: '0193a4b2-6c1e-7d1a-9b1e-3f2a1c0d9e8f',
    }),
    rankings: z
      .array(z.uuid())
      .max(20)
      .default([])
      .refine((ids) => new Set(ids).size === ids.length, 'a booth may be ranked once.')
      .meta({
        description: "Booth ids, most wanted first (at most the fair's maxRankings); optional.",
        example: ['0193a4b2-6c1e-7d1a-9b1e-3f2a1c0d9e8f'],
      }),
  })
  .meta({ id: 'JobFairRegistration' });
export type RegistrationInput = z.infer<typeof registrationInput>;

const floorSchema = z
  .object({
    attribute: z
      .enum(PROTECTED_ATTRIBUTES)
      .meta({ description: 'The consented attribute.', example: 'regionOfOrigin' }),
    groups: z
      .array(z.string())
      .min(1)
      .max(6)
      .meta({ description: 'Values of the attribute that count towards the floor.', example: ['central', 'west'] }),
    minShare: z
      .number()
      .gt(0)
      .max(1)
      .meta({
        description:
          "Minimum share of the plan's interviews for graduates of these groups (met when the " +
          'graduates and their scores allow).',
        example: 0.3,
      }),
  })
  .superRefine((f, ctx) => {
    f.groups.forEach((g, i) => {
      if (!categoriesOf(f.attribute).includes(g))
        ctx.addIssue({
          code: 'custom',
          path: ['groups', i],
          message: `not a value of ${f.attribute} (${ATTRIBUTE_VALUES[f.attribute].join(', ')}).`,
        });
    });
  })
  .meta({ id: 'JobFairFloor' });

export const assignmentRequest = z
  .object({
    mode: z
      .enum(['optimal', 'stable'])
      .default('optimal')
      .meta({
        description:
          'optimal: maximum total blended score by min-cost flow, floors applied; stable: ' +
          'graduate-proposing deferred acceptance (no blocking pairs; floors reported, not applied).',
        example: 'optimal',
      }),
    floors: z
      .array(floorSchema)
      .max(5)
      .default([])
      .meta({
        description:
          'Minimum interview shares for consented groups; a graduate counts towards the first floor they belong to.',
        example: [{ attribute: 'regionOfOrigin', groups: ['central', 'west'], minShare: 0.3 }],
      }),
    minGroupSize: z.number().int().min(1).max(1000).default(10).meta({
      description: "Groups smaller than this are suppressed in the reported rates (the audit's rule).",
      example: 10,
    }),
  })
  .meta({ id: 'JobFairAssignmentRequest' });
export type AssignmentRequest = z.infer<typeof assignmentRequest>;

export const cancellationInput = z
  .union([
    z
      .object({
        graduateId: z.uuid().meta({
          description: 'A graduate who withdraws from the fair.',
          example: '0193a4b2-6c1e-7d1a-9b1e-3f2a1c0d9e8f',
        }),
      })
      .strict(),
    z
      .object({
        boothId: z.uuid().meta({
          description: 'A booth that withdraws from the fair.',
          example: '0193a4b2-6c1e-7d1a-9b1e-3f2a1c0d9e8f',
        }),
      })
      .strict(),
  ])
  .meta({ id: 'JobFairCancellation', description: 'Exactly one of graduateId or boothId.' });
export type CancellationInput = z.infer<typeof cancellationInput>;
