import type { Logger } from '../../logger.ts';
import { isJobName, parsePayload } from '../../queue/catalog.ts';
import type { JobQueue } from '../../queue/port.ts';
import * as repo from '../../storage/audits.repo.ts';
import type { Database } from '../../storage/db.ts';
import type { Clock } from '../context.ts';

const SEND_TIMEOUT_MS = 5_000;

/**
 * Moves pending outbox rows to the queue. On PostgreSQL the rows are locked FOR UPDATE SKIP LOCKED in a
 * transaction, so several relays (app and worker processes) never send the same row twice at once; the
 * job id is the run id, so a row sent again after a crash between add() and commit is a no-op in
 * BullMQ, and the job itself skips a finished run. PGlite has one connection: it reads without locks
 * and marks each row after its add (a transaction there would hold the only connection while waiting
 * on Redis). Returns how many rows were relayed; a failing add stops the batch (Redis is likely down).
 */
export async function relayOutbox(deps: { database: Database; queue: JobQueue; clock: Clock; logger: Logger }, batch = 50): Promise<number> {
  const { database, queue, clock, logger } = deps;
  const send = async (row: repo.PendingOutbox): Promise<void> => {
    if (!isJobName(row.job_name)) throw new Error(`unknown job ${row.job_name}`);
    // A producer waiting for a Redis that is not there must not hold the outbox rows (or PGlite) forever.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`queue did not answer within ${SEND_TIMEOUT_MS} ms`)), SEND_TIMEOUT_MS); });
    try {
      await Promise.race([queue.enqueue(row.job_name, parsePayload(row.job_name, row.payload), { jobId: row.job_id }), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
  if (database.kind === 'postgres') {
    return database.db.transaction().execute(async (trx) => {
      const rows = await repo.pendingOutbox(trx, batch, true);
      let sent = 0;
      for (const row of rows) {
        try {
          await send(row);
        } catch (error) {
          logger.warn('outbox_relay_failed', { outboxId: row.id, error: error instanceof Error ? error.message : String(error) });
          await repo.markRelayFailed(trx, row.id, error instanceof Error ? error.message : String(error));
          break;
        }
        await repo.markRelayed(trx, row.id, clock.now());
        sent++;
      }
      return sent;
    });
  }
  let sent = 0;
  for (const row of await repo.pendingOutbox(database.db, batch, false)) {
    try {
      await send(row);
    } catch (error) {
      logger.warn('outbox_relay_failed', { outboxId: row.id, error: error instanceof Error ? error.message : String(error) });
      await repo.markRelayFailed(database.db, row.id, error instanceof Error ? error.message : String(error));
      break;
    }
    await repo.markRelayed(database.db, row.id, clock.now());
    sent++;
  }
  return sent;
}

/** Polls the outbox every `intervalMs` until stopped; stop() waits for the pass in progress. */
export function startOutboxRelay(deps: { database: Database; queue: JobQueue; clock: Clock; logger: Logger }, intervalMs = 1_000): { stop(): Promise<void> } {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pass: Promise<void> = Promise.resolve();
  const tick = () => {
    pass = (async () => {
      try {
        while (!stopped && (await relayOutbox(deps)) > 0) { /* drain the backlog before sleeping */ }
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
