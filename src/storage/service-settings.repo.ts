import { sql } from 'kysely';
import type { Db } from './db.ts';
import { jsonb } from './jsonb.ts';

/** A service-wide setting as stored (unparsed); undefined when it was never set. */
export async function readServiceSetting(db: Db, key: string): Promise<unknown> {
  const row = await db.selectFrom('service_settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

/** Stores a setting as a jsonb value (the same on PostgreSQL and PGlite). */
export async function writeServiceSetting(db: Db, key: string, value: unknown): Promise<void> {
  await db
    .insertInto('service_settings')
    .values({ key, value: jsonb(value) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: jsonb(value), updated_at: sql`now()` }))
    .execute();
}

/**
 * Stores a text setting the way the embedder keys were first written (the JSON text as the parameter).
 * Kept for those keys so databases that already hold them read back the same value.
 */
export async function writeServiceSettingText(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto('service_settings')
    .values({ key, value: JSON.stringify(value) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: sql`now()` }))
    .execute();
}
