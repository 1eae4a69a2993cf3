import { createRequire } from 'node:module';
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { JOB_NAMES, jobCatalog, parsePayload, type JobName, type JobPayload } from './catalog.ts';
import { PermanentJobError } from './errors.ts';
import { inJobScope } from './job-scope.ts';
import {
  JOB_COUNT_STATES,
  type EnqueueOptions,
  type EnqueueResult,
  type JobListState,
  type JobSummary,
  type JobContext,
  type JobCounts,
  type JobHandlers,
  type JobQueue,
  type RunningWorkers,
} from './port.ts';

export interface BullOptions {
  /** REDIS_URL, e.g. redis://127.0.0.1:6379/0. */
  url: string;
  /** Key prefix in Redis ('bole' by default); tests use one per run so they never share jobs. */
  prefix?: string;
}

/** ioredis-style options from a redis:// or rediss:// URL (user, password and db included). */
export function redisOptions(url: string): {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db?: number;
  tls?: object;
} {
  const u = new URL(url);
  const db = Number(u.pathname.replace(/^\//, '') || '0');
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(db > 0 ? { db } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

const date = (ms: number | undefined): Date | null => (ms ? new Date(ms) : null);

/** BullMQ's finer states in the five the queue view lists (prioritised and waiting-children wait). */
const listState = (state: string): JobListState | 'unknown' => {
  if (state === 'prioritized' || state === 'waiting-children' || state === 'wait') return 'waiting';
  return (JOB_COUNT_STATES as readonly string[]).includes(state) ? (state as JobListState) : 'unknown';
};

function summary(name: JobName, job: Job, state: JobListState | 'unknown'): JobSummary {
  const data: Record<string, unknown> = job.data && typeof job.data === 'object' ? { ...job.data } : {};
  delete data.requestId;
  return {
    id: job.id ?? '',
    name,
    state,
    data,
    requestId: requestIdOf(job.data) ?? null,
    attemptsMade: job.attemptsMade,
    attempts: job.opts.attempts ?? jobCatalog[name].attempts,
    progress: typeof job.progress === 'number' ? job.progress : 0,
    failedReason: job.failedReason || null,
    addedAt: date(job.timestamp),
    processedAt: date(job.processedOn),
    finishedAt: date(job.finishedOn),
  };
}

/**
 * Producer side on BullMQ. Queues fail fast when Redis is away (enableOfflineQueue false) instead of
 * buffering in memory: the outbox in PostgreSQL is what keeps the request, and the relay retries.
 */
export function createBullQueue(options: BullOptions): JobQueue {
  const prefix = options.prefix ?? 'bole';
  const queues = new Map<JobName, Queue>();
  const queueFor = (name: JobName): Queue => {
    let q = queues.get(name);
    if (!q) {
      q = new Queue(name, {
        connection: { ...redisOptions(options.url), enableOfflineQueue: false, maxRetriesPerRequest: 1 },
        prefix,
      });
      q.on('error', () => {}); // connection errors surface as rejected add() calls; the relay logs those
      queues.set(name, q);
    }
    return q;
  };
  return {
    async enqueue<N extends JobName>(
      name: N,
      payload: JobPayload<N>,
      { jobId, requestId, delayMs }: EnqueueOptions,
    ): Promise<EnqueueResult> {
      // The request id rides beside the payload; the catalog's schemas drop it when the processor parses.
      const data = { ...parsePayload(name, payload), ...(requestId ? { requestId } : {}) };
      const { attempts, backoff } = jobCatalog[name];
      const queue = queueFor(name);
      const existed = (await queue.getJob(jobId)) !== undefined;
      // Completed jobs are kept a week, so a late duplicate add with the same id stays a no-op.
      await queue.add(name, data, {
        jobId,
        attempts,
        backoff,
        ...(delayMs !== undefined && delayMs > 0 ? { delay: Math.ceil(delayMs) } : {}),
        removeOnComplete: { age: 7 * 86_400 },
        removeOnFail: { age: 30 * 86_400 },
      });
      return { jobId, created: !existed };
    },
    async state(name: JobName, jobId: string) {
      const state = await queueFor(name).getJobState(jobId);
      if (state === 'unknown') return 'missing';
      if (state === 'active' || state === 'completed' || state === 'failed') return state;
      return 'pending'; // waiting, delayed, prioritized, waiting-children
    },
    async discard(name: JobName, jobId: string) {
      const job = await queueFor(name).getJob(jobId);
      const state = await job?.getState();
      if (job && (state === 'completed' || state === 'failed')) await job.remove();
    },
    async workers(name: JobName) {
      return queueFor(name).getWorkersCount();
    },
    async list(name: JobName, state: JobListState, limit: number) {
      const jobs = await queueFor(name).getJobs([state], 0, Math.max(0, limit - 1), false);
      return jobs.filter((job): job is Job => job !== undefined).map((job) => summary(name, job, state));
    },
    async get(name: JobName, jobId: string) {
      const job = await queueFor(name).getJob(jobId);
      return job ? summary(name, job, listState(await job.getState())) : null;
    },
    async retry(name: JobName, jobId: string) {
      const job = await queueFor(name).getJob(jobId);
      if (!job || (await job.getState()) !== 'failed') return false;
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      return true;
    },
    async remove(name: JobName, jobId: string) {
      const job = await queueFor(name).getJob(jobId);
      if (!job || (await job.getState()) === 'active') return false;
      // A job locked by a worker that just took it refuses removal: it is running, as far as the operator goes.
      return job.remove().then(
        () => true,
        () => false,
      );
    },
    async counts(name: JobName) {
      const c = await queueFor(name).getJobCounts(...JOB_COUNT_STATES);
      return Object.fromEntries(JOB_COUNT_STATES.map((state) => [state, c[state] ?? 0])) as JobCounts;
    },
    async close() {
      // allSettled: a queue that never connected (Redis away, driver missing) must not block shutdown.
      await Promise.allSettled([...queues.values()].map((q) => q.close()));
    },
  };
}

interface AttemptInfo {
  attempt: number;
  requestId?: string;
}

/** The request id a producer put beside the payload (see enqueue), when it is a plausible one. */
export const requestIdOf = (data: unknown): string | undefined => {
  const value: unknown = data && typeof data === 'object' && 'requestId' in data ? data.requestId : undefined;
  return typeof value === 'string' && value.length > 0 && value.length <= 255 ? value : undefined;
};

/**
 * How many times a job may stall (its lock expired while active) before BullMQ fails it for good, where its
 * default is once. A worker killed mid-job is one stall; a live worker whose event loop or process was starved
 * past the lock duration (its lock renewal late) is another, and its job still ran to the end: with the default,
 * a re-embedding killed once and renewed late once under load was failed ("job stalled more than allowable
 * limit") and, as its job id stays taken, never ran again. Every job is idempotent, so a stalled one re-runs.
 */
const MAX_STALLS = 3;

/**
 * One BullMQ Worker per job name. The payload is parsed again here (a job written by an older version
 * or by hand fails permanently rather than running on bad input); PermanentJobError and zod failures
 * become UnrecoverableError so BullMQ does not retry them.
 */
export function startBullWorkers(
  options: BullOptions & {
    handlers: JobHandlers;
    concurrency?: number;
    onError?: (error: unknown) => void;
    /** Told of every attempt as it ends: the job's kind, whether it succeeded, and how long it took. */
    onSettled?: (kind: JobName, outcome: 'completed' | 'failed', seconds: number) => void;
    /**
     * Lock duration and stalled-job check interval (BullMQ's default 30 s): how soon a killed worker's job runs again.
     */
    stallMs?: number;
  },
): RunningWorkers {
  const prefix = options.prefix ?? 'bole';
  /** One attempt of a job whose payload parsed, run in the job's log scope. */
  const runAttempt = async (name: JobName, job: Job, payload: unknown, attempts: number, ctx: AttemptInfo) => {
    const started = performance.now();
    let outcome: 'completed' | 'failed' = 'failed';
    try {
      // TypeScript cannot correlate `name` across the handler map and the payload union; the parse did.
      const handler = options.handlers[name] as (payload: unknown, ctx: JobContext) => Promise<unknown>;
      const result = await handler(payload, {
        jobId: job.id ?? '',
        ...ctx,
        finalAttempt: ctx.attempt >= attempts,
        // Progress is advisory: Redis away or restarted empty mid-job must not throw away the work done so far
        // (the job is relayed again when lost, and runs on from what it stored).
        progress: async (percent) => {
          await job.updateProgress(Math.round(percent)).catch((error: unknown) => options.onError?.(error));
        },
      });
      outcome = 'completed';
      return result;
    } catch (error) {
      if (error instanceof PermanentJobError) throw new UnrecoverableError(error.message);
      throw error;
    } finally {
      options.onSettled?.(name, outcome, (performance.now() - started) / 1000);
    }
  };
  const workers = JOB_NAMES.map((name) => {
    const worker = new Worker(
      name,
      async (job: Job) => {
        const parsed = jobCatalog[name].payload.safeParse(job.data);
        if (!parsed.success)
          throw new UnrecoverableError(
            `invalid ${name} payload: ` +
              `${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
          );
        const attempts = job.opts.attempts ?? jobCatalog[name].attempts;
        const attempt = job.attemptsMade + 1;
        const requestId = requestIdOf(job.data);
        const info = { attempt, ...(requestId ? { requestId } : {}) };
        return inJobScope({ job: name, jobId: job.id ?? '', ...info }, () =>
          runAttempt(name, job, parsed.data, attempts, info),
        );
      },
      {
        connection: { ...redisOptions(options.url), maxRetriesPerRequest: null },
        prefix,
        concurrency: options.concurrency ?? 1,
        ...(options.stallMs ? { lockDuration: options.stallMs, stalledInterval: options.stallMs } : {}),
        maxStalledCount: MAX_STALLS,
      },
    );
    worker.on('error', (error) => options.onError?.(error));
    return worker;
  });
  return {
    async close() {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}

/**
 * Whether the Redis driver BullMQ loads (the optional peer `ioredis`) is installed. BullMQ 6 no longer
 * bundles it; without it every Queue and Worker fails at connect, so the entries check first and say so.
 */
export function bullDriverAvailable(): boolean {
  try {
    createRequire(import.meta.url).resolve('ioredis');
    return true;
  } catch {
    return false;
  }
}
