/**
 * npm run bench:audit-latency -- [--impressions=40000] [--only=pglite|postgres]
 * Does a plain request wait on an audit? One audit of ~40,000 impressions runs in process (as the worker inside
 * `npm start` runs it) while one client sends GET /v1/jobs?limit=20 back to back through the app; prints the
 * request latency (p50, p99, max) before and during the audit, and the audit's wall time, on the embedded
 * database (PGlite in a temporary directory) and on PostgreSQL (a fresh database on 127.0.0.1:5432, dropped after).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { silentLogger } from '../src/logger.ts';
import { runAuditJob } from '../src/services/audits/run.ts';
import { systemClock, systemContext } from '../src/services/context.ts';
import { mintKey } from '../src/services/keys.ts';
import type { Database } from '../src/storage/db.ts';
import { openPglite } from '../src/storage/db-pglite.ts';
import { openPostgres } from '../src/storage/db-postgres.ts';
import { migrate } from '../src/storage/migrate.ts';
import { loadMigrations } from '../src/storage/migrations-fs.ts';
import { testApp } from '../test/support/app.ts';
import { generateAuditData } from './audit/generate.ts';

const { values } = parseArgs({
  options: { impressions: { type: 'string', default: '40000' }, only: { type: 'string' } },
});
const IMPRESSIONS = Number(values.impressions);
const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const pct = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const summary = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  const f = (x: number) => Number(x.toFixed(1));
  return { requests: s.length, p50ms: f(pct(s, 0.5)), p99ms: f(pct(s, 0.99)), maxMs: f(s.at(-1) ?? 0) };
};

/** GET /v1/jobs back to back until `until` settles (or `count` requests when given); the latencies. */
async function client(call: () => Promise<number>, until: Promise<unknown> | null, count = 0): Promise<number[]> {
  let done = until === null;
  void until?.then(() => (done = true));
  const out: number[] = [];
  while (until ? !done : out.length < count) {
    const t = performance.now();
    const status = await call();
    if (status !== 200) throw new Error(`GET /v1/jobs answered ${status}`);
    out.push(performance.now() - t);
  }
  return out;
}

async function measure(kind: 'pglite' | 'postgres', database: Database): Promise<void> {
  await migrate(database, await loadMigrations());
  let t0 = performance.now();
  const data = await generateAuditData(database, IMPRESSIONS);
  const generated = (performance.now() - t0) / 1000;
  const { key } = await mintKey(database, { tenantId: data.tenantId, role: 'career_office' });
  const api = testApp(database);
  const get = async () => (await api.call('GET', '/v1/jobs?limit=20', key)).status;
  const before = await client(get, null, 100);
  const runId = crypto.randomUUID();
  await database.db
    .insertInto('audit_runs')
    .values({
      id: runId,
      tenant_id: data.tenantId,
      source: 'impressions',
      status: 'queued',
      requested_by: 'bench',
      params: JSON.stringify({
        from: data.from.toISOString(),
        to: data.to.toISOString(),
        k: 10,
        attributes: ['gender', 'ethnicity', 'hukouType', 'regionOfOrigin', 'disability', 'schoolTier'],
        minGroupSize: 10,
      }),
    })
    .execute();
  t0 = performance.now();
  const phases: string[] = [];
  const audit = runAuditJob(
    systemContext({ database, clock: systemClock, logger: silentLogger }),
    { runId, tenantId: data.tenantId },
    {
      jobId: runId,
      attempt: 1,
      finalAttempt: true,
      progress: async (p) => void phases.push(`${Math.round(p)}%@${((performance.now() - t0) / 1000).toFixed(1)}s`),
    },
  );
  const during = await client(get, audit);
  const result = await audit;
  const auditSeconds = (performance.now() - t0) / 1000;
  console.log(
    JSON.stringify({
      backend: kind,
      impressions: data.impressions,
      generatedSeconds: Number(generated.toFixed(1)),
      audit: { status: result.status, seconds: Number(auditSeconds.toFixed(1)), phases: phases.join(' ') },
      before: summary(before),
      duringAudit: summary(during),
      p99Ratio: Number((summary(during).p99ms / Math.max(0.1, summary(before).p99ms)).toFixed(1)),
    }),
  );
}

if (!values.only || values.only === 'pglite') {
  const dir = mkdtempSync(join(tmpdir(), 'bole-audit-latency-'));
  const database = await openPglite(dir);
  try {
    await measure('pglite', database);
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
if (!values.only || values.only === 'postgres') {
  const name = `bole_bench_latency_${process.pid}_${Date.now().toString(36)}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const database = await openPostgres(ADMIN_URL.replace(/\/[^/]*$/, `/${name}`), { max: 8 });
  try {
    await measure('postgres', database);
  } finally {
    await database.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
