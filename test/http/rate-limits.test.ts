import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processMetrics } from '../../src/services/metrics.ts';
import { createApp } from '../../src/app.ts';
import { sharedDatabase } from '../../src/http/middleware/database.ts';
import { silentLogger } from '../../src/logger.ts';
import { DEFAULT_CLASS_LIMITS } from '../../src/services/rate-limit/classes.ts';
import { memoryRateLimiter } from '../../src/services/rate-limit/memory.ts';
import type { RateLimiter } from '../../src/services/rate-limit/port.ts';
import { redisRateLimiter } from '../../src/services/rate-limit/redis.ts';
import { checkTokenRate } from '../../src/services/rate-limit/tokens.ts';
import type { DomainError } from '../../src/domain/errors.ts';
import type { Database } from '../../src/storage/db.ts';
import { postgresDatabase } from '../support/db.ts';
import { newTenant, type TestTenant } from '../support/factories.ts';

const REDIS_URL = 'redis://127.0.0.1:6379';
/** This file's own keys on the shared Redis; removed afterwards by prefix (never a flush). */
const PREFIX = `test:rate-limits:${process.pid}:${Date.now().toString(36)}:`;
let now = Date.UTC(2026, 11, 6, 9, 0, 10);
const clock = { now: () => new Date(now) };

type Limiter = RateLimiter & { close?: () => Promise<void>; ready?: (ms: number) => Promise<boolean> };
const limiters: { name: string; make: () => Limiter }[] = [
  { name: 'memory', make: () => memoryRateLimiter(clock) },
  { name: 'redis', make: () => redisRateLimiter({ url: REDIS_URL, prefix: PREFIX, clock, logger: silentLogger }) },
];

