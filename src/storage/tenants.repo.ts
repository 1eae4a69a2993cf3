import { sql, type Kysely, type Transaction } from 'kysely';
import { jsonb } from './jsonb.ts';
import type { DB } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** tenants.settings as stored (unparsed); undefined if the tenant does not exist. */
export async function readTenantSettings(db: Db, tenantId: string): Promise<unknown> {
  const row = await db.selectFrom('tenants').select('settings').where('id', '=', tenantId).executeTakeFirst();
  return row?.settings;
}

/**
 * Shallow-merges known keys into tenants.settings in one statement, so concurrent patches of other keys
 * survive. A tenant created through postgres.js with settings '{}' holds the jsonb *string* "{}" (the
 * driver JSON-encodes the already-encoded text), so a string is decoded before merging.
 */
export async function mergeTenantSettings(db: Db, tenantId: string, patch: Record<string, unknown>): Promise<unknown> {
  const row = await db
    .updateTable('tenants')
    .set({
      settings: sql`(case jsonb_typeof(settings) when 'object' then settings
      when 'string' then (settings #>> '{}')::jsonb else '{}'::jsonb end) || ${jsonb(patch)}`,
    })
    .where('id', '=', tenantId)
    .returning('settings')
    .executeTakeFirst();
  return row?.settings;
}

/** Every tenant's id, or just the one given when it exists. */
export async function listTenantIds(db: Db, only?: string): Promise<string[]> {
  let q = db.selectFrom('tenants').select('id');
  if (only) q = q.where('id', '=', only);
  return (await q.execute()).map((t) => t.id);
}
