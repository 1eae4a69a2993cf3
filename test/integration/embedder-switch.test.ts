import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS } from '../../src/domain/matching/weights.ts';
import type { Embedder } from '../../src/domain/text/embedder.ts';
import { computePool } from '../../src/entry/compute-pool.ts';
import { loadSupervisedEmbedder } from '../../src/services/matching/active-embedder.ts';
import type { MatchingDeps } from '../../src/services/matching/deps.ts';
import { activeEmbedderId, ensureLsaEmbedder, setActiveEmbedder } from '../../src/services/matching/embedder-store.ts';
import { EmbedderSwitch, type EmbedderSwitchStatus } from '../../src/services/matching/embedder-switch.ts';
import { MatchingEngine, warmIndexes } from '../../src/services/matching/engine.ts';
import { directImpressionSink } from '../../src/services/matching/impression-log.ts';
import {
  computeItems,
  inThreadCompute,
  type ComputeItem,
  type IndexCompute,
} from '../../src/services/matching/index-compute.ts';
import type { Database } from '../../src/storage/db.ts';
import { embedderCoverage } from '../../src/storage/embeddings.repo.ts';
import { allIndexableGraduates } from '../../src/storage/graduate-index.repo.ts';
import { toMatchableGraduate, toPosting } from '../../src/storage/mappers.ts';
import { postingsUpdatedSince } from '../../src/storage/postings.repo.ts';
import { testApp } from '../support/app.ts';
import type { CandidateList, RecommendationList } from '../support/bodies.ts';
import { isolatedPostgres } from '../support/db.ts';
import { newTenant } from '../support/factories.ts';
import { job, postJobs, profile } from '../support/matching.ts';

type Status = { id: string; reembedding: EmbedderSwitchStatus | null; coverage: { posting: { embedded: number } } };

/** An in-thread compute that holds its first batch until released, so a test can look at the service meanwhile. */
function gated(embedder: Embedder): { compute: IndexCompute; reached: Promise<void>; release: () => void } {
  const inner = inThreadCompute(embedder);
  let reach = () => {};
  let release = () => {};
  const reached = new Promise<void>((r) => (reach = r));
  const open = new Promise<void>((r) => (release = r));
  return {
    compute: {
      parallelism: 1,
      async run(items) {
        reach();
        await open;
        return inner.run(items);
      },
      close: inner.close,
    },
    reached,
    release,
  };
}

/**
 * A changed embedder (a small LSA model → the shipped supervised one) is re-embedded in the background: the
 * lists keep being served by the old embedder, with its vectors, until every vector of the new one is stored;
 * then the service switches at once and serves exactly what a fresh start with the new embedder serves.
 */
