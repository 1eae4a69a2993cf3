import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Supervisor } from '../../jobs/worker.ts';
import { configureWebhookTargets } from '../../src/services/webhook-target.ts';
import type { Database } from '../../src/storage/db.ts';
import { testApp } from '../support/app.ts';
import { eventually } from '../support/audit-seed.ts';
import type { AlertList, AuditRun } from '../support/bodies.ts';
import { newTenant } from '../support/factories.ts';
import { ownPostgres, ownRedis, type OwnPostgres, type OwnRedis } from '../support/own-services.ts';
import { seedBiasedTenant } from '../http/audit-ops-support.ts';
import { background, migratedDatabase, newTally, tallied } from './fault-support.ts';

// The receiver listens on loopback, as an operator allows an on-premise receiver.
configureWebhookTargets('127.0.0.1');

/** A webhook receiver on 127.0.0.1 that answers 200 and counts the requests for each alert id. */
async function receiver() {
  const perAlert = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const id = String((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { alert?: { id?: string } }).alert?.id);
      perAlert.set(id, (perAlert.get(id) ?? 0) + 1);
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/hook`, perAlert, close: () => new Promise((r) => server.close(r)) };
}

/*
 * Alert webhooks across a Redis outage, on the test's own Redis (stopped with SIGKILL, so it comes back empty)
 * and PostgreSQL, with the background supervisor in process as `npm start` runs it. The first audit's webhooks
 * are delivered just before Redis dies (their jobs then vanish with it, unsettled in the outbox); audits requested
 * during the outage raise theirs after it. Every alert reaches the receiver exactly once.
 */
describe('alert webhooks while Redis is down, then back empty', () => {
  let pg: OwnPostgres;
  let redis: OwnRedis;
  let database: Database;
  let supervisor: Supervisor;
  let hook: Awaited<ReturnType<typeof receiver>>;
  beforeAll(async () => {
    [pg, redis, hook] = await Promise.all([ownPostgres(), ownRedis(), receiver()]);
    ({ database } = await migratedDatabase(pg));
    supervisor = background(database, redis.url);
    await supervisor.firstAttempt;
  });
  afterAll(async () => {
    await supervisor?.close(5_000);
    await database?.close();
    await hook?.close();
    await redis?.stop();
    await pg?.destroy();
  });

  it('delivers every alert once after recovery; requests meanwhile succeed or get 503 with Retry-After', async () => {
    const api = testApp(database);
    const t = await newTenant(database);
    await seedBiasedTenant(database, t.tenantId);
    const secret = 'whsec_fault_0123456789abcdef';
    expect((await api.call('PUT', '/v1/tenant/alert-webhook', t.staff.admin, { url: hook.url, secret })).status).toBe(
      200,
    );
    const alertsOf = async (runId: string) =>
      (await api.call<AlertList>('GET', `/v1/alerts?runId=${runId}`, t.staff.auditor)).json.items.map((a) => a.id);

    // Before the outage: one audit, its two alerts delivered; Redis dies at once, with their jobs in it.
    const first = (await api.call<AuditRun>('POST', '/v1/audits', t.staff.career_office, {})).json.id;
    expect(
      await eventually(async () => {
        const ids = await alertsOf(first);
        return ids.length === 2 && ids.every((id) => hook.perAlert.get(id) === 1);
      }, 60_000),
    ).toBe(true);
    await redis.stop();

    // The outage: audits are accepted into the outbox; reads answer; nothing hangs.
    const tally = newTally();
    const during: string[] = [];
    for (let i = 0; i < 2; i++) {
      const r = await tallied(tally, () => api.call<AuditRun>('POST', '/v1/audits', t.staff.career_office, {}));
      if (r?.status === 202) during.push(r.json.id);
    }
    for (const [path, key] of [
      ['/v1/alerts', t.staff.auditor],
      [`/v1/audits/${first}`, t.staff.auditor],
      ['/v1/graduates?limit=5', t.staff.career_office],
    ] as const)
      await tallied(tally, () => api.call('GET', path, key), `GET ${path}`);
    await tallied(tally, () => api.call('GET', '/ready'), 'GET ready');
    expect(tally.hung).toBe(0);
    expect(tally.bad).toEqual([]);
    expect(during).toHaveLength(2);
    expect((await supervisor.health()).redis).toBe('unavailable');
    await new Promise((r) => setTimeout(r, 1_000));

    // Back, empty: the audits run, their alerts are delivered, and the first audit's are not sent again,
    // although the sweeper relays their lost jobs (it cannot tell from the queue that they were done).
    await redis.start();
    const runs = [first, ...during];
    expect(
      await eventually(async () => {
        const ids = (await Promise.all(runs.map(alertsOf))).flat();
        return ids.length === 2 * runs.length && ids.every((id) => (hook.perAlert.get(id) ?? 0) >= 1);
      }, 120_000),
    ).toBe(true);
    // Past the sweep (relayed 4 s ago and unsettled: checked every second) and then some.
    const settled = await eventually(async () => {
      const open = await database.db
        .selectFrom('audit_outbox')
        .select('id')
        .where('tenant_id', '=', t.tenantId)
        .where('settled_at', 'is', null)
        .execute();
      return open.length === 0;
    }, 60_000);
    expect(settled).toBe(true);
    const alertIds = (await Promise.all(runs.map(alertsOf))).flat();
    expect(alertIds).toHaveLength(6);
    expect(alertIds.map((id) => hook.perAlert.get(id))).toEqual(alertIds.map(() => 1));
    expect([...hook.perAlert.keys()].sort()).toEqual([...alertIds].sort());
  });
});
