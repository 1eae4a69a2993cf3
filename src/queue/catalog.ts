import { z } from 'zod';

/** How BullMQ retries a job: `attempts` in all, waiting `delay`·2^(n−1) ms (exponential) or `delay` (fixed). */
interface RetryPolicy {
  attempts: number;
  backoff: { type: 'exponential' | 'fixed'; delay: number };
}

export interface JobDefinition<P extends z.ZodType> extends RetryPolicy {
  payload: P;
  description: string;
}

const defineJob = <P extends z.ZodType>(definition: JobDefinition<P>): JobDefinition<P> => definition;

/**
 * Every background job: its name (also its queue), the zod schema of its payload and its retry policy.
 * Payloads are parsed when enqueued and again in the processor. Add a job by adding an entry here
 * (e.g. 'reembed') and a handler in jobs/handlers/; the types of the port and the workers follow.
 */
export const jobCatalog = {
  audit: defineJob({
    description: 'Computes one audit run (src/services/audits/run.ts) and stores its chained report.',
    payload: z.object({ runId: z.uuid(), tenantId: z.uuid() }),
    attempts: 3,
    backoff: { type: 'exponential', delay: 5_000 },
  }),
  reembed: defineJob({
    description:
      'Re-embeds stored vectors with the active embedder (after a change of embedder, or a ' +
      'deleted tag) and reports progress.',
    payload: z.object({
      embedderId: z.string().min(1).max(300),
      reason: z.enum(['embedder_changed', 'tag_deleted', 'manual']),
      tenantId: z.uuid().optional(),
      graduateId: z.uuid().optional(),
    }),
    attempts: 3,
    backoff: { type: 'exponential', delay: 10_000 },
  }),
  'scheduled-audit': defineJob({
    description:
      "One cron tick of a tenant's audit schedule: records an audit run through the outbox, once " +
      'per tick (src/services/audit-ops/scheduled.ts).',
    payload: z.object({ tenantId: z.uuid(), tick: z.iso.datetime().optional() }),
    attempts: 3,
    backoff: { type: 'exponential', delay: 5_000 },
  }),
  'audit-schedule-sync': defineJob({
    description:
      "Makes the tenant's BullMQ job scheduler match its audit-schedule setting (created, changed or removed).",
    payload: z.object({ tenantId: z.uuid() }),
    attempts: 5,
    backoff: { type: 'exponential', delay: 2_000 },
  }),
  'webhook-delivery': defineJob({
    description:
      "POSTs one alert to the tenant's webhook, HMAC-signed; every attempt is recorded (2 s, 4 " +
      's, … up to ~17 min in all).',
    payload: z.object({ alertId: z.uuid(), tenantId: z.uuid() }),
    attempts: 10,
    backoff: { type: 'exponential', delay: 2_000 },
  }),
  'job-fair-assignment': defineJob({
    description:
      'Plans one job fair run (src/services/job-fairs/run.ts): scores, solves, schedules and ' +
      'explains, reporting progress.',
    payload: z.object({ runId: z.uuid(), tenantId: z.uuid() }),
    attempts: 3,
    backoff: { type: 'exponential', delay: 5_000 },
  }),
  import: defineJob({
    description:
      'Imports one uploaded file (src/services/imports/engine.ts): validates every row, then ' +
      'upserts in batches of one transaction each, reporting progress.',
    payload: z.object({ runId: z.uuid(), tenantId: z.uuid() }),
    attempts: 3,
    backoff: { type: 'exponential', delay: 5_000 },
  }),
  'saved-search-alerts': defineJob({
    description:
      "One alert pass (src/services/alerts/run.ts): with a tenantId, runs that tenant's saved searches over the " +
      'postings opened or changed since their last pass and makes the digests due; without, one per tenant.',
    payload: z.object({ tenantId: z.uuid().optional() }),
    attempts: 3,
    backoff: { type: 'exponential', delay: 10_000 },
  }),
  'posting-alerts': defineJob({
    description:
      "One tenant's alerts for the postings opened or changed in a short window (src/services/alerts/posting-alerts" +
      '.ts): the searches and profiles they may fit are found through the indexes and only those are run.',
    payload: z.object({ tenantId: z.uuid() }),
    attempts: 3,
    backoff: { type: 'exponential', delay: 10_000 },
  }),
  'alert-digest-delivery': defineJob({
    description:
      "POSTs one graduate's alert digest to the tenant's graduate-alert webhook, HMAC-signed; each attempt recorded.",
    payload: z.object({ digestId: z.uuid(), tenantId: z.uuid() }),
    attempts: 10,
    backoff: { type: 'exponential', delay: 2_000 },
  }),
} as const;

type JobCatalog = typeof jobCatalog;
export type JobName = keyof JobCatalog;
export type JobPayload<N extends JobName> = z.infer<JobCatalog[N]['payload']>;
export const JOB_NAMES = Object.keys(jobCatalog) as JobName[];

export const isJobName = (name: string): name is JobName => Object.hasOwn(jobCatalog, name);

/** Parses a payload against the catalog; throws the zod error (a caller bug, or a corrupt job). */
export function parsePayload<N extends JobName>(name: N, payload: unknown): JobPayload<N> {
  return jobCatalog[name].payload.parse(payload) as JobPayload<N>;
}
