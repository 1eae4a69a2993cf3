import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { superviseBackground, type Supervisor } from '../../jobs/worker.ts';
import { silentLogger } from '../../src/logger.ts';
import { createBullQueue, redisOptions } from '../../src/queue/bullmq.ts';
import { JOB_NAMES } from '../../src/queue/catalog.ts';
import { relayOutbox } from '../../src/services/audits/relay.ts';
import { sweepOutbox } from '../../src/services/audits/sweeper.ts';
import { systemClock, systemContext } from '../../src/services/context.ts';
import { deploymentId, queuePrefix } from '../../src/services/deployment.ts';
import type { Database } from '../../src/storage/db.ts';
import { testApp } from '../support/app.ts';
import { auditableTenant, eventually, runLedger } from '../support/audit-seed.ts';
import type { AuditRun } from '../support/bodies.ts';
import { isolatedPostgresDatabase, pgliteDatabase } from '../support/db.ts';

const REDIS = 'redis://127.0.0.1:6379';

/** Removes every key of a prefix's queues (this file's deployments are its own; their ids are random). */
async function obliterate(prefix: string): Promise<void> {
  for (const name of JOB_NAMES) {
    const q = new Queue(name, { connection: redisOptions(REDIS), prefix });
    await q.obliterate({ force: true }).catch(() => undefined);
    await q.close();
  }
}

/*
 * Two deployments with their own databases on ONE Redis, as staging and production or two universities
 * would be: each deployment's queues live under its own id, so neither takes the other's jobs.
 */
describe('two deployments on one Redis', () => {
  const deployments: { name: string; database: Database; supervisor?: Supervisor; prefix?: string }[] = [];
  beforeAll(async () => {
    deployments.push({ name: 'postgres', database: await isolatedPostgresDatabase() });
    deployments.push({ name: 'pglite', database: await pgliteDatabase() });
  });
  afterAll(async () => {
    for (const d of deployments) {
      await d.supervisor?.close();
      if (d.prefix) await obliterate(d.prefix);
      await d.database.close();
    }
  });

  it('each completes every one of its own audits exactly once', async () => {
    const [a, b] = deployments;
    if (!a || !b) throw new Error('two deployments expected');
    const ids = await Promise.all(deployments.map((d) => deploymentId(d.database)));
    expect(ids[0]).not.toBe(ids[1]);
    const requested = new Map<Database, string[]>();
    for (const d of deployments) {
      d.prefix = queuePrefix(await deploymentId(d.database));
      const api = testApp(d.database);
      const t = await auditableTenant(d.database);
      const runs: string[] = [];
      for (let i = 0; i < 3; i++)
        runs.push((await api.call<AuditRun>('POST', '/v1/audits', t.staff.auditor, {})).json.id);
      requested.set(d.database, runs);
    }
    // Both start at once, as two servers on one Redis would.
    for (const d of deployments) {
      d.supervisor = superviseBackground({
        ctx: systemContext({ database: d.database, clock: systemClock, logger: silentLogger }),
        redisUrl: REDIS,
        retryMs: 200,
        say: () => {},
        sweep: { afterMs: 3_000, intervalMs: 500 },
      });
    }
    await Promise.all(deployments.map((d) => d.supervisor?.firstAttempt));
    for (const d of deployments) {
      const runIds = requested.get(d.database) ?? [];
      const finished = await eventually(async () => {
        const { runs } = await runLedger(d.database, runIds);
        return runs.every((r) => r.status === 'completed' || r.status === 'failed');
      }, 60_000);
      expect(finished, d.name).toBe(true);
      const { runs, perRun } = await runLedger(d.database, runIds);
      expect(
        runs.map((r) => [r.status, r.failure_reason]),
        d.name,
      ).toEqual(runIds.map(() => ['completed', null]));
      expect(
        runIds.map((id) => perRun.get(id)),
        d.name,
      ).toEqual([1, 1, 1]);
    }
    // Each deployment's workers answer on its own queues only.
    const health = await Promise.all(deployments.map((d) => d.supervisor?.health()));
    expect(health.map((h) => h?.redis)).toEqual(['ok', 'ok']);
    expect(health.map((h) => h?.workers)).toEqual([1, 1]);
  });
});

describe('the sweeper', () => {
  let database: Database;
  const prefix = `bole-test-sweep-${process.pid}-${Date.now().toString(36)}`;
  beforeAll(async () => {
    database = await pgliteDatabase();
  });
  afterAll(async () => {
    await obliterate(prefix);
    await database.close();
  });

  const deps = () => ({
    database,
    clock: systemClock,
    logger: silentLogger,
    queue: createBullQueue({ url: REDIS, prefix }),
  });
  /** Redis losing a job, as a Redis restarted without persistence does. */
  const lose = async (runId: string) => {
    const q = new Queue('audit', { connection: redisOptions(REDIS), prefix });
    const job = await q.getJob(runId);
    await job?.remove();
    await q.close();
    return job !== undefined;
  };

  it('relays a job the queue lost again, at most maxSweeps times, then fails its run with a reason', async () => {
    const d = deps();
    const api = testApp(database);
    const t = await auditableTenant(database);
    const runId = (await api.call<AuditRun>('POST', '/v1/audits', t.staff.auditor, {})).json.id;
    const options = { afterMs: 0, maxSweeps: 2 };
    for (let sweep = 1; sweep <= 2; sweep++) {
      expect(await relayOutbox(d)).toBe(1);
      await new Promise((r) => setTimeout(r, 5));
      // The job waits (no worker): the sweeper leaves it to the queue.
      expect(await sweepOutbox(d, options)).toMatchObject({ checked: 1, rerelayed: 0, settled: 0 });
      expect(await lose(runId)).toBe(true);
      expect(await sweepOutbox(d, options)).toMatchObject({ checked: 1, rerelayed: 1 });
    }
    expect(await relayOutbox(d)).toBe(1);
    expect(await lose(runId)).toBe(true);
    await new Promise((r) => setTimeout(r, 5));
    expect(await sweepOutbox(d, options)).toMatchObject({ checked: 1, gaveUp: 1 });
    const run = (await api.call<AuditRun>('GET', `/v1/audits/${runId}`, t.staff.auditor)).json;
    expect(run.status).toBe('failed');
    expect(run.failureReason).toMatch(/lost 3 times and relayed again 2 times/);
    // Settled: later passes no longer look at it.
    expect(await sweepOutbox(d, options)).toMatchObject({ checked: 0 });
    await d.queue.close();
  });
});
