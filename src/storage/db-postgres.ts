import { Kysely, sql } from 'kysely';
import { PostgresJSDialect } from 'kysely-postgres-js';
import postgres from 'postgres';
import type { Database } from './db.ts';
import type { DB } from './schema.ts';

/** PostgreSQL through postgres.js: works on Node and, with nodejs_compat, on Workers (Hyperdrive). */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Database> {
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    // Dates stay Date objects and bigints stay strings; int8 counts are cast in SQL where needed.
    connection: { application_name: 'bole' },
  });
  const db = new Kysely<DB>({ dialect: new PostgresJSDialect({ postgres: client }) });
  const ext = await sql<{ available: boolean }>`select exists(select 1 from pg_available_extensions where name = 'vector') as available`.execute(db);
  return {
    db,
    kind: 'postgres',
    hasVector: ext.rows[0]?.available === true,
    async execScript(script) {
      await client.unsafe(script).simple();
    },
    async close() {
      await db.destroy();
    },
  };
}
