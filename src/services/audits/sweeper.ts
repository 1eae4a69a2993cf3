import { isJobName } from '../../queue/catalog.ts';
import type { JobQueue, QueuedJobState } from '../../queue/port.ts';
import { claimUnsettled } from '../../storage/outbox.ts';
import type { SystemContext } from '../context.ts';

export interface SweepOptions {
  /** A relayed job is checked once it has been relayed this long ago (ms). */
  afterMs: number;
  /** How many times a lost job is relayed again before its run is marked failed. */
  maxSweeps: number;
}

export type SweeperDeps = Pick<SystemContext, 'database' | 'clock' | 'logger'> & { queue: JobQueue };

export interface SweepResult {
  checked: number;
  settled: number;
  rerelayed: number;
  gaveUp: number;
}

const QUEUE_TIMEOUT_MS = 5_000;

const withTimeout = async <T>(p: Promise<T>): Promise<T> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`queue did not answer within ${QUEUE_TIMEOUT_MS} ms`)), QUEUE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
};

/**
 * One pass over relayed outbox rows whose work has not been seen to finish. A row is settled when its run
 * finished (or, for a job without a run row, when the queue finished it). A job the queue still holds is left
 * to the queue (BullMQ moves a job of a killed worker back to waiting). A job the queue lost (Redis restarted
 * empty, or its keys were removed) or finished without finishing its run is relayed again with the same job
 * id, at most `maxSweeps` times; after that its run is marked failed with a reason. Returns what it did.
 */
export async function sweepOutbox(deps: SweeperDeps, options: SweepOptions, batch = 50): Promise<SweepResult> {
  const { queue, clock, logger } = deps;
  const now = clock.now();
  const before = new Date(now.getTime() - options.afterMs);
  return claimUnsettled(deps.database, before, batch, async (claimed) => {
    const result: SweepResult = { checked: 0, settled: 0, rerelayed: 0, gaveUp: 0 };
    for (const row of claimed.rows) {
      result.checked++;
      if (!isJobName(row.job_name)) {
        await claimed.settled(row.id, now, `unknown job ${row.job_name}`);
        result.settled++;
        continue;
      }
      const run = await claimed.runStatus(row);
      if (run === 'completed' || run === 'failed' || run === 'missing') {
        await claimed.settled(row.id, now);
        result.settled++;
        continue;
      }
      let state: QueuedJobState;
      try {
        state = await withTimeout(queue.state(row.job_name, row.job_id));
      } catch (error) {
        logger.warn('outbox_sweep_queue_unavailable', {
          error: error instanceof Error ? error.message : String(error),
        });
        break; // Redis is away: the next pass tries again
      }
      if (state === 'pending' || state === 'active') continue;
      if (run === null && (state === 'completed' || state === 'failed')) {
        await claimed.settled(row.id, now);
        result.settled++;
        continue;
      }
      const what =
        state === 'missing'
          ? 'the queue no longer holds this job (Redis restarted empty, or its keys were removed)'
          : `the queue's job ${state} but its run is still ${run ?? 'unfinished'}`;
      if (row.sweeps >= options.maxSweeps) {
        const reason =
          `The job was lost ${row.sweeps + 1} times and relayed again ${row.sweeps} times; given up: ` + `${what}.`;
        await claimed.failRun(row, reason, now);
        await claimed.settled(row.id, now, reason);
        logger.error('outbox_sweep_gave_up', { outboxId: row.id, job: row.job_name, jobId: row.job_id, reason });
        result.gaveUp++;
        continue;
      }
      try {
        await withTimeout(queue.discard(row.job_name, row.job_id));
      } catch (error) {
        logger.warn('outbox_sweep_queue_unavailable', {
          error: error instanceof Error ? error.message : String(error),
        });
        break;
      }
      await claimed.rerelay(row.id, `swept: ${what}`);
      logger.warn('outbox_sweep_rerelayed', { outboxId: row.id, job: row.job_name, jobId: row.job_id, what });
      result.rerelayed++;
    }
    return result;
  });
}

/** Runs sweepOutbox every `intervalMs` until stopped; stop() waits for the pass in progress. */
export function startOutboxSweeper(
  deps: SweeperDeps,
  options: SweepOptions & { intervalMs: number },
): { stop(): Promise<void> } {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pass: Promise<void> = Promise.resolve();
  const tick = () => {
    pass = (async () => {
      try {
        for (;;) {
          const r = await sweepOutbox(deps, options);
          // A full batch in which something changed: look at the next one before sleeping.
          if (stopped || r.checked < 50 || r.settled + r.rerelayed + r.gaveUp === 0) break;
        }
      } catch (error) {
        deps.logger.error('outbox_sweep_error', { error: error instanceof Error ? error.stack : String(error) });
      }
      if (!stopped) timer = setTimeout(tick, options.intervalMs);
    })();
  };
  timer = setTimeout(tick, options.intervalMs);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await pass;
    },
  };
}
