import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackground } from '../../jobs/worker.ts';
import type { AuditReport } from '../../src/domain/audit-report/report-types.ts';
import { swapProtectedCues } from '../../src/domain/counterfactual/swap.ts';
import { silentLogger } from '../../src/logger.ts';
import { createMemoryQueue } from '../../src/queue/memory.ts';
import { relayOutbox } from '../../src/services/audits/relay.ts';
import { runAuditJob } from '../../src/services/audits/run.ts';
import { systemClock, systemContext } from '../../src/services/context.ts';
import { setActiveEmbedder } from '../../src/services/matching/embedder-store.ts';
import type { Database } from '../../src/storage/db.ts';
import { testApp, type TestApi } from '../support/app.ts';
import type { AuditRun, Created, Graduate } from '../support/bodies.ts';
import { isolatedPostgres, pgliteDatabase } from '../support/db.ts';
import { newTenant } from '../support/factories.ts';
import { testMatching } from '../support/matching.ts';
import { analystJob, seedCohort } from './mitigation-support.ts';

interface MatchResults {
  results: { postingId: string; score: number }[];
}

const REDIS = 'redis://127.0.0.1:6379';
const prefix = `bole-cf-${process.pid}-${Date.now().toString(36)}`;

/** Women 0, 3, 6, 9 write gender, rural and region cues; men 0, 4, 8 an ethnicity cue; everyone else none. */
const summary = (i: number, gender: string): string =>
  gender === 'female' && i % 3 === 0
    ? '我是女生，来自贵州农村，熟悉数据分析。'
    : gender === 'male' && i % 4 === 0
      ? '我是维吾尔族学生，熟悉数据分析。'
      : '熟悉数据分析。';

// A database of its own: the active embedder is a database-wide setting, and the worker runs the relay.
const backends = [
  { name: 'postgres + BullMQ worker', open: isolatedPostgres, worker: true },
  {
    name: 'pglite + in-process queue',
    open: async () => {
      const database = await pgliteDatabase();
      return { database, drop: () => database.close() };
    },
    worker: false,
  },
] as const;

describe.each(backends)('counterfactual check in the audit job on $name', ({ name, open, worker }) => {
  let database: Database;
  let drop: () => Promise<void>;
  let background: { close(): Promise<void> } | null = null;

  beforeAll(async () => {
    ({ database, drop } = await open());
    if (worker)
      background = startBackground({
        ctx: systemContext({ database, clock: systemClock, logger: silentLogger }),
        redisUrl: REDIS,
        prefix: `${prefix}-${name.length}`,
      });
  });
  afterAll(async () => {
    await background?.close();
    await drop();
  });

  /** Requests an audit and waits for the worker (or drains an in-process queue) to finish it. */
  async function audit(api: TestApi, key: string) {
    const id = (await api.call<AuditRun>('POST', '/v1/audits', key, { k: 10 })).json.id;
    if (!worker) {
      const q = createMemoryQueue({
        audit: (payload, job) =>
          runAuditJob(systemContext({ database, clock: systemClock, logger: silentLogger }), payload, job),
      });
      await relayOutbox({ database, queue: q, clock: systemClock, logger: silentLogger });
      await q.drain();
    }
    let status = '';
    for (let i = 0; i < 600 && status !== 'completed' && status !== 'failed'; i++) {
      status = (await api.call<AuditRun>('GET', `/v1/audits/${id}`, key)).json.status;
      if (status !== 'completed' && status !== 'failed') await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe('completed');
    return { id, report: (await api.call<AuditReport>('GET', `/v1/audits/${id}/report`, key)).json };
  }

  it(
    'is skipped with its reason until an embedder is active, then re-scores the seeded sample ' +
      'through the production path',
    async () => {
      const plainApi = testApp(database);
      const t = await newTenant(database);
      const employer = await t.employer();
      const postings: string[] = [];
      for (const title of ['数据分析师', '数据运营专员', '商业分析师'])
        postings.push(
          (await plainApi.call<Created>('POST', '/v1/jobs', employer.key, { ...analystJob, title })).json.id,
        );
      const cohort = await seedCohort(database, t, summary);

      const first = await audit(plainApi, t.staff.auditor);
      expect(first.report.counterfactual).toMatchObject({
        status: 'skipped',
        reason: expect.stringContaining('no embedder'),
      });
      expect((await plainApi.call('GET', `/v1/audits/${first.id}/report.html`, t.staff.auditor)).text).toContain(
        'not run 未运行',
      );

      const matching = await testMatching(database);
      await setActiveEmbedder(database, matching.engine.embedder.id);
      const api = testApp(database, { matching });
      const { id, report } = await audit(api, t.staff.auditor);
      const cf = report.counterfactual;
      expect(cf).toMatchObject({
        status: 'completed',
        seed: id,
        embedder: matching.engine.embedder.id,
        modelVersion: matching.weights.version,
      });
      if (cf?.status !== 'completed') throw new Error('the counterfactual check did not complete');
      expect(cf.sample).toEqual({
        graduates: 30,
        graduatesInTenant: 30,
        postings: 3,
        postingsShownInWindow: 0,
        pairsPerKind: 90,
      });
      const byKind = Object.fromEntries(cf.summary.kinds.map((k) => [k.kind, k]));
      expect([
        byKind.gender?.samples,
        byKind.ethnicity?.samples,
        byKind['rural-urban']?.samples,
        byKind.region?.samples,
      ]).toEqual([90, 90, 90, 90]);
      // 4 women × 3 postings carry gender, rural and region cues; 3 men × 3 postings an ethnicity cue.
      expect([
        byKind.gender?.changedTexts,
        byKind.ethnicity?.changedTexts,
        byKind['rural-urban']?.changedTexts,
        byKind.region?.changedTexts,
      ]).toEqual([12, 9, 12, 12]);

      // The same numbers from the public scoring endpoint: each cue-bearing woman's stored profile, as written and with
      // the gender swap.
      const deltas: number[] = [];
      for (const gid of cohort.women.filter((_, i) => i % 3 === 0)) {
        const stored = (await api.call<Graduate>('GET', `/v1/graduates/${gid}`, t.staff.career_office)).json;
        const profile = {
          education: stored.education,
          skills: stored.skills,
          summary: stored.summary,
          experiences: stored.experiences,
          preferences: stored.preferences,
          languages: stored.languages,
          certificates: stored.certificates,
        };
        const score = async (p: object) =>
          (
            await api.call<MatchResults>('POST', '/v1/match', t.staff.career_office, {
              profile: p,
              postingIds: postings,
            })
          ).json.results;
        const before = await score(profile);
        const after = await score({ ...profile, summary: swapProtectedCues(profile.summary, { kind: 'gender' }).text });
        for (const b of before)
          deltas.push(Math.abs((after.find((a) => a.postingId === b.postingId)?.score ?? NaN) - b.score));
      }
      expect(deltas).toHaveLength(12);
      expect(byKind.gender?.meanAbsScoreDelta).toBeCloseTo(deltas.reduce((s, d) => s + d, 0) / 12, 6);
      expect(byKind.gender?.maxAbsScoreDelta).toBeCloseTo(Math.max(...deltas), 6);
      const html = (await api.call('GET', `/v1/audits/${id}/report.html`, t.staff.auditor)).text;
      expect(html).toContain('反事实检验 Counterfactual check');
      expect(html).toContain(`seed <code>${id}</code>`);
    },
  );
});
