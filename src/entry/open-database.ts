import { mkdir } from 'node:fs/promises';
import type { Config } from '../config.ts';
import type { Database } from '../storage/db.ts';
import { openPglite } from '../storage/db-pglite.ts';
import { openPostgres } from '../storage/db-postgres.ts';
import { migrate } from '../storage/migrate.ts';
import { loadMigrations } from '../storage/migrations-fs.ts';
import { lockDataDir } from './data-dir-lock.ts';

/**
 * DATABASE_URL picks a PostgreSQL server; without it, PGlite keeps its data under DATA_DIR, which this
 * process then holds exclusively (`what` names it in the lock, for the message another process gets).
 */
export async function openConfiguredDatabase(config: Config, what: string): Promise<Database> {
  if (config.DATABASE_URL) return openPostgres(config.DATABASE_URL, { max: config.DATABASE_POOL_MAX });
  const root = config.DATA_DIR.replace(/\/$/, '');
  await mkdir(`${root}/pglite`, { recursive: true });
  const lock = await lockDataDir(root, what);
  try {
    const database = await openPglite(`${root}/pglite`);
    return {
      ...database,
      async close() {
        try {
          await database.close();
        } finally {
          await lock.release();
        }
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

export async function migrateFromDisk(database: Database, log: (line: string) => void): Promise<void> {
  const report = await migrate(database, await loadMigrations(), log);
  log(`migrations: ${report.applied.length} applied, ${report.alreadyApplied} already applied (${database.kind})`);
}

export const describeDatabase = (config: Config): string =>
  config.DATABASE_URL
    ? `PostgreSQL at ${new URL(config.DATABASE_URL).host}`
    : `embedded PGlite in ${config.DATA_DIR}/pglite`;
