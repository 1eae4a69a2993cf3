import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue, QueueEvents } from 'bullmq';
import { jobHandlers } from '../../jobs/handlers/index.ts';
import { silentLogger } from '../../src/logger.ts';
import { createBullQueue, redisOptions, startBullWorkers } from '../../src/queue/bullmq.ts';
import type { JobQueue, RunningWorkers } from '../../src/queue/port.ts';
import { systemClock, systemContext } from '../../src/services/context.ts';
import { createBullScheduler } from '../../src/queue/bullmq-scheduler.ts';
import type { MatchingDeps } from '../../src/services/matching/deps.ts';
import type { Database } from '../../src/storage/db.ts';
import { testApp } from '../support/app.ts';
import type { Booth, Created, FairRun, JobFair } from '../support/bodies.ts';
import { postgresDatabase } from '../support/db.ts';
import { newTenant } from '../support/factories.ts';
import { postJobs, profile, testMatching } from '../support/matching.ts';

const REDIS = 'redis://127.0.0.1:6379';

describe('the job-fair-assignment job on the real BullMQ worker and Redis', () => {
  const prefix = `bole-test-fairs-${process.pid}-${Date.now()}`;
  let database: Database;
  let matching: MatchingDeps;
  // Workers only, no outbox relay: the relay would take other test files' pending rows.
  let background: { queue: JobQueue; workers: RunningWorkers };

  beforeAll(async () => {
    database = await postgresDatabase();
    matching = await testMatching(database);
    const ctx = systemContext({ database, clock: systemClock, logger: silentLogger });
    const handlers = jobHandlers(ctx, {
      scheduler: createBullScheduler({ url: REDIS, prefix }),
      engine: async () => matching.engine,
    });
    background = {
      queue: createBullQueue({ url: REDIS, prefix }),
      workers: startBullWorkers({ url: REDIS, prefix, handlers }),
    };
  });
  afterAll(async () => {
    await background.workers.close();
    await background.queue.close();
    await database.close();
  });

  it('plans a fair with progress, once, however often the job is delivered', async () => {
    const t = await newTenant(database);
    const api = testApp(database, { matching });
    const employer = await t.employer({ name: '楚天数据' });
    const { analyst } = await postJobs(api.call, employer.key, { analyst: {} });
    const fair = (
      await api.call<JobFair>('POST', '/v1/job-fairs', t.staff.career_office, {
        name: '双选会',
        date: '2026-12-20',
        venue: '体育馆',
        slotMinutes: 20,
        start: '09:00',
        end: '10:00',
      })
    ).json;
    const booth = (
      await api.call<Booth>('POST', `/v1/job-fairs/${fair.id}/booths`, employer.key, {
        postingIds: [analyst],
        room: 'A',
        table: '1',
        interviewers: 2,
      })
    ).json;
    for (let i = 0; i < 8; i++) {
      const g = (await api.call<Created>('POST', '/v1/graduates', t.staff.career_office, profile({ name: `g${i}` })))
        .json;
      expect(
        (
          await api.call('POST', `/v1/job-fairs/${fair.id}/registrations`, t.staff.career_office, {
            graduateId: g.id,
            rankings: [booth.id],
          })
        ).status,
      ).toBe(201);
    }
    const run = (
      await api.call<FairRun>('POST', `/v1/job-fairs/${fair.id}/assignments`, t.staff.career_office, {
        mode: 'optimal',
      })
    ).json;
    // Act as the relay for this one row, so no other test's relay sends it to its own workers.
    await database.db
      .updateTable('audit_outbox')
      .set({ relayed_at: new Date() })
      .where('job_id', '=', run.id)
      .execute();

    const events = new QueueEvents('job-fair-assignment', { connection: redisOptions(REDIS), prefix });
    await events.waitUntilReady();
    const queue = new Queue('job-fair-assignment', { connection: redisOptions(REDIS), prefix });
    const progress: number[] = [];
    events.on('progress', ({ data }) => progress.push(Number(data)));
    const sent = await background.queue.enqueue(
      'job-fair-assignment',
      { runId: run.id, tenantId: t.tenantId },
      { jobId: run.id },
    );
    const job = await queue.getJob(sent.jobId);
    if (!job) throw new Error('job missing');
    expect(await job.waitUntilFinished(events, 60_000)).toEqual({ status: 'completed', runId: run.id, interviews: 6 });
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every((p, i) => i === 0 || p >= (progress[i - 1] ?? 0))).toBe(true);
    const done = (
      await api.call<FairRun>('GET', `/v1/job-fairs/${fair.id}/assignments/${run.id}`, t.staff.career_office)
    ).json;
    expect(done).toMatchObject({
      status: 'completed',
      progress: 100,
      summary: { interviews: 6, graduates: 8, slots: 3 },
    });

    expect(
      await background.queue.enqueue('job-fair-assignment', { runId: run.id, tenantId: t.tenantId }, { jobId: run.id }),
    ).toEqual({ jobId: run.id, created: false });
    const again = await background.queue.enqueue(
      'job-fair-assignment',
      { runId: run.id, tenantId: t.tenantId },
      { jobId: `${run.id}-again` },
    );
    expect(await (await queue.getJob(again.jobId))?.waitUntilFinished(events, 60_000)).toEqual({
      status: 'skipped',
      runId: run.id,
      reason: 'already completed',
    });
    await queue.close();
    await events.close();
  });
});
