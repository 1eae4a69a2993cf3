import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHandler } from '../../jobs/handlers/audit.ts';
import { silentLogger } from '../../src/logger.ts';
import { createMemoryQueue } from '../../src/queue/memory.ts';
import { catchUpSchedule } from '../../src/services/audit-ops/scheduled.ts';
import { relayOutbox } from '../../src/services/audits/relay.ts';
import { systemClock, systemContext } from '../../src/services/context.ts';
import { loadTenantSettings } from '../../src/services/tenant-settings.ts';
import type { MatchingDeps } from '../../src/services/matching/deps.ts';
import type { Database } from '../../src/storage/db.ts';
import { testApp, type TestApi } from '../support/app.ts';
import type {
  Alert,
  AlertList,
  AuditPublication,
  AuditRun,
  ChainVerdict,
  Deliveries,
  Disclosure,
  Problem,
  PublicSummary,
  ScheduleView,
  ServedReport,
} from '../support/bodies.ts';
import { isolatedPostgres, pgliteDatabase } from '../support/db.ts';
import { newTenant } from '../support/factories.ts';
import { testMatching } from '../support/matching.ts';
import { seedBiasedTenant } from './audit-ops-support.ts';

/**
 * Own databases: the outbox rows these tests write (schedule syncs, scheduled runs) must not be relayed
 * by another test file's relay into its queues, nor this file's relay take theirs.
 */
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