afterAll(async () => {
  const redis = new Redis(REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${PREFIX}*`, 'COUNT', 500);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();
});

/** Every 429 this process counted, over all routes (bole_rate_limit_rejections_total). */
async function rejections(): Promise<number> {
  const text = await processMetrics.registry.render();
  return text
    .split('\n')
    .filter((l) => l.startsWith('bole_rate_limit_rejections_total{'))
    .reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
}

describe.each(limiters)('rate limits counted in $name', ({ name, make }) => {
  let database: Database;
  let t: TestTenant;
  let limiter: ReturnType<typeof make>;

  beforeAll(async () => {
    database = await postgresDatabase();
    t = await newTenant(database);
    limiter = make();
    await limiter.ready?.(5_000);
    if (name === 'redis') expect(limiter.describe()).toBe('redis');
  });
  afterAll(async () => {
    await limiter.close?.();
    await database.close();
  });

  /** The app with small limits; the client's address is whatever x-test-address says. */
  const appWith = (scope: string) =>
    createApp({
      database: sharedDatabase(database),
      clock,
      logger: silentLogger,
      maxBodyBytes: 1_048_576,
      version: 'test',
      clientAddress: (c) => `${scope}-${c.req.header('x-test-address') ?? 'none'}`,
      rateLimits: {
        limiter,
        perApp: 600,
        perGraduate: 120,
        classes: {
          windowSeconds: 60,
          classes: {
            ...DEFAULT_CLASS_LIMITS,
            read: { perKey: 3, perAddress: 5 },
            write: { perKey: 2, perAddress: 50 },
          },
          authFailures: { limit: 4, windowSeconds: 600 },
        },
      },
    });
  const get = (app: ReturnType<typeof appWith>, path: string, key: string, address: string) =>
    app.request(path, { headers: { authorization: `Bearer ${key}`, 'x-test-address': address } });

  it('limits each key per route class, with 429 problem+json and Retry-After', async () => {
    const app = appWith(`${name}-key`);
    const rejected = await rejections();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await get(app, '/v1/me', t.staff.admin, `a${i}`)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await get(app, '/v1/me', t.staff.admin, 'a9');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await refused.json()) as { status: number; limit: string; routeClass: string; detail: string };
    expect(body).toMatchObject({ status: 429, limit: 'key', routeClass: 'read' });
    expect(refused.headers.get('x-content-type-options')).toBe('nosniff');
    // Another key of the tenant has its own allowance; writes are a class of their own.
    expect((await get(app, '/v1/me', t.staff.career_office, 'b1')).status).toBe(200);
    const write = await app.request('/v1/alerts/00000000-0000-4000-8000-000000000000', {
      method: 'PATCH',
      headers: { authorization: `Bearer ${t.staff.admin}`, 'content-type': 'application/json', 'x-test-address': 'c' },
      body: JSON.stringify({ status: 'acknowledged' }),
    });
    expect(write.status).not.toBe(429);
    // GET /metrics counts each refusal (the two 429s above).
    expect((await rejections()) - rejected).toBe(2);
  });

  it('limits each client address per route class, before the key is read', async () => {
    const app = appWith(`${name}-address`);
    const keys = await Promise.all(Array.from({ length: 6 }, () => t.key('auditor')));
    const statuses: number[] = [];
    for (const key of keys) statuses.push((await get(app, '/v1/me', key, 'one')).status);
    expect(statuses.slice(0, 5).every((s) => s === 200)).toBe(true);
    expect(statuses[5]).toBe(429);
    // Unauthenticated requests count too: an address cannot flood the key lookup.
    expect((await get(app, '/v1/me', 'bole_unknown', 'one')).status).toBe(429);
    expect((await get(app, '/v1/me', await t.key('auditor'), 'two')).status).toBe(200);
  });

  it('throttles an address after repeated bad credentials, whatever it presents next', async () => {
    const app = appWith(`${name}-auth`);
    const [k1, k2, k3] = [await t.key('admin'), await t.key('admin'), await t.key('admin')];
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await get(app, '/v1/me', `bole_wrong${i}`, 'guesser')).status);
    expect(statuses).toEqual([401, 401, 401, 401]);
    const next = await get(app, '/v1/me', k1, 'guesser');
    expect(next.status).toBe(429);
    expect(((await next.json()) as { limit: string }).limit).toBe('auth');
    expect(Number(next.headers.get('retry-after'))).toBeGreaterThan(0);
    // Bad tokens count the same; another address is unaffected.
    expect((await get(app, '/v1/me', 'a.b.c', 'guesser')).status).toBe(429);
    expect((await get(app, '/v1/me', k2, 'honest')).status).toBe(200);
    now += 20 * 60_000; // two 10-minute windows on, the failures have aged out of the sliding window
    expect((await get(app, '/v1/me', k3, 'guesser')).status).toBe(200);
  });

  it("counts an app's tokens per app and per graduate in the same store (issue 22)", async () => {
    // A request refused for its graduate still counts for its app.
    const limits = { limiter, perApp: 5, perGraduate: 2 };
    const appId = crypto.randomUUID();
    const [a, b, c] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const outcome = (graduateId: string) =>
      checkTokenRate(limits, { keyId: appId, graduateId }).then(
        () => 'ok',
        (e: DomainError) => `${e.code}:${String(e.extra.limit)}`,
      );
    expect([await outcome(a), await outcome(a), await outcome(a)]).toEqual(['ok', 'ok', 'rate_limited:graduate']);
    expect([await outcome(b), await outcome(b), await outcome(c)]).toEqual(['ok', 'ok', 'rate_limited:app']);
  });

  it('admits exactly the limit when many requests race for it', async () => {
    const rule = { limit: 10, windowSeconds: 60 };
    const key = `race:${name}:${crypto.randomUUID()}`;
    // Two limiters on one store stand for two instances of the service.
    const second = name === 'redis' ? make() : limiter;
    await second.ready?.(5_000);
    const waits = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? second : limiter).hit(key, rule)));
    if (second !== limiter) await second.close?.();
    expect(waits.filter((w) => w === 0)).toHaveLength(10);
  });
});

describe('the Redis limiter when Redis is unreachable', () => {
  it('counts in memory instead of refusing or hanging', async () => {
    const warnings: string[] = [];
    const logger = { ...silentLogger, warn: (msg: string) => void warnings.push(msg) };
    const limiter = redisRateLimiter({ url: 'redis://127.0.0.1:9249', prefix: PREFIX, clock, logger });
    const rule = { limit: 2, windowSeconds: 60 };
    const waits = [await limiter.hit('x', rule), await limiter.hit('x', rule), await limiter.hit('x', rule)];
    expect(waits.slice(0, 2)).toEqual([0, 0]);
    expect(waits[2]).toBeGreaterThan(0);
    expect(limiter.describe()).toContain('memory');
    expect(warnings).toEqual(['rate_limit_redis_unavailable']);
    await limiter.close();
  });
});
