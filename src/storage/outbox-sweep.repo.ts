import type { Db } from './db.ts';

/** A relayed outbox row whose work has not been seen to finish. */
export interface UnsettledOutbox {
  id: string;
  tenant_id: string;
  job_name: string;
  job_id: string;
  sweeps: number;
}

/**
 * Relayed rows not settled yet, relayed before `before`, oldest first. `lock` adds FOR UPDATE SKIP LOCKED
 * (PostgreSQL, in a transaction) so two sweepers (app and worker processes) never check the same row at once.
 */
export async function unsettledOutbox(db: Db, before: Date, limit: number, lock: boolean): Promise<UnsettledOutbox[]> {
  const q = db
    .selectFrom('audit_outbox')
    .select(['id', 'tenant_id', 'job_name', 'job_id', 'sweeps'])
    .where('settled_at', 'is', null)
    .where('relayed_at', 'is not', null)
    .where('relayed_at', '<', before)
    .orderBy('relayed_at')
    .limit(limit);
  return lock ? q.forUpdate().skipLocked().execute() : q.execute();
}

export async function settleOutbox(db: Db, id: string, now: Date, error?: string): Promise<void> {
  await db
    .updateTable('audit_outbox')
    .set({ settled_at: now, ...(error ? { last_error: error.slice(0, 500) } : {}) })
    .where('id', '=', id)
    .execute();
}

/** Hands the row back to the relay (which sends it again with the same job id) and counts the sweep. */
export async function rerelayOutbox(db: Db, id: string, reason: string): Promise<void> {
  await db
    .updateTable('audit_outbox')
    .set((eb) => ({ relayed_at: null, sweeps: eb('sweeps', '+', 1), last_error: reason.slice(0, 500) }))
    .where('id', '=', id)
    .execute();
}

export type RunStatus = 'queued' | 'running' | 'completed' | 'failed';

/** The jobs whose work is a run row with a status; the others are judged by the queue's own record. */
const RUN_TABLES = { audit: 'audit_runs', 'job-fair-assignment': 'job_fair_runs' } as const;

const runTable = (jobName: string) =>
  Object.hasOwn(RUN_TABLES, jobName) ? RUN_TABLES[jobName as keyof typeof RUN_TABLES] : null;

/** The status of the run a job works on (the job id is the run id), or null when the job has no run row. */
export async function runStatusOf(db: Db, jobName: string, jobId: string): Promise<RunStatus | 'missing' | null> {
  const table = runTable(jobName);
  if (!table) return null;
  const row = await db.selectFrom(table).select('status').where('id', '=', jobId).executeTakeFirst();
  return row ? (row.status as RunStatus) : 'missing';
}

/** Marks a run failed with a reason, unless it finished meanwhile. */
export async function failUnfinishedRun(
  db: Db,
  jobName: string,
  jobId: string,
  reason: string,
  now: Date,
): Promise<void> {
  const table = runTable(jobName);
  if (!table) return;
  await db
    .updateTable(table)
    .set({ status: 'failed', failure_reason: reason, finished_at: now })
    .where('id', '=', jobId)
    .where('status', 'in', ['queued', 'running'])
    .execute();
}
