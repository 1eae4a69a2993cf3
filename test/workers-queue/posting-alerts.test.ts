import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobHandlers } from '../../jobs/handlers/index.ts';
import { graduateCreate } from '../../src/domain/model/graduate.ts';
import type { GraduateAlert } from '../../src/domain/model/saved-search.ts';
import { silentLogger } from '../../src/logger.ts';
import { createBullQueue, startBullWorkers } from '../../src/queue/bullmq.ts';
import { createBullScheduler } from '../../src/queue/bullmq-scheduler.ts';
import type { JobQueue, RunningWorkers } from '../../src/queue/port.ts';
import { startOutboxRelay } from '../../src/services/audits/relay.ts';
import { systemClock, systemContext } from '../../src/services/context.ts';
import type { MatchingDeps } from '../../src/services/matching/deps.ts';
import type { Database } from '../../src/storage/db.ts';
import { until } from '../http/audit-ops-support.ts';
import { testApp, type TestApi } from '../support/app.ts';
import { isolatedPostgres } from '../support/db.ts';
import { newTenant } from '../support/factories.ts';
import { job, profile, testMatching } from '../support/matching.ts';

const REDIS = 'redis://127.0.0.1:6379';

// Its own database (no other file's relay takes its outbox rows) and its own queue names; no scheduler runs, so
// only the posting-alerts job can raise these alerts.
describe('posting-alerts: a posting opened enqueues one run per tenant and window on BullMQ and Redis', () => {
  const prefix = `bole-posting-alerts-${process.pid}-${Date.now().toString(36)}`;
  let database: Database;
  let drop: () => Promise<void>;
  let matching: MatchingDeps;
  let api: TestApi;
  let background: { queue: JobQueue; workers: RunningWorkers; relay: { stop(): Promise<void> } };

  beforeAll(async () => {
    ({ database, drop } = await isolatedPostgres());
    matching = await testMatching(database);
    api = testApp(database, { matching });
    const ctx = systemContext({ database, clock: systemClock, logger: silentLogger });
    const queue = createBullQueue({ url: REDIS, prefix });
    const handlers = jobHandlers(
      { ...ctx, queue },
      { scheduler: createBullScheduler({ url: REDIS, prefix }), engine: async () => matching.engine },
    );
    background = {
      queue,
      workers: startBullWorkers({ url: REDIS, prefix, handlers }),
      relay: startOutboxRelay({ ...ctx, queue }, 200),
    };
  });
  afterAll(async () => {
    await background.relay.stop();
    await background.workers.close();
    await background.queue.close();
    await drop();
  });

  it('alerts the searches and profiles the posting fits, runs no other search, and coalesces a burst', async () => {
    const t = await newTenant(database);
    const employer = await t.employer();
    const analyst = await t.graduate();
    const mechanic = await t.graduate();
    const fits = await t.graduate(graduateCreate.parse(profile()));
    const nurse = await t.graduate(
      graduateCreate.parse(
        profile({
          education: [{ school: '武汉大学', degree: 'bachelor', major: '护理学', graduationDate: '2026-06-30' }],
          skills: [{ name: '静脉输液' }],
          summary: '临床护理实习一年。',
        }),
      ),
    );
    const save = async (g: { id: string; key: string }, body: Record<string, unknown>) =>
      expect((await api.call('POST', `/v1/graduates/${g.id}/saved-searches`, g.key, body)).status).toBe(201);
    await save(analyst, { name: '数据分析', query: { q: '数据分析' } });
    await save(mechanic, { name: '机械', query: { q: '机械设计 SolidWorks' } });
    await save(fits, { name: '适合我的', profileMatch: { minScore: 0.3 } });
    await save(nurse, { name: '适合我的', profileMatch: { minScore: 0.9 } });
    const watermarks = async () =>
      new Map(
        (
          await sql<{ graduate_id: string; checked_through: Date }>`select graduate_id, checked_through
            from saved_searches where tenant_id = ${t.tenantId}`.execute(database.db)
        ).rows.map((r) => [r.graduate_id, new Date(r.checked_through).getTime()]),
      );
    const before = await watermarks();

    const posted = await api.call<{ id: string }>('POST', '/v1/jobs', employer.key, job({}));
    expect(posted.status).toBe(201);
    const feedOf = async (g: { id: string; key: string }) =>
      (await api.call<{ items: GraduateAlert[] }>('GET', `/v1/graduates/${g.id}/alerts`, g.key)).json.items;
    // The job waits for the end of its window (5 s), then runs.
    const first = await until(async () => ((await feedOf(analyst)).length > 0 ? feedOf(analyst) : undefined), 150);
    expect(first.map((a) => a.posting.id)).toEqual([posted.json.id]);
    expect((await feedOf(fits)).map((a) => a.posting.id)).toEqual([posted.json.id]);
    expect(await feedOf(mechanic)).toEqual([]);
    expect(await feedOf(nurse)).toEqual([]);

    // Only the searches the indexes picked ran: theirs moved on, the others' watermarks did not.
    const after = await watermarks();
    expect((after.get(analyst.id) ?? 0) > (before.get(analyst.id) ?? 0)).toBe(true);
    expect((after.get(fits.id) ?? 0) > (before.get(fits.id) ?? 0)).toBe(true);
    expect(after.get(mechanic.id)).toBe(before.get(mechanic.id));
    expect(after.get(nurse.id)).toBe(before.get(nurse.id));
    // Each alert shown is an impression of an alert list.
    const shown = await sql<{ graduate_id: string }>`select graduate_id from impressions
      where tenant_id = ${t.tenantId} and list_kind = 'alert' order by graduate_id`.execute(database.db);
    expect(shown.rows.map((r) => r.graduate_id).sort()).toEqual([analyst.id, fits.id].sort());

    // A burst of edits: one outbox row (one job) per window, never one per change.
    const start = Date.now();
    for (const title of ['数据分析师（增长）', '数据分析师（风控）', '数据分析师（商业）'])
      expect((await api.call('PATCH', `/v1/jobs/${posted.json.id}`, employer.key, { title })).status).toBe(200);
    const windows = Math.floor(Date.now() / 5_000) - Math.floor(start / 5_000) + 1;
    const rows = await sql<{ job_id: string }>`select job_id from audit_outbox
      where tenant_id = ${t.tenantId} and job_name = 'posting-alerts'`.execute(database.db);
    expect(rows.rows.length).toBeLessThanOrEqual(1 + windows);
    // One alert per search and posting: the edits raise nothing new.
    await until(async () => {
      const left = await sql<{ n: string }>`select count(*) as n from audit_outbox where tenant_id = ${t.tenantId}
        and job_name = 'posting-alerts' and relayed_at is null`.execute(database.db);
      return Number(left.rows[0]?.n) === 0 ? true : undefined;
    }, 150);
    const done = async () => (await background.queue.counts('posting-alerts')).delayed === 0 || undefined;
    await until(done, 150);
    expect((await feedOf(analyst)).map((a) => a.posting.id)).toEqual([posted.json.id]);
  }, 60_000);
});
