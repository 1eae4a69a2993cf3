import type { Db } from './db.ts';

/** What someone did with a posting, as a use-case records it. */
export interface NewInteraction {
  id: string;
  tenantId: string;
  graduateId: string;
  postingId: string;
  impressionId: string | null;
  type: string;
  reason: string | null;
  actorRole: string;
  occurredAt: Date;
  createdAt: Date;
}

export async function insertInteraction(db: Db, v: NewInteraction): Promise<NewInteraction> {
  const row = await db
    .insertInto('interactions')
    .values({
      id: v.id,
      tenant_id: v.tenantId,
      graduate_id: v.graduateId,
      posting_id: v.postingId,
      impression_id: v.impressionId,
      type: v.type,
      reason: v.reason,
      actor_role: v.actorRole,
      occurred_at: v.occurredAt,
      created_at: v.createdAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    tenantId: row.tenant_id,
    graduateId: row.graduate_id,
    postingId: row.posting_id,
    impressionId: row.impression_id,
    type: row.type,
    reason: row.reason,
    actorRole: row.actor_role,
    occurredAt: row.occurred_at,
    createdAt: row.created_at,
  };
}

/** The actions that take a posting out of a graduate's list. */
export const LEAVES_LIST = ['apply', 'dismiss'];

/** Postings the graduate applied to or dismissed. */
export async function appliedOrDismissedPostingIds(db: Db, tenantId: string, graduateId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('interactions')
    .select('posting_id')
    .where('tenant_id', '=', tenantId)
    .where('graduate_id', '=', graduateId)
    .where('type', 'in', LEAVES_LIST)
    .execute();
  return new Set(rows.map((r) => r.posting_id));
}

/** Which of apply and dismiss the graduate did with one posting. */
export async function appliedOrDismissedActions(
  db: Db,
  tenantId: string,
  graduateId: string,
  postingId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('interactions')
    .select('type')
    .where('tenant_id', '=', tenantId)
    .where('graduate_id', '=', graduateId)
    .where('posting_id', '=', postingId)
    .where('type', 'in', LEAVES_LIST)
    .execute();
  return [...new Set(rows.map((r) => r.type))];
}

/**
 * Whether the graduate and the posting are already linked in a way the recording side has seen: a candidate list
 * that showed the graduate for the posting, the graduate's application (or 'apply' interaction) to it, or, when
 * `anyImpression`, the posting shown to the graduate in their own recommendations.
 */
export async function graduateLinkedToPosting(
  db: Db,
  v: { tenantId: string; graduateId: string; postingId: string; anyImpression: boolean },
): Promise<boolean> {
  const shown = db
    .selectFrom('impressions')
    .select('id')
    .where('tenant_id', '=', v.tenantId)
    .where('graduate_id', '=', v.graduateId)
    .where('posting_id', '=', v.postingId)
    .$if(!v.anyImpression, (q) => q.where('list_kind', '=', 'candidates'));
  const applied = db
    .selectFrom('applications')
    .select('id')
    .where('tenant_id', '=', v.tenantId)
    .where('graduate_id', '=', v.graduateId)
    .where('posting_id', '=', v.postingId)
    .where('applied_at', 'is not', null);
  const appliedHere = db
    .selectFrom('interactions')
    .select('id')
    .where('tenant_id', '=', v.tenantId)
    .where('graduate_id', '=', v.graduateId)
    .where('posting_id', '=', v.postingId)
    .where('type', '=', 'apply')
    .where('actor_role', '=', 'graduate');
  const row = await shown.unionAll(applied).unionAll(appliedHere).limit(1).executeTakeFirst();
  return row !== undefined;
}
