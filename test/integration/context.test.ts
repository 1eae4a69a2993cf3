import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.ts';
import { systemClock, systemContext, withTransaction, type SystemContext } from '../../src/services/context.ts';
import type { Database } from '../../src/storage/db.ts';
import { backends } from '../support/db.ts';

/** A use-case that writes one row (a service setting under its own key) in a transaction. */
const remember = (ctx: SystemContext, key: string) =>
  withTransaction(ctx, async (trx) => {
    await trx.database.db
      .insertInto('service_settings')
      .values({ key, value: JSON.stringify('set') })
      .execute();
    return trx;
  });

describe.each(backends)('withTransaction on $name', ({ open }) => {
  let database: Database;
  const stored = async (keys: string[]) =>
    (await database.db.selectFrom('service_settings').select('key').where('key', 'in', keys).execute())
      .map((r) => r.key)
      .sort();
  beforeAll(async () => {
    database = await open();
  });
  afterAll(async () => database.close());

  it('joins the transaction already open, so two use-cases commit or roll back together', async () => {
    const ctx = systemContext({ database, clock: systemClock, logger: silentLogger }, 'test');
    const tag = `ctx-test-${process.pid}-${Date.now()}`;
    const [a, b, c] = [`${tag}-a`, `${tag}-b`, `${tag}-c`];
    const failed = withTransaction(ctx, async (outer) => {
      const inner = await remember(outer, a);
      // The inner use-case ran on the outer transaction, not on a second one.
      expect(outer.database.db.isTransaction).toBe(true);
      expect(inner.database.db).toBe(outer.database.db);
      await remember(outer, b);
      throw new Error('the second use-case failed');
    });
    await expect(failed).rejects.toThrow('the second use-case failed');
    expect(await stored([a, b])).toEqual([]);
    // Alone, a use-case opens and commits its own transaction; the caller's context is untouched.
    await remember(ctx, c);
    expect(ctx.database.db.isTransaction).toBe(false);
    expect(await stored([a, b, c])).toEqual([c]);
  });
});
