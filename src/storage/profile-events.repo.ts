import type { Kysely, Transaction } from 'kysely';
import { jsonb } from './jsonb.ts';
import type { DB, ProfileEventRow } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface ProfileEventValues {
  id: string;
  tenantId: string;
  graduateId: string;
  kind: string;
  detail: Record<string, unknown>;
  actorKeyId: string;
  actorRole: string;
  now: Date;
}

/** Who changed what about a profile and when; kinds are snake_case words (personalization, demographics_erased, …). */
export async function insertProfileEvent(db: Db, v: ProfileEventValues): Promise<void> {
  await db
    .insertInto('profile_events')
    .values({
      id: v.id,
      tenant_id: v.tenantId,
      graduate_id: v.graduateId,
      kind: v.kind,
      detail: jsonb(v.detail),
      actor_key_id: v.actorKeyId,
      actor_role: v.actorRole,
      created_at: v.now,
    })
    .execute();
}

export async function listProfileEvents(
  db: Db,
  tenantId: string,
  graduateId: string,
  kind?: string,
): Promise<ProfileEventRow[]> {
  let q = db
    .selectFrom('profile_events')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('graduate_id', '=', graduateId);
  if (kind !== undefined) q = q.where('kind', '=', kind);
  return q.orderBy('seq').execute();
}
