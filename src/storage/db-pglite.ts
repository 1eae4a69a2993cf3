import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { Kysely } from 'kysely';
import type { Database } from './db.ts';
import { PGliteDialect, type StatementTiming } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

/**
 * Embedded PostgreSQL (WASM) with pgvector; `dataDir` undefined keeps everything in memory (tests). `onStatement`
 * hears each statement's milliseconds (src/entry/loop-blocks.ts).
 */
export async function openPglite(dataDir?: string, onStatement?: StatementTiming): Promise<Database> {
  const pglite = await PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions: { vector } });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite, onStatement) });
  return {
    db,
    kind: 'pglite',
    hasVector: true,
    async execScript(script) {
      await pglite.exec(script);
    },
    async close() {
      await db.destroy();
    },
  };
}
