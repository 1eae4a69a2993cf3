import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** tenants.settings as stored (unparsed); undefined if the tenant does not exist. */
export async function readTenantSettings(db: Db, tenantId: string): Promise<unknown> {
  const row = await db.selectFrom('tenants').select('settings').where('id', '=', tenantId).executeTakeFirst();
  return row?.settings;
}

/** Shallow-merges known keys into tenants.settings in one statement, so concurrent patches of other keys survive. */
export async function mergeTenantSettings(db: Db, tenantId: string, patch: Record<string, unknown>): Promise<unknown> {
  const row = await db.updateTable('tenants')
    .set({ settings: sql`settings || ${JSON.stringify(patch)}::jsonb` })
    .where('id', '=', tenantId).returning('settings').executeTakeFirst();
  return row?.settings;
}
