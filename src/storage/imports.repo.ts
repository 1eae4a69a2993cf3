import type { Kysely, Transaction } from 'kysely';
import type { ImportRunRow, ImportRunStatus } from './imports.schema.ts';
import { jsonb } from './jsonb.ts';
import type { DB } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The columns a run's view needs (never the file). */
const VIEW = [
  'id',
  'tenant_id',
  'kind',
  'status',
  'dry_run',
  'options',
  'file_bytes',
  'progress',
  'report',
  'failure_reason',
  'requested_by',
  'requested_role',
  'created_at',
  'started_at',
  'finished_at',
] as const;

export type ImportRunView = Omit<ImportRunRow, 'file'>;

export async function insertImportRun(
  db: Db,
  run: {
    id: string;
    tenantId: string;
    kind: string;
    dryRun: boolean;
    options: Record<string, unknown>;
    file: Uint8Array;
    requestedBy: string;
    requestedRole: string;
    now: Date;
  },
): Promise<ImportRunView> {
  return db
    .insertInto('import_runs')
    .values({
      id: run.id,
      tenant_id: run.tenantId,
      kind: run.kind,
      dry_run: run.dryRun,
      options: jsonb(run.options),
      file: run.file,
      file_bytes: run.file.length,
      requested_by: run.requestedBy,
      requested_role: run.requestedRole,
      created_at: run.now,
    })
    .returning(VIEW)
    .executeTakeFirstOrThrow();
}

export async function findImportRun(db: Db, tenantId: string, id: string): Promise<ImportRunView | undefined> {
  return db
    .selectFrom('import_runs')
    .select(VIEW)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Takes a queued run (a second delivery of the job finds it taken and does nothing); returns it with its file. */
export async function claimImportRun(
  db: Db,
  tenantId: string,
  id: string,
  now: Date,
): Promise<ImportRunRow | undefined> {
  return db
    .updateTable('import_runs')
    .set({ status: 'running', started_at: now, progress: 0 })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .returningAll()
    .executeTakeFirst();
}

export async function setImportProgress(db: Db, id: string, progress: number): Promise<void> {
  await db.updateTable('import_runs').set({ progress }).where('id', '=', id).execute();
}

/** Ends a run with its report; the file is dropped, it was only kept for the job to read. */
export async function finishImportRun(
  db: Db,
  id: string,
  end: { status: Exclude<ImportRunStatus, 'queued' | 'running'>; report: unknown; reason?: string | null; now: Date },
): Promise<void> {
  await db
    .updateTable('import_runs')
    .set({
      status: end.status,
      progress: 100,
      report: end.report === null ? null : jsonb(end.report),
      failure_reason: end.reason ?? null,
      file: null,
      finished_at: end.now,
    })
    .where('id', '=', id)
    .execute();
}

export async function requeueImportRun(db: Db, id: string): Promise<void> {
  await db.updateTable('import_runs').set({ status: 'queued' }).where('id', '=', id).execute();
}
