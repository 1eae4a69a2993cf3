import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fairAdjustedMTable } from '../../src/domain/fairness/rerank/fair-mtable.ts';
import { minCountsFromShares, prefixViolations } from '../../src/domain/fairness/rerank/prefix.ts';
import { silentLogger } from '../../src/logger.ts';
import { createMemoryQueue } from '../../src/queue/memory.ts';
import { relayOutbox } from '../../src/services/audits/relay.ts';
import { runAuditJob } from '../../src/services/audits/run.ts';
import { rerankingAuditSection } from '../../src/services/mitigation/audit-section.ts';
import { systemClock, systemContext } from '../../src/services/context.ts';
import type { MatchingDeps } from '../../src/services/matching/deps.ts';
import type { Database } from '../../src/storage/db.ts';
import { testApp, type TestApi } from '../support/app.ts';
import {
  present,
  type AuditRun,
  type CandidateList,
  type Created,
  type Disclosure,
  type Problem,
  type ServedReport,
} from '../support/bodies.ts';
import { isolatedBackends } from '../support/db.ts';
import { keyActions, newTenant, type TestTenant } from '../support/factories.ts';
import { testMatching } from '../support/matching.ts';
import { analystJob, seedCohort, type Cohort } from './mitigation-support.ts';

type Item = CandidateList['items'][number];
const asJson = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

