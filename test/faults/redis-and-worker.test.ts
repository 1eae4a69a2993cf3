import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Supervisor } from '../../jobs/worker.ts';
import type { Database } from '../../src/storage/db.ts';
import { testApp } from '../support/app.ts';
import { addPeople } from '../support/audit-factory.ts';
import { auditableTenant, bulkImpressions, eventually } from '../support/audit-seed.ts';
import type { AuditRun } from '../support/bodies.ts';
import { newTenant } from '../support/factories.ts';
import { ownPostgres, ownRedis, type OwnPostgres, type OwnRedis } from '../support/own-services.ts';
import { background, migratedDatabase } from './fault-support.ts';

type Status = AuditRun['status'];

/** A tenant whose audit takes a while: 200 consenting graduates ranked in `lists` candidate lists. */
async function bigTenant(database: Database, lists: number) {
  const t = await newTenant(database);
  const ids = await addPeople(
    database,
    t.tenantId,
    Array.from({ length: 200 }, (_, i) => ({ demographics: { gender: i % 3 === 0 ? 'female' : 'male' } })),
  );
  await bulkImpressions(database, t.tenantId, ids, lists);
  return t;
}

/** Every run of a tenant with its report count: the "completed exactly once" check. */
async function ledger(database: Database, tenantId: string) {
  const runs = await database.db
    .selectFrom('audit_runs')
    .select(['id', 'status'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const reports = await database.db
    .selectFrom('audit_reports')
    .select(['run_id'])
    .where('tenant_id', '=', tenantId)
    .execute();
  return { runs, reportRunIds: reports.map((r) => r.run_id).sort() };
}

async function allCompletedOnce(database: Database, tenantId: string, ms: number) {
  const finished = await eventually(async () => {
    const { runs } = await ledger(database, tenantId);
    return runs.every((r) => r.status === 'completed' || r.status === 'failed');
  }, ms);
  const { runs, reportRunIds } = await ledger(database, tenantId);
  return { finished, statuses: runs.map((r) => r.status), reportRunIds, runIds: runs.map((r) => r.id).sort() };
}

describe('Redis down, and Redis restarted empty, with the workers in process', () => {
  let pg: OwnPostgres;
  let redis: OwnRedis;
  let database: Database;
  let supervisor: Supervisor;
  beforeAll(async () => {
    [pg, redis] = await Promise.all([ownPostgres(), ownRedis()]);
    ({ database } = await migratedDatabase(pg));
  });
  afterAll(async () => {
    await supervisor?.close(5_000);
    await database?.close();
    await redis?.stop();
    await pg?.destroy();
  });

  it('keeps audits requested while Redis is down and runs each once when it is back', async () => {
    supervisor = background(database, redis.url);
    await supervisor.firstAttempt;
    const api = testApp(database);
    const t = await auditableTenant(database);
    await redis.stop();
    const accepted: number[] = [];
    for (let i = 0; i < 3; i++) accepted.push((await api.call('POST', '/v1/audits', t.staff.auditor, {})).status);
    expect(accepted).toEqual([202, 202, 202]);
    expect((await supervisor.health()).redis).toBe('unavailable');
    await new Promise((r) => setTimeout(r, 1_500));
    const { runs } = await ledger(database, t.tenantId);
    expect(runs.map((r) => r.status)).toEqual(['queued', 'queued', 'queued']);
    await redis.start(); // empty
    const result = await allCompletedOnce(database, t.tenantId, 60_000);
    expect(result.finished).toBe(true);
    expect(result.statuses).toEqual(['completed', 'completed', 'completed']);
    expect(result.reportRunIds).toEqual(result.runIds);
  });

  it('relays again the jobs an empty Redis lost (one running, one waiting) and completes each once', async () => {
    const api = testApp(database);
    const t = await bigTenant(database, 120);
    const first = (await api.call<AuditRun>('POST', '/v1/audits', t.staff.auditor, {})).json.id;
    const second = (await api.call<AuditRun>('POST', '/v1/audits', t.staff.auditor, {})).json.id;
    const status = async (id: string) =>
      (await api.call<AuditRun>('GET', `/v1/audits/${id}`, t.staff.auditor)).json.status as Status;
    expect(await eventually(async () => (await status(first)) === 'running', 30_000)).toBe(true);
    // Redis dies and comes back with nothing: the running job's and the waiting job's keys are gone.
    await redis.stop();
    await redis.start();
    const result = await allCompletedOnce(database, t.tenantId, 120_000);
    expect(result.finished).toBe(true);
    expect(result.statuses).toEqual(['completed', 'completed']);
    expect(result.reportRunIds).toEqual([first, second].sort());
    const verdict = await api.call<{ ok: boolean; reports: number }>('GET', '/v1/audits/verify', t.staff.auditor);
    expect(verdict.json).toMatchObject({ ok: true, reports: 2 });
  });
});

describe('the worker process killed with SIGKILL in the middle of an audit', () => {
  let pg: OwnPostgres;
  let redis: OwnRedis;
  let database: Database;
  let url: string;
  const workers: ChildProcess[] = [];
  const startWorker = () => {
    const child = spawn(process.execPath, ['src/entry/jobs.ts'], {
      cwd: process.cwd(),
      env: {
        ...process.env,
        DATABASE_URL: url,
        REDIS_URL: redis.url,
        JOB_STALL_SECONDS: '3',
        QUEUE_SWEEP_AFTER_SECONDS: '5',
        LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    });
    workers.push(child);
    return child;
  };
  beforeAll(async () => {
    [pg, redis] = await Promise.all([ownPostgres(), ownRedis()]);
    ({ database, url } = await migratedDatabase(pg));
  });
  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
    await database?.close();
    await redis?.stop();
    await pg?.destroy();
  });

  it('runs the interrupted audit again when a worker is back, and stores one report', async () => {
    const api = testApp(database);
    const t = await bigTenant(database, 150);
    const first = startWorker();
    const runId = (await api.call<AuditRun>('POST', '/v1/audits', t.staff.auditor, {})).json.id;
    const run = async () => (await api.call<AuditRun>('GET', `/v1/audits/${runId}`, t.staff.auditor)).json;
    expect(await eventually(async () => (await run()).status === 'running', 60_000)).toBe(true);
    const killed = new Promise((r) => first.once('exit', r));
    first.kill('SIGKILL');
    await killed;
    expect((await run()).status).toBe('running');
    startWorker();
    expect(await eventually(async () => (await run()).status === 'completed', 120_000)).toBe(true);
    const { reportRunIds } = await ledger(database, t.tenantId);
    expect(reportRunIds).toEqual([runId]);
    const verdict = await api.call<{ ok: boolean; reports: number }>('GET', '/v1/audits/verify', t.staff.auditor);
    expect(verdict.json).toMatchObject({ ok: true, reports: 1 });
  });
});
