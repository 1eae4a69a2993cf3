import type { Kysely, Transaction } from 'kysely';
import { jsonb } from './jsonb.ts';
import { afterCursor, type Cursor } from './keyset.ts';
import type {
  BoothRow,
  FairBreak,
  FairChangeRow,
  FairRunRow,
  JobFairRow,
  RegistrationRow,
} from './job-fairs.schema.ts';
import type { DB, GraduateRow, PostingRow } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface NewFair {
  id: string;
  tenantId: string;
  name: string;
  date: string;
  venue: string;
  slotMinutes: number;
  startsMinute: number;
  endsMinute: number;
  breaks: FairBreak[];
  maxInterviews: number;
  maxRankings: number;
  preferenceWeight: number;
  now: Date;
}

export async function insertFair(db: Db, f: NewFair): Promise<JobFairRow> {
  return db
    .insertInto('job_fairs')
    .values({
      id: f.id,
      tenant_id: f.tenantId,
      name: f.name,
      fair_date: f.date,
      venue: f.venue,
      slot_minutes: f.slotMinutes,
      starts_minute: f.startsMinute,
      ends_minute: f.endsMinute,
      breaks: jsonb(f.breaks),
      max_interviews: f.maxInterviews,
      max_rankings: f.maxRankings,
      preference_weight: f.preferenceWeight,
      created_at: f.now,
      updated_at: f.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findFair(db: Db, tenantId: string, id: string): Promise<JobFairRow | undefined> {
  return db
    .selectFrom('job_fairs')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listFairs(
  db: Db,
  tenantId: string,
  opts: { limit: number; after?: Cursor | undefined },
): Promise<JobFairRow[]> {
  return db
    .selectFrom('job_fairs')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where(afterCursor(opts.after))
    .orderBy('created_at')
    .orderBy('id')
    .limit(opts.limit + 1)
    .execute();
}

export async function setPublishedRun(
  db: Db,
  tenantId: string,
  fairId: string,
  runId: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('job_fairs')
    .set({ published_run_id: runId, updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', fairId)
    .execute();
}

export interface NewBooth {
  id: string;
  tenantId: string;
  fairId: string;
  employerId: string;
  room: string;
  table: string;
  interviewers: number;
  capacity: number | null;
  postingIds: string[];
  now: Date;
}

export async function insertBooth(db: Db, b: NewBooth): Promise<BoothRow> {
  return db
    .insertInto('job_fair_booths')
    .values({
      id: b.id,
      tenant_id: b.tenantId,
      fair_id: b.fairId,
      employer_id: b.employerId,
      room: b.room,
      table_label: b.table,
      interviewers: b.interviewers,
      capacity: b.capacity,
      posting_ids: jsonb(b.postingIds),
      created_at: b.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The fair's booths in the order they joined; only one employer's when `employerId` is given. */
export async function listBooths(db: Db, tenantId: string, fairId: string, employerId?: string): Promise<BoothRow[]> {
  let q = db.selectFrom('job_fair_booths').selectAll().where('tenant_id', '=', tenantId).where('fair_id', '=', fairId);
  if (employerId !== undefined) q = q.where('employer_id', '=', employerId);
  return q.orderBy('created_at').orderBy('id').execute();
}

export async function cancelBooth(db: Db, tenantId: string, boothId: string, now: Date): Promise<void> {
  await db
    .updateTable('job_fair_booths')
    .set({ cancelled_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', boothId)
    .execute();
}

export async function upsertRegistration(
  db: Db,
  r: { tenantId: string; fairId: string; graduateId: string; rankings: string[]; now: Date },
): Promise<RegistrationRow> {
  return db
    .insertInto('job_fair_registrations')
    .values({
      tenant_id: r.tenantId,
      fair_id: r.fairId,
      graduate_id: r.graduateId,
      rankings: jsonb(r.rankings),
      created_at: r.now,
      updated_at: r.now,
    })
    .onConflict((oc) =>
      oc
        .columns(['fair_id', 'graduate_id'])
        .doUpdateSet({ rankings: jsonb(r.rankings), cancelled_at: null, updated_at: r.now }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listRegistrations(db: Db, tenantId: string, fairId: string): Promise<RegistrationRow[]> {
  return db
    .selectFrom('job_fair_registrations')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('fair_id', '=', fairId)
    .orderBy('created_at')
    .orderBy('graduate_id')
    .execute();
}

export async function cancelRegistration(
  db: Db,
  tenantId: string,
  fairId: string,
  graduateId: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('job_fair_registrations')
    .set({ cancelled_at: now, updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('fair_id', '=', fairId)
    .where('graduate_id', '=', graduateId)
    .execute();
}

export async function graduatesByIds(db: Db, tenantId: string, ids: readonly string[]): Promise<GraduateRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('graduates')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', [...ids])
    .execute();
}

export async function postingsByIds(db: Db, tenantId: string, ids: readonly string[]): Promise<PostingRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('job_postings')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', [...ids])
    .execute();
}

export async function employerNames(db: Db, tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('employers')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function graduateNames(db: Db, tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('graduates')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function insertRun(
  db: Db,
  r: {
    id: string;
    tenantId: string;
    fairId: string;
    mode: 'optimal' | 'stable';
    params: Record<string, unknown>;
    requestedBy: string;
    now: Date;
  },
): Promise<FairRunRow> {
  return db
    .insertInto('job_fair_runs')
    .values({
      id: r.id,
      tenant_id: r.tenantId,
      fair_id: r.fairId,
      mode: r.mode,
      params: jsonb(r.params),
      requested_by: r.requestedBy,
      created_at: r.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findRun(db: Db, tenantId: string, id: string): Promise<FairRunRow | undefined> {
  return db
    .selectFrom('job_fair_runs')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** queued → running, atomically; undefined when the run is not queued (a duplicate delivery). */
export async function claimRun(db: Db, tenantId: string, id: string, now: Date): Promise<FairRunRow | undefined> {
  return db
    .updateTable('job_fair_runs')
    .set({ status: 'running', started_at: now, progress: 0 })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .returningAll()
    .executeTakeFirst();
}

export async function setRunProgress(db: Db, id: string, progress: number): Promise<void> {
  await db.updateTable('job_fair_runs').set({ progress }).where('id', '=', id).execute();
}

export async function completeRun(db: Db, id: string, result: unknown, now: Date): Promise<void> {
  await db
    .updateTable('job_fair_runs')
    .set({ status: 'completed', progress: 100, result: JSON.stringify(result), finished_at: now })
    .where('id', '=', id)
    .execute();
}

export async function failRun(db: Db, id: string, reason: string, now: Date): Promise<void> {
  await db
    .updateTable('job_fair_runs')
    .set({ status: 'failed', failure_reason: reason, finished_at: now })
    .where('id', '=', id)
    .execute();
}

export async function requeueRun(db: Db, id: string): Promise<void> {
  await db.updateTable('job_fair_runs').set({ status: 'queued' }).where('id', '=', id).execute();
}

export async function publishRun(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable('job_fair_runs').set({ published_at: now }).where('id', '=', id).execute();
}

/** Replaces the plan after a change, only if nobody else changed it since `revision` was read. */
export async function replaceResult(db: Db, id: string, revision: number, result: unknown): Promise<boolean> {
  const r = await db
    .updateTable('job_fair_runs')
    .set({ result: JSON.stringify(result), revision: revision + 1 })
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export async function insertChange(
  db: Db,
  c: {
    id: string;
    tenantId: string;
    runId: string;
    revision: number;
    cancellation: Record<string, unknown>;
    changes: unknown[];
    now: Date;
  },
): Promise<FairChangeRow> {
  return db
    .insertInto('job_fair_changes')
    .values({
      id: c.id,
      tenant_id: c.tenantId,
      run_id: c.runId,
      revision: c.revision,
      cancellation: jsonb(c.cancellation),
      changes: jsonb(c.changes),
      created_at: c.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
