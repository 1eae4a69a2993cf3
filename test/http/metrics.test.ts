import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/storage/db.ts';
import { openHttpTest, type TestApi } from '../support/app.ts';
import type { Problem } from '../support/bodies.ts';
import { postgresDatabase } from '../support/db.ts';
import type { TestTenant } from '../support/factories.ts';

/** The value of one sample line of a Prometheus text body (0 when the series is absent). */
function sample(body: string, series: string): number {
  const line = body.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  let database: Database;
  let api: TestApi;
  let t: TestTenant;

  beforeAll(async () => {
    ({ database, api, t } = await openHttpTest(postgresDatabase, { matching: true }));
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

  it('answers other roles 403 and no key 401, as problems', async () => {
    for (const key of [t.staff.career_office, t.staff.auditor]) {
      const res = await api.call<Problem>('GET', '/metrics', key);
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
    expect((await api.call<Problem>('GET', '/metrics')).status).toBe(401);
  });
});
