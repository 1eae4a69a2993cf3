import { jobHandlers } from '../../jobs/handlers/index.ts';
import { createBullScheduler } from '../../src/queue/bullmq-scheduler.ts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.ts';
import { createBullQueue, startBullWorkers } from '../../src/queue/bullmq.ts';
import { createMemoryQueue } from '../../src/queue/memory.ts';
import type { JobQueue, RunningWorkers } from '../../src/queue/port.ts';
import { relayOutbox } from '../../src/services/audits/relay.ts';
import { runAuditJob } from '../../src/services/audits/run.ts';
import { systemClock, systemContext } from '../../src/services/context.ts';
import type { Database } from '../../src/storage/db.ts';
import { testApp } from '../support/app.ts';
import { addImpressions, addPeople } from '../support/audit-factory.ts';
import type { AuditRun } from '../support/bodies.ts';
import { isolatedPostgresDatabase } from '../support/db.ts';
import { newTenant } from '../support/factories.ts';

const REDIS = 'redis://127.0.0.1:6379';
/** A port nothing listens on: the queue is "down". */
const NOWHERE = 'redis://127.0.0.1:1';
const prefix = `bole-test-${process.pid}-${Date.now().toString(36)}`;

async function seededTenant(database: Database) {
  const t = await newTenant(database);
  const people = await addPeople(
    database,
    t.tenantId,
    Array.from({ length: 24 }, (_, i) => ({ demographics: { gender: i % 2 === 0 ? 'female' : 'male' } })),
  );
  const listId = crypto.randomUUID();
  const postingId = crypto.randomUUID();
  await addImpressions(
    database,
    t.tenantId,
    people.map((graduateId, i) => ({
      listId,
      listKind: 'candidates' as const,
      graduateId,
      postingId,
      rank: i + 1,
      score: 1 - i / 100,
    })),
  );
  return t;
}

const reports = async (database: Database, runId: string) =>
  (await sql<{ n: number }>`select count(*)::int as n from audit_reports where run_id = ${runId}`.execute(database.db))
    .rows[0]?.n;

describe('audit requests wait in the outbox while the queue is unreachable', () => {
  let database: Database;
  beforeAll(async () => {
    database = await isolatedPostgresDatabase();
  });
  afterAll(async () => database.close());

  it('keeps the row pending, then relays it once to a working queue and runs once', async () => {
    const api = testApp(database);
    const t = await seededTenant(database);
    const created = await api.call<AuditRun>('POST', '/v1/audits', t.staff.admin, {});
    const runId = created.json.id;
    const down = createBullQueue({ url: NOWHERE, prefix });
    expect(await relayOutbox({ database, queue: down, clock: systemClock, logger: silentLogger })).toBe(0);
    await down.close();
    const pending = await database.db
      .selectFrom('audit_outbox')
      .select(['relayed_at', 'relay_attempts', 'last_error'])
      .where('job_id', '=', runId)
      .executeTakeFirstOrThrow();
    expect(pending.relayed_at).toBeNull();
    expect(pending.relay_attempts).toBe(1);
    expect((await api.call<AuditRun>('GET', `/v1/audits/${runId}`, t.staff.admin)).json.status).toBe('queued');

    const up = createMemoryQueue({
      audit: (payload, job) =>
        runAuditJob(systemContext({ database, clock: systemClock, logger: silentLogger }), payload, job),
    });
    expect(await relayOutbox({ database, queue: up, clock: systemClock, logger: silentLogger })).toBeGreaterThanOrEqual(
      1,
    );
    await up.drain();
    expect(await relayOutbox({ database, queue: up, clock: systemClock, logger: silentLogger })).toBe(0);
    expect((await api.call<AuditRun>('GET', `/v1/audits/${runId}`, t.staff.admin)).json.status).toBe('completed');
    expect(await reports(database, runId)).toBe(1);
  });
});

// BullMQ 6 loads Redis through `ioredis`, a dependency of Bole: a missing driver fails here, never skips.
describe('the real BullMQ worker against Redis at 127.0.0.1:6379', () => {
  let database: Database;
  let queue: JobQueue;
  let workers: RunningWorkers;
  beforeAll(async () => {
    database = await isolatedPostgresDatabase();
    queue = createBullQueue({ url: REDIS, prefix });
    workers = startBullWorkers({
      url: REDIS,
      prefix,
      handlers: jobHandlers(systemContext({ database, clock: systemClock, logger: silentLogger }), {
        scheduler: createBullScheduler({ url: REDIS, prefix }),
      }),
    });
  });
  afterAll(async () => {
    await workers.close();
    await queue.close();
    await database.close();
  });

  it('runs a request made while Redis was unreachable exactly once after it is back', async () => {
    const api = testApp(database);
    const t = await seededTenant(database);
    const runId = (await api.call<AuditRun>('POST', '/v1/audits', t.staff.auditor, {})).json.id;
    const down = createBullQueue({ url: NOWHERE, prefix });
    expect(await relayOutbox({ database, queue: down, clock: systemClock, logger: silentLogger })).toBe(0);
    await down.close();

    expect(await relayOutbox({ database, queue, clock: systemClock, logger: silentLogger })).toBeGreaterThanOrEqual(1);
    let status = '';
    for (let i = 0; i < 200 && status !== 'completed' && status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = (await api.call<AuditRun>('GET', `/v1/audits/${runId}`, t.staff.auditor)).json.status;
    }
    expect(status).toBe('completed');
    expect(await queue.enqueue('audit', { runId, tenantId: t.tenantId }, { jobId: runId })).toEqual({
      jobId: runId,
      created: false,
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(await reports(database, runId)).toBe(1);
  });
});