describe('switching embedders in the background', () => {
  let iso: Awaited<ReturnType<typeof isolatedPostgres>>;
  let database: Database;
  let lsa: Embedder;
  let supervised: Embedder;

  beforeAll(async () => {
    iso = await isolatedPostgres();
    database = iso.database;
    lsa = await ensureLsaEmbedder(database, { dimensions: 32, seed: 7, minCorpus: 300 });
    supervised = await loadSupervisedEmbedder();
  });
  afterAll(async () => iso.drop());

  it('serves the old embedder while re-embedding, then switches to the new one', async () => {
    await setActiveEmbedder(database, lsa.id);
    const deps: MatchingDeps = {
      engine: new MatchingEngine(lsa),
      impressions: directImpressionSink,
      weights: DEFAULT_WEIGHTS,
    };
    const api = testApp(database, { matching: deps });
    const t = await newTenant(database);
    const employer = await t.employer();
    const postings = await postJobs(api.call, employer.key, {
      analyst: job(),
      intern: job({ title: '数据分析实习生' }),
      nurse: job({ title: '护士', description: '负责病房护理工作', requiredSkills: ['护理'], acceptedMajors: [] }),
      dev: job({ title: 'Software engineer', description: 'TypeScript services', requiredSkills: ['TypeScript'] }),
    });
    const g = await t.graduate(profile() as never);
    await t.graduate(profile({ name: '李娜', summary: '护理专业，熟悉病房护理。' }) as never);
    await warmIndexes(database, deps.engine);
    const list = () => api.call<RecommendationList>('GET', `/v1/graduates/${g.id}/recommendations?limit=4`, g.key);
    const candidates = () =>
      api.call<CandidateList>('GET', `/v1/jobs/${postings.analyst}/candidates?limit=2`, t.staff.career_office);
    const status = async () => (await api.call<Status>('GET', '/v1/admin/embedder', t.staff.admin)).json;
    const before = await list();
    expect(before.json.ai.embedder).toBe(lsa.id);

    const lines: string[] = [];
    const gate = gated(supervised);
    const reembed = new EmbedderSwitch({
      database,
      holder: deps,
      target: supervised,
      compute: async () => gate.compute,
      say: (line) => lines.push(line),
      reportEveryMs: 0,
    });
    deps.embedderSwitch = reembed;
    const finished = reembed.run();
    await gate.reached;

    // Mid-way: the old embedder serves the same list, and the status says how far the new one has got.
    const during = await list();
    expect(during.status).toBe(200);
    expect(during.json.ai.embedder).toBe(lsa.id);
    expect(during.json.items.map((i) => [i.posting.id, i.match?.score])).toEqual(
      before.json.items.map((i) => [i.posting.id, i.match?.score]),
    );
    expect((await candidates()).json.ai.embedder).toBe(lsa.id);
    const mid = await status();
    expect(mid.id).toBe(lsa.id);
    expect(mid.reembedding).toMatchObject({ state: 'reembedding', from: lsa.id, to: supervised.id, done: 0, total: 6 });
    expect(await activeEmbedderId(database)).toBe(lsa.id);
    expect((await embedderCoverage(database.db, supervised.id)).posting.embedded).toBe(0);

    gate.release();
    const end = await finished;
    expect(end).toMatchObject({ state: 'switched', done: 6, total: 6, embedded: 6, percent: 100, error: null });
    expect(await activeEmbedderId(database)).toBe(supervised.id);
    expect(await embedderCoverage(database.db, supervised.id)).toEqual({
      posting: { total: 4, embedded: 4 },
      graduate: { total: 2, embedded: 2 },
    });
    expect(lines.some((l) => l.includes('6/6 (100%)'))).toBe(true);
    expect(lines.at(-1)).toContain(`switched from ${lsa.id} to ${supervised.id}`);

    // After: the new embedder serves, exactly as a process started fresh with it would.
    const after = await list();
    expect(after.json.ai.embedder).toBe(supervised.id);
    expect((await status()).reembedding?.state).toBe('switched');
    const fresh = testApp(database, {
      matching: { engine: new MatchingEngine(supervised), impressions: directImpressionSink, weights: DEFAULT_WEIGHTS },
    });
    const expected = await fresh.call<RecommendationList>(
      'GET',
      `/v1/graduates/${g.id}/recommendations?limit=4`,
      g.key,
    );
    expect(after.json.items.map((i) => [i.posting.id, i.match?.score])).toEqual(
      expected.json.items.map((i) => [i.posting.id, i.match?.score]),
    );
    const afterCandidates = await candidates();
    expect(afterCandidates.json.ai.embedder).toBe(supervised.id);
  });

  it('computes in worker threads exactly what it computes in this thread', async () => {
    const t = await newTenant(database);
    const employer = await t.employer();
    const api = testApp(database);
    await postJobs(api.call, employer.key, {
      a: job(),
      b: job({ title: 'Nurse', description: 'Ward care', requiredSkills: [], preferredSkills: [] }),
    });
    const rows = await postingsUpdatedSince(database.db, t.tenantId, null);
    const items: ComputeItem[] = rows.map((r) => ({
      kind: 'posting',
      posting: toPosting(r),
      derivation: null,
      vectorHash: null,
    }));
    await t.graduate(profile() as never);
    for await (const page of allIndexableGraduates(database.db, t.tenantId))
      for (const row of page) {
        const { graduate } = toMatchableGraduate(row);
        items.push({ kind: 'graduate', graduate, suppressed: ['python'], derivation: null, vectorHash: null });
      }
    const here = await computeItems(supervised, items);
    const pool = await computePool(supervised, 2);
    try {
      const there = await Promise.all([pool.run(items), pool.run(items)]);
      expect(here).toHaveLength(3);
      for (const other of there) expect(other).toEqual(here);
      expect(here.every((r) => r.vector?.length === supervised.dimensions && r.derived !== null)).toBe(true);
    } finally {
      await pool.close();
    }
  });
});
