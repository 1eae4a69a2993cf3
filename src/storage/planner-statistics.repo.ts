import { sql } from 'kysely';
import type { Db } from './db.ts';

/**
 * The tables the audit's chunked reads filter and join on, each with the columns whose statistics its plans need
 * (null: every column; small tables). An impression's jsonb columns are left out: with them ANALYZE took 3.7 s of
 * PGlite's one thread at 8,140 impressions, without them 0.6 s (load average 12).
 */
const TABLES: Readonly<Record<string, readonly string[] | null>> = {
  impressions: ['tenant_id', 'graduate_id', 'posting_id', 'list_id', 'list_kind', 'rank', 'created_at'],
  interactions: null,
  consents: null,
  graduate_demographics: null,
};

/**
 * Rows sampled per table: 300 × this target. PostgreSQL's default (100) samples up to 30,000 rows; 25 samples 7,500,
 * enough for the range and equality estimates that pick an index, and it bounds how long one ANALYZE holds PGlite.
 */
const STATISTICS_TARGET = 25;

/**
 * Gathers planner statistics for a table never analyzed or grown to at least twice its pages at the last ANALYZE.
 * For the embedded database: PGlite runs no autovacuum, so without this every table keeps reltuples = -1 and the
 * planner, believing each a few rows, scanned a tenant's whole window of impressions for every audit chunk (an index
 * on the graduate range was there). One table per call of `between` (the caller gives the thread back meanwhile);
 * returns the tables analyzed.
 */
export async function analyzeGrownTables(db: Db, between: () => Promise<void>): Promise<string[]> {
  const names = Object.keys(TABLES);
  const sizes = await sql<{ name: string; reltuples: number; relpages: number; pages: number }>`
    select c.relname as name, c.reltuples::float8 as reltuples, c.relpages,
      (pg_relation_size(c.oid) / current_setting('block_size')::int)::int as pages
    from pg_class c where c.relname = any(${names}::text[]) and c.relkind = 'r'
      and c.relnamespace = current_schema()::regnamespace`.execute(db);
  const analyzed: string[] = [];
  for (const t of sizes.rows) {
    if (t.reltuples >= 0 && t.pages < 2 * t.relpages + 8) continue;
    const columns = TABLES[t.name];
    const target = columns ? `${t.name} (${columns.join(', ')})` : t.name;
    await db.transaction().execute(async (trx) => {
      await sql.raw(`set local default_statistics_target = ${STATISTICS_TARGET}`).execute(trx);
      await sql.raw(`analyze ${target}`).execute(trx);
    });
    analyzed.push(t.name);
    await between();
  }
  return analyzed;
}
