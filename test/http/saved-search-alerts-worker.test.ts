import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackground, type Background } from '../../jobs/worker.ts';
import type { GraduateAlert } from '../../src/domain/model/saved-search.ts';
import { silentLogger } from '../../src/logger.ts';
import { runAlertPass } from '../../src/services/alerts/run.ts';
import { systemClock, systemContext } from '../../src/services/context.ts';
import type { MatchingDeps } from '../../src/services/matching/deps.ts';
import type { Database } from '../../src/storage/db.ts';
import { testApp, type TestApi } from '../support/app.ts';
import { isolatedPostgres, pgliteDatabase } from '../support/db.ts';
import { newTenant } from '../support/factories.ts';
import { job, testMatching } from '../support/matching.ts';
import { until } from './audit-ops-support.ts';
import { configureWebhookTargets } from '../../src/services/webhook-target.ts';

// The test's receiver listens on loopback, as an on-premise receiver would be allowed by an operator.
configureWebhookTargets('127.0.0.1');

const REDIS = 'redis://127.0.0.1:6379';
const prefix = `bole-alerts-${process.pid}-${Date.now().toString(36)}`;

const backends = [
  { name: 'postgres', open: isolatedPostgres },
  {
    name: 'pglite',
    open: async () => {
      const database = await pgliteDatabase();
      return { database, drop: () => database.close() };
    },
  },
] as const;

interface Digest {
  type: string;
  digest: { id: string; graduateId: string; items: GraduateAlert[] };
}

/** The app's digest receiver on 127.0.0.1: answers each digest's n-th request with statuses[n]. */
async function receiver(statuses: number[]) {
  const received: { headers: IncomingMessage['headers']; body: string; status: number }[] = [];
  const seen = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const id = (JSON.parse(body) as Digest).digest.id;
      const n = seen.get(id) ?? 0;
      seen.set(id, n + 1);
      const status = statuses[Math.min(n, statuses.length - 1)] ?? 200;
      received.push({ headers: req.headers, body, status });
      res.statusCode = status;
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/digests`,
    received,
    /** The digests answered 2xx, parsed. */
    delivered: () => received.filter((r) => r.status < 300).map((r) => JSON.parse(r.body) as Digest),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe.each(backends)('saved-search alerts with the real worker and Redis on $name', ({ name, open }) => {
  let database: Database;
  let drop: () => Promise<void>;
  let api: TestApi;
  let matching: MatchingDeps;
  let background: Background | null = null;

  beforeAll(async () => {
    ({ database, drop } = await open());
    matching = await testMatching(database);
    api = testApp(database, { matching });
  });
  afterAll(async () => {
    await background?.close();
    await drop();
  });

  it('delivers a posting opened after the last pass once in the feed and once in a signed digest', async () => {
    const secret = 'whsec_alerts_0123456789abcdef';
    const hook = await receiver([500, 200]);
    const t = await newTenant(database);
    const employer = await t.employer();
    const g = await t.graduate();
    const late = await t.graduate();
    const set = await api.call('PUT', '/v1/tenant/graduate-alert-webhook', t.staff.admin, { url: hook.url, secret });
    expect(set.status).toBe(200);
    const search = { name: '武汉数据分析', query: { q: '数据分析', location: '武汉' } };
    expect((await api.call('POST', `/v1/graduates/${g.id}/saved-searches`, g.key, search)).status).toBe(201);
    const posting = async (over: Record<string, unknown>) =>
      (await api.call<{ id: string }>('POST', '/v1/jobs', employer.key, job(over))).json.id;
    const ctx = systemContext({ database, clock: systemClock, logger: silentLogger }, 'test');

    // A pass with Redis out of the picture: the digest waits in the outbox.
    expect(await runAlertPass(ctx, matching, t.tenantId, 'before-redis')).toMatchObject({ alerts: 0 });
    const first = await posting({});
    expect(await runAlertPass(ctx, matching, t.tenantId, 'no-redis')).toMatchObject({ alerts: 1, digests: 1 });
    const pending = await sql<{ relayed_at: Date | null }>`select relayed_at from audit_outbox
      where tenant_id = ${t.tenantId} and job_name = 'alert-digest-delivery'`.execute(database.db);
    expect(pending.rows).toEqual([{ relayed_at: null }]);

    // The worker relays it (500, then 200 on the retry) and its scheduler keeps running passes.
    background = startBackground({
      ctx,
      redisUrl: REDIS,
      prefix: `${prefix}-${name}`,
      engine: async () => matching.engine,
      alertsEveryMs: 400,
    });
    const delivered = await until(async () => (hook.delivered().length >= 1 ? hook.delivered() : undefined), 400);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.digest.graduateId).toBe(g.id);
    expect(delivered[0]?.digest.items.map((i) => i.posting.id)).toEqual([first]);

    // A second graduate saves a search while the worker runs; a posting opens after it: the scheduler's pass
    // raises it, and the same pass's digest goes out.
    expect((await api.call('POST', `/v1/graduates/${late.id}/saved-searches`, late.key, search)).status).toBe(201);
    const second = await posting({ title: '数据分析专员' });
    const both = await until(async () => (hook.delivered().length >= 2 ? hook.delivered() : undefined), 600);
    const lateDigest = both.find((d) => d.digest.graduateId === late.id);
    expect(lateDigest?.digest.items.map((i) => i.posting.id)).toEqual([second]);

    // Let several more passes run: nothing is raised or sent again.
    const marker = new Date();
    await until(async () => {
      const r = await sql<{ n: string }>`select count(*) as n from saved_searches
        where tenant_id = ${t.tenantId} and checked_through > ${new Date(marker.getTime() + 1_500)}`.execute(
        database.db,
      );
      return Number(r.rows[0]?.n) === 2 ? true : undefined;
    }, 600);
    await until(async () => {
      const r = await sql<{ n: string }>`select count(*) as n from alert_digests
        where tenant_id = ${t.tenantId} and status <> 'delivered'`.execute(database.db);
      return Number(r.rows[0]?.n) === 0 ? true : undefined;
    }, 600);

    const feedOf = async (who: { id: string; key: string }) =>
      (await api.call<{ items: GraduateAlert[] }>('GET', `/v1/graduates/${who.id}/alerts`, who.key)).json.items;
    // The first graduate's search also sees the second posting (it is new to it too), in the feed; its digest
    // waits for the next day.
    expect((await feedOf(g)).map((a) => a.posting.id).sort()).toEqual([first, second].sort());
    expect((await feedOf(late)).map((a) => a.posting.id)).toEqual([second]);
    const digestIds = hook.delivered().map((d) => d.digest.id);
    expect(digestIds).toHaveLength(2);
    expect(new Set(digestIds).size).toBe(2);
    // Each digest was answered 500 once, then 200 on the retry: four requests in all, each signed.
    expect(hook.received.map((r) => r.status)).toEqual([500, 200, 500, 200]);
    for (const r of hook.received) {
      const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(r.headers['x-bole-signature']));
      expect(m).not.toBeNull();
      expect(m?.[2]).toBe(createHmac('sha256', secret).update(`${m?.[1]}.${r.body}`).digest('hex'));
      expect(r.headers['x-bole-event']).toBe('graduate.alert_digest');
    }
    const rows = await sql<{ attempts: number; status: string; graduate_id: string }>`select attempts, status,
      graduate_id from alert_digests where tenant_id = ${t.tenantId} order by created_at`.execute(database.db);
    expect(rows.rows).toEqual([
      { attempts: 2, status: 'delivered', graduate_id: g.id },
      { attempts: 2, status: 'delivered', graduate_id: late.id },
    ]);
    await hook.close();
  });
});
