import type { Logger } from '../src/logger.ts';
import { bullDriverAvailable, createBullQueue, startBullWorkers } from '../src/queue/bullmq.ts';
import type { JobHandlers, JobQueue } from '../src/queue/port.ts';
import { PermanentJobError } from '../src/queue/errors.ts';
import { loadActiveLsa } from '../src/services/matching/active-embedder.ts';
import { memoiseWithRetry } from '../src/services/memoise.ts';
import { MatchingEngine } from '../src/services/matching/engine.ts';
import { reembedHandler } from './handlers/reembed.ts';
import { redisReachable } from '../src/queue/redis-ping.ts';
import { startOutboxRelay } from '../src/services/audits/relay.ts';
import type { Clock } from '../src/services/context.ts';
import type { Database } from '../src/storage/db.ts';
import { auditHandler } from './handlers/audit.ts';
import { createBullScheduler } from '../src/queue/bullmq-scheduler.ts';
import { reconcileSchedules } from '../src/services/audit-ops/scheduled.ts';
import type { AuditScheduler } from '../src/services/audit-ops/scheduler-port.ts';
import { auditScheduleSyncHandler } from './handlers/audit-schedule-sync.ts';
import { scheduledAuditHandler } from './handlers/scheduled-audit.ts';
import { webhookDeliveryHandler } from './handlers/webhook-delivery.ts';

export interface BackgroundDeps {
  database: Database;
  clock: Clock;
  logger: Logger;
  redisUrl: string;
  prefix?: string;
  /** The matching engine re-embedding jobs use: the serving one in process, or one loaded by the worker. */
  engine?: () => Promise<MatchingEngine>;
  /** Audit job schedulers; default: BullMQ at redisUrl with the same prefix (connects on first use). */
  scheduler?: AuditScheduler;
}

/** A worker without a serving engine loads the active LSA embedder from the database. */
const engineFromDatabase = (database: Database) => memoiseWithRetry(async () => {
  const embedder = await loadActiveLsa(database);
  if ('unavailable' in embedder) throw new PermanentJobError(`${embedder.unavailable}: run re-embedding in the serving process (npm start)`);
  return new MatchingEngine(embedder);
});

/** Every job's handler; a new job adds its line here (the type makes a missing one a compile error). */
export const jobHandlers = (deps: BackgroundDeps): JobHandlers => ({
  audit: auditHandler(deps),
  reembed: reembedHandler({ database: deps.database, logger: deps.logger, engine: deps.engine ?? engineFromDatabase(deps.database) }),
  'scheduled-audit': scheduledAuditHandler(deps),
  'audit-schedule-sync': auditScheduleSyncHandler({ ...deps, scheduler: deps.scheduler ?? createBullScheduler({ url: deps.redisUrl, ...(deps.prefix ? { prefix: deps.prefix } : {}) }) }),
  'webhook-delivery': webhookDeliveryHandler(deps),
});

/** The BullMQ workers plus the outbox relay that feeds them; close() stops both, letting jobs finish. */
export function startBackground(deps: BackgroundDeps): { queue: JobQueue; close(): Promise<void> } {
  const options = { url: deps.redisUrl, ...(deps.prefix ? { prefix: deps.prefix } : {}) };
  const queue = createBullQueue(options);
  const scheduler = deps.scheduler ?? createBullScheduler(options);
  const workers = startBullWorkers({ ...options, handlers: jobHandlers({ ...deps, scheduler }), onError: (error) => deps.logger.warn('worker_error', { error: error instanceof Error ? error.message : String(error) }) });
  const relay = startOutboxRelay({ database: deps.database, queue, clock: deps.clock, logger: deps.logger });
  // Schedulers follow the settings, and a tick missed while no worker ran gets its one run.
  const reconciled = reconcileSchedules({ ...deps, scheduler })
    .then((r) => deps.logger.info('audit_schedules_reconciled', r))
    .catch((error: unknown) => deps.logger.error('audit_schedules_reconcile_failed', { error: error instanceof Error ? error.message : String(error) }));
  return {
    queue,
    async close() {
      await reconciled;
      await relay.stop();
      await workers.close();
      await queue.close();
      if (!deps.scheduler) await scheduler.close();
    },
  };
}

/** Why background work cannot start right now (null when it can), in words an operator can act on. */
export async function backgroundBlocker(redisUrl: string): Promise<string | null> {
  const where = redisUrl.replace(/\/\/[^@/]*@/, '//***@');
  if (!(await redisReachable(redisUrl))) return `Redis is not reachable at REDIS_URL (${where}): audit requests are stored and wait for Redis; matching is served as usual.`;
  if (!bullDriverAvailable()) return `Redis answers at ${where}, but the 'ioredis' package BullMQ needs is not installed (npm install ioredis): audit requests are stored and wait.`;
  return null;
}
