import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { keySealer, type KeySealer } from '../services/identity/sealing.ts';
import type { Config } from '../config.ts';
import type { Database } from '../storage/db.ts';
import { openPglite } from '../storage/db-pglite.ts';
import type { StatementTiming } from '../storage/pglite-dialect.ts';
import { openPostgres } from '../storage/db-postgres.ts';
import { migrate } from '../storage/migrate.ts';
import { loadMigrations } from '../storage/migrations-fs.ts';
import { lockDataDir } from './data-dir-lock.ts';

/**
 * DATABASE_URL picks a PostgreSQL server; without it, PGlite keeps its data under DATA_DIR, which this
 * process then holds exclusively (`what` names it in the lock, for the message another process gets).
 * `onStatement` hears each PGlite statement's milliseconds (they run on this thread).
 */
export async function openConfiguredDatabase(
  config: Config,
  what: string,
  onStatement?: StatementTiming,
): Promise<Database> {
  if (config.DATABASE_URL) return openPostgres(config.DATABASE_URL, { max: config.DATABASE_POOL_MAX });
  const root = config.DATA_DIR.replace(/\/$/, '');
  await mkdir(`${root}/pglite`, { recursive: true });
  const lock = await lockDataDir(root, what);
  try {
    const database = await openPglite(`${root}/pglite`, onStatement);
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

/**
 * The sealer of the token signing keys (src/services/identity/sealing.ts): SECRETS_KEY when set. Without it,
 * the embedded database's single process makes a random key once in DATA_DIR/secrets.key (mode 0600, kept
 * beside the database, so a dump of the database alone cannot sign); on PostgreSQL several processes must
 * share one key, so none is made up: the keys stay unsealed and `say` tells the operator to set SECRETS_KEY.
 */
export async function signingKeySealer(config: Config, say: (line: string) => void): Promise<KeySealer | undefined> {
  if (config.SECRETS_KEY) return keySealer(config.SECRETS_KEY, config.SECRETS_KEY_PREVIOUS);
  if (config.DATABASE_URL) {
    say('SECRETS_KEY is not set: token signing keys are stored unsealed in PostgreSQL (README, Operations)');
    return undefined;
  }
  const file = `${config.DATA_DIR.replace(/\/$/, '')}/secrets.key`;
  let secret: string;
  try {
    secret = (await readFile(file, 'utf8')).trim();
  } catch {
    secret = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64');
    await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  }
  return keySealer(secret, config.SECRETS_KEY_PREVIOUS);
}
