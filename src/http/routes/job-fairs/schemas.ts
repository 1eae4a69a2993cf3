import { z } from 'zod';

const uuidExample = '0193a4b2-6c1e-7d1a-9b1e-3f2a1c0d9e8f';
const bilingual = z
  .object({ zh: z.string(), en: z.string() })
  .meta({ id: 'BilingualText', description: 'The same text in Chinese and English, rendered from the numbers.' });

export const fairParam = z.object({
  id: z.uuid().meta({ param: { name: 'id', in: 'path' }, description: 'The job fair.', example: uuidExample }),
});
export const runParam = fairParam.extend({
  runId: z
    .uuid()
    .meta({ param: { name: 'runId', in: 'path' }, description: 'The assignment run.', example: uuidExample }),
});

export const fairView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    date: z.string().meta({ example: '2026-12-20' }),
    venue: z.string(),
    slotMinutes: z.number().int(),
    start: z.string().meta({ example: '09:00' }),
    end: z.string().meta({ example: '16:00' }),
    breaks: z.array(z.object({ from: z.string(), to: z.string() })),
    slots: z
      .array(z.object({ start: z.string(), end: z.string() }))
      .meta({ description: 'The usable interview slots (window minus breaks).' }),
    maxInterviewsPerGraduate: z.number().int(),
    maxRankings: z.number().int(),
    preferenceWeight: z.number(),
    publishedRunId: z.uuid().nullable().meta({ description: 'The run whose plan is the published schedule.' }),
    createdAt: z.string(),
  })
  .meta({ id: 'JobFair' });

export const boothView = z
  .object({
    id: z.uuid(),
    fairId: z.uuid(),
    employerId: z.uuid(),
    postingIds: z.array(z.uuid()),
    room: z.string(),
    table: z.string(),
    interviewers: z.number().int(),
    capacity: z
      .number()
      .int()
      .meta({ description: 'Interviews the booth can hold (its capacity, at most interviewers × slots).' }),
    cancelledAt: z.string().nullable(),
  })
  .meta({ id: 'JobFairBooth' });

export const registrationView = z
  .object({
    fairId: z.uuid(),
    graduateId: z.uuid(),
    rankings: z.array(z.uuid()),
    cancelledAt: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'JobFairRegistrationView' });

const groupRate = z.object({
  group: z.string(),
  n: z.number().int(),
  selected: z.number().int().meta({ description: 'Graduates of the group with at least one interview.' }),
  rate: z.number().nullable(),
  impactRatio: z.number().nullable(),
  flagged: z.boolean().meta({ description: 'Impact ratio under 0.8.' }),
  slotShare: z.number().meta({ description: "The group's share of all interviews in the plan." }),
});

export const runView = z
  .object({
    id: z.uuid(),
    fairId: z.uuid(),
    mode: z.enum(['optimal', 'stable']),
    status: z.enum(['queued', 'running', 'completed', 'failed']),
    progress: z.number().int().min(0).max(100).meta({ example: 60 }),
    failureReason: z.string().nullable(),
    params: z.record(z.string(), z.unknown()),
    revision: z.number().int().meta({ description: 'Changes applied after publication (cancellations).' }),
    publishedAt: z.string().nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    summary: z
      .object({
        mode: z.enum(['optimal', 'stable']),
        graduates: z.number().int(),
        booths: z.number().int(),
        slots: z.number().int(),
        interviews: z.number().int(),
        totalScore: z.number().meta({ description: 'Σ hybrid scores of the planned interviews.' }),
        totalWeight: z.number().meta({
          description: 'Σ blended weights (hybrid score + preference bonus): what the optimal mode maximises.',
        }),
        blockingPairs: z.number().int().meta({
          description: 'Graduate–booth pairs that would both rather be together than with someone in the plan.',
        }),
        floors: z.array(
          z.object({
            attribute: z.string(),
            groups: z.array(z.string()),
            minShare: z.number(),
            minimum: z.number().int(),
            achieved: z.number().int(),
          }),
        ),
        solver: z
          .object({
            rounds: z.number().int(),
            arcs: z.number().int(),
            fullArcs: z.number().int(),
            phases: z.number().int(),
            ms: z.number(),
          })
          .nullable(),
      })
      .nullable()
      .meta({ description: 'Once completed.' }),
    fairness: z
      .array(
        z.object({
          attribute: z.string(),
          groups: z.array(groupRate),
          excluded: z.array(z.object({ group: z.string(), n: z.number().int(), reason: z.string() })),
          unknownCount: z.number().int(),
          minSize: z.number().int(),
        }),
      )
      .nullable()
      .meta({
        description: 'Interview rates and impact ratios by consented group; small groups suppressed as in the audit.',
      }),
    links: z.object({ self: z.string(), schedule: z.string().nullable() }),
  })
  .meta({ id: 'JobFairRun' });

const componentShare = z.object({ name: z.string(), value: z.number(), weight: z.number(), contribution: z.number() });

export const scheduleView = z
  .object({
    fair: fairView,
    runId: z.uuid(),
    revision: z.number().int(),
    published: z.boolean(),
    view: z.enum(['graduate', 'booth', 'room']),
    items: z.array(
      z.object({
        graduateId: z.uuid(),
        graduateName: z.string(),
        boothId: z.uuid(),
        employerId: z.string(),
        employerName: z.string(),
        room: z.string(),
        table: z.string(),
        interviewer: z.number().int(),
        start: z.string(),
        end: z.string(),
        score: z.number(),
        weight: z.number(),
        rank: z.number().int().nullable(),
        postingId: z.string().nullable(),
        components: z.array(componentShare),
        why: bilingual,
      }),
    ),
    missed: z
      .array(
        z.object({
          graduateId: z.uuid(),
          boothId: z.uuid(),
          employerName: z.string(),
          rank: z.number().int(),
          reason: z.enum(['time', 'capacity', 'higher_scored', 'no_gain']),
          score: z.number(),
          capacity: z.number().int(),
          lowestAdmitted: z.number().nullable(),
          why: bilingual,
        }),
      )
      .meta({ description: 'Booths a graduate ranked but did not get, and why (graduates see their own; staff all).' }),
  })
  .meta({ id: 'JobFairSchedule' });

export const scheduleQuery = z.object({
  view: z
    .enum(['graduate', 'booth', 'room'])
    .default('graduate')
    .meta({ description: 'Grouped by graduate, by booth or by room.', example: 'booth' }),
  format: z
    .enum(['json', 'csv', 'html'])
    .default('json')
    .meta({ description: 'JSON, CSV (RFC 4180) or a printable HTML page.', example: 'json' }),
  runId: z
    .uuid()
    .optional()
    .meta({ description: 'Staff: a completed run other than the published one.', example: uuidExample }),
});

export const cancellationResult = z
  .object({
    replanned: z.boolean().meta({ description: 'True when a published plan was repaired.' }),
    revision: z.number().int().nullable(),
    changes: z
      .array(
        z.object({
          change: z.enum(['removed', 'added']),
          graduateId: z.string(),
          boothId: z.string(),
          start: z.string(),
          end: z.string(),
          interviewer: z.number().int(),
        }),
      )
      .meta({ description: 'Exactly the interviews the cancellation touched; every other interview is unchanged.' }),
  })
  .meta({ id: 'JobFairCancellationResult' });
