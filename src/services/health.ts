import { sql } from 'kysely';
import type { Database } from '../storage/db.ts';

/** Readiness: the database answers a trivial query. */
export async function databaseAnswers(database: Database): Promise<boolean> {
  try {
    await sql`select 1`.execute(database.db);
    return true;
  } catch {
    return false;
  }
}
