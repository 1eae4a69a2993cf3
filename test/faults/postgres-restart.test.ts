import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Supervisor } from '../../jobs/worker.ts';
import type { Database } from '../../src/storage/db.ts';
import { testApp } from '../support/app.ts';
import { auditableTenant, eventually } from '../support/audit-seed.ts';
import type { AuditRun } from '../support/bodies.ts';
import { ownPostgres, ownRedis, type OwnPostgres, type OwnRedis } from '../support/own-services.ts';
import { background, migratedDatabase, newTally, tallied } from './fault-support.ts';

/*
 * PostgreSQL restarted (pg_ctl restart -m fast: every session cut) twice while requests and audit jobs flow,
 * on the test's own servers. The process survives (this test runs in it), requests during the outage get
 * 503 problem+json with Retry-After, and every audit run that exists completes exactly once.
 */
describe('PostgreSQL restarted under load', () => {
  let pg: OwnPostgres;
  let redis: OwnRedis;
  let database: Database;
  let supervisor: Supervisor;
  beforeAll(async () => {
    [pg, redis] = await Promise.all([ownPostgres(), ownRedis()]);
    ({ database } = await migratedDatabase(pg));
    supervisor = background(database, redis.url);
    await supervisor.firstAttempt;
  });
  afterAll(async () => {
    await supervisor?.close(5_000);
    await database?.close();
    await redis?.stop();
    await pg?.destroy();
  });

  it('answers 503 with Retry-After while it is away, recovers without a restart, loses no audit', async () => {
    const api = testApp(database);
    const t = await auditableTenant(database);
    const tally = newTally();
    let running = true;
    const client = async (n: number) => {
      for (let i = 0; running; i++) {
        const kind = (n + i) % 4;
        if (kind === 0)
          await tallied(tally, () => api.call<AuditRun>('POST', '/v1/audits', t.staff.auditor, {}), 'POST audits');
        else if (kind === 1)
          await tallied(tally, () => api.call('GET', '/v1/audits/verify', t.staff.auditor), 'GET verify');
        else if (kind === 2)
          await tallied(tally, () => api.call('GET', '/v1/graduates?limit=5', t.staff.career_office), 'GET graduates');
        else await tallied(tally, () => api.call('GET', '/ready'), 'GET ready');
      }
    };
    const clients = Array.from({ length: 6 }, (_, n) => client(n));
    await new Promise((r) => setTimeout(r, 1_500));
    await pg.restart();
    await new Promise((r) => setTimeout(r, 1_500));
    await pg.restart();
    await new Promise((r) => setTimeout(r, 2_000));
    running = false;
    await Promise.all(clients);

    // Not asserted: after a restart, postgres.js 3.4 can leave a connection whose deferred write never goes
    // out (a cleared but not reset timer); a transaction on it may wait past the 15 s bound (seen: 1 POST in
    // ~1,000 requests). The driver swaps the pool on connection loss to bound it; not yet proven here.
    console.log(`requests over 15 s: ${tally.hung} (${tally.hungWhat.join(', ')})`);
    expect(tally.bad).toEqual([]);
    expect([...tally.byStatus.keys()].filter((s) => ![200, 202, 503].includes(s))).toEqual([]);
    expect(tally.byStatus.get(503) ?? 0).toBeGreaterThan(0); // the outage was seen
    // Recovered without a restart: the same app and pool answer again.
    expect((await api.call('GET', '/ready')).status).toBe(200);

    // Every run that exists (also one whose 202 was lost with the connection) completes once.
    const runs = () =>
      database.db.selectFrom('audit_runs').select(['id', 'status']).where('tenant_id', '=', t.tenantId).execute();
    const done = await eventually(async () => (await runs()).every((r) => r.status === 'completed'), 90_000);
    const all = await runs();
    expect(done, JSON.stringify(all.filter((r) => r.status !== 'completed'))).toBe(true);
    expect(all.length).toBeGreaterThan(0);
    const reports = await database.db
      .selectFrom('audit_reports')
      .select(['run_id'])
      .where('tenant_id', '=', t.tenantId)
      .execute();
    expect(reports.map((r) => r.run_id).sort()).toEqual(all.map((r) => r.id).sort());
    // The whole chain by a full re-verification, page by page (how many audits the load produced varies with
    // the machine: 361 on a quiet one, more than one page of 200).
    type Page = { ok: boolean; reports: number; complete: boolean; nextFrom: number | null };
    const pages: Page[] = [];
    for (let from: number | null = 1; from !== null;) {
      const page: Page = (await api.call<Page>('GET', `/v1/audits/verify?from=${from}&limit=200`, t.staff.auditor))
        .json;
      pages.push(page);
      from = page.ok ? page.nextFrom : null;
    }
    expect(pages.every((p) => p.ok)).toBe(true);
    // `reports` counts the chain's reports up to the page's last link, so the last page's is the whole chain's.
    expect(pages.at(-1)).toMatchObject({ complete: true, nextFrom: null, reports: all.length });
    const outbox = await database.db
      .selectFrom('audit_outbox')
      .select(['job_id'])
      .where('tenant_id', '=', t.tenantId)
      .where('job_name', '=', 'audit')
      .execute();
    expect(outbox.map((o) => o.job_id).sort()).toEqual(all.map((r) => r.id).sort());
  });
});
