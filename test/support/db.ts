import postgres from 'postgres';
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

let isolatedCount = 0;

/**
 * A PostgreSQL database of its own on the real server, migrated; `drop()` closes and drops it. For tests that
 * run the outbox relay (or switch a database-wide setting): the relay serves every tenant's rows, so in the
 * run's shared database it would claim other test files' rows, and theirs would claim this file's.
 */
export async function isolatedPostgres(): Promise<{ database: Database; url: string; drop(): Promise<void> }> {
  const url = inject('pgUrl');
  const name = `bole_iso_${process.pid}_${Date.now().toString(36)}_${++isolatedCount}`;
  const admin = postgres(url.replace(/\/[^/]*$/, '/postgres'), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const own = url.replace(/\/[^/]*$/, `/${name}`);
  const database = await openPostgres(own, { max: 4 });
  await migrate(database, await loadMigrations());
  return {
    database,
    url: own,
    async drop() {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** `isolatedPostgres()` as a plain Database whose close() also drops it, to stand in for `postgresDatabase`. */
export async function isolatedPostgresDatabase(): Promise<Database> {
  const { database, drop } = await isolatedPostgres();
  return { ...database, close: drop };
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

/** `backends` for files that run the outbox relay: the PostgreSQL database is the file's own. */
export const isolatedBackends = [
  { name: 'postgres', open: isolatedPostgresDatabase },
  { name: 'pglite', open: pgliteDatabase },
] as const;
