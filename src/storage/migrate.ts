import { sql } from 'kysely';
import type { Database } from './db.ts';

export interface Migration {
  name: string;
  sql: string;
  /** Hex SHA-256 of the file, so a file changed after it ran is refused. */
  checksum: string;
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

class MigrationError extends Error {
  override name = 'MigrationError';
}

/**
 * Applies pending migrations in name order, each atomically with its record, so a failing
 * file leaves nothing behind. Refuses to run if a file that already ran has changed or vanished.
 */
export async function migrate(
  database: Database,
  migrations: readonly Migration[],
  onProgress: (line: string) => void = () => {},
): Promise<MigrationReport> {
  const { db } = database;
  await sql`create table if not exists schema_migrations (
    name text primary key, checksum text not null, applied_at timestamptz not null default now())`.execute(db);
  const done = await sql<{
    name: string;
    checksum: string;
  }>`select name, checksum from schema_migrations order by name`.execute(db);
  const byName = new Map(migrations.map((m) => [m.name, m]));
  for (const row of done.rows) {
    const file = byName.get(row.name);
    if (!file)
      throw new MigrationError(`Migration ${row.name} ran on this database but its file is missing from sql/.`);
    if (file.checksum !== row.checksum) {
      throw new MigrationError(
        `Migration ${row.name} was changed after it ran (checksum ${row.checksum.slice(0, 12)} → ` +
          `${file.checksum.slice(0, 12)}). Migrations are frozen: add a new file instead.`,
      );
    }
  }
  const ran = new Set(done.rows.map((r) => r.name));
  const pending = [...migrations].sort((a, b) => a.name.localeCompare(b.name)).filter((m) => !ran.has(m.name));
  const applied: string[] = [];
  for (const [index, migration] of pending.entries()) {
    onProgress(`migrating [${index + 1}/${pending.length}] ${migration.name}`);
    // One simple-protocol script: Postgres runs it as a single implicit transaction, record included.
    const record =
      `insert into schema_migrations (name, checksum) values ` +
      `('${migration.name.replaceAll("'", "''")}', '${migration.checksum}')`;
    try {
      await database.execScript(`${migration.sql}\n;\n${record};`);
    } catch (error) {
      throw new MigrationError(
        `Migration ${migration.name} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    applied.push(migration.name);
  }
  return { applied, alreadyApplied: ran.size };
}
