import { Kysely, sql } from 'kysely';
import postgres, { type ReservedSql, type Sql } from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { PostgresJsDialect } from '../../src/storage/postgres-js-dialect.ts';

/**
 * postgres.js keeps an answered query reachable to the young generation's collections, so the dialect empties it
 * (its parameters and rows) once the caller has the rows: without that every query's values were copied by each
 * scavenge until the next major collection (docs/scale.md, session 17). The queries postgres.js hands the dialect
 * are recorded here and looked at after they were answered.
 */
describe('the postgres.js dialect lets go of an answered query', () => {
  const client = postgres(inject('pgUrl'), { max: 1, onnotice: () => {} });
  const sent: { args?: unknown; parameters?: unknown; then: PromiseLike<unknown[]>['then'] }[] = [];
  const recording = (reserved: ReservedSql): ReservedSql =>
    new Proxy(reserved, {
      get(target, key) {
        if (key !== 'unsafe') return Reflect.get(target, key, target) as unknown;
        return (...args: Parameters<ReservedSql['unsafe']>) => {
          const query = target.unsafe(...args);
          sent.push(query as unknown as (typeof sent)[number]);
          return query;
        };
      },
    });
  const pool = new Proxy(client, {
    get(target, key) {
      if (key !== 'reserve') return Reflect.get(target, key, target) as unknown;
      return async () => recording(await target.reserve());
    },
  }) as Sql;
  const db = new Kysely<unknown>({ dialect: new PostgresJsDialect(pool, () => pool) });
  afterAll(async () => db.destroy());

  it('returns the rows to the caller and leaves the query without its parameters or rows', async () => {
    const big = 'x'.repeat(10_000);
    const { rows } = await sql<{ t: string; n: number }>`select ${big}::text as t, ${7}::int as n`.execute(db);
    expect(rows).toEqual([{ t: big, n: 7 }]);
    expect(sent).toHaveLength(1);
    const [query] = sent;
    expect(query?.args).toBeNull();
    expect(query?.parameters).toBeNull();
    // The result postgres.js resolved the query with (the same array on every await) is emptied too.
    expect(await query).toEqual([]);
  });

  it('does so for a statement that changes rows, and still counts them', async () => {
    const before = sent.length;
    const result = await sql`select * from (values (1), (2), (3)) as v(n) where n > ${1}`.execute(db);
    expect(result.rows).toEqual([{ n: 2 }, { n: 3 }]);
    await sql`create temporary table let_go_probe (n int)`.execute(db);
    const inserted = await sql`insert into let_go_probe values (${1}), (${2})`.execute(db);
    expect(inserted.numAffectedRows).toBe(2n);
    for (const query of sent.slice(before)) {
      expect(query.args ?? null).toBeNull();
      expect(await query).toEqual([]);
    }
  });
});
