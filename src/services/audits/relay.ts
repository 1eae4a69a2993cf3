import { isJobName, parsePayload } from '../../queue/catalog.ts';
import type { JobQueue } from '../../queue/port.ts';
import type { PendingOutbox } from '../../storage/audits.repo.ts';
import { outboxStore } from '../../storage/outbox.ts';
import type { SystemContext } from '../context.ts';

const SEND_TIMEOUT_MS = 5_000;

/** The relay's part of the context, with the queue it feeds. */
export type RelayDeps = Pick<SystemContext, 'database' | 'clock' | 'logger'> & { queue: JobQueue };

/**
 * Moves pending outbox rows to the queue, one batch claimed from the storage port (which keeps it from other
 * relays; see outboxStore). The job id is the run id, so a row sent again after a crash between add() and
 * commit is a no-op in BullMQ, and the job itself skips a finished run. Returns how many rows were relayed;
 * a failing add stops the batch (Redis is likely down).
 */
export async function relayOutbox(deps: RelayDeps, batch = 50): Promise<number> {
  const { queue, clock, logger } = deps;
  const send = async (row: PendingOutbox): Promise<void> => {
    if (!isJobName(row.job_name)) throw new Error(`unknown job ${row.job_name}`);
    // A producer waiting for a Redis that is not there must not hold the outbox rows (or PGlite) forever.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`queue did not answer within ${SEND_TIMEOUT_MS} ms`)), SEND_TIMEOUT_MS);
    });
    try {
      await Promise.race([
        queue.enqueue(row.job_name, parsePayload(row.job_name, row.payload), {
          jobId: row.job_id,
          requestId: row.request_id ?? undefined,
          // A row that asks to start later waits in the queue (delayed), not in the outbox.
          delayMs: row.not_before ? new Date(row.not_before).getTime() - clock.now().getTime() : undefined,
        }),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  };
  return outboxStore(deps.database).claim(batch, async (claimed) => {
    let sent = 0;
    for (const row of claimed.rows) {
      try {
        await send(row);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        logger.warn('outbox_relay_failed', { outboxId: row.id, error: message });
        await claimed.failed(row.id, message);
        break;
      }
      await claimed.relayed(row.id, clock.now());
      sent++;
    }
    return sent;
  });
}

/** Polls the outbox every `intervalMs` until stopped; stop() waits for the pass in progress. */
export function startOutboxRelay(deps: RelayDeps, intervalMs = 1_000): { stop(): Promise<void> } {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pass: Promise<void> = Promise.resolve();
  const tick = () => {
    pass = (async () => {
      try {
        while (!stopped && (await relayOutbox(deps)) > 0) {
          /* drain the backlog before sleeping */
        }
      } catch (error) {
        deps.logger.error('outbox_relay_error', { error: error instanceof Error ? error.stack : String(error) });
      }
      if (!stopped) timer = setTimeout(tick, intervalMs);
    })();
  };
  tick();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await pass;
    },
  };
}
