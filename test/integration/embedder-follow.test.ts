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
import { newTenant } from '../support/factories.ts';
import { job, postJobs, profile } from '../support/matching.ts';
import { startNode, stopNode, type NodeService } from '../support/node-service.ts';

/*
 * Two Node services on one PostgreSQL (PGlite has one writer, so one process): A configured with the LSA
 * embedder that is active, B with the supervised one. B re-embeds in the background and switches; A reads the
 * active embedder B records and switches too, without a restart. Both answer every request throughout, each with
 * one embedder at a time (the old one, then the new one, never back), and end with exactly the list a process
 * started fresh with the new embedder serves.
 */
describe('an embedder switch reaches every replica', () => {
  let iso: Awaited<ReturnType<typeof isolatedPostgres>>;
  let database: Database;
  let lsa: Embedder;
  let supervised: Embedder;
  const services: NodeService[] = [];

  beforeAll(async () => {
    iso = await isolatedPostgres();
    database = iso.database;
    lsa = await ensureLsaEmbedder(database, { dimensions: 32, seed: 7, minCorpus: 300 });
    supervised = await loadSupervisedEmbedder();
    await setActiveEmbedder(database, lsa.id);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(services.map(stopNode));
    await iso.drop();
  });

  it('switches the replica that re-embedded and the one that did not, both serving throughout', async () => {
    const api = testApp(database, {
      matching: { engine: new MatchingEngine(lsa), impressions: directImpressionSink, weights: DEFAULT_WEIGHTS },
    });
    const t = await newTenant(database);
    const employer = await t.employer();
    const specs: Record<string, Record<string, unknown>> = {};
    for (let i = 0; i < 30; i++)
      specs[`p${i}`] = job({ title: i % 2 ? `数据分析师 ${i}` : `Software engineer ${i}`, salaryMin: 6000 + i * 100 });
    await postJobs(api.call, employer.key, specs);
    const g = await t.graduate(profile() as never);
    for (let i = 0; i < 10; i++) await t.graduate(profile({ name: `王${i}` }) as never);
    const path = `/v1/graduates/${g.id}/recommendations?limit=10`;
    // Loading the supervised model in a running process blocks its event loop for about a second on a quiet machine
    // (3 s at load 20): the requests meanwhile wait for it, rather than being shed with 503 by the lag probe.
    const follow = { EMBEDDER_FOLLOW_SECONDS: '1', SHED_EVENT_LOOP_DELAY_MS: '0' };

    const a = await startNode(iso.url, { ...follow, EMBEDDER: 'lsa', LSA_DIMENSIONS: '32' });
    services.push(a);
    const get = async (s: NodeService) => {
      const res = await fetch(`${s.base}${path}`, { headers: { authorization: `Bearer ${t.staff.career_office}` } });
      return { status: res.status, body: (await res.json()) as RecommendationList };
    };
    expect((await get(a)).body.ai.embedder).toBe(lsa.id);

    const b = await startNode(iso.url, { ...follow, EMBEDDER: 'supervised' });
    services.push(b);
    const seen: Record<'a' | 'b', string[]> = { a: [], b: [] };
    const statuses: number[] = [];
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      for (const [name, s] of [['a', a] as const, ['b', b] as const]) {
        const r = await get(s);
        statuses.push(r.status);
        const embedder = r.status === 200 ? r.body.ai.embedder : `${r.status}: ${JSON.stringify(r.body)}`;
        if (seen[name].at(-1) !== embedder) seen[name].push(embedder);
      }
      if (seen.a.at(-1) === supervised.id && seen.b.at(-1) === supervised.id) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    // Every request answered; each replica moved once, from the old embedder to the new, never back.
    expect(
      statuses.filter((s) => s !== 200),
      JSON.stringify(seen),
    ).toEqual([]);
    expect(seen.a).toEqual([lsa.id, supervised.id]);
    expect([[lsa.id, supervised.id], [supervised.id]]).toContainEqual(seen.b);
    expect(await activeEmbedderId(database)).toBe(supervised.id);
    expect(a.output()).toContain(`switched from ${lsa.id} to ${supervised.id} as recorded in the database`);

    // Both now serve what a process started fresh with the new embedder serves.
    const fresh = testApp(database, {
      matching: { engine: new MatchingEngine(supervised), impressions: directImpressionSink, weights: DEFAULT_WEIGHTS },
    });
    const expected = (await fresh.call<RecommendationList>('GET', path, t.staff.career_office)).json;
    const ranked = (l: RecommendationList) => l.items.map((i) => [i.posting.id, i.match?.score]);
    expect(expected.items.length).toBeGreaterThan(0);
    for (const s of [a, b]) expect(ranked((await get(s)).body)).toEqual(ranked(expected));
  }, 240_000);
});
