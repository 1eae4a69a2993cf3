import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_PHASES } from '../../src/domain/audit-report/phases.ts';
import { silentLogger } from '../../src/logger.ts';
import { PermanentJobError } from '../../src/queue/errors.ts';
import type { JobContext } from '../../src/queue/port.ts';
import { runAuditJob } from '../../src/services/audits/run.ts';
import { systemClock, systemContext } from '../../src/services/context.ts';
import type { MatchingDeps } from '../../src/services/matching/deps.ts';
import type { Database } from '../../src/storage/db.ts';
import { openHttpTest, type TestApi } from '../support/app.ts';
import { auditableTenant } from '../support/audit-seed.ts';
import type { AuditRun, Problem } from '../support/bodies.ts';
import { postgresDatabase } from '../support/db.ts';
import { newTenant, type TestTenant } from '../support/factories.ts';
import { job } from '../support/matching.ts';

/** The value of one sample line of a Prometheus text body (0 when the series is absent). */
function sample(body: string, series: string): number {
  const line = body.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  let database: Database;
  let api: TestApi;
  let t: TestTenant;
  let matching: MatchingDeps;

  beforeAll(async () => {
    ({ database, api, t, matching } = await openHttpTest(postgresDatabase, { matching: true }));
  });
  afterAll(async () => database.close());

  it('counts requests by route pattern and status, with latency histograms, for an admin key', async () => {
    const series = 'bole_http_requests_total{method="GET",route="/v1/graduates/:id",status="404"}';
    const before = (await api.call('GET', '/metrics', t.staff.admin)).text;
    const missing = '0193a4b2-6c1e-7d1a-9b1e-3f2a1c0d9e8f';
    for (let i = 0; i < 3; i++)
      expect((await api.call('GET', `/v1/graduates/${missing}`, t.staff.admin)).status).toBe(404);
    const res = await api.call('GET', '/metrics', t.staff.admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    // Other test files' apps in this process count too, so the test reads the change it made.
    expect(sample(res.text, series) - sample(before, series)).toBe(3);
    expect(res.text).not.toContain(missing);
    expect(res.text).toMatch(/^# TYPE bole_http_request_duration_seconds histogram$/m);
    expect(res.text).toMatch(
      /^bole_http_request_duration_seconds_bucket\{method="GET",route="\/v1\/graduates\/:id",le="\+Inf"\} \d+$/m,
    );
    expect(res.text).toMatch(/^bole_matching_kernels\{backend="(wasm-simd|js)"\} 1$/m);
    expect(res.text).toMatch(/^bole_index_postings \d+$/m);
    expect(res.text).toMatch(/^bole_process_resident_memory_bytes \d+$/m);
    for (const family of ['bole_rate_limit_rejections_total', 'bole_jobs_total', 'bole_job_duration_seconds'])
      expect(res.text).toContain(`# TYPE ${family} `);
  });

  it('times audits from request to completion, per phase, by source and outcome', async () => {
    const scrape = async () => (await api.call('GET', '/metrics', t.staff.admin)).text;
    const count = (body: string, family: string, labels: string) => sample(body, `${family}_count{${labels}}`);
    const before = await scrape();
    const a = await auditableTenant(database);
    const ctx = systemContext({ database, clock: systemClock, logger: silentLogger });
    const once = (runId: string): JobContext => ({
      jobId: runId,
      attempt: 1,
      finalAttempt: true,
      progress: async () => {},
    });
    const completed = (await api.call<AuditRun>('POST', '/v1/audits', a.staff.auditor, {})).json.id;
    expect((await runAuditJob(ctx, { runId: completed, tenantId: a.tenantId }, once(completed))).status).toBe(
      'completed',
    );
    // A run whose stored parameters no longer parse fails on its final attempt: counted as failed.
    const failed = (await api.call<AuditRun>('POST', '/v1/audits', a.staff.auditor, {})).json.id;
    await database.db
      .updateTable('audit_runs')
      .set({ params: JSON.stringify({ k: 'x' }) })
      .where('id', '=', failed)
      .execute();
    await expect(runAuditJob(ctx, { runId: failed, tenantId: a.tenantId }, once(failed))).rejects.toBeInstanceOf(
      PermanentJobError,
    );
    const rows = Array.from({ length: 20 }, (_, i) => ({
      subjectId: `s${i}`,
      groups: { gender: i % 2 === 0 ? 'female' : 'male' },
      listId: 'L1',
      rank: i + 1,
      score: 0.5,
      selected: i % 3 === 0,
    }));
    expect((await api.call('POST', '/v1/audits/external', a.staff.auditor, { rows })).status).toBe(201);

    const after = await scrape();
    const change = (family: string, labels: string) => count(after, family, labels) - count(before, family, labels);
    const audit = 'bole_audit_duration_seconds';
    expect(change(audit, 'source="impressions",outcome="completed"')).toBe(1);
    expect(change(audit, 'source="impressions",outcome="failed"')).toBe(1);
    expect(change(audit, 'source="upload",outcome="completed"')).toBe(1);
    expect(after).toMatch(
      /^bole_audit_duration_seconds_bucket\{source="impressions",outcome="completed",le="1800"\} \d+$/m,
    );
    // The completed run went through every phase once; the failed one failed before its first.
    const phase = (name: string, outcome: string) =>
      change('bole_audit_phase_duration_seconds', `phase="${name}",outcome="${outcome}"`);
    expect(AUDIT_PHASES.map((p) => phase(p, 'completed'))).toEqual(AUDIT_PHASES.map(() => 1));
    expect(AUDIT_PHASES.map((p) => phase(p, 'failed'))).toEqual(AUDIT_PHASES.map(() => 0));
  });

  it('reports the index sizes of both sides, postings and graduates: rows and vector bytes', async () => {
    const scrape = async () => (await api.call('GET', '/metrics', t.staff.admin)).text;
    const before = await scrape();
    const own = await newTenant(database);
    const graduates = [await own.graduate(), await own.graduate(), await own.graduate()];
    const employer = await own.employer();
    const posting = (await api.call<{ id: string }>('POST', '/v1/jobs', employer.key, job())).json.id;
    expect((await api.call('GET', `/v1/jobs/${posting}/candidates`, own.staff.career_office)).status).toBe(200);
    const first = graduates[0];
    if (!first) throw new Error('three graduates expected');
    expect((await api.call('GET', `/v1/graduates/${first.id}/recommendations`, first.key)).status).toBe(200);
    const after = await scrape();
    const change = (series: string) => sample(after, series) - sample(before, series);
    expect(change('bole_index_graduates')).toBe(3);
    expect(change('bole_index_postings')).toBe(1);
    // A new tenant's index starts its vector store with room for 1,024 rows.
    expect(change('bole_index_vector_bytes{side="graduates"}')).toBeGreaterThan(1024 * 4);
    expect(change('bole_index_vector_bytes{side="postings"}')).toBeGreaterThan(1024 * 4);
  });

  it('times the embedder on every path, POST /v1/embeddings included', async () => {
    const scrape = async () => (await api.call('GET', '/metrics', t.staff.admin)).text;
    const series = `bole_embedder_duration_seconds_count{embedder="${matching.engine.embedder.id}"}`;
    const before = sample(await scrape(), series);
    const input = Array.from({ length: 10 }, (_, i) => `Data analyst ${i} with SQL`);
    expect((await api.call('POST', '/v1/embeddings', t.staff.career_office, { input })).status).toBe(200);
    // Ten inputs are two batches of the embedder (eight at a time).
    expect(sample(await scrape(), series) - before).toBe(2);
  });

  it('answers other roles 403 and no key 401, as problems', async () => {
    for (const key of [t.staff.career_office, t.staff.auditor]) {
      const res = await api.call<Problem>('GET', '/metrics', key);
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
    expect((await api.call<Problem>('GET', '/metrics')).status).toBe(401);
  });
});
