import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createHmac } from 'node:crypto';
import { Queue } from 'bullmq';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackground } from '../../jobs/worker.ts';
import { createJsonLogger, silentLogger } from '../../src/logger.ts';
import { redisOptions } from '../../src/queue/bullmq.ts';
import { createBullScheduler } from '../../src/queue/bullmq-scheduler.ts';
import { systemClock, systemContext } from '../../src/services/context.ts';
import type { Database } from '../../src/storage/db.ts';
import { testApp, type TestApi } from '../support/app.ts';
import type { AlertList, AuditRun, Deliveries, ScheduleView } from '../support/bodies.ts';
import { isolatedPostgres, pgliteDatabase } from '../support/db.ts';
import { newTenant } from '../support/factories.ts';
import { seedBiasedTenant, until } from './audit-ops-support.ts';
import { configureWebhookTargets } from '../../src/services/webhook-target.ts';

// The test's receiver listens on loopback, as an on-premise receiver would be allowed by an operator.
configureWebhookTargets('127.0.0.1');

const REDIS = 'redis://127.0.0.1:6379';
const prefix = `bole-ops-${process.pid}-${Date.now().toString(36)}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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

/** A webhook receiver on 127.0.0.1 (ephemeral port) that answers each alert's n-th request with statuses[n]. */
async function receiver(statuses: number[]) {
  const received: { headers: IncomingMessage['headers']; body: string }[] = [];
  const seen = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ headers: req.headers, body });
      const id = String((JSON.parse(body) as { alert?: { id?: string } }).alert?.id);
      const n = seen.get(id) ?? 0;
      seen.set(id, n + 1);
      res.statusCode = statuses[Math.min(n, statuses.length - 1)] ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe.each(backends)('audit operations with the real worker and Redis on $name', ({ name, open }) => {
  let database: Database;
  let drop: () => Promise<void>;
  let api: TestApi;
  const own = `${prefix}-${name}`;
  const start = () =>
    startBackground({
      ctx: systemContext({
        database,
        clock: systemClock,
        logger: process.env.OPS_DEBUG ? createJsonLogger('debug') : silentLogger,
      }),
      redisUrl: REDIS,
      prefix: own,
    });
  let background: { close(): Promise<void> } | null = null;

  beforeAll(async () => {
    ({ database, drop } = await open());
    api = testApp(database);
  });
  afterAll(async () => {
    await background?.close();
    await drop();
  });

  it(
    'raises alerts after an audit and delivers the webhook signed, retrying a 500, recording ' + 'both attempts',
    async () => {
      const hook = await receiver([500, 200]);
      const secret = 'whsec_test_0123456789abcdef';
      const t = await newTenant(database);
      await seedBiasedTenant(database, t.tenantId);
      expect((await api.call('PUT', '/v1/tenant/alert-webhook', t.staff.admin, { url: hook.url, secret })).status).toBe(
        200,
      );
      background = start();
      const runId = (await api.call<AuditRun>('POST', '/v1/audits', t.staff.career_office, {})).json.id;
      await until(async () =>
        (await api.call<AuditRun>('GET', `/v1/audits/${runId}`, t.staff.auditor)).json.status === 'completed'
          ? true
          : undefined,
      );
      // The alert check follows the report in the same job, just after the run shows completed.
      const alerts = await until(async () => {
        const items = (await api.call<AlertList>('GET', `/v1/alerts?runId=${runId}`, t.staff.auditor)).json.items;
        return items.length >= 2 ? items : undefined;
      });
      expect(alerts.map((a) => `${a.kind}/${a.grouping}/${a.group}/${a.metric}`).sort()).toEqual([
        'adverse_impact/gender/female/selection',
        'exposure_disparity/gender/female/exposure',
      ]);
      const alertIds = alerts.map((a) => a.id);

      // Two alerts, each 500 then 200: four requests, two delivery rows per alert.
      const rows = await until(async () => {
        const lists = await Promise.all(
          alertIds.map(
            async (id) =>
              (await api.call<Deliveries>('GET', `/v1/alerts/${id}/deliveries`, t.staff.career_office)).json.items,
          ),
        );
        return lists.every((l) => l.length === 2) ? lists : undefined;
      }, 400);
      for (const items of rows) {
        expect(items.map((d) => [d.attempt, d.statusCode])).toEqual([
          [1, 500],
          [2, 200],
        ]);
        expect(items[0]?.error).toBe('answered 500');
        expect(items[1]?.error).toBeNull();
      }
      expect(hook.received).toHaveLength(4);
      for (const r of hook.received) {
        const header = String(r.headers['x-bole-signature']);
        const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
        expect(m).not.toBeNull();
        const expected = createHmac('sha256', secret).update(`${m?.[1]}.${r.body}`).digest('hex');
        expect(m?.[2]).toBe(expected);
        expect(createHmac('sha256', 'another secret 0123').update(`${m?.[1]}.${r.body}`).digest('hex')).not.toBe(
          m?.[2],
        );
        const body = JSON.parse(r.body);
        expect(alertIds).toContain(body.alert.id);
        expect(body.alert.runId).toBe(runId);
      }
      await hook.close();
    },
  );

  it(
    'runs a cron schedule through the outbox, follows changes and removal without a restart, ' +
      'and runs a missed tick once',
    async () => {
      const t = await newTenant(database);
      await seedBiasedTenant(database, t.tenantId, 1);
      background ??= start();
      const scheduler = createBullScheduler({ url: REDIS, prefix: own });
      const queue = new Queue('scheduled-audit', { connection: redisOptions(REDIS), prefix: own });
      const scheduledRuns = async () =>
        (
          await sql<{ tick_at: Date; run_id: string; origin: string; status: string }>`
      select s.tick_at, s.run_id, s.origin, a.status from audit_schedule_runs s join audit_runs a on a.id = s.run_id
      where s.tenant_id = ${t.tenantId} order by s.tick_at`.execute(database.db)
        ).rows;
      try {
        const put = await api.call('PUT', '/v1/tenant/audit-schedule', t.staff.career_office, {
          cron: '*/2 * * * * *',
          windowDays: 7,
          k: 5,
        });
        expect(put.status).toBe(200);
        await until(async () => ((await scheduler.get(t.tenantId))?.cron === '*/2 * * * * *' ? true : undefined));
        // A tick's run is an ordinary audit run: requested by the schedule, completed by the audit worker.
        const first = await until(async () => (await scheduledRuns()).find((r) => r.status === 'completed'));
        const run = (await api.call<AuditRun>('GET', `/v1/audits/${first.run_id}`, t.staff.auditor)).json;
        expect(run.params).toMatchObject({
          k: 5,
          to: new Date(first.tick_at).toISOString(),
          schedule: { origin: 'scheduler' },
        });
        expect(Date.parse(String(run.params.to)) - Date.parse(String(run.params.from))).toBe(7 * 86_400_000);
        const ticks = (await scheduledRuns()).map((r) => new Date(r.tick_at).getTime());
        expect(new Set(ticks).size).toBe(ticks.length);

        // Workers down across several ticks: BullMQ keeps one pending job for the scheduler, not one per tick.
        await background.close();
        background = null;
        const stoppedAt = Date.now();
        await sleep(5_000);
        const counts = await queue.getJobCounts('delayed', 'waiting', 'prioritized');
        expect((counts.delayed ?? 0) + (counts.waiting ?? 0) + (counts.prioritized ?? 0)).toBe(1);
        // Restart just after a tick, so the catch-up and the overdue job both see the same latest tick.
        while (Date.now() % 2_000 > 200) await sleep(20);
        const restartedAt = Date.now();
        background = start();
        // Wait for the first run after the outage however slowly the workers start on a loaded machine; it must
        // stand for the latest missed tick (or a later one if start-up outlasted a tick), never an older one.
        const tickOf = (r: { tick_at: Date }) => new Date(r.tick_at).getTime();
        const latestMissed = Math.floor(restartedAt / 2_000) * 2_000;
        await until(async () => ((await scheduledRuns()).some((r) => tickOf(r) > stoppedAt) ? true : undefined));
        await sleep(1_000);
        const sinceStop = (await scheduledRuns()).filter((r) => tickOf(r) > stoppedAt);
        expect(Math.min(...sinceStop.map(tickOf))).toBeGreaterThanOrEqual(latestMissed);
        expect(sinceStop.filter((r) => tickOf(r) <= restartedAt).length).toBeLessThanOrEqual(1);
        expect(new Set(sinceStop.map(tickOf)).size).toBe(sinceStop.length);

        // A change of pattern reaches the scheduler without a restart; so does removal.
        await api.call('PUT', '/v1/tenant/audit-schedule', t.staff.admin, {
          cron: '0 3 1 1 *',
          timezone: 'Asia/Shanghai',
        });
        await until(async () => ((await scheduler.get(t.tenantId))?.cron === '0 3 1 1 *' ? true : undefined));
        expect((await scheduler.get(t.tenantId))?.timezone).toBe('Asia/Shanghai');
        const del = await api.call<ScheduleView>('DELETE', '/v1/tenant/audit-schedule', t.staff.admin);
        expect(del.json.schedule).toBeNull();
        await until(async () => ((await scheduler.get(t.tenantId)) === null ? true : undefined));
        const settled = (await scheduledRuns()).length;
        await sleep(2_500);
        expect((await scheduledRuns()).length).toBe(settled);
      } finally {
        await scheduler.remove(t.tenantId);
        await scheduler.close();
        await queue.close();
      }
    },
  );
});
