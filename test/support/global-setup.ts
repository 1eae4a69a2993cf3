import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openPostgres } from '../../src/storage/db-postgres.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { loadMigrations } from '../../src/storage/migrations-fs.ts';

const ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

/**
 * One fresh database on the real PostgreSQL server per test run, migrated once; tests isolate by tenant.
 * Dropped at the end, so runs never see each other's rows.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const name = `bole_test_${process.pid}_${Date.now().toString(36)}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  const database = await openPostgres(url, { max: 2 });
  await migrate(database, await loadMigrations());
  await database.close();
  project.provide('pgUrl', url);
  return async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
}
