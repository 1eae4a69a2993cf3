import type { Kysely, Transaction } from 'kysely';
import type { AccessAction, AccessSubject } from '../domain/model/access-log.ts';
import { afterCursor, type Cursor } from './keyset.ts';
import type { AccessLogRow, DB } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** One read of personal data by someone other than the person it is about. */
export interface AccessEntry {
  tenantId: string;
  actorKeyId: string;
  actorRole: string;
  action: AccessAction;
  subjectType: AccessSubject;
  subjectId: string | null;
  /** Whose data was read, when it is one graduate's; null for aggregate reads (audit reports). */
  graduateId: string | null;
  requestId: string;
  at: Date;
}

const toValues = (e: AccessEntry) => ({
  id: crypto.randomUUID(),
  tenant_id: e.tenantId,
  actor_key_id: e.actorKeyId,
  actor_role: e.actorRole,
  action: e.action,
  subject_type: e.subjectType,
  subject_id: e.subjectId,
  graduate_id: e.graduateId,
  request_id: e.requestId,
  created_at: e.at,
});

/** Records one read. Explanation and audit-report services call this too. */
export async function recordAccess(db: Db, entry: AccessEntry): Promise<void> {
  await db.insertInto('access_log').values(toValues(entry)).execute();
}

/** Records a list read: one row per person whose data was on the page. */
export async function recordAccesses(db: Db, entries: readonly AccessEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insertInto('access_log').values(entries.map(toValues)).execute();
}

export interface AccessLogFilters {
  graduateId?: string | undefined;
  actorRole?: string | undefined;
  action?: string | undefined;
}

export async function listAccessLog(
  db: Db,
  tenantId: string,
  filters: AccessLogFilters,
  opts: { limit: number; after?: Cursor | undefined },
): Promise<AccessLogRow[]> {
  let q = db.selectFrom('access_log').selectAll().where('tenant_id', '=', tenantId).where(afterCursor(opts.after));
  if (filters.graduateId !== undefined) q = q.where('graduate_id', '=', filters.graduateId);
  if (filters.actorRole !== undefined) q = q.where('actor_role', '=', filters.actorRole);
  if (filters.action !== undefined) q = q.where('action', '=', filters.action);
  return q
    .orderBy('created_at')
    .orderBy('id')
    .limit(opts.limit + 1)
    .execute();
}
