import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS } from '../../src/domain/matching/weights.ts';
import type { Embedder } from '../../src/domain/text/embedder.ts';
import { loadSupervisedEmbedder } from '../../src/services/matching/active-embedder.ts';
import { activeEmbedderId, ensureLsaEmbedder, setActiveEmbedder } from '../../src/services/matching/embedder-store.ts';
import { MatchingEngine } from '../../src/services/matching/engine.ts';
import { directImpressionSink } from '../../src/services/matching/impression-log.ts';
import type { Database } from '../../src/storage/db.ts';
import { testApp } from '../support/app.ts';
import type { RecommendationList } from '../support/bodies.ts';
import { isolatedPostgres } from '../support/db.ts';
import { newTenant, type TestTenant } from '../support/factories.ts';
import { job, postJobs, profile } from '../support/matching.ts';
import { startNode, stopNode, type NodeService } from '../support/node-service.ts';
import { bundleWorker, type WorkerBundle } from '../support/workerd.ts';

/*
 * The Worker bundle in workerd follows an embedder switch a Node replica finishes, as the other Node replicas do
 * (test/integration/embedder-follow.test.ts): on one PostgreSQL of this file's own with a small LSA model active,
 * a Node service configured with the supervised model re-embeds and records it; Workers configured with EMBEDDER=lsa
 * and with the default (supervised) serve the LSA lists until then and the supervised ones after, exactly the Node
 * service's, with no failed request; a Worker that checks once an hour keeps its LSA lists meanwhile.
 */

let iso: Awaited<ReturnType<typeof isolatedPostgres>>;
let database: Database;
let bundle: WorkerBundle;
let lsa: Embedder;
let supervised: Embedder;
let t: TestTenant;
let path = '';
const services: NodeService[] = [];

beforeAll(async () => {
  iso = await isolatedPostgres();
  database = iso.database;
  [bundle, lsa, supervised] = await Promise.all([
    bundleWorker(),
    ensureLsaEmbedder(database, { dimensions: 32, seed: 7, minCorpus: 300 }),
    loadSupervisedEmbedder(),
  ]);
  await setActiveEmbedder(database, lsa.id);
  const api = testApp(database, {
    matching: { engine: new MatchingEngine(lsa), impressions: directImpressionSink, weights: DEFAULT_WEIGHTS },
  });
  t = await newTenant(database);
  const employer = await t.employer();
  const specs: Record<string, Record<string, unknown>> = {};
  for (let i = 0; i < 30; i++)
    specs[`p${i}`] = job({ title: i % 2 ? `数据分析师 ${i}` : `Software engineer ${i}`, salaryMin: 6000 + i * 100 });
  await postJobs(api.call, employer.key, specs);
  const g = await t.graduate(profile() as never);
  for (let i = 0; i < 10; i++) await t.graduate(profile({ name: `王${i}` }) as never);
  path = `/v1/graduates/${g.id}/recommendations?limit=10`;
}, 240_000);

afterAll(async () => {
  await Promise.all(services.map(stopNode));
  await bundle?.dispose();
  await iso?.drop();
});

interface Served {
  status: number;
  embedder: string;
  ranked: Array<[string, number | undefined]>;
}

const read = async (res: Response): Promise<Served> => {
  const body = (await res.json()) as RecommendationList;
  return {
    status: res.status,
    embedder: res.status === 200 ? body.ai.embedder : `${res.status}: ${JSON.stringify(body)}`,
    ranked: res.status === 200 ? body.items.map((i) => [i.posting.id, i.match?.score]) : [],
  };
};
const headers = () => ({ authorization: `Bearer ${t.staff.career_office}` });
const fromWorker = async (mf: Miniflare) =>
  read((await mf.dispatchFetch(`http://localhost${path}`, { headers: headers() })) as never);
const fromNode = async (s: NodeService) => read(await fetch(`${s.base}${path}`, { headers: headers() }));

/** What an engine started fresh with `embedder` serves, in this process. */
async function fresh(embedder: Embedder): Promise<Served> {
  const { call } = testApp(database, {
    matching: { engine: new MatchingEngine(embedder), impressions: directImpressionSink, weights: DEFAULT_WEIGHTS },
  });
  const res = await call<RecommendationList>('GET', path, t.staff.career_office);
  return {
    status: res.status,
    embedder: res.json.ai.embedder,
    ranked: res.json.items.map((i) => [i.posting.id, i.match?.score]),
  };
}

describe('a Worker isolate follows an embedder switch', () => {
  it('serves the old lists until a Node replica records the new embedder, then exactly the new ones', async () => {
    const follow = { DATABASE_URL: iso.url, EMBEDDER_FOLLOW_SECONDS: '1' };
    const workers = {
      lsa: bundle.boot({ ...follow, EMBEDDER: 'lsa' }),
      default: bundle.boot(follow),
      hourly: bundle.boot({ ...follow, EMBEDDER: 'lsa', EMBEDDER_FOLLOW_SECONDS: '3600' }),
    };
    const old = await fresh(lsa);
    expect(old.ranked.length).toBeGreaterThan(0);
    for (const mf of Object.values(workers)) expect(await fromWorker(mf)).toEqual(old);

    // Loading the supervised model blocks the service's event loop for a moment: requests wait rather than shed.
    const node = await startNode(iso.url, { EMBEDDER: 'supervised', SHED_EVENT_LOOP_DELAY_MS: '0' });
    services.push(node);
    const seen: Record<'lsa' | 'default', string[]> = { lsa: [], default: [] };
    const failed: string[] = [];
    const deadline = Date.now() + 180_000;
    while (Date.now() < deadline) {
      for (const name of ['lsa', 'default'] as const) {
        const served = await fromWorker(workers[name]);
        if (served.status !== 200) failed.push(served.embedder);
        if (seen[name].at(-1) !== served.embedder) seen[name].push(served.embedder);
        // Never a mix: whichever embedder a list names, it is that embedder's list.
        if (served.embedder === lsa.id) expect(served).toEqual(old);
      }
      if (seen.lsa.at(-1) === supervised.id && seen.default.at(-1) === supervised.id) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(failed).toEqual([]);
    expect(seen).toEqual({ lsa: [lsa.id, supervised.id], default: [lsa.id, supervised.id] });
    expect(await activeEmbedderId(database)).toBe(supervised.id);

    // The Workers now serve exactly what the Node replica serves, and what a fresh supervised engine serves; so
    // does an isolate started after the switch with EMBEDDER=lsa (the recorded embedder, which it can run).
    const expected = await fresh(supervised);
    expect(expected.ranked).not.toEqual(old.ranked);
    expect(await fromNode(node)).toEqual(expected);
    const started = bundle.boot({ ...follow, EMBEDDER: 'lsa' });
    for (const mf of [workers.lsa, workers.default, started]) expect(await fromWorker(mf)).toEqual(expected);
    // The hourly one has not looked yet: its lists stay the old embedder's, whole.
    expect(await fromWorker(workers.hourly)).toEqual(old);
  }, 300_000);
});
