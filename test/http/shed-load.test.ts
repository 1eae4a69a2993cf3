import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { eventLoopProbe } from '../../src/entry/load-probe.ts';
import { sharedDatabase } from '../../src/http/middleware/database.ts';
import { silentLogger } from '../../src/logger.ts';
import { systemClock } from '../../src/services/context.ts';
import type { Database } from '../../src/storage/db.ts';
import { postgresDatabase } from '../support/db.ts';
import { newTenant, type TestTenant } from '../support/factories.ts';

describe('load shedding', () => {
  let database: Database;
  let t: TestTenant;
  /** Requests wait here for their database until released, to hold them in flight. */
  let gate: Promise<void> | null = null;
  let busy: string | null = null;

  beforeAll(async () => {
    database = await postgresDatabase();
    t = await newTenant(database);
  });
  afterAll(async () => database.close());

  const app = createApp({
    database: {
      acquire: async () => {
        if (gate) await gate;
        return sharedDatabase(database).acquire();
      },
    },
    clock: systemClock,
    logger: silentLogger,
    maxBodyBytes: 2_048,
    version: 'test',
    shed: { maxInFlight: 2, probe: { busy: () => busy } },
  });
  const me = () => app.request('/v1/me', { headers: { authorization: `Bearer ${t.staff.admin}` } });

  it('answers the request past maxInFlight at once with 503, Retry-After and the reason', async () => {
    let release = () => {};
    gate = new Promise((r) => (release = r));
    const held = [me(), me()];
    await new Promise((r) => setTimeout(r, 50));
    const shed = await me();
    expect(shed.status).toBe(503);
    expect(shed.headers.get('retry-after')).toBe('1');
    expect(shed.headers.get('content-type')).toContain('application/problem+json');
    expect(await shed.json()).toMatchObject({ status: 503, reason: 'more than 2 requests in flight' });
    // Probes are never shed.
    expect((await app.request('/health')).status).toBe(200);
    gate = null;
    release();
    expect((await Promise.all(held)).map((r) => r.status)).toEqual([200, 200]);
    // The slots are free again.
    expect((await me()).status).toBe(200);
  });

  it('sheds while the probe says the process is busy, and serves again when it no longer does', async () => {
    busy = 'the event loop lagged 1500 ms';
    try {
      const res = await me();
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ reason: 'the event loop lagged 1500 ms' });
    } finally {
      busy = null;
    }
    expect((await me()).status).toBe(200);
  });

  it('the event-loop probe reports a blocked loop', async () => {
    const probe = eventLoopProbe(200, 100);
    try {
      const until = Date.now() + 400;
      while (Date.now() < until); // the loop is blocked for 400 ms: its lag is at least that
      await new Promise((r) => setTimeout(r, 20));
      expect(probe.busy()).toMatch(/^the event loop lagged \d+ ms$/);
    } finally {
      probe.stop();
    }
    expect(eventLoopProbe(0).busy()).toBeNull();
  });
});
