import { conflict, DomainError, notFound } from '../../domain/errors.ts';
import { JOB_NAMES, type JobName } from '../../queue/catalog.ts';
import { JOB_COUNT_STATES, type JobCounts, type JobListState, type JobSummary } from '../../queue/port.ts';
import { insertOperatorAction } from '../../storage/operator-actions.repo.ts';
import { requireRole } from '../access.ts';
import type { ServiceContext } from '../context.ts';

/**
 * The operators' queue view (an admin's bull-board): how many jobs of each kind wait, run, are delayed,
 * failed or completed in this deployment, the newest jobs of one kind and state, and retry and remove.
 *
 * Counts are deployment-wide (as GET /metrics shows them to an admin); jobs are listed, retried and removed
 * only when they belong to the admin's tenant (`tenantId` in the payload) or to no tenant (re-embedding the
 * whole deployment), so one university's admin never sees or touches another's jobs.
 */
export interface QueueOverview {
  /** False when this process has no queue (Redis away, or a runtime without BullMQ). */
  connected: boolean;
  counts: Record<JobName, JobCounts> | null;
}

export interface QueueJobs extends QueueOverview {
  kind: JobName;
  state: JobListState;
  jobs: JobSummary[];
  /** Jobs of other tenants among the newest, left out of `jobs`. */
  hidden: number;
}

const LIST_WINDOW = 200;

const ownJob = (ctx: ServiceContext, job: JobSummary): boolean =>
  job.data.tenantId === undefined || job.data.tenantId === ctx.principal.tenantId;

const queueOf = (ctx: ServiceContext) => ctx.queue ?? null;

export async function queueOverview({ ctx }: { ctx: ServiceContext }): Promise<QueueOverview> {
  requireRole(ctx.principal, ['admin'], 'see the job queues');
  const queue = queueOf(ctx);
  if (!queue) return { connected: false, counts: null };
  try {
    const counts = await Promise.all(JOB_NAMES.map(async (name) => [name, await queue.counts(name)] as const));
    return { connected: true, counts: Object.fromEntries(counts) as Record<JobName, JobCounts> };
  } catch {
    return { connected: false, counts: null }; // Redis stopped answering since the supervisor connected
  }
}

/** The newest `limit` jobs of the tenant (and of no tenant) of one kind in one state. */
export async function listQueueJobs({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { kind: JobName; state: JobListState; limit: number };
}): Promise<QueueJobs> {
  const overview = await queueOverview({ ctx });
  const queue = queueOf(ctx);
  if (!overview.connected || !queue) return { ...overview, ...input, jobs: [], hidden: 0 };
  const newest = await queue.list(input.kind, input.state, LIST_WINDOW);
  const own = newest.filter((job) => ownJob(ctx, job));
  return {
    ...overview,
    kind: input.kind,
    state: input.state,
    jobs: own.slice(0, input.limit),
    hidden: newest.length - own.length,
  };
}

const unavailable = () =>
  new DomainError('unavailable', 'The job queue (Redis) does not answer; try again when /ready says redis ok.', {
    extra: { retryAfter: 5 },
  });

async function actOnJob(
  ctx: ServiceContext,
  input: { kind: JobName; jobId: string },
  action: 'retry' | 'remove',
): Promise<JobSummary> {
  requireRole(ctx.principal, ['admin'], `${action} jobs`);
  const queue = queueOf(ctx);
  if (!queue) throw unavailable();
  const job = await queue.get(input.kind, input.jobId).catch(() => {
    throw unavailable();
  });
  // Another tenant's job is as unknown to this admin as one that does not exist.
  if (!job || !ownJob(ctx, job)) throw notFound('Job');
  const done = action === 'retry' ? await queue.retry(input.kind, job.id) : await queue.remove(input.kind, job.id);
  if (!done)
    throw conflict(
      action === 'retry'
        ? `Only a failed job can be retried; this one is ${job.state}.`
        : 'A running job cannot be removed.',
    );
  await insertOperatorAction(ctx.database.db, {
    tenantId: ctx.principal.tenantId,
    action: action === 'retry' ? 'retry_job' : 'remove_job',
    reason: null,
    detail: { kind: input.kind, jobId: job.id, state: job.state },
    actorKeyId: ctx.principal.keyId,
    actorRole: ctx.principal.role,
    requestId: ctx.requestId,
    now: ctx.clock.now(),
  });
  ctx.logger.info(action === 'retry' ? 'job_retried' : 'job_removed', {
    requestId: ctx.requestId,
    kind: input.kind,
    jobId: job.id,
    state: job.state,
  });
  return job;
}

/** Runs a failed job again from its first attempt; recorded in the operator log. */
export const retryQueueJob = ({ ctx, input }: { ctx: ServiceContext; input: { kind: JobName; jobId: string } }) =>
  actOnJob(ctx, input, 'retry');

/**
 * Removes a job that is not running; recorded in the operator log. Removing the job of a request still
 * queued in the database (an audit run) does not cancel it: the sweeper hands it to the queue again.
 */
export const removeQueueJob = ({ ctx, input }: { ctx: ServiceContext; input: { kind: JobName; jobId: string } }) =>
  actOnJob(ctx, input, 'remove');

export const QUEUE_STATES = JOB_COUNT_STATES;
