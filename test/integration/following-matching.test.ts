import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS } from '../../src/domain/matching/weights.ts';
import type { Embedder } from '../../src/domain/text/embedder.ts';
import { loadSupervisedEmbedder } from '../../src/services/matching/active-embedder.ts';
import type { MatchingDeps } from '../../src/services/matching/deps.ts';
import { ensureLsaEmbedder, setActiveEmbedder } from '../../src/services/matching/embedder-store.ts';
import { MatchingEngine, warmIndexes } from '../../src/services/matching/engine.ts';
import { followingMatching } from '../../src/services/matching/following-matching.ts';
import { directImpressionSink } from '../../src/services/matching/impression-log.ts';
import type { Database } from '../../src/storage/db.ts';
import { testApp } from '../support/app.ts';
import type { CandidateList, RecommendationList } from '../support/bodies.ts';
import { pgliteDatabase } from '../support/db.ts';
import { newTenant, type TestTenant } from '../support/factories.ts';
import { job, postJobs, profile } from '../support/matching.ts';

/*
 * The matching a Worker isolate serves (followingMatching, behind src/entry/worker-matching.ts), in process on a
 * PGlite of its own (the active embedder is a database-wide setting) with a clock the test moves. It serves the
 * embedder the database records as active rather than the configured one, and follows a switch another replica
 * recorded on the first request after the interval, with exactly the lists of an engine started fresh.
 */

const deps = { impressions: directImpressionSink, weights: DEFAULT_WEIGHTS };

let database: Database;
let lsa: Embedder;
let supervised: Embedder;
let t: TestTenant;
let graduateId = '';
let postingId = '';

beforeAll(async () => {
  database = await pgliteDatabase();
  lsa = await ensureLsaEmbedder(database, { dimensions: 32, seed: 7, minCorpus: 300 });
  supervised = await loadSupervisedEmbedder();
  await setActiveEmbedder(database, lsa.id);
  const api = testApp(database, { matching: { engine: new MatchingEngine(lsa), ...deps } });
  t = await newTenant(database);
  const employer = await t.employer();
  const specs: Record<string, Record<string, unknown>> = {};
  for (let i = 0; i < 20; i++)
    specs[`p${i}`] = job({ title: i % 2 ? `数据分析师 ${i}` : `Software engineer ${i}`, salaryMin: 6000 + i * 100 });
  postingId = (await postJobs(api.call, employer.key, specs)).p1 ?? '';
  graduateId = (await t.graduate(profile() as never)).id;
  for (let i = 0; i < 8; i++) await t.graduate(profile({ name: `王${i}`, summary: `做过 ${i} 个项目` }) as never);
}, 120_000);
afterAll(async () => database.close());

/** The recommendation and candidate lists an app on `matching` serves. */
async function lists(matching: MatchingDeps) {
  const { call } = testApp(database, { matching });
  const recs = await call<RecommendationList>(
    'GET',
    `/v1/graduates/${graduateId}/recommendations?limit=10`,
    t.staff.career_office,
  );
  const cands = await call<CandidateList>('GET', `/v1/jobs/${postingId}/candidates?limit=10`, t.staff.career_office);
  expect([recs.status, cands.status]).toEqual([200, 200]);
  return {
    embedders: [recs.json.ai.embedder, cands.json.ai.embedder],
    recommendations: recs.json.items.map((i) => [i.posting.id, i.match?.score]),
    candidates: cands.json.items.map((i) => [i.graduate.id, i.match?.score]),
  };
}

describe('matching that follows the recorded embedder on a request (a Worker isolate)', () => {
  it('serves the recorded embedder, and a recorded switch from the first request after the interval', async () => {
    let clock = 1_000_000;
    const configured: string[] = [];
    const said: string[] = [];
    const matching = followingMatching({
      // Configured with the supervised model, as a Worker is by default.
      configured: async () => {
        configured.push('loaded');
        return supervised;
      },
      configuredKind: 'supervised',
      deps,
      followEveryMs: 5_000,
      now: () => clock,
      say: (line) => said.push(line),
    });
    const first = await matching(database);
    // The LSA model is what the database's vectors and the Node replicas serve; the configured one is not loaded.
    expect(first.engine.embedder.id).toBe(lsa.id);
    expect(configured).toEqual([]);
    const before = await lists(first);
    expect(before.embedders).toEqual([lsa.id, lsa.id]);
    expect(before).toEqual(await lists({ engine: new MatchingEngine(lsa), ...deps }));
    expect(before.recommendations.length).toBeGreaterThan(0);
    expect(before.candidates.length).toBeGreaterThan(0);

    // The switch another replica finished: every vector of the new embedder stored, then recorded as active.
    await warmIndexes(database, new MatchingEngine(supervised));
    await setActiveEmbedder(database, supervised.id);
    clock += 4_999;
    expect((await matching(database)).engine.embedder.id).toBe(lsa.id);
    clock += 1;
    const after = await matching(database);
    expect(after.engine.embedder.id).toBe(supervised.id);
    // The supervised model was loaded as the recorded embedder, not as the configured one.
    expect(configured).toEqual([]);
    // A request that started before the swap keeps its engine: no list mixes the two embedders' vectors.
    expect(first.engine.embedder.id).toBe(lsa.id);
    const fresh = await lists({ engine: new MatchingEngine(supervised), ...deps });
    expect(fresh.embedders).toEqual([supervised.id, supervised.id]);
    expect(await lists(after)).toEqual(fresh);
    expect(fresh.recommendations).not.toEqual(before.recommendations);
    expect(said).toEqual([
      `embedder: ${lsa.id} serves, as the database records it active (the replicas' embedder), rather than ` +
        `EMBEDDER=supervised`,
      `embedder: switched from ${lsa.id} to ${supervised.id} as recorded in the database (each tenant's indexes ` +
        `are built on its stored vectors at its next list)`,
    ]);
    // Until the next interval no request reads the recorded id again.
    await setActiveEmbedder(database, lsa.id);
    clock += 4_999;
    expect((await matching(database)).engine.embedder.id).toBe(supervised.id);
    await setActiveEmbedder(database, supervised.id);
  }, 120_000);

  it('serves the configured embedder when the recorded one is out of its reach, and says so', async () => {
    await setActiveEmbedder(database, 'openai:elsewhere');
    const said: string[] = [];
    const matching = followingMatching({
      configured: async () => supervised,
      deps,
      followEveryMs: 5_000,
      say: (line) => said.push(line),
    });
    expect((await matching(database)).engine.embedder.id).toBe(supervised.id);
    expect(said).toEqual([
      `embedder: the database records openai:elsewhere as active, which this process cannot run (the active ` +
        `embedder openai:elsewhere is not a stored LSA model); ${supervised.id} serves`,
    ]);
    await setActiveEmbedder(database, supervised.id);
  });
});
