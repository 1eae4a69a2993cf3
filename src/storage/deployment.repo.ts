import type { Db } from './db.ts';

/** The deployment id the migration generated (null only on a database migrated before it existed). */
export async function storedDeploymentId(db: Db): Promise<string | null> {
  const row = await db.selectFrom('deployment').select('id').executeTakeFirst();
  return row?.id ?? null;
}
