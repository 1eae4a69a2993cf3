import type { Kysely, Transaction, Updateable } from 'kysely';
import { afterCursor, type Cursor } from './keyset.ts';
import type { DB, ReviewRow, ReviewsTable } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface NewReview {
  id: string;
  tenantId: string;
  graduateId: string;
  kind: 'flag' | 'human_review';
  impressionId: string | null;
  postingId: string | null;
  listId: string | null;
  reason: string | null;
  text: string;
  dueAt: Date;
  now: Date;
}

export async function insertReview(db: Db, v: NewReview): Promise<ReviewRow> {
  return db
    .insertInto('reviews')
    .values({
      id: v.id,
      tenant_id: v.tenantId,
      graduate_id: v.graduateId,
      kind: v.kind,
      impression_id: v.impressionId,
      posting_id: v.postingId,
      list_id: v.listId,
      reason: v.reason,
      text: v.text,
      status: 'open',
      due_at: v.dueAt,
      created_at: v.now,
      updated_at: v.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findReview(
  db: Db,
  tenantId: string,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<ReviewRow | undefined> {
  const q = db.selectFrom('reviews').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id);
  return (opts.forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

/** A review's handling as a use-case changes it; fields left out are not touched. */
export interface ReviewPatch {
  status: string;
  decision: string | null;
  reply: string | null;
  assignee?: string | null;
  decidedBy?: string;
  resolvedAt?: Date;
  now: Date;
}

export async function updateReview(
  db: Db,
  tenantId: string,
  id: string,
  p: ReviewPatch,
): Promise<ReviewRow | undefined> {
  const patch: Updateable<ReviewsTable> = { status: p.status, decision: p.decision, reply: p.reply, updated_at: p.now };
  if (p.assignee !== undefined) patch.assignee = p.assignee;
  if (p.decidedBy !== undefined) patch.decided_by = p.decidedBy;
  if (p.resolvedAt !== undefined) patch.resolved_at = p.resolvedAt;
  return db
    .updateTable('reviews')
    .set(patch)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export interface ReviewFilters {
  graduateId?: string | undefined;
  status?: string | undefined;
  assignee?: string | undefined;
  unassigned?: boolean | undefined;
}

export async function listReviews(
  db: Db,
  tenantId: string,
  filters: ReviewFilters,
  opts: { limit: number; after?: Cursor | undefined },
): Promise<ReviewRow[]> {
  let q = db.selectFrom('reviews').selectAll().where('tenant_id', '=', tenantId).where(afterCursor(opts.after));
  if (filters.graduateId !== undefined) q = q.where('graduate_id', '=', filters.graduateId);
  if (filters.status !== undefined) q = q.where('status', '=', filters.status);
  if (filters.assignee !== undefined) q = q.where('assignee', '=', filters.assignee);
  if (filters.unassigned === true) q = q.where('assignee', 'is', null);
  return q
    .orderBy('created_at')
    .orderBy('id')
    .limit(opts.limit + 1)
    .execute();
}
