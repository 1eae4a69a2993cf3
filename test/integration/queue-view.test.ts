import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors.ts';
import type { Role } from '../../src/domain/model/common.ts';
import { silentLogger } from '../../src/logger.ts';
import { createMemoryQueue } from '../../src/queue/memory.ts';
import { PermanentJobError } from '../../src/queue/errors.ts';
import { systemClock, randomIds, type ServiceContext } from '../../src/services/context.ts';
import { listQueueJobs, queueOverview, removeQueueJob, retryQueueJob } from '../../src/services/ops/queue-view.ts';
import type { Database } from '../../src/storage/db.ts';
import { postgresDatabase } from '../support/db.ts';
import { newTenant } from '../support/factories.ts';

const code = async (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
  );

describe('the operators queue view (services/ops/queue-view)', () => {
  let database: Database;
  beforeAll(async () => {
    database = await postgresDatabase();
  });
  afterAll(async () => database.close());

  it(
    'lists, retries and removes only jobs of the admin tenant or of none, records each action, ' + 'refuses others',
    async () => {
      const [mine, theirs] = [await newTenant(database), await newTenant(database)];
      let failNext = true;
      const queue = createMemoryQueue({
        'webhook-delivery': async () => {
          if (failNext) throw new PermanentJobError('receiver said 410');
        },
      });
      const ctxOf = (tenantId: string, role: Role): ServiceContext => {
        const principal = { keyId: crypto.randomUUID(), tenantId, role, graduateId: null, employerId: null };
        return {
          database,
          clock: systemClock,
          ids: randomIds,
          logger: silentLogger,
          queue,
          actor: { kind: 'principal', principal },
          principal,
          requestId: `req-${crypto.randomUUID()}`,
        };
      };
      const admin = ctxOf(mine.tenantId, 'admin');
      const own = crypto.randomUUID();
      const other = crypto.randomUUID();
      await queue.enqueue(
        'webhook-delivery',
        { alertId: own, tenantId: mine.tenantId },
        { jobId: `w-${own}`, requestId: 'r1' },
      );
      await queue.enqueue('webhook-delivery', { alertId: other, tenantId: theirs.tenantId }, { jobId: `w-${other}` });
      await queue.drain();

      const overview = await queueOverview({ ctx: admin });
      expect(overview.counts?.['webhook-delivery'].failed).toBe(2); // counts are deployment-wide
      const failed = await listQueueJobs({
        ctx: admin,
        input: { kind: 'webhook-delivery', state: 'failed', limit: 50 },
      });
      expect(failed.jobs.map((j) => [j.id, j.requestId, j.failedReason])).toEqual([
        [`w-${own}`, 'r1', 'receiver said 410'],
      ]);
      expect(failed.hidden).toBe(1);

      // Another tenant's job is unknown to this admin; other roles may not act at all.
      expect(await code(retryQueueJob({ ctx: admin, input: { kind: 'webhook-delivery', jobId: `w-${other}` } }))).toBe(
        'not_found',
      );
      const staff = ctxOf(mine.tenantId, 'career_office');
      expect(await code(listQueueJobs({ ctx: staff, input: { kind: 'audit', state: 'failed', limit: 5 } }))).toBe(
        'forbidden',
      );
      expect(await code(removeQueueJob({ ctx: staff, input: { kind: 'webhook-delivery', jobId: `w-${own}` } }))).toBe(
        'forbidden',
      );

      failNext = false;
      await retryQueueJob({ ctx: admin, input: { kind: 'webhook-delivery', jobId: `w-${own}` } });
      await queue.drain();
      expect((await queue.get('webhook-delivery', `w-${own}`))?.state).toBe('completed');
      // Only a failed job can be retried.
      expect(await code(retryQueueJob({ ctx: admin, input: { kind: 'webhook-delivery', jobId: `w-${own}` } }))).toBe(
        'conflict',
      );
      await removeQueueJob({ ctx: admin, input: { kind: 'webhook-delivery', jobId: `w-${own}` } });
      expect(await queue.get('webhook-delivery', `w-${own}`)).toBeNull();
      expect(await queue.get('webhook-delivery', `w-${other}`)).not.toBeNull();

      const actions = await database.db
        .selectFrom('operator_actions')
        .select(['action', 'detail', 'request_id'])
        .where('tenant_id', '=', mine.tenantId)
        .where('action', 'in', ['retry_job', 'remove_job'])
        .orderBy('created_at')
        .execute();
      expect(actions.map((a) => [a.action, (a.detail as { jobId: string }).jobId])).toEqual([
        ['retry_job', `w-${own}`],
        ['remove_job', `w-${own}`],
      ]);
    },
  );

  it('says the queue is away rather than failing when this process has none', async () => {
    const t = await newTenant(database);
    const principal = {
      keyId: crypto.randomUUID(),
      tenantId: t.tenantId,
      role: 'admin' as const,
      graduateId: null,
      employerId: null,
    };
    const ctx: ServiceContext = {
      database,
      clock: systemClock,
      ids: randomIds,
      logger: silentLogger,
      actor: { kind: 'principal', principal },
      principal,
      requestId: 'r',
    };
    expect(await queueOverview({ ctx })).toEqual({ connected: false, counts: null });
    expect(await code(retryQueueJob({ ctx, input: { kind: 'audit', jobId: 'x' } }))).toBe('unavailable');
  });
});
