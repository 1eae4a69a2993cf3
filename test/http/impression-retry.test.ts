import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchedImpressionLog } from '../../src/services/matching/impression-log.ts';
import type { Database } from '../../src/storage/db.ts';
import { insertImpressions, type NewImpression } from '../../src/storage/impressions.repo.ts';
import { testApp } from '../support/app.ts';
import { backends } from '../support/db.ts';
import { newTenant } from '../support/factories.ts';
import { job } from '../support/matching.ts';

/**
 * Issue 16 item 5: a PostgreSQL restart lost served lists' impression records. The batched log writes a failed
 * flush again; part of it may already be stored (an earlier chunk of 500, or a commit whose answer was lost with
 * the connection). Writing it again must store the rest, not fail on the stored rows at every retry.
 */
describe.each(backends)('impressions written again after a partial failure on $name', ({ open }) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(async () => database.close());

  it('stores every row once when some of the batch were stored already, and later batches too', async () => {
    const t = await newTenant(database);
    const employer = await t.employer();
    const graduate = await t.graduate();
    const posting = await testApp(database).call<{ id: string }>('POST', '/v1/jobs', employer.key, job());
    const listId = crypto.randomUUID();
    const row = (rank: number): NewImpression => ({
      id: crypto.randomUUID(),
      tenantId: t.tenantId,
      requestId: 'retry-test',
      listId,
      listKind: 'recommendations',
      viewerRole: 'graduate',
      viewerId: graduate.id,
      graduateId: graduate.id,
      postingId: posting.json.id,
      rank,
      score: 0.5,
      components: [],
      modelVersion: 'test',
      embedderId: 'test',
      personalized: false,
      createdAt: new Date(),
    });
    const rows = Array.from({ length: 700 }, (_, i) => row(i + 1));
    // Row 601 was stored by an attempt whose answer never came back.
    await insertImpressions(database.db, [rows[600] ?? row(0)]);
    const errors: string[] = [];
    const logger = { info: () => {}, warn: () => {}, error: (event: string) => void errors.push(event) };
    const log = new BatchedImpressionLog({ delayMs: 3_600_000, logger });
    log.record(database, rows);
    await log.flush();
    log.record(database, [row(701)]);
    await log.flush();
    const stored = await database.db
      .selectFrom('impressions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('list_id', '=', listId)
      .executeTakeFirstOrThrow();
    expect([Number(stored.n), errors]).toEqual([701, []]);
  });
});
