import type { Kysely, Transaction } from 'kysely';
import { jsonb } from './jsonb.ts';
import type { DB, OperatorActionRow } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface OperatorActionValues {
  tenantId: string;
  action: string;
  reason: string | null;
  detail: Record<string, unknown>;
  actorKeyId: string;
  actorRole: string;
  requestId: string;
  now: Date;
}

export async function insertOperatorAction(db: Db, v: OperatorActionValues): Promise<void> {
  await db
    .insertInto('operator_actions')
    .values({
      id: crypto.randomUUID(),
      tenant_id: v.tenantId,
      action: v.action,
      reason: v.reason,
      detail: jsonb(v.detail),
      actor_key_id: v.actorKeyId,
      actor_role: v.actorRole,
      request_id: v.requestId,
      created_at: v.now,
    })
    .execute();
}

export async function listOperatorActions(db: Db, tenantId: string, action?: string): Promise<OperatorActionRow[]> {
  let q = db.selectFrom('operator_actions').selectAll().where('tenant_id', '=', tenantId);
  if (action !== undefined) q = q.where('action', '=', action);
  return q.orderBy('created_at').orderBy('id').execute();
}

/** The tenant's operator actions with from ≤ created_at < to, oldest first (at most `limit`). */
export async function operatorActionsBetween(
  db: Db,
  tenantId: string,
  window: { from: Date | null; to: Date },
  limit = 200,
): Promise<OperatorActionRow[]> {
  let q = db
    .selectFrom('operator_actions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('created_at', '<', window.to);
  if (window.from) q = q.where('created_at', '>=', window.from);
  return q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
    .then((rows) => rows.reverse());
}
