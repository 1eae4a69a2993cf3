import { sql, type Kysely, type Transaction } from 'kysely';
import type { AuditPhase } from '../domain/audit-report/phases.ts';
import { jsonb } from './jsonb.ts';
import type { AuditReportRow, AuditRunRow, DB } from './schema.ts';
import { beforeCursor, type Cursor } from './keyset.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface NewAuditRun {
  id: string;
  tenantId: string;
  source: 'impressions' | 'upload';
  status: 'queued' | 'running' | 'completed' | 'failed';
  params: Record<string, unknown>;
  requestedBy: string;
  now: Date;
}

export async function insertRun(db: Db, run: NewAuditRun): Promise<AuditRunRow> {
  return db
    .insertInto('audit_runs')
    .values({
      id: run.id,
      tenant_id: run.tenantId,
      source: run.source,
      status: run.status,
      params: jsonb(run.params),
      requested_by: run.requestedBy,
      created_at: run.now,
      ...(run.status === 'running' ? { started_at: run.now } : {}),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findRun(db: Db, tenantId: string, id: string): Promise<AuditRunRow | undefined> {
  return db
    .selectFrom('audit_runs')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A page of the tenant's runs, newest first (keyset on created_at, id), optionally of one status. */
export async function listRuns(
  db: Db,
  tenantId: string,
  opts: { limit: number; before?: Cursor | undefined; status?: NewAuditRun['status'] | undefined },
): Promise<AuditRunRow[]> {
  let q = db.selectFrom('audit_runs').selectAll().where('tenant_id', '=', tenantId).where(beforeCursor(opts.before));
  if (opts.status !== undefined) q = q.where('status', '=', opts.status);
  return q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(opts.limit + 1)
    .execute();
}

/**
 * Moves a queued (or interrupted running) run to running and counts the attempt; returns undefined when
 * the run is already completed or failed, so a duplicate job delivery does nothing. An attempt starts from the
 * beginning, so its progress and phase do too.
 */
export async function claimRun(db: Db, tenantId: string, id: string, now: Date): Promise<AuditRunRow | undefined> {
  return db
    .updateTable('audit_runs')
    .set((eb) => ({
      status: 'running',
      started_at: now,
      attempts: eb('attempts', '+', 1),
      failure_reason: null,
      progress: 0,
      phase: 'planning',
    }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .returningAll()
    .executeTakeFirst();
}

/** Where a running run is: its percent and its step (only a running run moves). */
export async function setProgress(db: Db, id: string, progress: number, phase: AuditPhase): Promise<void> {
  await db
    .updateTable('audit_runs')
    .set({ progress: Math.max(0, Math.min(100, Math.round(progress))), phase })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
}

export async function finishRun(
  db: Db,
  id: string,
  outcome: { status: 'completed' } | { status: 'failed'; reason: string },
  now: Date,
): Promise<void> {
  await db
    .updateTable('audit_runs')
    .set({
      status: outcome.status,
      finished_at: now,
      ...(outcome.status === 'completed'
        ? { progress: 100, failure_reason: null }
        : { failure_reason: outcome.reason }),
    })
    .where('id', '=', id)
    .execute();
}

/** Sets a run back to queued after a failed attempt that will be retried (progress visible as queued). */
export async function requeueRun(db: Db, id: string, reason: string): Promise<void> {
  await db
    .updateTable('audit_runs')
    .set({ status: 'queued', failure_reason: reason })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
}

// ——— outbox ———

export async function insertOutbox(
  db: Db,
  row: {
    id: string;
    tenantId: string;
    jobName: string;
    jobId: string;
    payload: Record<string, unknown>;
    now: Date;
    /** The request that asked for the job, carried into it for its logs. */
    requestId?: string | undefined;
  },
): Promise<void> {
  await db
    .insertInto('audit_outbox')
    .values({
      id: row.id,
      tenant_id: row.tenantId,
      job_name: row.jobName,
      job_id: row.jobId,
      payload: jsonb(row.payload),
      created_at: row.now,
      request_id: row.requestId ?? null,
    })
    .execute();
}

/**
 * Adds a row unless one with its job id exists (then nothing: the job already waiting takes this change too), to
 * start no earlier than `notBefore`. Coalesces work asked for many times in a short window into one job.
 */
export async function insertOutboxOnce(
  db: Db,
  row: Parameters<typeof insertOutbox>[1] & { notBefore: Date },
): Promise<void> {
  await db
    .insertInto('audit_outbox')
    .values({
      id: row.id,
      tenant_id: row.tenantId,
      job_name: row.jobName,
      job_id: row.jobId,
      payload: jsonb(row.payload),
      created_at: row.now,
      request_id: row.requestId ?? null,
      not_before: row.notBefore,
    })
    .onConflict((oc) => oc.column('job_id').doNothing())
    .execute();
}

export interface PendingOutbox {
  id: string;
  job_name: string;
  job_id: string;
  payload: Record<string, unknown>;
  request_id: string | null;
  /** The job starts no earlier than this (null: at once). */
  not_before: Date | null;
}

/**
 * Oldest unrelayed rows. `lock` adds FOR UPDATE SKIP LOCKED (PostgreSQL, inside a transaction) so two
 * relays never take the same row; PGlite is a single connection, so it reads without locking.
 */
export async function pendingOutbox(db: Db, limit: number, lock: boolean): Promise<PendingOutbox[]> {
  const q = db
    .selectFrom('audit_outbox')
    .select(['id', 'job_name', 'job_id', 'payload', 'request_id', 'not_before'])
    .where('relayed_at', 'is', null)
    .orderBy('relay_attempts')
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit); // rows that keep failing sink
  const rows = lock ? await q.forUpdate().skipLocked().execute() : await q.execute();
  return rows.map((r) => ({ ...r, payload: r.payload }));
}

export async function markRelayed(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable('audit_outbox').set({ relayed_at: now, last_error: null }).where('id', '=', id).execute();
}

export async function markRelayFailed(db: Db, id: string, error: string): Promise<void> {
  await db
    .updateTable('audit_outbox')
    .set((eb) => ({ relay_attempts: eb('relay_attempts', '+', 1), last_error: error.slice(0, 500) }))
    .where('id', '=', id)
    .execute();
}

// ——— reports ———

/**
 * Serialises chain writers of one tenant (the chain needs the predecessor) until the transaction ends;
 * call it inside a transaction (withTransaction gives one), outside it the lock ends with the statement.
 */
export async function lockTenantChain(trx: Db, tenantId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`audit-chain:${tenantId}`}))`.execute(trx);
}

/**
 * The last link of the tenant's audit chain: reports and publications share one `seq` numbering, so the
 * next link (of either kind) follows whichever of the two tables holds the highest seq.
 */
export async function latestChainLink(db: Db, tenantId: string): Promise<{ seq: number; sha256: string } | undefined> {
  const last = (table: 'audit_reports' | 'audit_publications') =>
    db
      .selectFrom(table)
      .select(['seq', 'sha256'])
      .where('tenant_id', '=', tenantId)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
  const [report, publication] = await Promise.all([last('audit_reports'), last('audit_publications')]);
  if (!report) return publication;
  if (!publication) return report;
  return report.seq > publication.seq ? report : publication;
}

/** The tenant's newest report body (JSON text), for the disclosure's audit headline. */
export async function latestReportBody(
  db: Db,
  tenantId: string,
): Promise<{ id: string; body: string; createdAt: Date } | undefined> {
  const row = await db
    .selectFrom('audit_reports')
    .select(['id', 'body', 'created_at'])
    .where('tenant_id', '=', tenantId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && { id: row.id, body: row.body, createdAt: new Date(row.created_at) };
}

/** The tenant's report just before chain position `beforeSeq` of runs with the same source, if any. */
export async function previousReportBody(
  db: Db,
  tenantId: string,
  beforeSeq: number,
  source: 'impressions' | 'upload',
): Promise<string | undefined> {
  const row = await db
    .selectFrom('audit_reports as r')
    .innerJoin('audit_runs as a', 'a.id', 'r.run_id')
    .select('r.body')
    .where('r.tenant_id', '=', tenantId)
    .where('a.source', '=', source)
    .where('r.seq', '<', beforeSeq)
    .orderBy('r.seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.body;
}

export async function insertReport(
  db: Db,
  row: {
    id: string;
    tenantId: string;
    runId: string;
    seq: number;
    body: string;
    sha256: string;
    prevSha256: string | null;
    now: Date;
  },
): Promise<void> {
  await db
    .insertInto('audit_reports')
    .values({
      id: row.id,
      tenant_id: row.tenantId,
      run_id: row.runId,
      seq: row.seq,
      body: row.body,
      sha256: row.sha256,
      prev_sha256: row.prevSha256,
      created_at: row.now,
    })
    .execute();
}

export async function findReportByRun(db: Db, tenantId: string, runId: string): Promise<AuditReportRow | undefined> {
  return db
    .selectFrom('audit_reports')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('run_id', '=', runId)
    .executeTakeFirst();
}

/** One link of the chain as stored: a report, or a publication naming the report it publishes. */
export type ChainLinkRow = Pick<AuditReportRow, 'id' | 'run_id' | 'seq' | 'body' | 'sha256' | 'prev_sha256'> & {
  kind: 'report' | 'publication';
};

/** Links with seq > afterSeq in seq order, at most `limit`, from both tables of the chain. */
export async function chainPage(db: Db, tenantId: string, afterSeq: number, limit: number): Promise<ChainLinkRow[]> {
  const page = (table: 'audit_reports' | 'audit_publications') =>
    db
      .selectFrom(table)
      .select(['id', 'run_id', 'seq', 'body', 'sha256', 'prev_sha256'])
      .where('tenant_id', '=', tenantId)
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(limit)
      .execute();
  const [reports, publications] = await Promise.all([page('audit_reports'), page('audit_publications')]);
  return [
    ...reports.map((r) => ({ ...r, kind: 'report' as const })),
    ...publications.map((r) => ({ ...r, kind: 'publication' as const })),
  ]
    .sort((a, b) => a.seq - b.seq)
    .slice(0, limit);
}
