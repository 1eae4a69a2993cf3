import { sql, type Kysely, type Transaction } from 'kysely';
import type { ApiKeyRow, DB } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface NewApiKey {
  id: string;
  tenantId: string;
  role: string;
  graduateId: string | null;
  employerId: string | null;
  keyHash: string;
  prefix: string;
  label: string;
  expiresAt: Date | null;
  now: Date;
}

export async function insertApiKey(db: Db, k: NewApiKey): Promise<ApiKeyRow> {
  return db
    .insertInto('api_keys')
    .values({
      id: k.id,
      tenant_id: k.tenantId,
      role: k.role,
      graduate_id: k.graduateId,
      employer_id: k.employerId,
      key_hash: k.keyHash,
      prefix: k.prefix,
      label: k.label,
      expires_at: k.expiresAt,
      created_at: k.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The tenant's keys, newest first (hashes are never read out of storage for a listing). */
export async function listApiKeys(db: Db, tenantId: string, includeRevoked: boolean): Promise<ApiKeyRow[]> {
  let q = db.selectFrom('api_keys').selectAll().where('tenant_id', '=', tenantId);
  if (!includeRevoked) q = q.where('revoked_at', 'is', null);
  return q.orderBy('created_at', 'desc').orderBy('id').execute();
}

export async function findApiKey(db: Db, tenantId: string, id: string): Promise<ApiKeyRow | undefined> {
  return db
    .selectFrom('api_keys')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The key a hash belongs to, if it is neither revoked nor expired at `now`. */
export async function findUsableKeyByHash(db: Db, keyHash: string, now: Date): Promise<ApiKeyRow | undefined> {
  return db
    .selectFrom('api_keys')
    .selectAll()
    .where('key_hash', '=', keyHash)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .executeTakeFirst();
}

export const TOUCH_EVERY_MS = 60_000;

/**
 * Records a use, at most once a minute per key. `lastUsedAt` is the row as just read: when it is within the minute
 * the update could change nothing (last_used_at only moves forward), so no statement is sent.
 */
export async function touchApiKey(db: Db, id: string, lastUsedAt: Date | null, now: Date): Promise<void> {
  const minuteAgo = new Date(now.getTime() - TOUCH_EVERY_MS);
  if (lastUsedAt !== null && lastUsedAt.getTime() >= minuteAgo.getTime()) return;
  await db
    .updateTable('api_keys')
    .set({ last_used_at: now })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', minuteAgo)]))
    .execute();
}

/** Revokes an active key of the tenant; returns the row, or undefined if none was active. */
export async function revokeApiKey(db: Db, tenantId: string, id: string, now: Date): Promise<ApiKeyRow | undefined> {
  return db
    .updateTable('api_keys')
    .set({ revoked_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/** The active key with this id or prefix in any tenant (the server's shell acts for every tenant). */
export async function findActiveKeyByIdOrPrefix(db: Db, idOrPrefix: string): Promise<ApiKeyRow | undefined> {
  const isUuid = /^[0-9a-f-]{36}$/i.test(idOrPrefix);
  return db
    .selectFrom('api_keys')
    .selectAll()
    .where(isUuid ? 'id' : 'prefix', '=', idOrPrefix)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function tenantExists(db: Db, tenantId: string): Promise<boolean> {
  const r = await sql<{ id: string }>`select id from tenants where id = ${tenantId}`.execute(db);
  return r.rows.length > 0;
}

export async function insertTenant(
  db: Db,
  t: { id: string; name: string; kind: 'university' | 'platform' },
): Promise<void> {
  await db.insertInto('tenants').values({ id: t.id, name: t.name, kind: t.kind, settings: '{}' }).execute();
}

/** The key a hash belongs to, revoked or not (the demo checks whether its derived keys exist). */
export async function findKeyByHash(db: Db, keyHash: string): Promise<ApiKeyRow | undefined> {
  return db.selectFrom('api_keys').selectAll().where('key_hash', '=', keyHash).executeTakeFirst();
}