describe.each(isolatedBackends)('fairness re-ranking on $name', ({ open }) => {
  let database: Database;
  let matching: MatchingDeps;
  let api: TestApi;

  beforeAll(async () => {
    database = await open();
    matching = await testMatching(database);
    api = testApp(database, { matching });
  });
  afterAll(async () => database.close());

  async function setup(): Promise<{
    t: TestTenant;
    employer: { id: string; key: string };
    posting: string;
    cohort: Cohort;
  }> {
    const t = await newTenant(database);
    const employer = await t.employer();
    const posting = (await api.call<Created>('POST', '/v1/jobs', employer.key, analystJob)).json.id;
    return { t, employer, posting, cohort: await seedCohort(database, t) };
  }

  it(
    'validates the settings with 400s that name the field, lets only career office and admin ' +
      'in, and logs each change',
    async () => {
      const t = await newTenant(database);
      const g = await t.graduate();
      const emp = await t.employer();
      expect((await api.call('GET', '/v1/tenant/reranking', t.staff.career_office)).json).toMatchObject({
        enabled: false,
      });
      const good = {
        enabled: true,
        method: 'det_const_sort',
        attribute: 'gender',
        targetShares: { female: 0.4 },
        k: 10,
      };
      expect((await api.call('PUT', '/v1/tenant/reranking', g.key, good)).status).toBe(403);
      expect((await api.call('PUT', '/v1/tenant/reranking', emp.key, good)).status).toBe(403);
      expect((await api.call('PUT', '/v1/tenant/reranking', t.staff.auditor, good)).status).toBe(403);
      const bad = async (body: object) => {
        const res = await api.call<Problem>('PUT', '/v1/tenant/reranking', t.staff.admin, body);
        expect(res.status).toBe(400);
        return res.json.errors?.map((e) => e.path) ?? [];
      };
      expect(await bad({ ...good, targetShares: { women: 0.4 } })).toEqual(['body.targetShares.women']);
      expect(await bad({ ...good, targetShares: { female: 0.5, male: 0.5 } })).toEqual(['body.targetShares']);
      expect(await bad({ ...good, targetShares: {} })).toEqual(['body.targetShares']);
      expect(await bad({ ...good, method: 'fa_ir', attribute: 'hukouType', protectedGroups: ['female'] })).toEqual([
        'body.protectedGroups.0',
      ]);
      expect(await bad({ ...good, method: 'fa_ir', protectedGroups: [] })).toEqual(['body.protectedGroups']);
      expect((await bad({ ...good, method: 'fa_ir', protectedGroups: ['female'], alpha: 1.5, k: 0 })).sort()).toEqual([
        'body.alpha',
        'body.k',
      ]);
      expect(await bad({ ...good, attribute: 'schoolTier' })).toEqual(['body.attribute']);
      // floors: several protected attributes (school tier is a monitored proxy, not one of them); targets optional.
      expect(await bad({ ...good, method: 'floors', attributes: ['schoolTier'] })).toEqual(['body.attributes.0']);
      const floors = { ...good, method: 'floors', targetShares: {}, attributes: ['hukouType', 'regionOfOrigin'] };
      const stored = await api.call<unknown>('PUT', '/v1/tenant/reranking', t.staff.career_office, floors);
      expect(stored.json).toEqual({
        ...floors,
        intersections: true,
        protectedGroups: [],
        p: 0.5,
        alpha: 0.1,
        crossList: { enabled: false, windowDays: 28, selectedTop: 10, ratio: 0.9 },
      });
      // Cross-list tracking: selectedTop within the re-ranked prefix, ratio in [0.5, 1].
      expect(await bad({ ...floors, crossList: { enabled: true, ratio: 0.4 } })).toEqual(['body.crossList.ratio']);
      expect(await bad({ ...floors, crossList: { enabled: true, selectedTop: 11 } })).toEqual([
        'body.crossList.selectedTop',
      ]);
      // The Geyik et al. methods take optional target shares of the attribute's groups.
      expect(await bad({ ...good, method: 'det_cons', targetShares: { rural: 0.3 } })).toEqual([
        'body.targetShares.rural',
      ]);
      const greedy = await api.call<unknown>('PUT', '/v1/tenant/reranking', t.staff.career_office, {
        ...good,
        method: 'det_greedy',
        targetShares: {},
      });
      expect(greedy.json).toMatchObject({ method: 'det_greedy', targetShares: {}, attributes: [] });
      await api.call('PUT', '/v1/tenant/reranking', t.staff.career_office, { ...good, enabled: false });
      expect((await bad({ ...good, extra: 1 })).length).toBe(1);

      const put = await api.call<unknown>('PUT', '/v1/tenant/reranking', t.staff.career_office, good);
      expect(put.status).toBe(200);
      expect(put.json).toEqual({
        ...good,
        protectedGroups: [],
        p: 0.5,
        alpha: 0.1,
        attributes: [],
        intersections: true,
        crossList: { enabled: false, windowDays: 28, selectedTop: 10, ratio: 0.9 },
      });
      expect(
        (await api.call<{ reranking: unknown }>('GET', '/v1/tenant/settings', t.staff.admin)).json.reranking,
      ).toEqual(put.json);
      const log = await database.db
        .selectFrom('operator_actions')
        .select(['action', 'detail'])
        .where('tenant_id', '=', t.tenantId)
        .where('action', 'not in', keyActions)
        .execute();
      expect(log.map((r) => r.action)).toEqual([
        'update_reranking',
        'update_reranking',
        'update_reranking',
        'update_reranking',
      ]);
      expect((asJson(log[0]?.detail) as { before: { enabled: boolean } }).before.enabled).toBe(false);
      // The public disclosure, read with the tenant's key, says re-ranking is on.
      expect((await api.call<Disclosure>('GET', '/v1/algorithm', g.key)).json.document.operation.rerankingOn).toBe(
        true,
      );
      await api.call('PUT', '/v1/tenant/reranking', t.staff.admin, { ...good, enabled: false });
      expect((await api.call<Disclosure>('GET', '/v1/algorithm', g.key)).json.document.operation.rerankingOn).toBe(
        false,
      );
    },
  );

  it(
    'DetConstSort: every prefix meets its minimum counts on the served list, scores unchanged, ' +
      "impressions and log row recorded, no one's group revealed",
    async () => {
      const { t, posting, cohort } = await setup();
      const plain = await api.call<CandidateList>(
        'GET',
        `/v1/jobs/${posting}/candidates?limit=20`,
        t.staff.career_office,
      );
      expect(plain.json.fairnessReranking).toEqual({ reranked: false });
      const plainItems = plain.json.items;
      const scoreOf = new Map(plainItems.map((i) => [i.graduate.id, i.match.score]));
      const minCounts = minCountsFromShares({ female: 0.5 }, 10);
      const groups = (items: Item[]) => items.map((i) => ({ group: cohort.genderOf(i.graduate.id) }));
      // Without re-ranking the strong profiles (men) fill the top: the constraint is not met.
      expect(prefixViolations(groups(plainItems), minCounts).length).toBeGreaterThan(0);

      expect(
        (
          await api.call('PUT', '/v1/tenant/reranking', t.staff.career_office, {
            enabled: true,
            method: 'det_const_sort',
            attribute: 'gender',
            targetShares: { female: 0.5 },
            k: 10,
          })
        ).status,
      ).toBe(200);
      const res = await api.call<CandidateList>(
        'GET',
        `/v1/jobs/${posting}/candidates?limit=20`,
        t.staff.career_office,
      );
      expect(res.status).toBe(200);
      expect(res.json.fairnessReranking).toMatchObject({
        reranked: true,
        method: 'det_const_sort',
        attribute: 'gender',
        k: 10,
      });
      const items = res.json.items;
      expect(prefixViolations(groups(items), minCounts)).toEqual([]);
      expect(items.slice(0, 10).filter((i) => cohort.genderOf(i.graduate.id) === 'female')).toHaveLength(5);
      for (const i of items) if (scoreOf.has(i.graduate.id)) expect(i.match.score).toBe(scoreOf.get(i.graduate.id));
      const body = JSON.stringify(res.json.items);
      for (const word of ['female', 'male', 'gender', 'unknown']) expect(body).not.toContain(word);

      const imp = await database.db
        .selectFrom('impressions')
        .select(['graduate_id', 'rank', 'reranked'])
        .where('list_id', '=', res.json.listId)
        .orderBy('rank')
        .execute();
      expect(imp.map((r) => r.graduate_id)).toEqual(items.map((i) => i.graduate.id));
      expect(imp.every((r) => r.reranked)).toBe(true);
      const plainImp = await database.db
        .selectFrom('impressions')
        .select('reranked')
        .where('list_id', '=', plain.json.listId)
        .execute();
      expect(plainImp.every((r) => !r.reranked)).toBe(true);
      const log = await database.db
        .selectFrom('rerank_log')
        .selectAll()
        .where('list_id', '=', res.json.listId)
        .executeTakeFirstOrThrow();
      expect(log).toMatchObject({
        method: 'det_const_sort',
        attribute: 'gender',
        prefix_ok: true,
        considered: 30,
        posting_id: posting,
      });
      expect(asJson(log.after_ids)).toEqual(items.map((i) => i.graduate.id));
      expect(asJson(log.before_ids)).toEqual(plainItems.map((i) => i.graduate.id));
      expect(asJson(log.violations)).toEqual([]);
      // Ids and scores only: the policy names a group, the log never says which person is in it.
      expect(
        (asJson(log.after_ids) as unknown[]).every((x) => typeof x === 'string' && /^[0-9a-f-]{36}$/.test(x)),
      ).toBe(true);
      expect(Object.keys(log).sort()).toEqual([
        'after_ids',
        'after_scores',
        'attribute',
        'before_ids',
        'before_scores',
        'considered',
        'created_at',
        'id',
        'list_id',
        'method',
        'moves',
        'params',
        'posting_id',
        'prefix_ok',
        'request_id',
        'tenant_id',
        'violations',
      ]);
    },
  );

  it(
    'FA*IR: the served list meets the adjusted m-table, unknowns are never protected, and the ' +
      'audit reports the before and after',
    async () => {
      const { t, posting, cohort } = await setup();
      const settings = {
        enabled: true,
        method: 'fa_ir',
        attribute: 'gender',
        protectedGroups: ['female'],
        p: 0.5,
        alpha: 0.1,
        k: 10,
      };
      expect((await api.call('PUT', '/v1/tenant/reranking', t.staff.admin, settings)).status).toBe(200);
      const res = await api.call<CandidateList>(
        'GET',
        `/v1/jobs/${posting}/candidates?limit=20`,
        t.staff.career_office,
      );
      const items = res.json.items;
      const { mtable } = fairAdjustedMTable(10, 0.5, 0.1);
      const label = (id: string) => (cohort.genderOf(id) === 'female' ? 'protected' : 'other');
      expect(
        prefixViolations(
          items.map((i) => ({ group: label(i.graduate.id) })),
          { protected: mtable },
        ),
      ).toEqual([]);
      expect(res.json.fairnessReranking).toMatchObject({ reranked: true, method: 'fa_ir' });
      const log = await database.db
        .selectFrom('rerank_log')
        .select(['params', 'prefix_ok'])
        .where('list_id', '=', res.json.listId)
        .executeTakeFirstOrThrow();
      expect(log.prefix_ok).toBe(true);
      expect(asJson(log.params)).toMatchObject({ k: 10, p: 0.5, alpha: 0.1, protectedGroups: ['female'], mtable });

      // A second list with DetConstSort, then an audit over both.
      await api.call('PUT', '/v1/tenant/reranking', t.staff.admin, {
        enabled: true,
        method: 'det_const_sort',
        attribute: 'gender',
        targetShares: { female: 0.5 },
        k: 10,
      });
      await api.call('GET', `/v1/jobs/${posting}/candidates?limit=20`, t.staff.career_office);
      expect((await api.call('PATCH', '/v1/tenant/settings', t.staff.admin, { minGroupSize: 1 })).status).toBe(200);
      const run = await api.call<AuditRun>('POST', '/v1/audits', t.staff.auditor, { k: 10, minGroupSize: 1 });
      const q = createMemoryQueue({
        audit: (payload, job) =>
          runAuditJob(
            systemContext({ database, clock: systemClock, logger: silentLogger }),
            payload,
            job,
            async () => matching.engine,
          ),
      });
      await relayOutbox({ database, queue: q, clock: systemClock, logger: silentLogger });
      await q.drain();
      const report = (await api.call<ServedReport>('GET', `/v1/audits/${run.json.id}/report`, t.staff.auditor)).json;
      const section = present(report.reranking, 'the re-ranking section');
      expect(section).toMatchObject({ k: 10, lists: 2 });
      const gender = present(section.attributes[0], 'the gender attribute');
      expect(gender).toMatchObject({
        attribute: 'gender',
        methods: ['det_const_sort', 'fa_ir'],
        lists: 2,
        prefixOk: 2,
      });

      // Recompute from the log by hand: pool = before ∪ after per list; top 10 of each order.
      const logs = await database.db.selectFrom('rerank_log').selectAll().where('tenant_id', '=', t.tenantId).execute();
      const count = { female: { n: 0, before: 0, after: 0 }, male: { n: 0, before: 0, after: 0 } };
      let unknown = 0;
      let ndcgSum = 0;
      for (const l of logs) {
        const before = asJson(l.before_ids) as string[];
        const after = asJson(l.after_ids) as string[];
        for (const id of new Set([...before, ...after])) {
          const g = cohort.genderOf(id);
          if (g !== 'female' && g !== 'male') {
            unknown++;
            continue;
          }
          count[g].n++;
          if (before.slice(0, 10).includes(id)) count[g].before++;
          if (after.slice(0, 10).includes(id)) count[g].after++;
        }
        const dcg = (xs: number[]) => xs.slice(0, 10).reduce((s, x, i) => s + x / Math.log2(i + 2), 0);
        ndcgSum += dcg(asJson(l.after_scores) as number[]) / dcg(asJson(l.before_scores) as number[]);
      }
      expect(gender.selection.unknown).toBe(unknown);
      const rows = gender.selection.rows;
      expect(rows.map((r) => [r.group, r.n, r.before.selected, r.after.selected])).toEqual([
        ['female', count.female.n, count.female.before, count.female.after],
        ['male', count.male.n, count.male.before, count.male.after],
      ]);
      expect(count.female.after).toBeGreaterThan(count.female.before);
      expect(gender.ndcg.meanAfter).toBeCloseTo(ndcgSum / 2, 12);
      expect(gender.ndcg.meanLoss).toBeGreaterThan(0);
      expect(gender.skew.after.meanNdkl).toBeLessThan(gender.skew.before.meanNdkl ?? Number.NaN);
      expect(report.counterfactual?.status).toBe('completed');
      const html = await api.call('GET', `/v1/audits/${run.json.id}/report.html`, t.staff.auditor);
      expect(html.text).toContain('Fairness re-ranking: before and after');
      expect(html.text).toContain('Counterfactual check');
      for (const id of [...cohort.women, ...cohort.men, ...cohort.unknown])
        expect(JSON.stringify(report)).not.toContain(id);
    },
  );

  it('floors: a list is served and logged; the audit has a block per constrained attribute and pair', async () => {
    const { t, posting, cohort } = await setup();
    const settings = {
      enabled: true,
      method: 'floors',
      attribute: 'gender',
      attributes: ['gender', 'hukouType'],
      intersections: true,
      k: 10,
    };
    expect((await api.call('PUT', '/v1/tenant/reranking', t.staff.admin, settings)).status).toBe(200);
    const res = await api.call<CandidateList>('GET', `/v1/jobs/${posting}/candidates?limit=20`, t.staff.career_office);
    expect(res.status).toBe(200);
    expect(res.json.fairnessReranking).toMatchObject({ reranked: true, method: 'floors' });
    const log = await database.db
      .selectFrom('rerank_log')
      .select(['method', 'params', 'prefix_ok'])
      .where('list_id', '=', res.json.listId)
      .executeTakeFirstOrThrow();
    expect(log).toMatchObject({ method: 'floors', prefix_ok: true });
    expect(asJson(log.params)).toMatchObject({ attributes: ['gender', 'hukouType'], intersections: true });
    // Floors, not quotas: the women (weaker profiles) hold no place in the first 10 by score, so their floor is 0
    // and the strong profiles keep the top 10; every served id was among the scored candidates.
    const served = res.json.items.map((i) => i.graduate.id);
    expect(served.every((id) => [...cohort.women, ...cohort.men, ...cohort.unknown].includes(id))).toBe(true);
    const section = await rerankingAuditSection(
      database,
      { tenantId: t.tenantId, from: new Date(Date.now() - 3_600_000), to: new Date(Date.now() + 60_000), k: 10 },
      { minGroupSize: 1, minShare: 0, threshold: 0.8 },
    );
    // The cohort carries gender only: hukou type and the pair are all unknown, still listed as blocks.
    expect(section?.attributes.map((a) => [a.attribute, a.kind, a.selection.rows.length])).toEqual([
      ['gender', 'single', 2],
      ['hukouType', 'single', 0],
      ['gender × hukouType', 'intersection', 0],
    ]);
  });
});
