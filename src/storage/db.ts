import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from './schema.ts';

/** A database handle the services use, whatever is underneath (PostgreSQL server or embedded PGlite). */
export interface Database {
  readonly db: Kysely<DB>;
  readonly kind: 'postgres' | 'pglite';
  /** Whether the pgvector extension is available (PGlite ships it; Debian's PostgreSQL 15 here does not). */
  readonly hasVector: boolean;
  /** Runs a parameterless multi-statement script (migrations) through the simple query protocol. */
  execScript(script: string): Promise<void>;
  close(): Promise<void>;
}

/** What every repository takes first: the database, or a transaction a use-case opened on it. */
export type Db = Kysely<DB> | Transaction<DB>;

/** Readiness: the database answers a trivial query. */
export async function pingDatabase(db: Kysely<DB>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

/** Runs `fn` on one pooled connection (a temporary table lives as long as its connection). */
export function onOneConnection<T>(db: Kysely<DB>, fn: (conn: Db) => Promise<T>): Promise<T> {
  return db.connection().execute(fn);
}
