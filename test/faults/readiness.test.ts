import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_COUNT_STATES } from '../../src/queue/port.ts';
import { JOB_NAMES } from '../../src/queue/catalog.ts';
import { createTenant, mintKey } from '../../src/services/keys.ts';
import { startNode, stopNode, type NodeService } from '../support/node-service.ts';
import { ownPostgres, ownRedis, type OwnPostgres, type OwnRedis } from '../support/own-services.ts';
import { migratedDatabase } from './fault-support.ts';

interface Readiness {
  status: number;
  retryAfter: string | null;
  body: { status: string; databaseAnswers?: boolean; redis?: string; workers?: number | null };
}

/*
 * GET /ready of a real service (src/entry/node.ts, workers in process) on the test's own Redis and PostgreSQL:
 * it reports the database, Redis and the audit workers, and follows each as it goes away and comes back.
 */
describe('GET /ready reports the database, Redis and the workers; GET /metrics the queue depths', () => {
  let pg: OwnPostgres;
  let redis: OwnRedis;
  let service: NodeService;
  let admin: string;
  beforeAll(async () => {
    [pg, redis] = await Promise.all([ownPostgres(), ownRedis()]);
    const { url, database } = await migratedDatabase(pg, 2);
    const { id: tenantId } = await createTenant(database, { name: 'readiness', kind: 'university' });
    admin = (await mintKey(database, { tenantId, role: 'admin' })).key;
    await database.close();
    service = await startNode(url, { REDIS_URL: redis.url });
  });
  afterAll(async () => {
    if (service) await stopNode(service);
    await redis?.stop();
    await pg?.destroy();
  });

  const ready = async (): Promise<Readiness> => {
    const res = await fetch(`${service.base}/ready`);
    const body = (await res.json()) as Readiness['body'];
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body };
  };
  const summary = async () => {
    const r = await ready();
    return [r.status, r.body.status, r.body.databaseAnswers, r.body.redis, r.body.workers];
  };

  it('is ok with a worker, degraded without Redis, 503 without the database, and recovers each time', async () => {
    const ok = [200, 'ok', true, 'ok', 1];
    await expect.poll(summary, { timeout: 60_000, interval: 250 }).toEqual(ok);
    // With its queues up, GET /metrics gives the depth of every kind in every state.
    const metrics = await fetch(`${service.base}/metrics`, { headers: { authorization: `Bearer ${admin}` } });
    const text = await metrics.text();
    const depths = JOB_NAMES.flatMap((kind) =>
      JOB_COUNT_STATES.filter(
        (state) => !new RegExp(`^bole_queue_jobs\\{kind="${kind}",state="${state}"\\} \\d+$`, 'm').test(text),
      ).map((state) => `${kind}/${state}`),
    );
    expect([metrics.status, depths]).toEqual([200, []]);

    await redis.stop();
    await expect
      .poll(summary, { timeout: 30_000, interval: 250 })
      .toEqual([200, 'degraded', true, 'unavailable', null]);
    await redis.start();
    // BullMQ's worker reconnects on its own; readiness counts it again.
    await expect.poll(summary, { timeout: 90_000, interval: 500 }).toEqual(ok);

    await pg.stop();
    await expect.poll(summary, { timeout: 30_000, interval: 250 }).toEqual([503, 'unavailable', false, 'ok', 1]);
    expect((await ready()).retryAfter).toMatch(/^\d+$/);
    await pg.start();
    await expect.poll(summary, { timeout: 60_000, interval: 500 }).toEqual(ok);
    expect(service.child.exitCode).toBeNull();
  });
});
