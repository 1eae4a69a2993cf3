import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatchingDeps } from '../../src/services/matching/deps.ts';
import type { Database } from '../../src/storage/db.ts';
import { testApp, type TestApi } from '../support/app.ts';
import type { CandidateList } from '../support/bodies.ts';
import { addRerankTally } from '../../src/storage/rerank.repo.ts';
import { isolatedBackends } from '../support/db.ts';
import { newTenant } from '../support/factories.ts';
import { testMatching } from '../support/matching.ts';
import { analystJob, seedCohort } from './mitigation-support.ts';

const asJson = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

describe.each(isolatedBackends)('cross-list catch-up of the floors on $name', ({ open }) => {
  let database: Database;
  let matching: MatchingDeps;
  let api: TestApi;

  beforeAll(async () => {
    database = await open();
    matching = await testMatching(database);
    api = testApp(database, { matching });
  });
  afterAll(async () => database.close());

  it(
    'tallies each served list as the audit counts it, in the database, and raises the floor of a group ' +
      'whose tallied rate lags (the log says which and records the moves)',
    async () => {
      const t = await newTenant(database);
      const employer = await t.employer();
      const posting = (await api.call<{ id: string }>('POST', '/v1/jobs', employer.key, analystJob)).json.id;
      const cohort = await seedCohort(database, t);
      const settings = {
        enabled: true,
        method: 'floors',
        attribute: 'gender',
        attributes: ['gender'],
        intersections: false,
        k: 20,
        crossList: { enabled: true, windowDays: 28, selectedTop: 10, ratio: 0.9 },
      };
      const put = await api.call('PUT', '/v1/tenant/reranking', t.staff.admin, settings);
      expect(put.status).toBe(200);
      expect(put.json).toMatchObject({ crossList: settings.crossList });
      // Not with another method: there are no floors to raise.
      const bad = await api.call<{ errors: { path: string }[] }>('PUT', '/v1/tenant/reranking', t.staff.admin, {
        ...settings,
        method: 'det_greedy',
      });
      expect(bad.status).toBe(400);
      expect(bad.json.errors.map((e) => e.path)).toEqual(['body.crossList.enabled']);

      const tally = async () =>
        (
          await database.db
            .selectFrom('rerank_tally')
            .select(['grouping', 'cell', 'memberships', 'selected', 'selected_top'])
            .where('tenant_id', '=', t.tenantId)
            .orderBy('cell')
            .execute()
        ).map((r) => ({ ...r, memberships: Number(r.memberships), selected: Number(r.selected) }));
      // A window in which women were selected far less often (8 of 40 memberships against 32 of 40).
      const day = new Date().toISOString().slice(0, 10);
      await addRerankTally(database.db, { tenantId: t.tenantId, day, selectedTop: 10 }, [
        { grouping: 'gender', cell: 'female', memberships: 40, selected: 8 },
        { grouping: 'gender', cell: 'male', memberships: 40, selected: 32 },
      ]);
      const expected = new Map([
        ['female', { memberships: 40, selected: 8 }],
        ['male', { memberships: 40, selected: 32 }],
      ]);
      const add = (items: CandidateList['items']) => {
        for (const it of items) {
          const g = cohort.genderOf(it.graduate.id);
          const c = expected.get(g);
          if (!c) continue;
          c.memberships++;
          if (it.rank <= 10) c.selected++;
        }
      };
      const rows = () => [...expected].map(([cell, c]) => ({ grouping: 'gender', cell, selected_top: 10, ...c }));

      // Two lists, the second through a new app on the same database (as after a restart).
      for (const app of [api, testApp(database, { matching })]) {
        const res = await app.call<CandidateList>(
          'GET',
          `/v1/jobs/${posting}/candidates?limit=20`,
          t.staff.career_office,
        );
        expect(res.status).toBe(200);
        const women = res.json.items.filter((x) => x.rank <= 10 && cohort.genderOf(x.graduate.id) === 'female');
        const log = await database.db
          .selectFrom('rerank_log')
          .select(['params', 'moves'])
          .where('list_id', '=', res.json.listId)
          .executeTakeFirstOrThrow();
        const params = asJson(log.params) as { catchUp?: { cell: string; required: number; shareFloor: number }[] };
        // The lagging group's floor at the top 10 is raised above its share floor, and the list meets it.
        const floor = params.catchUp?.find((f) => f.cell === 'female');
        expect(floor?.required).toBeGreaterThan(floor?.shareFloor ?? Infinity);
        expect(women.length).toBe(floor?.required);
        const moves = asJson(log.moves) as { scoreRank: number; servedRank: number; cause: string }[];
        expect(moves.some((m) => m.cause === 'catch_up_floor' && m.servedRank < m.scoreRank)).toBe(true);
        // Each moved candidate's explanation gives both ranks, the cause and the served score, as logged.
        for (const m of moves) {
          const item = res.json.items[m.servedRank - 1];
          if (!item) throw new Error(`no item at ${m.servedRank}`);
          const ex = await app.call<{ impression: { rank: number; servedScore: number; fairnessMove: unknown } }>(
            'GET',
            `/v1/jobs/${posting}/candidates/${item.graduate.id}/explanation?impressionId=${item.impressionId}`,
            t.staff.career_office,
          );
          expect(ex.status).toBe(200);
          expect(ex.json.impression.rank).toBe(m.servedRank);
          const text = {
            en: expect.stringContaining(
              `Served at rank ${m.servedRank}, rank ${m.scoreRank} by score (score ${item.match.score.toFixed(4)}`,
            ),
            zh: expect.stringContaining(`展示排名第 ${m.servedRank} 名，按分数排第 ${m.scoreRank} 名`),
          };
          expect(ex.json.impression.fairnessMove).toEqual({ ...m, text });
        }
        // Those not moved have none.
        const still = res.json.items.find((x) => !moves.some((m) => m.servedRank === x.rank));
        if (still) {
          const ex = await app.call<{ impression: { fairnessMove: unknown } }>(
            'GET',
            `/v1/jobs/${posting}/candidates/${still.graduate.id}/explanation?impressionId=${still.impressionId}`,
            t.staff.career_office,
          );
          expect(ex.json.impression.fairnessMove).toBeNull();
        }
        add(res.json.items);
        expect(await tally()).toEqual(rows());
      }
    },
  );
});
