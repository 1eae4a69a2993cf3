import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openPglite } from '../../src/storage/db-pglite.ts';
import { migrate, type Migration } from '../../src/storage/migrate.ts';
import { loadMigrations } from '../../src/storage/migrations-fs.ts';
import { postgresDatabase } from '../support/db.ts';

const m = (name: string, text: string): Migration => ({ name, sql: text, checksum: `sum-${text.length}-${name}` });

describe('migration runner', () => {
  it('applies in name order, records each, and skips what already ran', async () => {
    const database = await openPglite();
    const report = await migrate(database, [
      m('002_b.sql', 'create table b (id int references a(id))'),
      m('001_a.sql', 'create table a (id int primary key)'),
    ]);
    expect(report).toEqual({ applied: ['001_a.sql', '002_b.sql'], alreadyApplied: 0 });
    const again = await migrate(database, [
      m('001_a.sql', 'create table a (id int primary key)'),
      m('002_b.sql', 'create table b (id int references a(id))'),
    ]);
    expect(again).toEqual({ applied: [], alreadyApplied: 2 });
    await database.close();
  });

  it('refuses a file that changed after it ran', async () => {
    const database = await openPglite();
    await migrate(database, [m('001_a.sql', 'create table a (id int)')]);
    await expect(migrate(database, [m('001_a.sql', 'create table a (id bigint)')])).rejects.toThrow(
      /changed after it ran/,
    );
    await database.close();
  });

  it('leaves nothing behind when a file fails half way', async () => {
    const database = await openPglite();
    await expect(
      migrate(database, [m('001_bad.sql', 'create table half (id int);\nselect * from missing_table;')]),
    ).rejects.toThrow(/001_bad.sql failed/);
    const tables = await sql<{
      n: number;
    }>`select count(*)::int as n from information_schema.tables where table_name = 'half'`.execute(database.db);
    expect(tables.rows[0]?.n).toBe(0);
    const recorded = await sql<{ n: number }>`select count(*)::int as n from schema_migrations`.execute(database.db);
    expect(recorded.rows[0]?.n).toBe(0);
    await database.close();
  });

  it('has applied the same files to the PostgreSQL server as to PGlite', async () => {
    const files = (await loadMigrations()).map((f) => f.name);
    const database = await postgresDatabase();
    const ran = await sql<{ name: string }>`select name from schema_migrations order by name`.execute(database.db);
    expect(ran.rows.map((r) => r.name)).toEqual(files);
    await database.close();
  });
});
