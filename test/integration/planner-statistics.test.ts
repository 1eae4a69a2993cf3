import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/storage/db.ts';
import { analyzeGrownTables } from '../../src/storage/planner-statistics.repo.ts';
import { addImpressions, addPeople } from '../support/audit-factory.ts';
import { pgliteDatabase } from '../support/db.ts';
import { newTenant } from '../support/factories.ts';

/**
 * PGlite runs no autovacuum: the embedded database gathers the statistics of the audit's tables itself, once for a
 * table never analyzed and again when it has grown to twice its pages at the last ANALYZE.
 */
describe('planner statistics on PGlite', () => {
  let database: Database;
  beforeAll(async () => {
    database = await pgliteDatabase();
  });
  afterAll(async () => database.close());

  const reltuples = async (table: string) =>
    (
      await sql<{ n: number }>`select reltuples::float8 as n from pg_class where relname = ${table}
        and relnamespace = current_schema()::regnamespace`.execute(database.db)
    ).rows[0]?.n;

  it('analyzes tables never analyzed, then only a table that has doubled', async () => {
    expect(await reltuples('impressions')).toBe(-1);
    let turns = 0;
    const first = await analyzeGrownTables(database.db, async () => void turns++);
    expect(first.sort()).toEqual(['consents', 'graduate_demographics', 'impressions', 'interactions']);
    expect(turns).toBe(4);
    expect(await reltuples('impressions')).toBe(0);
    expect(await analyzeGrownTables(database.db, async () => {})).toEqual([]);

    const t = await newTenant(database);
    const [graduate] = await addPeople(database, t.tenantId, [{}]);
    const listId = crypto.randomUUID();
    await addImpressions(
      database,
      t.tenantId,
      Array.from({ length: 1_500 }, (_, i) => ({
        listId,
        listKind: 'recommendations' as const,
        graduateId: graduate ?? '',
        postingId: crypto.randomUUID(),
        rank: i + 1,
        score: 0.5,
      })),
    );
    // The people's consents and demographics stay under 8 pages; the impressions grew from none.
    expect(await analyzeGrownTables(database.db, async () => {})).toEqual(['impressions']);
    expect(await reltuples('impressions')).toBe(1_500);
    expect(await analyzeGrownTables(database.db, async () => {})).toEqual([]);
  });
});
