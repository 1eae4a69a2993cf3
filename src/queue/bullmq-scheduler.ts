import { Queue } from 'bullmq';
import type { AuditScheduler, ScheduleSpec } from './scheduler-port.ts';
import { redisOptions, type BullOptions } from './bullmq.ts';
import { jobCatalog } from './catalog.ts';

const QUEUE = 'scheduled-audit';

/**
 * AuditScheduler on BullMQ job schedulers (Queue.upsertJobScheduler, BullMQ ≥ 5.16): one scheduler per
 * tenant on the `scheduled-audit` queue, id = tenant id, pattern and tz as set, job data { tenantId }.
 * BullMQ keeps exactly one pending job per scheduler, so while no worker runs, missed ticks collapse
 * into that one job; it runs once when a worker returns (the scheduled-audit job maps it to the latest
 * tick, and the catch-up check at worker start covers a scheduler that Redis lost).
 */
export function createBullScheduler(options: BullOptions): AuditScheduler {
  let queue: Queue | null = null;
  const q = (): Queue => {
    queue ??= new Queue(QUEUE, {
      connection: { ...redisOptions(options.url), enableOfflineQueue: false, maxRetriesPerRequest: 1 },
      prefix: options.prefix ?? 'bole',
    });
    queue.on('error', () => {}); // failures surface as rejected calls
    return queue;
  };
  const { attempts, backoff } = jobCatalog[QUEUE];
  return {
    async upsert(tenantId: string, spec: ScheduleSpec) {
      await q().upsertJobScheduler(
        tenantId,
        { pattern: spec.cron, tz: spec.timezone },
        {
          name: QUEUE,
          data: { tenantId },
          opts: { attempts, backoff, removeOnComplete: { age: 7 * 86_400 }, removeOnFail: { age: 30 * 86_400 } },
        },
      );
    },
    async remove(tenantId: string) {
      await q().removeJobScheduler(tenantId);
    },
    async get(tenantId: string) {
      const s = await q().getJobScheduler(tenantId);
      if (!s?.pattern) return null;
      return { cron: s.pattern, timezone: s.tz ?? 'UTC', next: typeof s.next === 'number' ? new Date(s.next) : null };
    },
    async list() {
      const all = await q().getJobSchedulers(0, -1);
      return all.map((s) => s.key);
    },
    async close() {
      await queue?.close();
    },
  };
}

const ALERTS = 'saved-search-alerts';

/**
 * The alert pass's one job scheduler (id = queue name) on this deployment's `saved-search-alerts` queue:
 * a tick every `everyMs` (the tick's job fans out one job per tenant). Upserting again with the same
 * interval changes nothing; BullMQ keeps one pending tick however many workers start.
 */
export async function upsertAlertScheduler(options: BullOptions, everyMs: number): Promise<void> {
  const queue = new Queue(ALERTS, {
    connection: { ...redisOptions(options.url), enableOfflineQueue: false, maxRetriesPerRequest: 1 },
    prefix: options.prefix ?? 'bole',
  });
  queue.on('error', () => {});
  const { attempts, backoff } = jobCatalog[ALERTS];
  try {
    await queue.upsertJobScheduler(
      ALERTS,
      { every: everyMs },
      {
        name: ALERTS,
        data: {},
        opts: { attempts, backoff, removeOnComplete: { age: 86_400 }, removeOnFail: { age: 7 * 86_400 } },
      },
    );
  } finally {
    await queue.close();
  }
}