describe.each(backends)('audit operations API on $name', ({ open }) => {
  let database: Database;
  let drop: () => Promise<void>;
  let matching: MatchingDeps;
  let api: TestApi;
  const deps = () => systemContext({ database, clock: systemClock, logger: silentLogger });

  beforeAll(async () => {
    ({ database, drop } = await open());
    matching = await testMatching(database);
    api = testApp(database, { matching });
  });
  afterAll(async () => drop());

  /** Runs the tenant's pending audit outbox rows with the real audit handler (audit + alert check), in process. */
  async function runAudits(tenantId: string) {
    const queue = createMemoryQueue({ audit: auditHandler(deps()) });
    const rows = await database.db
      .selectFrom('audit_outbox')
      .select(['job_id', 'payload'])
      .where('tenant_id', '=', tenantId)
      .where('job_name', '=', 'audit')
      .where('relayed_at', 'is', null)
      .execute();
    for (const r of rows)
      await queue.enqueue('audit', r.payload as { runId: string; tenantId: string }, { jobId: r.job_id });
    await queue.drain();
    return rows.map((r) => r.job_id);
  }

  it('validates the schedule and webhook with 400s naming the field, keeps roles, never shows the secret', async () => {
    const t = await newTenant(database);
    const bad = await api.call<Problem>('PUT', '/v1/tenant/audit-schedule', t.staff.admin, { cron: '61 * * * *' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.json.errors?.[0]?.path).toBe('body.cron');
    expect(bad.json.errors?.[0]?.message).toContain('valid cron');
    const fields = await api.call<Problem>('PUT', '/v1/tenant/audit-schedule', t.staff.admin, { cron: '* * *' });
    expect(fields.json.errors?.[0]).toMatchObject({ path: 'body.cron', message: expect.stringContaining('got 3') });
    const tz = await api.call<Problem>('PUT', '/v1/tenant/audit-schedule', t.staff.admin, {
      cron: '0 3 * * 1',
      timezone: 'Mars/Olympus',
    });
    expect(tz.status).toBe(400);
    expect(tz.json.errors?.[0]?.path).toBe('body.timezone');
    const graduateKey = (await t.graduate()).key;
    expect((await api.call('PUT', '/v1/tenant/audit-schedule', graduateKey, { cron: '0 3 * * 1' })).status).toBe(403);

    const ok = await api.call<ScheduleView>('PUT', '/v1/tenant/audit-schedule', t.staff.career_office, {
      cron: '0 3 * * 1',
      timezone: 'Asia/Shanghai',
    });
    expect(ok.status).toBe(200);
    expect(ok.json.schedule).toMatchObject({ cron: '0 3 * * 1', timezone: 'Asia/Shanghai', windowDays: 30, k: 10 });
    // Monday 03:00 in Shanghai is Sunday 19:00 UTC.
    expect(new Date(ok.json.nextRunAt ?? '').getUTCDay()).toBe(0);
    expect(new Date(ok.json.nextRunAt ?? '').getUTCHours()).toBe(19);
    const sync = await database.db
      .selectFrom('audit_outbox')
      .select(['job_name', 'payload'])
      .where('tenant_id', '=', t.tenantId)
      .where('job_name', '=', 'audit-schedule-sync')
      .execute();
    expect(sync).toHaveLength(1);
    expect(
      (await api.call<ScheduleView>('GET', '/v1/tenant/audit-schedule', t.staff.auditor)).json.schedule?.cron,
    ).toBe('0 3 * * 1');
    // Auditors may schedule audits as they may request them.
    const byAuditor = await api.call<ScheduleView>('PUT', '/v1/tenant/audit-schedule', t.staff.auditor, {
      cron: '0 4 * * 1',
    });
    expect(byAuditor.status).toBe(200);
    expect(byAuditor.json.schedule?.cron).toBe('0 4 * * 1');

    expect(
      (
        await api.call<Problem>('PUT', '/v1/tenant/alert-webhook', t.staff.admin, {
          url: 'http://hooks.example.com/x',
          secret: 'a-long-enough-secret',
        })
      ).json.errors?.[0]?.path,
    ).toBe('body.url');
    expect(
      (
        await api.call<Problem>('PUT', '/v1/tenant/alert-webhook', t.staff.admin, {
          url: 'https://hooks.example.com/x',
          secret: 'short',
        })
      ).json.errors?.[0]?.path,
    ).toBe('body.secret');
    const hook = await api.call<{ webhook: unknown }>('PUT', '/v1/tenant/alert-webhook', t.staff.admin, {
      url: 'https://hooks.example.com/x',
      secret: 'a-long-enough-secret',
    });
    expect(hook.json.webhook).toMatchObject({ url: 'https://hooks.example.com/x', secretSet: true });
    const settings = await api.call<{ alertWebhook: unknown }>('GET', '/v1/tenant/settings', t.staff.admin);
    expect(settings.json.alertWebhook).toMatchObject({ secretSet: true });
    expect(settings.text).not.toContain('a-long-enough-secret');
    expect((await api.call('GET', '/v1/tenant/alert-webhook', t.staff.auditor)).status).toBe(403);
  });

  it(
    'raises alerts once per run, lets staff acknowledge and resolve them, and the disclosure ' +
      'says whether one is open',
    async () => {
      const t = await newTenant(database);
      const people = await seedBiasedTenant(database, t.tenantId);
      const before = await api.call<Disclosure>('GET', '/v1/algorithm?lang=en', t.staff.auditor);
      expect(before.json.document.operation.openAlert).toBe(false);

      expect((await api.call('POST', '/v1/audits', t.staff.auditor, {})).status).toBe(202);
      const [runId = ''] = await runAudits(t.tenantId);
      const list = await api.call<AlertList>('GET', '/v1/alerts', t.staff.auditor);
      expect(list.status).toBe(200);
      const byKind: Partial<Record<Alert['kind'], Alert>> = Object.fromEntries(list.json.items.map((a) => [a.kind, a]));
      expect(byKind.adverse_impact).toMatchObject({
        runId,
        grouping: 'gender',
        group: 'female',
        metric: 'selection',
        status: 'open',
      });
      // Women 0 of 240 decisions in the top 10, men 100 of 240.
      expect(byKind.adverse_impact?.figures).toMatchObject({
        impactRatio: 0,
        n: 240,
        selected: 0,
        referenceGroup: 'male',
        referenceRate: 100 / 240,
      });
      expect(byKind.adverse_impact?.figures.fisherP).toBeLessThan(0.05);
      const v = (r: number) => 1 / Math.log2(1 + r);
      const mean = (a: number, b: number) =>
        Array.from({ length: b - a + 1 }, (_, i) => v(a + i)).reduce((s, x) => s + x, 0) / (b - a + 1);
      const d = mean(1, 24) - mean(25, 48);
      expect(byKind.exposure_disparity?.figures.disparateTreatmentRatio).toBeCloseTo(mean(25, 48) / mean(1, 24), 12);
      expect(byKind.exposure_disparity?.figures.hoeffdingP).toBeCloseTo(2 * Math.exp((-2 * d * d) / (2 / 240)), 12);
      expect(byKind.exposure_disparity?.figures).toMatchObject({
        impressions: 240,
        referenceImpressions: 240,
        referenceGroup: 'male',
      });
      for (const p of people) expect(list.text).not.toContain(p);
      // No webhook set: no delivery queued.
      expect(
        await database.db
          .selectFrom('audit_outbox')
          .select('id')
          .where('tenant_id', '=', t.tenantId)
          .where('job_name', '=', 'webhook-delivery')
          .execute(),
      ).toHaveLength(0);

      // A second delivery of the audit job (already completed) re-checks and adds nothing.
      const again = createMemoryQueue({ audit: auditHandler(deps()) });
      await again.enqueue('audit', { runId, tenantId: t.tenantId }, { jobId: runId });
      await again.drain();
      const count = await sql<{
        n: number;
      }>`select count(*)::int as n from audit_alerts where run_id = ${runId}`.execute(database.db);
      expect(count.rows[0]?.n).toBe(2);

      const open = await api.call<Disclosure>('GET', '/v1/algorithm?lang=en', t.staff.auditor);
      expect(open.json.document.operation.openAlert).toBe(true);
      const id = byKind.adverse_impact?.id ?? '';
      expect(
        (await api.call('PATCH', `/v1/alerts/${id}`, t.staff.auditor, { status: 'acknowledged', note: 'x' })).status,
      ).toBe(403);
      expect(
        (await api.call<Problem>('PATCH', `/v1/alerts/${id}`, t.staff.admin, { status: 'acknowledged' })).json
          .errors?.[0]?.path,
      ).toBe('body.note');
      const ack = await api.call('PATCH', `/v1/alerts/${id}`, t.staff.career_office, {
        status: 'acknowledged',
        note: '正在复核候选名单排序。',
      });
      expect(ack.json).toMatchObject({
        status: 'acknowledged',
        note: '正在复核候选名单排序。',
        statusBy: expect.any(String),
      });
      expect(
        (await api.call('PATCH', `/v1/alerts/${id}`, t.staff.career_office, { status: 'acknowledged', note: 'again' }))
          .status,
      ).toBe(409);
      expect(
        (await api.call<AlertList>('GET', '/v1/alerts?status=acknowledged', t.staff.auditor)).json.items.map(
          (a) => a.id,
        ),
      ).toEqual([id]);
      // Acknowledged is still being handled: the disclosure keeps saying an alert is open until both are resolved.
      expect(
        (await api.call<Disclosure>('GET', '/v1/algorithm?lang=en', t.staff.auditor)).json.document.operation.openAlert,
      ).toBe(true);
      for (const a of list.json.items) {
        expect(
          (
            await api.call('PATCH', `/v1/alerts/${a.id}`, t.staff.admin, {
              status: 'resolved',
              note: 'weights corrected and re-audited',
            })
          ).status,
        ).toBe(200);
      }
      expect(
        (await api.call<Disclosure>('GET', '/v1/algorithm?lang=en', t.staff.auditor)).json.document.operation.openAlert,
      ).toBe(false);
      expect((await api.call<Deliveries>('GET', `/v1/alerts/${id}/deliveries`, t.staff.auditor)).json.items).toEqual(
        [],
      );

      // Another tenant sees none of it (404, not 403).
      const other = await newTenant(database);
      expect((await api.call('GET', `/v1/alerts/${id}`, other.staff.admin)).status).toBe(404);
      expect((await api.call<AlertList>('GET', '/v1/alerts', other.staff.admin)).json.items).toEqual([]);
      expect((await api.call('GET', '/v1/alerts', (await other.graduate()).key)).status).toBe(403);
    },
  );

  it('shows only published audits in the public summary (JSON and HTML), publication chained and logged', async () => {
    const t = await newTenant(database);
    expect((await api.call('GET', `/v1/audits/latest/summary?tenant=${t.tenantId}`)).status).toBe(404);
    const none = await api.call('GET', `/v1/audits/latest/summary?tenant=${crypto.randomUUID()}`);
    expect(none.status).toBe(404);
    expect(none.headers.get('content-type')).toContain('application/problem+json');
    expect((await api.call<Problem>('GET', '/v1/audits/latest/summary')).json.errors?.[0]?.path).toBe('query.tenant');

    const people = await seedBiasedTenant(database, t.tenantId, 2);
    await api.call('POST', '/v1/audits', t.staff.auditor, { k: 10 });
    const [runId] = await runAudits(t.tenantId);
    // Completed is not public: nothing shows until someone publishes.
    expect((await api.call('GET', `/v1/audits/latest/summary?tenant=${t.tenantId}`)).status).toBe(404);
    expect((await api.call('GET', `/v1/audits/latest/summary.html?tenant=${t.tenantId}`)).status).toBe(404);
    const run = (await api.call<AuditRun>('GET', `/v1/audits/${runId}`, t.staff.auditor)).json;
    expect(run.published).toBeNull();
    expect(run.links.publish).toBe(`/v1/audits/${runId}/publish`);
    // Roles: the career office or an auditor of the tenant; not an admin key of the tenant, nor another tenant.
    expect((await api.call('POST', `/v1/audits/${runId}/publish`, t.staff.admin)).status).toBe(403);
    const stranger = await newTenant(database);
    expect((await api.call('POST', `/v1/audits/${runId}/publish`, stranger.staff.auditor)).status).toBe(404);
    const published = await api.call<AuditPublication>('POST', `/v1/audits/${runId}/publish`, t.staff.auditor);
    expect(published.status).toBe(201);
    expect(published.json.run.published?.seq).toBe(published.json.publication.seq);
    expect(published.json.run.links.publish).toBeNull();
    const again = await api.call<Problem>('POST', `/v1/audits/${runId}/publish`, t.staff.career_office);
    expect(again.status).toBe(409);
    expect(again.json.detail).toContain('already published');
    const logged = await database.db
      .selectFrom('operator_actions')
      .select(['action', 'actor_role'])
      .where('tenant_id', '=', t.tenantId)
      .where('action', '=', 'publish_audit')
      .execute();
    expect(logged).toEqual([{ action: 'publish_audit', actor_role: 'auditor' }]);

    const res = await api.call<PublicSummary>('GET', `/v1/audits/latest/summary?tenant=${t.tenantId}`);
    expect(res.status).toBe(200);
    const s = res.json;
    const report = (await api.call<ServedReport>('GET', `/v1/audits/${runId}/report`, t.staff.auditor)).json;
    expect(s).toMatchObject({
      tenantId: t.tenantId,
      auditDate: report.auditDate,
      dataWindow: report.window,
      k: 10,
      dataSource: { kind: 'impressions' },
    });
    expect(s.report.seq).toBe(report.chain.seq);
    expect(s.publication).toMatchObject({
      seq: published.json.publication.seq,
      sha256: published.json.publication.sha256,
    });
    const gender = s.categories.find((c) => c.grouping === 'gender');
    expect(gender?.selectionRates).toEqual([
      { group: 'female', n: 48, people: 24, selected: 0, rate: 0, impactRatio: 0 },
      { group: 'male', n: 48, people: 24, selected: 20, rate: 20 / 48, impactRatio: 1 },
    ]);
    // Every category is listed: nobody is non-binary here, so it is shown with n = 0, suppressed.
    expect(gender?.excluded).toEqual([
      { group: 'nonbinary', n: 0, reason: 'below-min-size', decisions: null, selected: null, rate: null },
    ]);
    expect(gender?.unknown).toBe(0);
    expect(gender?.unknownPeople).toBe(0);
    expect(s.totals).toMatchObject({ decisions: 96, unknownDecisions: 0 });
    expect(s.rules).toMatchObject({ minGroupSize: 10, impactRatioThreshold: 0.8 });
    for (const p of people) expect(res.text).not.toContain(p);
    const page = await api.call('GET', `/v1/audits/latest/summary.html?tenant=${t.tenantId}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('偏差审计公示 Bias audit summary');
    expect(page.text).toContain(s.report.sha256);
    for (const p of people) expect(page.text).not.toContain(p);

    // An uploaded file is not this service's audit: the summary stays on the latest own audit.
    const upload = await api.call('POST', '/v1/audits/external', t.staff.auditor, {
      rows: Array.from({ length: 20 }, (_, i) => ({
        subjectId: `s${i}`,
        listId: 'l',
        rank: i + 1,
        score: 0.5,
        selected: i < 5,
        groups: { gender: i % 2 ? 'male' : 'female' },
      })),
    });
    expect(upload.status).toBe(201);
    const uploadRun = (upload.json as AuditRun).id;
    expect((await api.call('POST', `/v1/audits/${uploadRun}/publish`, t.staff.auditor)).status).toBe(409);
    expect(
      (await api.call<PublicSummary>('GET', `/v1/audits/latest/summary?tenant=${t.tenantId}`)).json.report.seq,
    ).toBe(report.chain.seq);

    // A newer audit, completed but not published, does not replace the published one.
    await api.call('POST', '/v1/audits', t.staff.auditor, { k: 10 });
    await runAudits(t.tenantId);
    expect(
      (await api.call<PublicSummary>('GET', `/v1/audits/latest/summary?tenant=${t.tenantId}`)).json.report.seq,
    ).toBe(report.chain.seq);
    // The publication is a link of the chain, and the chain still verifies.
    const verdict = (await api.call<ChainVerdict>('GET', '/v1/audits/verify', t.staff.auditor)).json;
    expect(verdict).toMatchObject({ ok: true, publications: 1, firstBroken: null });
    expect(verdict.reports).toBe(3);
    // Editing the publication breaks the chain at that link.
    await database.db
      .updateTable('audit_publications')
      .set({ body: sql<string>`replace(body, 'auditor', 'admin')` })
      .where('tenant_id', '=', t.tenantId)
      .execute();
    const tampered = (await api.call<ChainVerdict>('GET', '/v1/audits/verify', t.staff.auditor)).json;
    expect(tampered.ok).toBe(false);
    expect(tampered.firstBroken).toMatchObject({ kind: 'publication', seq: published.json.publication.seq });
  });

  it('catch-up: a tick missed since the schedule was set gets one run, and only one', async () => {
    const t = await newTenant(database);
    await api.call('PUT', '/v1/tenant/audit-schedule', t.staff.admin, { cron: '0 3 * * *', windowDays: 7 });
    const { auditSchedule } = await loadTenantSettings(database.db, t.tenantId);
    if (!auditSchedule) throw new Error('schedule not stored');
    // Right after setting it, no tick has passed: nothing to catch up.
    expect((await catchUpSchedule(deps(), t.tenantId, auditSchedule)).status).toBe('skipped');
    // Three days later, three 03:00 ticks were missed: one run, for the latest.
    const later = new Date(Date.now() + 3 * 86_400_000);
    const clock = { now: () => later };
    const first = await catchUpSchedule({ ...deps(), clock }, t.tenantId, auditSchedule);
    expect(first.status).toBe('queued');
    const tick = new Date(first.tick ?? '');
    expect(tick.getUTCHours()).toBe(3);
    expect(later.getTime() - tick.getTime()).toBeLessThan(86_400_000);
    expect((await catchUpSchedule({ ...deps(), clock }, t.tenantId, auditSchedule)).status).toBe('skipped');
    const view = (await api.call<ScheduleView>('GET', '/v1/tenant/audit-schedule', t.staff.admin)).json;
    expect(view.recentRuns).toEqual([
      { tick: tick.toISOString(), runId: first.status === 'queued' ? first.runId : '', origin: 'catch-up' },
    ]);
    const run = (await api.call<AuditRun>('GET', `/v1/audits/${view.recentRuns[0]?.runId}`, t.staff.admin)).json;
    expect(run).toMatchObject({
      status: 'queued',
      params: { to: tick.toISOString(), from: new Date(tick.getTime() - 7 * 86_400_000).toISOString() },
    });
    // The run went through the outbox like POST /v1/audits: the relay hands it to the audit queue.
    const queue = createMemoryQueue({});
    await relayOutbox({ database, queue, clock: systemClock, logger: silentLogger });
    expect(queue.jobs.get(run.id)?.name).toBe('audit');
  });
});
