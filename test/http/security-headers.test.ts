import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { sharedDatabase } from '../../src/http/middleware/database.ts';
import { silentLogger } from '../../src/logger.ts';
import { systemClock } from '../../src/services/context.ts';
import type { Database } from '../../src/storage/db.ts';
import { postgresDatabase } from '../support/db.ts';
import { newTenant, type TestTenant } from '../support/factories.ts';

describe('security headers and request timeouts', () => {
  let database: Database;
  let t: TestTenant;
  /** A database that answers only after `delayMs`, to stand for a stuck dependency. */
  let delayMs = 0;

  beforeAll(async () => {
    database = await postgresDatabase();
    t = await newTenant(database);
  });
  afterAll(async () => database.close());

  const app = createApp({
    database: {
      acquire: async () => {
        if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
        return sharedDatabase(database).acquire();
      },
    },
    clock: systemClock,
    logger: silentLogger,
    maxBodyBytes: 2_048,
    version: 'test',
    https: true,
    // Long enough that a first request on a loaded machine (two cores, other suites beside) is not cut off.
    requestTimeoutMs: 1_500,
  });
  const call = (path: string, init: RequestInit = {}) => app.request(path, init);
  const auth = (key: string) => ({ authorization: `Bearer ${key}` });

  it('puts the headers on every kind of answer: 200, 401, 404, 405, 413 and HTML', async () => {
    const answers = {
      ok: await call('/v1/me', { headers: auth(t.staff.admin) }),
      unauthenticated: await call('/v1/me'),
      notFound: await call('/no/such/route'),
      notAllowed: await call('/v1/me', { method: 'DELETE', headers: auth(t.staff.admin) }),
      tooLarge: await call('/v1/graduates', {
        method: 'POST',
        headers: { ...auth(t.staff.admin), 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'x'.repeat(5_000) }),
      }),
      health: await call('/health'),
      html: await call('/console/login'),
    };
    expect(answers.ok.status).toBe(200);
    expect(answers.tooLarge.status).toBe(413);
    for (const [name, res] of Object.entries(answers)) {
      const h = res.headers;
      expect(h.get('x-content-type-options'), name).toBe('nosniff');
      expect(h.get('x-frame-options'), name).toBe('DENY');
      expect(h.get('strict-transport-security'), name).toContain('max-age=');
      expect(h.get('content-security-policy'), name).toContain("frame-ancestors 'none'");
      expect(h.get('referrer-policy'), name).toBe(name === 'html' ? 'same-origin' : 'no-referrer');
    }
    // An answer to a credentialed request is not stored by caches unless its route set a policy.
    expect(answers.ok.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 503 problem+json with Retry-After when a request takes longer than the limit', async () => {
    delayMs = 4_000;
    try {
      const res = await call('/v1/me', { headers: auth(t.staff.admin) });
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const body = (await res.json()) as { status: number; timeoutSeconds: number; requestId: string };
      expect(body).toMatchObject({ status: 503, timeoutSeconds: 1.5 });
      expect(body.requestId).toBeTruthy();
    } finally {
      delayMs = 0;
    }
    expect((await call('/v1/me', { headers: auth(t.staff.admin) })).status).toBe(200);
  });
});
