import { bullDriverAvailable, createBullQueue, startBullWorkers } from '../src/queue/bullmq.ts';
import { createBullScheduler } from '../src/queue/bullmq-scheduler.ts';
import type { JobQueue } from '../src/queue/port.ts';
import { redisReachable } from '../src/queue/redis-ping.ts';
import type { AuditScheduler } from '../src/queue/scheduler-port.ts';
import { reconcileSchedules } from '../src/services/audit-ops/scheduled.ts';
import { startOutboxRelay } from '../src/services/audits/relay.ts';
import type { SystemContext } from '../src/services/context.ts';
import type { MatchingEngine } from '../src/services/matching/engine.ts';
import { jobHandlers } from './handlers/index.ts';

export interface BackgroundOptions {
  /** The process's context; jobs run with it and the queue. */
  ctx: SystemContext;
  redisUrl: string;
  prefix?: string;
  /** The matching engine this process serves with (npm start); a job process loads the active LSA. */
  engine?: () => Promise<MatchingEngine>;
  /** Audit job schedulers; default: BullMQ at redisUrl with the same prefix (connects on first use). */
  scheduler?: AuditScheduler;
}

export interface Background {
  queue: JobQueue;
  close(): Promise<void>;
}

/** The BullMQ workers, the outbox relay that feeds them and the audit schedules; close() stops all, jobs finishing. */
export function startBackground(options: BackgroundOptions): Background {
  const bull = { url: options.redisUrl, ...(options.prefix ? { prefix: options.prefix } : {}) };
  const queue = createBullQueue(bull);
  const scheduler = options.scheduler ?? createBullScheduler(bull);
  const ctx: SystemContext = { ...options.ctx, queue };
  const { logger } = ctx;
  const handlers = jobHandlers(ctx, { scheduler, engine: options.engine });
  const onError = (error: unknown) =>
    logger.warn('worker_error', { error: error instanceof Error ? error.message : String(error) });
  const workers = startBullWorkers({ ...bull, handlers, onError });
  const relay = startOutboxRelay({ ...ctx, queue });
  // Schedulers follow the settings, and a tick missed while no worker ran gets its one run.
  const reconciled = reconcileSchedules(ctx, scheduler)
    .then((r) => logger.info('audit_schedules_reconciled', r))
    .catch((error: unknown) =>
      logger.error('audit_schedules_reconcile_failed', {
        error: error instanceof Error ? error.message : String(error),
      }),
    );
  return {
    queue,
    async close() {
      await reconciled;
      await relay.stop();
      await workers.close();
      await queue.close();
      if (!options.scheduler) await scheduler.close();
    },
  };
}

const WAITING = 'audit requests are stored and wait for Redis';
const WAITING_SHORT = 'audit requests are stored and wait';
const NO_DRIVER = "the 'ioredis' package BullMQ needs is not installed (npm install ioredis)";

/** Why background work cannot start right now (null when it can), in words an operator can act on. */
export async function backgroundBlocker(redisUrl: string): Promise<string | null> {
  const where = redisUrl.replace(/\/\/[^@/]*@/, '//***@');
  if (!(await redisReachable(redisUrl)))
    return `Redis is not reachable at REDIS_URL (${where}): ${WAITING}; matching is served as usual.`;
  if (!bullDriverAvailable()) return `Redis answers at ${where}, but ${NO_DRIVER}: ${WAITING_SHORT}.`;
  return null;
}

export interface SupervisorOptions extends BackgroundOptions {
  /** How long to wait before asking Redis again. */
  retryMs: number;
  /** Operator-facing lines (what blocks background work, once per change). */
  say: (line: string) => void;
  /** Runs once background work has started (e.g. queue the re-embedding). */
  onStart?: (background: Background) => Promise<void>;
}

export interface Supervisor {
  /** Settles after the first attempt, started or not. */
  readonly firstAttempt: Promise<void>;
  /** Stops retrying and closes background work, letting the jobs in progress finish. */
  close(): Promise<void>;
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
      running = startBackground(options);
      await options.onStart?.(running);
      return;
    }
    if (blocker !== said) options.say(blocker);
    said = blocker;
    timer = setTimeout(() => {
      attempt = tryStart();
    }, options.retryMs);
  };
  attempt = tryStart();
  return {
    firstAttempt: attempt,
    async close() {
      stopped = true;
      clearTimeout(timer);
      await attempt.catch(() => undefined);
      await running?.close();
    },
  };
}
