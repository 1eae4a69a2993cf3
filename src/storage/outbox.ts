import type { Kysely } from 'kysely';
import { markRelayed, markRelayFailed, pendingOutbox, type PendingOutbox } from './audits.repo.ts';
import type { Database } from './db.ts';
import {
  failUnfinishedRun,
  rerelayOutbox,
  runStatusOf,
  settleOutbox,
  unsettledOutbox,
  type RunStatus,
  type UnsettledOutbox,
} from './outbox-sweep.repo.ts';
import type { DB } from './schema.ts';

/** A batch of pending outbox rows, oldest first, and where each row's outcome is recorded. */
interface OutboxBatch {
  readonly rows: readonly PendingOutbox[];
  relayed(id: string, now: Date): Promise<void>;
  failed(id: string, error: string): Promise<void>;
}

/** The outbox as its relay sees it: claim() hands `fn` a batch and keeps it from other relays while `fn` runs. */
export interface OutboxStore {
  claim<T>(limit: number, fn: (batch: OutboxBatch) => Promise<T>): Promise<T>;
}

const batchOn = (db: Kysely<DB>, rows: PendingOutbox[]): OutboxBatch => ({
  rows,
  relayed: (id, now) => markRelayed(db, id, now),
  failed: (id, error) => markRelayFailed(db, id, error),
});

/**
 * PostgreSQL locks the batch FOR UPDATE SKIP LOCKED in a transaction, so several relays (app and worker
 * processes) never send the same row at once. PGlite has one connection and one process: it reads without
 * locks and records each outcome at once (a transaction would hold the only connection while Redis answers).
 */
export function outboxStore(database: Database): OutboxStore {
  if (database.kind === 'postgres') {
    return {
      claim: (limit, fn) =>
        database.db.transaction().execute(async (trx) => fn(batchOn(trx, await pendingOutbox(trx, limit, true)))),
    };
  }
  return { claim: async (limit, fn) => fn(batchOn(database.db, await pendingOutbox(database.db, limit, false))) };
}

/** A batch of relayed rows whose work has not been seen to finish, and where the sweeper records what it found. */
export interface SweepBatch {
  readonly rows: readonly UnsettledOutbox[];
  runStatus(row: UnsettledOutbox): Promise<RunStatus | 'missing' | null>;
  settled(id: string, now: Date, error?: string): Promise<void>;
  rerelay(id: string, reason: string): Promise<void>;
  failRun(row: UnsettledOutbox, reason: string, now: Date): Promise<void>;
}

const sweepOn = (db: Kysely<DB>, rows: UnsettledOutbox[]): SweepBatch => ({
  rows,
  runStatus: (row) => runStatusOf(db, row.job_name, row.job_id),
  settled: (id, now, error) => settleOutbox(db, id, now, error),
  rerelay: (id, reason) => rerelayOutbox(db, id, reason),
  failRun: (row, reason, now) => failUnfinishedRun(db, row.job_name, row.job_id, reason, now),
});

/** Claims rows relayed before `before` and not settled, as outboxStore claims pending ones (locked on PostgreSQL). */
export function claimUnsettled<T>(
  database: Database,
  before: Date,
  limit: number,
  fn: (batch: SweepBatch) => Promise<T>,
): Promise<T> {
  if (database.kind === 'postgres')
    return database.db
      .transaction()
      .execute(async (trx) => fn(sweepOn(trx, await unsettledOutbox(trx, before, limit, true))));
  return (async () => fn(sweepOn(database.db, await unsettledOutbox(database.db, before, limit, false))))();
}
