import { sql } from 'kysely';
import { inject } from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/storage/db.ts';
import { openPostgres } from '../../src/storage/db-postgres.ts';
import { isConnectionLoss } from '../../src/storage/postgres-js-dialect.ts';
import { testApp } from '../support/app.ts';

describe('a query that cannot get a connection fails as a connection loss instead of waiting without end', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openPostgres(inject('pgUrl'), { max: 1 });
  });
  afterAll(async () => database?.close());

  it('gives up on the pool after its acquire timeout (a 503 with Retry-After), then serves again', async () => {
    // The pool's only connection is held (as by a wedged connection after a restart, or one long transaction).
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    let entered: () => void = () => {};
    const inside = new Promise<void>((r) => (entered = r));
    const holder = database.db.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx);
      entered();
      await held;
    });
    await inside;
    const waiting = sql`select 1 as one`.execute(database.db).then(
      () => null,
      (e: unknown) => e,
    );
    const api = testApp(database);
    const ready = await api.call<{ status: string }>('GET', '/v1/me', 'bole_not_a_key');
    const error = await waiting;
    expect(isConnectionLoss(error)).toBe(true);
    expect((error as { code?: string }).code).toBe('CONNECT_TIMEOUT');
    expect(ready.status).toBe(503);
    expect(ready.headers.get('retry-after')).toBeTruthy();
    expect(ready.headers.get('content-type')).toContain('application/problem+json');
    release();
    await holder;
    const after = await sql<{ one: number }>`select 1 as one`.execute(database.db);
    expect(after.rows[0]?.one).toBe(1);
  }, 30_000);
});
