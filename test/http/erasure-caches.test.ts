import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MatchingEngine } from '../../src/services/matching/engine.ts';
import type { Database } from '../../src/storage/db.ts';
import { testApp, type TestApi } from '../support/app.ts';
import type { Created, RecommendationList } from '../support/bodies.ts';
import { backends } from '../support/db.ts';
import { newTenant, type TestTenant } from '../support/factories.ts';
import { job, profile, testMatching } from '../support/matching.ts';

/*
 * Two replicas in one process: two apps, each with its own engine, on one database. The one that erases drops the
 * graduate from its caches at once; the other when its graduate index next syncs (a candidate list) and finds them
 * gone. profileFeatures' and plainQuery's caches are per thread, so both apps share them here.
 */
describe.each(backends)("erasure empties the caches of a graduate's profile on $name", ({ open }) => {
  let database: Database;
  let a: TestApi;
  let b: TestApi;
  let engineA: MatchingEngine;
  let engineB: MatchingEngine;
  let t: TestTenant;

  beforeAll(async () => {
    database = await open();
    const matching = await testMatching(database);
    engineA = matching.engine;
    engineB = new MatchingEngine(matching.engine.embedder);
    a = testApp(database, { matching });
    b = testApp(database, { matching: { ...matching, engine: engineB } });
    t = await newTenant(database);
  });
  afterAll(async () => database.close());

  it('drops them in the erasing replica at once, in another on its next sync; other lists unchanged', async () => {
    const employer = await t.employer();
    // Tableau and Excel required: the explanation gives what-ifs (one more skill), whose vectors are kept.
    const spec = job({ title: 'BI 工程师', requiredSkills: ['Tableau', 'Excel'], preferredSkills: ['Power BI'] });
    const posted = await a.call<Created>('POST', '/v1/jobs', employer.key, spec);
    expect(posted.status).toBe(201);
    const postingId = posted.json.id;
    const graduate = async (over: Record<string, unknown>) => {
      const res = await a.call<Created>('POST', '/v1/graduates', t.staff.career_office, profile(over));
      expect(res.status).toBe(201);
      return { id: res.json.id, key: await t.key('graduate', { graduateId: res.json.id }) };
    };
    const gone = await graduate({ summary: '做过用户留存分析，熟悉 SQL。' });
    const stays = await graduate({ name: '李娜', summary: '做过销售报表，熟悉 Excel。' });
    const list = (api: TestApi, g: { id: string; key: string }) =>
      api.call<RecommendationList>('GET', `/v1/graduates/${g.id}/recommendations`, g.key);
    const candidates = (api: TestApi) => api.call('GET', `/v1/jobs/${postingId}/candidates`, employer.key);

    const before = await list(a, stays);
    expect(before.json.items.map((i) => i.posting.id)).toEqual([postingId]);
    expect(before.json.items[0]?.match?.score).toBeGreaterThan(0);
    for (const api of [a, b]) {
      for (const g of [gone, stays]) expect((await list(api, g)).status).toBe(200);
      const explained = await api.call<{ whatIf: unknown[] }>(
        'GET',
        `/v1/graduates/${gone.id}/recommendations/${postingId}/explanation`,
        gone.key,
      );
      expect(explained.status).toBe(200);
      expect(explained.json.whatIf.length).toBeGreaterThan(0);
      expect((await candidates(api)).status).toBe(200);
    }
    for (const engine of [engineA, engineB]) {
      const held = engine.profileCaches;
      expect(held.profiles).toBe(2);
      expect(held.hypothetical).toBeGreaterThan(0);
      expect(held.features).toBeGreaterThan(0);
      expect(held.queries).toBeGreaterThan(0);
    }

    expect((await a.call('DELETE', `/v1/graduates/${gone.id}`, t.staff.career_office)).status).toBe(204);
    expect(engineA.profileCaches).toEqual({ profiles: 1, hypothetical: 0, features: 0, queries: 0 });
    // B has not synced yet: it still holds the graduate's vector and what-ifs.
    expect(engineB.profileCaches.profiles).toBe(2);
    expect(engineB.profileCaches.hypothetical).toBeGreaterThan(0);
    expect((await candidates(b)).status).toBe(200);
    expect(engineB.profileCaches).toMatchObject({ profiles: 1, hypothetical: 0 });

    // The graduate who stays gets the same list from a replica that forgot and one that had to re-derive.
    for (const api of [a, b]) {
      const after = await list(api, stays);
      expect(after.json.items.map((i) => [i.posting.id, i.match?.score])).toEqual(
        before.json.items.map((i) => [i.posting.id, i.match?.score]),
      );
    }
  });
  it('drops them in a replica that serves no candidate list at its next sweep for erased graduates', async () => {
    // C serves recommendations and explanations only, so no graduate index of the tenant is loaded to sync.
    const matching = await testMatching(database);
    const engineC = new MatchingEngine(matching.engine.embedder);
    const c = testApp(database, { matching: { ...matching, engine: engineC } });
    const employer = await t.employer();
    const posted = await a.call<Created>('POST', '/v1/jobs', employer.key, job({ requiredSkills: ['Excel'] }));
    expect(posted.status).toBe(201);
    const ids: string[] = [];
    for (const summary of ['做过用户留存分析，熟悉 SQL。', '做过销售报表，熟悉 Excel。']) {
      const res = await a.call<Created>('POST', '/v1/graduates', t.staff.career_office, profile({ summary }));
      expect(res.status).toBe(201);
      const key = await t.key('graduate', { graduateId: res.json.id });
      expect((await c.call('GET', `/v1/graduates/${res.json.id}/recommendations`, key)).status).toBe(200);
      expect(
        (await c.call('GET', `/v1/graduates/${res.json.id}/recommendations/${posted.json.id}/explanation`, key)).status,
      ).toBe(200);
      ids.push(res.json.id);
    }
    expect(engineC.profileCaches.profiles).toBe(2);
    expect(await engineC.sweepErased(database)).toBe(0);
    expect(engineC.profileCaches.profiles).toBe(2);

    expect((await a.call('DELETE', `/v1/graduates/${ids[0]}`, t.staff.career_office)).status).toBe(204);
    expect(engineC.profileCaches.profiles).toBe(2);
    expect(await engineC.sweepErased(database)).toBe(1);
    expect(engineC.profileCaches).toEqual({ profiles: 1, hypothetical: 0, features: 0, queries: 0 });
  });
});
