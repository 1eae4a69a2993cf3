import type { Db } from './db.ts';
import { jsonb } from './jsonb.ts';

/**
 * Writes a disclosure version the first time it is seen (an existing one is never changed); returns when it was first
 * stored.
 */
export async function ensureDisclosure(
  db: Db,
  v: { scope: string; versionKey: string; input: unknown; content: unknown },
): Promise<Date> {
  await db
    .insertInto('disclosures')
    .values({ scope: v.scope, version_key: v.versionKey, input: jsonb(v.input), content: jsonb(v.content) })
    .onConflict((oc) => oc.columns(['scope', 'version_key']).doNothing())
    .execute();
  const row = await db
    .selectFrom('disclosures')
    .select('created_at')
    .where('scope', '=', v.scope)
    .where('version_key', '=', v.versionKey)
    .executeTakeFirstOrThrow();
  return new Date(row.created_at);
}

/** The newest versions (at most 500) of these scopes, with the input each was built from (unparsed). */
export async function listDisclosures(
  db: Db,
  scopes: readonly string[],
): Promise<Array<{ scope: string; versionKey: string; createdAt: Date; input: unknown }>> {
  const rows = await db
    .selectFrom('disclosures')
    .select(['scope', 'version_key', 'created_at', 'input'])
    .where('scope', 'in', scopes)
    .orderBy('created_at', 'desc')
    .orderBy('version_key')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    scope: r.scope,
    versionKey: r.version_key,
    createdAt: new Date(r.created_at),
    input: r.input,
  }));
}

/** One version from the first of these scopes that has it (scope order), with its stored documents (unparsed). */
export async function findDisclosure(
  db: Db,
  scopes: readonly string[],
  versionKey: string,
): Promise<{ scope: string; content: unknown; createdAt: Date } | undefined> {
  const row = await db
    .selectFrom('disclosures')
    .select(['scope', 'content', 'created_at'])
    .where('scope', 'in', scopes)
    .where('version_key', '=', versionKey)
    .orderBy('scope')
    .limit(1)
    .executeTakeFirst();
  return row && { scope: row.scope, content: row.content, createdAt: new Date(row.created_at) };
}
