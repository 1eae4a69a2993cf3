import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { superviseBackground } from '../../jobs/worker.ts';
import { silentLogger } from '../../src/logger.ts';
import { systemClock, systemContext } from '../../src/services/context.ts';
import type { Database } from '../../src/storage/db.ts';
import { pgliteDatabase } from '../support/db.ts';

const REDIS = 'redis://127.0.0.1:6379';

/*
 * The one background supervisor both entries use. Its own PGlite database, so the outbox relay it starts
 * cannot take another test file's pending rows.
 */
describe('the background supervisor', () => {
  let database: Database;
  beforeAll(async () => {
    database = await pgliteDatabase();
  });
  afterAll(async () => database.close());

  it('says once why it waits while Redis is away, and stops waiting on close', async () => {
    const said: string[] = [];
    const ctx = systemContext({ database, clock: systemClock, logger: silentLogger });
    let started = 0;
    // Port 1 refuses connections at once: Redis is "away".
    const supervisor = superviseBackground({
      ctx,
      redisUrl: 'redis://127.0.0.1:1',
      retryMs: 50,
      say: (l) => said.push(l),
      onStart: async () => void started++,
    });
    await supervisor.firstAttempt;
    await new Promise((r) => setTimeout(r, 300));
    await supervisor.close();
    expect(started).toBe(0);
    expect(said).toEqual([
      'Redis is not reachable at REDIS_URL (redis://127.0.0.1:1): ' +
        'audit requests are stored and wait for Redis; matching is served as usual.',
    ]);
  });

  it('starts relay, workers and schedules when Redis answers, hands the queue to onStart, and closes', async () => {
    const prefix = `bole-test-supervisor-${process.pid}-${Date.now()}`;
    const ctx = systemContext({ database, clock: systemClock, logger: silentLogger });
    const enqueued: string[] = [];
    const supervisor = superviseBackground({
      ctx,
      redisUrl: REDIS,
      prefix,
      retryMs: 50,
      say: () => {},
      onStart: async ({ queue }) => {
        const job = await queue.enqueue(
          'reembed',
          { embedderId: 'lsa:none', reason: 'manual' },
          { jobId: 'supervisor-probe' },
        );
        enqueued.push(job.jobId);
      },
    });
    await supervisor.firstAttempt;
    expect(enqueued).toEqual(['supervisor-probe']);
    await supervisor.close();
  });
});
