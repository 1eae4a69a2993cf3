import { bullDriverAvailable, createBullQueue, startBullWorkers } from '../src/queue/bullmq.ts';
import { createBullScheduler, upsertAlertScheduler } from '../src/queue/bullmq-scheduler.ts';
import { JOB_NAMES, type JobName } from '../src/queue/catalog.ts';
import { jobLogFields } from '../src/queue/job-scope.ts';
import type { JobCounts, JobQueue } from '../src/queue/port.ts';
import { redisReachable } from '../src/queue/redis-ping.ts';
import type { AuditScheduler } from '../src/queue/scheduler-port.ts';
import { reconcileSchedules } from '../src/services/audit-ops/scheduled.ts';
import { startOutboxRelay } from '../src/services/audits/relay.ts';
import { startOutboxSweeper, type SweepOptions } from '../src/services/audits/sweeper.ts';
import { deploymentId, queuePrefix } from '../src/services/deployment.ts';
import type { SystemContext } from '../src/services/context.ts';
import type { MatchingEngine } from '../src/services/matching/engine.ts';
import { processMetrics } from '../src/services/metrics.ts';
import { jobHandlers } from './handlers/index.ts';
import type { Say } from '../src/logger.ts';

export interface BackgroundOptions {
  /** The process's context; jobs run with it and the queue. */
  ctx: SystemContext;
  redisUrl: string;
  /** Redis key prefix; the supervisor sets it from the deployment id (tests give their own). */
  prefix?: string;
  /** The sweeper's timing; default: check jobs relayed 5 min ago every minute, relay a lost one again 3 times. */
  sweep?: Partial<SweepOptions & { intervalMs: number }>;
  /** Job lock duration and stalled check (ms); default BullMQ's 30 s. */
  stallMs?: number;
  /** The matching engine this process serves with (npm start); a job process loads the active LSA. */
  engine?: () => Promise<MatchingEngine>;
  /** Audit job schedulers; default: BullMQ at redisUrl with the same prefix (connects on first use). */
  scheduler?: AuditScheduler;
  /** How often the saved-search alert pass runs (ms); default 15 minutes. */
  alertsEveryMs?: number;
}

export interface Background {
  queue: JobQueue;
  /**
   * Stops taking jobs and lets the ones in progress finish for up to `graceMs` (default: as long as they
   * take); a job still running then is left to the queue, which runs it again once its lock expires.
   */
  close(graceMs?: number): Promise<void>;
}

/** The BullMQ workers, the outbox relay that feeds them and the audit schedules; close() stops all, jobs finishing. */
export function startBackground(options: BackgroundOptions): Background {
  const bull = { url: options.redisUrl, ...(options.prefix ? { prefix: options.prefix } : {}) };
  const queue = createBullQueue(bull);
  const scheduler = options.scheduler ?? createBullScheduler(bull);
  // A job's context knows the request that enqueued the job running now, so what it enqueues carries it on.
  const ctx: SystemContext = Object.defineProperty({ ...options.ctx, queue }, 'requestId', {
    get: () => jobLogFields()?.requestId,
    enumerable: true,
  });
  const { logger } = ctx;
  const handlers = jobHandlers(ctx, { scheduler, engine: options.engine });
  const onError = (error: unknown) =>
    logger.warn('worker_error', { error: error instanceof Error ? error.message : String(error) });
  const workers = startBullWorkers({
    ...bull,
    handlers,
    onError,
    onSettled: (kind, outcome, seconds) => {
      // Written in the job's scope: the line carries the job id and the request id that enqueued it.
      (outcome === 'completed' ? logger.info : logger.warn)('job_settled', { outcome, seconds });
      processMetrics.jobs.inc({ kind, outcome });
      processMetrics.jobSeconds.observe({ kind }, seconds);
    },
    ...(options.stallMs ? { stallMs: options.stallMs } : {}),
  });
  const relay = startOutboxRelay({ ...ctx, queue });
  const afterMs = options.sweep?.afterMs ?? 300_000;
  const sweeper = startOutboxSweeper(
    { ...ctx, queue },
    {
      afterMs,
      maxSweeps: options.sweep?.maxSweeps ?? 3,
      intervalMs: options.sweep?.intervalMs ?? Math.min(60_000, Math.max(1_000, afterMs / 2)),
    },
  );
  // Schedulers follow the settings, and a tick missed while no worker ran gets its one run.
  const reconciled = reconcileSchedules(ctx, scheduler)
    .then((r) => logger.info('audit_schedules_reconciled', r))
    .catch((error: unknown) =>
      logger.error('audit_schedules_reconcile_failed', {
        error: error instanceof Error ? error.message : String(error),
      }),
    );
  const alertsEveryMs = options.alertsEveryMs ?? 15 * 60_000;
  const alertSchedule = upsertAlertScheduler(bull, alertsEveryMs)
    .then(() => logger.info('alert_schedule_set', { everyMs: alertsEveryMs }))
    .catch((error: unknown) =>
      logger.error('alert_schedule_failed', { error: error instanceof Error ? error.message : String(error) }),
    );
  return {
    queue,
    async close(graceMs = Number.POSITIVE_INFINITY) {
      const started = performance.now();
      await reconciled;
      await alertSchedule;
      await sweeper.stop();
      await relay.stop();
      const closing = workers.close().then(() => true);
      const timeLeft = graceMs - (performance.now() - started);
      const drained = Number.isFinite(timeLeft)
        ? await Promise.race([closing, new Promise<boolean>((r) => setTimeout(() => r(false), timeLeft).unref())])
        : await closing;
      if (!drained) logger.warn('jobs_left_to_the_queue', { reason: 'still running at the shutdown deadline' });
      await queue.close();
      if (!options.scheduler) await scheduler.close();
    },
  };
}

