import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue, QueueEvents } from 'bullmq';
import { jobHandlers } from '../../jobs/handlers/index.ts';
import { createBullScheduler } from '../../src/queue/bullmq-scheduler.ts';
import { silentLogger } from '../../src/logger.ts';
import { createBullQueue, redisOptions, startBullWorkers } from '../../src/queue/bullmq.ts';
import type { JobQueue, RunningWorkers } from '../../src/queue/port.ts';
import { systemClock, systemContext } from '../../src/services/context.ts';
import type { MatchingDeps } from '../../src/services/matching/deps.ts';
import type { Database } from '../../src/storage/db.ts';
import { testApp } from '../support/app.ts';
import type { Created } from '../support/bodies.ts';
import { postgresDatabase } from '../support/db.ts';
import { newTenant } from '../support/factories.ts';
import { testMatching } from '../support/matching.ts';

interface EmbedderStatus {
  id: string;
  coverage: { graduate: { embedded: number } };
}

const REDIS = 'redis://127.0.0.1:6379';

describe('the reembed job on the real BullMQ worker and Redis', () => {
  const prefix = `bole-test-reembed-${process.pid}-${Date.now()}`;
  let database: Database;
  let matching: MatchingDeps;
  // Workers only, no outbox relay: the relay would take other test files' pending audit rows.
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

  it(
    'embeds every graduate of the tenant with the active embedder, reports progress, and drops ' +
      'a job for another embedder',
    async () => {
      const t = await newTenant(database);
      const api = testApp(database, { matching });
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) {
        ids.push(
          (
            await api.call<Created>('POST', '/v1/graduates', t.staff.career_office, {
              name: `g${i}`,
              skills: [{ name: 'Python' }],
              summary: `熟悉数据分析 ${i}`,
            })
          ).json.id,
        );
      }
      const before = await database.db
        .selectFrom('embeddings')
        .select('entity_id')
        .where('entity_type', '=', 'graduate')
        .where('entity_id', 'in', ids)
        .execute();
      expect(before).toHaveLength(0);

      const events = new QueueEvents('reembed', { connection: redisOptions(REDIS), prefix });
      await events.waitUntilReady();
      const queue = new Queue('reembed', { connection: redisOptions(REDIS), prefix });
      const progress: number[] = [];
      events.on('progress', ({ data }) => progress.push(Number(data)));
      const done = await background.queue.enqueue(
        'reembed',
        { embedderId: matching.engine.embedder.id, reason: 'manual', tenantId: t.tenantId },
        { jobId: `reembed-${t.tenantId}` },
      );
      const job = await queue.getJob(done.jobId);
      if (!job) throw new Error('job missing');
      const result = (await job.waitUntilFinished(events, 60_000)) as { graduates: number; embedded: number };
      expect(result).toMatchObject({ graduates: 7, embedded: 7 });
      expect(progress.at(-1)).toBe(100);
      const after = await database.db
        .selectFrom('embeddings')
        .select(['entity_id', 'model_id'])
        .where('entity_type', '=', 'graduate')
        .where('entity_id', 'in', ids)
        .execute();
      expect(after.map((r) => r.entity_id).sort()).toEqual([...ids].sort());
      expect(new Set(after.map((r) => r.model_id))).toEqual(new Set([matching.engine.embedder.id]));

      const stale = await background.queue.enqueue(
        'reembed',
        { embedderId: 'lsa-999-notactive', reason: 'embedder_changed', tenantId: t.tenantId },
        { jobId: `reembed-stale-${t.tenantId}` },
      );
      const staleJob = await queue.getJob(stale.jobId);
      await expect(staleJob?.waitUntilFinished(events, 60_000)).rejects.toThrow(/serves/);
      expect((await queue.getJob(stale.jobId))?.attemptsMade).toBe(1);

      const status = await api.call<EmbedderStatus>('GET', '/v1/admin/embedder', t.staff.admin);
      expect(status.status).toBe(200);
      expect(status.json.id).toBe(matching.engine.embedder.id);
      expect(status.json.coverage.graduate.embedded).toBeGreaterThanOrEqual(7);
      expect((await api.call('GET', '/v1/admin/embedder', t.staff.auditor)).status).toBe(403);
      await queue.close();
      await events.close();
    },
  );
});
