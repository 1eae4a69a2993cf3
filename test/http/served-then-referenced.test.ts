import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.ts';
import { BatchedImpressionLog } from '../../src/services/matching/impression-log.ts';
import type { Database } from '../../src/storage/db.ts';
import { testApp, type TestApi } from '../support/app.ts';
import type { RecommendationList } from '../support/bodies.ts';
import { backends } from '../support/db.ts';
import { newTenant } from '../support/factories.ts';
import { job, postJobs, profile, testMatching } from '../support/matching.ts';

/**
 * The serving process writes a list's impressions in batches after the response. A graduate who acts on
 * the list at once (flags it, records an interaction, asks why) names ids that may not be written yet; the
 * service waits for them instead of refusing. The batch delay here is an hour, so only that wait can land them.
 */
describe.each(backends)('a served list referenced at once on $name', ({ open }) => {
  let database: Database;
  let api: TestApi;
  let impressions: BatchedImpressionLog;

  beforeAll(async () => {
    database = await open();
    impressions = new BatchedImpressionLog({ delayMs: 3_600_000, logger: silentLogger });
    api = testApp(database, { matching: { ...(await testMatching(database)), impressions } });
  });
  afterAll(async () => {
    await impressions.flush();
    await database.close();
  });

  it('flags, records and explains an item the moment after it was served', async () => {
    const t = await newTenant(database);
    const employer = await t.employer();
    await postJobs(api.call, employer.key, { analyst: job(), intern: job({ title: '数据分析实习生' }) });
    const g = await t.graduate(profile() as never);

    for (const [i, act] of ['flag', 'interaction', 'explanation'].entries()) {
      const list = await api.call<RecommendationList>('GET', `/v1/graduates/${g.id}/recommendations?limit=2`, g.key);
      expect(list.status).toBe(200);
      const item = list.json.items[i % list.json.items.length];
      if (!item) throw new Error('expected a recommendation');
      const answer =
        act === 'flag'
          ? await api.call('POST', `/v1/graduates/${g.id}/reviews`, g.key, {
              kind: 'flag',
              impressionId: item.impressionId,
              reason: 'wrong_skills',
            })
          : act === 'interaction'
            ? await api.call('POST', '/v1/interactions', g.key, {
                type: 'save',
                postingId: item.posting.id,
                impressionId: item.impressionId,
              })
            : await api.call(
                'GET',
                `/v1/graduates/${g.id}/recommendations/${item.posting.id}/explanation?impressionId=` +
                  `${item.impressionId}`,
                g.key,
              );
      expect([200, 201], `${act}: ${answer.text}`).toContain(answer.status);
    }
  });
});
