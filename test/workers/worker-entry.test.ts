import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import worker, { perRequestPostgres, type ExecutionContext } from '../../src/entry/worker.ts';
import type { Database } from '../../src/storage/db.ts';
import { openPostgres } from '../../src/storage/db-postgres.ts';

/*
 * The Worker entry's connection lifecycle, driven from Node so the server can be asked which connections
 * are still open: each request's client must be ended after its response, through ctx.waitUntil.
 * (In workerd an abandoned socket dies with the request anyway, so only this side can tell a clean close
 * from a leak.)
 */

let database: Database;
const appName = `bole_worker_entry_${process.pid}_${Date.now().toString(36)}`;
// postgres.js takes connection parameters from the URL's query string; the name marks this test's connections.
const url = () => `${inject('pgUrl')}?application_name=${appName}`;

async function openConnections(): Promise<number> {
  const result = await sql<{
    n: number;
  }>`select count(*)::int as n from pg_stat_activity where application_name = ${appName}`.execute(database.db);
  return result.rows[0]?.n ?? -1;
}

function executionContext() {
  const pending: Promise<unknown>[] = [];
  const ctx: ExecutionContext = {
    waitUntil: (promise) => void pending.push(promise),
    passThroughOnException: () => {},
    props: {},
  };
  return { ctx, pending };
}

beforeAll(async () => {
  database = await openPostgres(inject('pgUrl'), { max: 1 });
});
afterAll(async () => database.close());

describe('the Worker entry', () => {
  it('answers /health without opening a database client', async () => {
    const { ctx, pending } = executionContext();
    const res = await worker.fetch(
      new Request('http://localhost/health'),
      { DATABASE_URL: url(), LOG_LEVEL: 'warn' },
      ctx,
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
    expect(pending).toEqual([]);
  });

  it("ends the request's client through waitUntil, leaving no connection open", async () => {
    const { ctx, pending } = executionContext();
    const res = await worker.fetch(
      new Request('http://localhost/ready'),
      { DATABASE_URL: url(), LOG_LEVEL: 'warn' },
      ctx,
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'postgres' });
    expect(pending).toHaveLength(1);
    await Promise.all(pending);
    expect(await openConnections()).toBe(0);
  });

  it('answers a bad configuration with a generic problem+json 500 that names nothing secret', async () => {
    const { ctx } = executionContext();
    // A fresh module instance: the app is built once per isolate, so the bad env must reach a new one.
    vi.resetModules();
    const fresh = await import('../../src/entry/worker.ts');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const res = await fresh.default.fetch(
        new Request('http://localhost/health'),
        { LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://secret@db/x' },
        ctx,
      );
      expect(res.status).toBe(500);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      const body = await res.text();
      expect(body).not.toMatch(/LOG_LEVEL|DATABASE_URL|secret/);
      expect(JSON.parse(body).requestId).toBe(res.headers.get('x-request-id'));
      // The operator's log names each bad variable, as a failed boot does on Node.
      expect(String(logged.mock.calls[0]?.[0])).toMatch(/LOG_LEVEL[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*LOG_LEVEL/);
    } finally {
      logged.mockRestore();
    }
  });
});

describe('perRequestPostgres outside a request scope', () => {
  it('ends the client on release itself', async () => {
    const lease = await perRequestPostgres(url).acquire();
    await sql`select 1`.execute(lease.database.db);
    expect(await openConnections()).toBe(1);
    await lease.release();
    expect(await openConnections()).toBe(0);
  });

  it('is unavailable, naming both ways to configure it, when there is no connection string', async () => {
    await expect(perRequestPostgres(() => undefined).acquire()).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/HYPERDRIVE.*DATABASE_URL/),
    });
  });
});
