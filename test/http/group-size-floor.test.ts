import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.ts';
import { runAuditJob } from '../../src/services/audits/run.ts';
import { systemClock, systemContext } from '../../src/services/context.ts';
import type { Database } from '../../src/storage/db.ts';
import { testApp } from '../support/app.ts';
import { auditableTenant } from '../support/audit-seed.ts';
import type { AuditRun, Problem } from '../support/bodies.ts';
import { backends } from '../support/db.ts';
import { newTenant } from '../support/factories.ts';
import { present, type TenantSettings, type ValidationProblem } from '../support/bodies.ts';

/** Issue 16 item 6: the tenant's smallest reported group is a floor an audit request cannot lower. */
describe.each(backends)('the tenant group-size threshold is a floor on $name', ({ open }) => {
  let database: Database;
  let api: ReturnType<typeof testApp>;

  beforeAll(async () => {
    database = await open();
    api = testApp(database);
  });
  afterAll(async () => database.close());

  it('refuses audit requests and uploads below the threshold, naming the field; staff may set it', async () => {
    const t = await newTenant(database);
    expect((await api.call<TenantSettings>('GET', '/v1/tenant/settings', t.staff.admin)).json.minGroupSize).toBe(10);
    const low = await api.call<ValidationProblem>('POST', '/v1/audits', t.staff.auditor, { minGroupSize: 1 });
    expect(low.status).toBe(400);
    expect(low.json.errors.map((e: { path: string }) => e.path)).toEqual(['body.minGroupSize']);
    expect(present(low.json.errors[0], 'an error').message).toContain('10');
    const rows = Array.from({ length: 20 }, (_, i) => ({
      subjectId: `s${i}`,
      groups: { gender: i % 2 === 0 ? 'female' : 'male' },
      listId: 'L1',
      rank: i + 1,
      score: 0.5,
      selected: i % 3 === 0,
    }));
    const upload = await api.call<ValidationProblem>('POST', '/v1/audits/external', t.staff.auditor, {
      rows,
      minGroupSize: 3,
    });
    expect(upload.status).toBe(400);
    expect(upload.json.errors.map((e: { path: string }) => e.path)).toEqual(['body.minGroupSize']);
    expect((await api.call('POST', '/v1/audits', t.staff.auditor, { minGroupSize: 10 })).status).toBe(202);

    // The auditor cannot move the floor; the career office or an admin can, and it is logged.
    expect((await api.call('PATCH', '/v1/tenant/settings', t.staff.auditor, { minGroupSize: 1 })).status).toBe(403);
    const raised = await api.call<TenantSettings>('PATCH', '/v1/tenant/settings', t.staff.admin, { minGroupSize: 20 });
    expect(raised.status).toBe(200);
    expect(raised.json.minGroupSize).toBe(20);
    expect((await api.call('POST', '/v1/audits', t.staff.auditor, { minGroupSize: 10 })).status).toBe(400);
    expect((await api.call('POST', '/v1/audits', t.staff.auditor, { minGroupSize: 25 })).status).toBe(202);
    const bad = await api.call<ValidationProblem>('PATCH', '/v1/tenant/settings', t.staff.admin, { minGroupSize: 0 });
    expect(bad.json.errors.map((e: { path: string }) => e.path)).toEqual(['body.minGroupSize']);
  });

  it('publishes nothing suppressed under the threshold as it is now, nor shows it in the public summary', async () => {
    const t = await auditableTenant(database);
    const floor = async (minGroupSize: number) =>
      expect((await api.call('PATCH', '/v1/tenant/settings', t.staff.admin, { minGroupSize })).status).toBe(200);
    const ctx = systemContext({ database, clock: systemClock, logger: silentLogger });
    const run = (await api.call<AuditRun>('POST', '/v1/audits', t.staff.auditor, { minGroupSize: 10 })).json.id;
    const once = { jobId: run, attempt: 1, finalAttempt: true, progress: async () => {} };
    expect((await runAuditJob(ctx, { runId: run, tenantId: t.tenantId }, once)).status).toBe('completed');
    const publish = () => api.call<Problem>('POST', `/v1/audits/${run}/publish`, t.staff.career_office);
    const summary = async () => (await api.call('GET', `/v1/audits/latest/summary?tenant=${t.tenantId}`)).status;

    // Requested at 10; the threshold is raised to 20 before it is published: it may not be.
    await floor(20);
    const refused = await publish();
    expect([refused.status, refused.headers.get('content-type')]).toEqual([409, 'application/problem+json']);
    expect(refused.json.detail).toContain('20');
    expect(await summary()).toBe(404);
    // At 10 again it is published and shown; raised again, the public summary stops showing it.
    await floor(10);
    expect((await publish()).status).toBe(201);
    expect(await summary()).toBe(200);
    await floor(20);
    expect(await summary()).toBe(404);
  });
});
