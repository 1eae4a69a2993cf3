import type { Db } from './db.ts';

export interface ShortlistReview {
  reviewerRole: string;
  note: string;
  reviewedAt: Date;
}

export async function findShortlistReview(
  db: Db,
  tenantId: string,
  listId: string,
): Promise<ShortlistReview | undefined> {
  const row = await db
    .selectFrom('shortlist_reviews')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('list_id', '=', listId)
    .executeTakeFirst();
  return row && { reviewerRole: row.reviewer_role, note: row.note, reviewedAt: row.reviewed_at };
}

/** Records a person's review of a candidate list; the first review of a list stands. */
export async function insertShortlistReview(
  db: Db,
  v: {
    listId: string;
    tenantId: string;
    postingId: string;
    reviewerKeyId: string;
    reviewerRole: string;
    note: string;
    at: Date;
  },
): Promise<void> {
  await db
    .insertInto('shortlist_reviews')
    .values({
      list_id: v.listId,
      tenant_id: v.tenantId,
      posting_id: v.postingId,
      reviewer_key_id: v.reviewerKeyId,
      reviewer_role: v.reviewerRole,
      note: v.note,
      reviewed_at: v.at,
    })
    .onConflict((oc) => oc.column('list_id').doNothing())
    .execute();
}