const WAITING = 'audit requests are stored and wait for Redis';
const WAITING_SHORT = 'audit requests are stored and wait';
const NO_DRIVER = "the 'ioredis' package BullMQ needs is not installed (npm install ioredis)";

/** Why background work cannot start right now (null when it can), in words an operator can act on. */
async function backgroundBlocker(redisUrl: string): Promise<string | null> {
  const where = redisUrl.replace(/\/\/[^@/]*@/, '//***@');
  if (!(await redisReachable(redisUrl)))
    return `Redis is not reachable at REDIS_URL (${where}): ${WAITING}; matching is served as usual.`;
  if (!bullDriverAvailable()) return `Redis answers at ${where}, but ${NO_DRIVER}: ${WAITING_SHORT}.`;
  return null;
}

export interface SupervisorOptions extends BackgroundOptions {
  /** DEPLOYMENT_ID from the configuration; without it (and without `prefix`), the id kept in the database. */
  deploymentId?: string | undefined;
  /** How long to wait before asking Redis again. */
  retryMs: number;
  /** Operator-facing lines (what blocks background work, once per change). */
  say: Say;
  /** Runs once background work has started (e.g. queue the re-embedding). */
  onStart?: (background: Background) => Promise<void>;
}

/** What readiness reports of background work: whether Redis answers and how many audit workers it has. */
export interface BackgroundHealth {
  redis: 'ok' | 'unavailable';
  /** Workers connected to the audit queue of this deployment, in any process (null when Redis is away). */
  workers: number | null;
}

export interface Supervisor {
  /** The deployment's job queue once background work has started (null until Redis answers). */
  queue(): JobQueue | null;
  /** Redis and the workers as readiness reports them. */
  health(): Promise<BackgroundHealth>;
  /** How many jobs of each kind wait, run, are delayed or ended, in this deployment's queues (null without Redis). */
  queueCounts(): Promise<Record<JobName, JobCounts> | null>;
  /** Settles after the first attempt, started or not. */
  readonly firstAttempt: Promise<void>;
  /** Stops retrying and closes background work, letting the jobs in progress finish (within `graceMs`). */
  close(graceMs?: number): Promise<void>;
}

/**
 * The one background supervisor both entries use (in process under `npm start`, alone under `npm run worker`):
 * starts relay, workers and schedules as soon as Redis answers, asking again every `retryMs` until then.
 */
export function superviseBackground(options: SupervisorOptions): Supervisor {
  let running: Background | null = null;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let said = '';
  let attempt: Promise<void> = Promise.resolve();
  const tryStart = async (): Promise<void> => {
    const blocker = await backgroundBlocker(options.redisUrl);
    if (stopped) return;
    if (blocker === null) {
      const prefix = options.prefix ?? queuePrefix(await deploymentId(options.ctx.database, options.deploymentId));
      if (stopped) return;
      running = startBackground({ ...options, prefix });
      await options.onStart?.(running);
      return;
    }
    if (blocker !== said) options.say(blocker, 'background_blocked');
    said = blocker;
    timer = setTimeout(() => {
      attempt = tryStart();
    }, options.retryMs);
  };
  attempt = tryStart();
  return {
    queue: () => running?.queue ?? null,
    async health() {
      if (!(await redisReachable(options.redisUrl, 500))) return { redis: 'unavailable', workers: null };
      const queue = running?.queue ?? null;
      if (!queue) return { redis: 'ok', workers: null };
      return { redis: 'ok', workers: await queue.workers('audit').catch(() => null) };
    },
    async queueCounts() {
      const queue = running?.queue ?? null;
      if (!queue) return null;
      const counts = await Promise.all(JOB_NAMES.map(async (name) => [name, await queue.counts(name)] as const));
      return Object.fromEntries(counts) as Record<JobName, JobCounts>;
    },
    firstAttempt: attempt,
    async close(graceMs?: number) {
      stopped = true;
      clearTimeout(timer);
      await attempt.catch(() => undefined);
      await running?.close(graceMs);
    },
  };
}
