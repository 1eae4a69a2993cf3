import { inject } from 'vitest';
import type { Database } from '../../src/storage/db.ts';
import { openPglite } from '../../src/storage/db-pglite.ts';
import { openPostgres } from '../../src/storage/db-postgres.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { loadMigrations } from '../../src/storage/migrations-fs.ts';

/** The run's migrated database on the real PostgreSQL server (see global-setup.ts). */
export async function postgresDatabase(): Promise<Database> {
  return openPostgres(inject('pgUrl'), { max: 4 });
}

/** A fresh in-memory PGlite (with pgvector), migrated. */
export async function pgliteDatabase(): Promise<Database> {
  const database = await openPglite();
  await migrate(database, await loadMigrations());
  return database;
}

export const backends = [
  { name: 'postgres', open: postgresDatabase },
  { name: 'pglite', open: pgliteDatabase },
] as const;
