import type { ApplicationEventRow, ApplicationRow } from './applications.schema.ts';
import type { Db } from './db.ts';

export interface NewApplication {
  id: string;
  tenantId: string;
  graduateId: string;
  postingId: string;
  impressionId: string | null;
  status: string;
  now: Date;
}

/**
 * Inserts the graduate's application to a posting unless one exists; either way returns the row, locked
 * for the rest of the transaction, and whether it was created (two concurrent applies make one row).
 */
export async function insertOrLockApplication(
  db: Db,
  v: NewApplication,
): Promise<{ row: ApplicationRow; created: boolean }> {
  const inserted = await db
    .insertInto('applications')
    .values({
      id: v.id,
      tenant_id: v.tenantId,
      graduate_id: v.graduateId,
      posting_id: v.postingId,
      impression_id: v.impressionId,
      status: v.status,
      applied_at: v.status === 'applied' ? v.now : null,
      created_at: v.now,
      updated_at: v.now,
    })
    .onConflict((oc) => oc.columns(['graduate_id', 'posting_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { row: inserted, created: true };
  const row = await db
    .selectFrom('applications')
    .selectAll()
    .where('tenant_id', '=', v.tenantId)
    .where('graduate_id', '=', v.graduateId)
    .where('posting_id', '=', v.postingId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { row, created: false };
}

/** One application of the tenant, locked so that status changes serialize. */
export async function lockApplication(db: Db, tenantId: string, id: string): Promise<ApplicationRow | undefined> {
  return db
    .selectFrom('applications')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function findApplication(db: Db, tenantId: string, id: string): Promise<ApplicationRow | undefined> {
  return db
    .selectFrom('applications')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function setApplicationStatus(
  db: Db,
  tenantId: string,
  id: string,
  status: string,
  now: Date,
): Promise<ApplicationRow> {
  return db
    .updateTable('applications')
    .set((eb) => ({
      status,
      updated_at: now,
      applied_at: status === 'applied' ? eb.fn.coalesce('applied_at', eb.val(now)) : eb.ref('applied_at'),
    }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface NewApplicationEvent {
  id: string;
  tenantId: string;
  applicationId: string;
  graduateId: string;
  fromStatus: string | null;
  toStatus: string;
  reason: string | null;
  actorRole: string;
  actorKeyId: string;
  interactionId: string | null;
  occurredAt: Date;
}

export async function insertApplicationEvent(db: Db, v: NewApplicationEvent): Promise<void> {
  await db
    .insertInto('application_events')
    .values({
      id: v.id,
      tenant_id: v.tenantId,
      application_id: v.applicationId,
      graduate_id: v.graduateId,
      from_status: v.fromStatus,
      to_status: v.toStatus,
      reason: v.reason,
      actor_role: v.actorRole,
      actor_key_id: v.actorKeyId,
      interaction_id: v.interactionId,
      occurred_at: v.occurredAt,
    })
    .execute();
}

/** The graduate's applications, newest change first, optionally of one status. */
export async function listApplicationsOfGraduate(
  db: Db,
  tenantId: string,
  graduateId: string,
  status?: string,
): Promise<ApplicationRow[]> {
  let q = db
    .selectFrom('applications')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('graduate_id', '=', graduateId);
  if (status !== undefined) q = q.where('status', '=', status);
  return q.orderBy('updated_at', 'desc').orderBy('id').execute();
}

/** Applications to one posting that were ever sent (a graduate's saved bookmark is not an application). */
export async function listApplicationsToPosting(
  db: Db,
  tenantId: string,
  postingId: string,
  status?: string,
): Promise<ApplicationRow[]> {
  let q = db
    .selectFrom('applications')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('posting_id', '=', postingId)
    .where('applied_at', 'is not', null);
  if (status !== undefined) q = q.where('status', '=', status);
  return q.orderBy('applied_at').orderBy('id').execute();
}

/** The histories of the given applications, oldest first. */
export async function listApplicationEvents(
  db: Db,
  tenantId: string,
  applicationIds: readonly string[],
): Promise<ApplicationEventRow[]> {
  if (applicationIds.length === 0) return [];
  return db
    .selectFrom('application_events')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('application_id', 'in', applicationIds)
    .orderBy('seq')
    .execute();
}
