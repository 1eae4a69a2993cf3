import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summaryTerms, termDictionary, type Explanation } from '../../src/domain/explain/index.ts';
import type { ExplainedCriterion, LocationCriterion } from '../../src/domain/explain/types.ts';
import { getTaxonomy } from '../../src/domain/skills/index.ts';
import type { Database } from '../../src/storage/db.ts';
import type { MatchingDeps } from '../../src/services/matching/deps.ts';
import { testApp, type TestApi, openHttpTest } from '../support/app.ts';
import type { Created } from '../support/bodies.ts';
import { backends } from '../support/db.ts';
import { newTenant, type TestTenant } from '../support/factories.ts';
import { job, preferences, profile, postJobs } from '../support/matching.ts';

type Item = {
  rank: number;
  impressionId: string;
  meetsPreferences: boolean | null;
  posting: { id: string };
  match: { score: number; components: Array<{ name: string; value: number; contribution: number }> };
};
/** A personalized list: every item has its match. */
interface ItemList {
  listId: string;
  items: Item[];
}
interface ExplanationBody {
  listedRank: number | null;
  explanation: Explanation;
  impression: unknown;
  whatIf: Array<{
    skillId: string;
    name: { en: string };
    newScore: number;
    gain: number;
    rank: number;
    rerunRank: number;
  }>;
  ai: { personalized: boolean };
}
interface SkillAdvice {
  skills: Array<{
    skillId: string;
    name: { en: string };
    totalGain: number;
    perPosting: Array<{ id: string; newScore: number; gain: number }>;
  }>;
}
interface CandidateItems {
  items: Array<{ graduate: { id: string }; impressionId: string; match: { score: number } }>;
}
interface CandidateExplanation {
  view: string;
  explanation: Explanation;
  impression: unknown;
}
const isLocation = (c: ExplainedCriterion): c is LocationCriterion => c.criterion === 'location';
const dictionary = termDictionary(getTaxonomy().all);

/** Names in the summary that no evidence string of the explanation contains (as in the unit tests). */
function outsideEvidence(e: Explanation): string[] {
  const skills = [
    ...e.matchedSkills,
    ...e.nearMatches,
    ...e.nearMatches.map((n) => n.via),
    ...e.missingSkills.required,
    ...e.missingSkills.preferred,
  ];
  const evidence = skills.flatMap((s) => [s.name.zh, s.name.en]);
  for (const c of e.criteria) {
    if (c.criterion === 'location')
      evidence.push(...[...c.posting, ...c.preferred, ...c.sameRegion].flatMap((p) => [p.zh, p.en]));
    if (c.criterion === 'major') evidence.push(...[...c.accepted, ...c.held].flatMap((m) => [m.zh, m.en]));
  }
  const allowed = new Set(evidence.flatMap((s) => summaryTerms(s, dictionary).map((t) => t.key)));
  return summaryTerms(e.summary, dictionary)
    .map((t) => t.key)
    .filter((k) => !allowed.has(k));
}

describe.each(backends)('explanations on $name', ({ open }) => {
  let database: Database;
  let matching: MatchingDeps;
  let api: TestApi;
  let t: TestTenant;
  let employer: { id: string; key: string };
  const jobs: Record<string, string> = {};

  beforeAll(async () => {
    ({ database, api, t, matching } = await openHttpTest(open, { matching: true }));
    employer = await t.employer({ name: '楚天数据' });
    const specs: Record<string, Record<string, unknown>> = {
      analyst: {},
      analystShanghai: {
        title: 'Data Analyst',
        description: 'Analyse product data with SQL and Python; build dashboards in Tableau.',
        locations: ['上海'],
        lang: 'en',
      },
      intern: { title: '数据分析实习生', jobType: 'internship', salaryMin: 3000, salaryMax: 4000 },
      remote: {
        title: 'Remote data analyst',
        remote: true,
        locations: ['北京'],
        description: 'Remote role: SQL, Python, Excel reporting.',
      },
      nurse: {
        title: '护士',
        description: '负责病房护理工作。',
        requiredSkills: ['护理', '急救'],
        acceptedMajors: ['护理学'],
        preferredSkills: [],
      },
      bi: {
        title: 'BI 工程师',
        description: '用 Tableau 和 Excel 做报表，熟悉 SQL。',
        requiredSkills: ['Tableau', 'Excel'],
        preferredSkills: ['Power BI'],
      },
    };
    Object.assign(jobs, await postJobs(api.call, employer.key, specs));
  });
  afterAll(async () => database.close());

  async function newGraduate(over: Record<string, unknown> = {}) {
    const res = await api.call<Created>('POST', '/v1/graduates', t.staff.career_office, profile(over));
    expect(res.status).toBe(201);
    return { id: res.json.id, key: await t.key('graduate', { graduateId: res.json.id }) };
  }
  const explain = (g: string, posting: string, key: string, q = '') =>
    api.call<ExplanationBody>('GET', `/v1/graduates/${g}/recommendations/${posting}/explanation${q}`, key);

  it(
    "explains every listed item with the list's own score, contributions that sum to it, and " +
      'the served impression',
    async () => {
      const g = await newGraduate();
      const list = await api.call<ItemList>('GET', `/v1/graduates/${g.id}/recommendations?limit=10`, g.key);
      const items: Item[] = list.json.items;
      expect(items.length).toBeGreaterThanOrEqual(5);
      for (const item of items) {
        const res = await explain(g.id, item.posting.id, g.key, `?lang=${item.rank % 2 === 0 ? 'zh' : 'en'}&limit=10`);
        expect(res.status).toBe(200);
        expect(res.headers.get('x-ai-notice')).toMatch(/^algorithmic; model=hybrid-/);
        const e: Explanation = res.json.explanation;
        expect(e.score).toBe(item.match.score);
        expect(e.components.reduce((s, c) => s + Math.round(c.contribution * 1e6), 0)).toBe(Math.round(e.score * 1e6));
        expect(e.score).toBe(Math.round(e.score * 1e6) / 1e6);
        expect(e.components.map((c) => [c.name, c.value, c.contribution])).toEqual(
          item.match.components.map((c) => [c.name, c.value, c.contribution]),
        );
        expect(res.json.listedRank).toBe(item.rank);
        expect(res.json.impression).toMatchObject({
          impressionId: item.impressionId,
          listId: list.json.listId,
          rank: item.rank,
          servedScore: item.match.score,
          scoreChanged: false,
          modelChanged: false,
          changedComponents: [],
        });
        expect(e).toMatchObject({
          modelVersion: matching.weights.version,
          embedderId: matching.engine.embedder.id,
          personalized: true,
          lang: item.rank % 2 === 0 ? 'zh' : 'en',
        });
        expect(e.signalsNotUsed.map((s) => s.id)).toEqual(
          expect.arrayContaining(['gender', 'ethnicity', 'hukou', 'age', 'disability', 'religion']),
        );
        expect(outsideEvidence(e)).toEqual([]);
        expect(e.summary.length).toBeGreaterThan(20);
      }
    },
  );

  it(
    'explains a served impression with its own numbers, evidence and rank, even after the profile and the list ' +
      'changed',
    async () => {
      const g = await newGraduate();
      const list = await api.call<ItemList>('GET', `/v1/graduates/${g.id}/recommendations?limit=10`, g.key);
      const item = list.json.items.find((i) => i.posting.id === jobs.analyst);
      if (!item) throw new Error('the analyst posting was not listed');
      const q = (more = '') => `?impressionId=${item.impressionId}&lang=en${more}`;
      // Before anything changes, the served explanation is the one computed now, field for field.
      const now = await explain(g.id, jobs.analyst ?? '', g.key, '?lang=en&limit=10');
      const servedBefore = await explain(g.id, jobs.analyst ?? '', g.key, q('&limit=10'));
      expect(servedBefore.status).toBe(200);
      expect(servedBefore.json.explanation).toEqual(now.json.explanation);
      expect(servedBefore.json.listedRank).toBe(item.rank);

      const patch = { preferences: { ...preferences, salaryFloor: 24000 } };
      expect((await api.call('PATCH', `/v1/graduates/${g.id}`, t.staff.career_office, patch)).status).toBe(200);
      const res = await explain(g.id, jobs.analyst ?? '', g.key, q());
      expect(res.status).toBe(200);
      const e = res.json.explanation;
      expect(e.score).toBe(item.match.score);
      expect(e.components.map((c) => [c.name, c.value, c.contribution])).toEqual(
        item.match.components.map((c) => [c.name, c.value, c.contribution]),
      );
      expect(e.components.find((c) => c.name === 'salaryFit')?.value).toBe(1);
      expect(e.criteria.find((c) => c.criterion === 'salary')?.status).toBe('met');
      expect(e.matchedSkills).toEqual(servedBefore.json.explanation.matchedSkills);
      expect(e.missingSkills).toEqual(servedBefore.json.explanation.missingSkills);
      expect(e.matchedTerms).toEqual(servedBefore.json.explanation.matchedTerms);
      expect(e).toMatchObject({ modelVersion: matching.weights.version, embedderId: matching.engine.embedder.id });
      expect(res.json.listedRank).toBe(item.rank);
      expect(res.json.impression).toMatchObject({
        impressionId: item.impressionId,
        rank: item.rank,
        servedScore: item.match.score,
        scoreChanged: true,
        changedComponents: ['salaryFit'],
      });
      // Without the id, the score now: the salary component has moved.
      const current = (await explain(g.id, jobs.analyst ?? '', g.key)).json.explanation;
      expect(current.components.find((c) => c.name === 'salaryFit')?.value).toBe(0.5);
      expect(current.score).not.toBe(item.match.score);
    },
  );

  it(
    'answers 404 for an impression of another pair, graduate or tenant and 409 for one served before ' +
      'matches were stored',
    async () => {
      const g = await newGraduate();
      const other = await newGraduate();
      const list = await api.call<ItemList>('GET', `/v1/graduates/${g.id}/recommendations?limit=5`, g.key);
      const [first, second] = list.json.items;
      if (!first || !second) throw new Error('expected two items');
      const otherList = await api.call<ItemList>('GET', `/v1/graduates/${other.id}/recommendations?limit=5`, other.key);
      const theirs = otherList.json.items.find((i) => i.posting.id === first.posting.id);
      const ask = (posting: string, id: string, key = g.key) =>
        explain(g.id, posting, key, `?impressionId=${id}`) as Promise<{ status: number; json: unknown }>;
      expect((await ask(first.posting.id, second.impressionId)).status).toBe(404);
      expect((await ask(first.posting.id, crypto.randomUUID())).status).toBe(404);
      if (theirs) expect((await ask(first.posting.id, theirs.impressionId)).status).toBe(404);
      const foreign = await newTenant(database);
      expect((await ask(first.posting.id, first.impressionId, foreign.staff.career_office)).status).toBe(404);
      expect((await ask(first.posting.id, first.impressionId, t.staff.career_office)).status).toBe(200);
      // A row as served before the detail column existed.
      await database.db
        .updateTable('impressions')
        .set({ match_detail: null })
        .where('id', '=', first.impressionId)
        .execute();
      const old = await ask(first.posting.id, first.impressionId);
      expect(old.status).toBe(409);
      expect(old.json).toMatchObject({ status: 409, errors: [{ path: 'query.impressionId' }] });
    },
  );

  it('explains a non-personalized impression by its served rank, with no score to explain', async () => {
    const g = await newGraduate();
    expect((await api.call('PUT', `/v1/graduates/${g.id}/personalization`, g.key, { enabled: false })).status).toBe(
      200,
    );
    const list = await api.call<{ items: Array<{ rank: number; impressionId: string; posting: { id: string } }> }>(
      'GET',
      `/v1/graduates/${g.id}/recommendations?limit=5`,
      g.key,
    );
    const item = list.json.items[1];
    if (!item) throw new Error('expected two items');
    const res = await explain(g.id, item.posting.id, g.key, `?impressionId=${item.impressionId}`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ explanation: null, listedRank: item.rank, whatIf: [] });
    expect(res.json.impression).toMatchObject({ rank: item.rank, personalized: false, scoreChanged: false });
  });

  it('picks the language from ?lang, then Accept-Language, else Chinese', async () => {
    const g = await newGraduate();
    const path = `/v1/graduates/${g.id}/recommendations/${jobs.analyst}/explanation`;
    const get = async (q: string, accept?: string) => {
      const res = await api.app.request(`${path}${q}`, {
        headers: { authorization: `Bearer ${g.key}`, ...(accept ? { 'accept-language': accept } : {}) },
      });
      return ((await res.json()) as { explanation: Explanation }).explanation;
    };
    expect((await get('')).lang).toBe('zh');
    expect((await get('', 'en-GB,en;q=0.9,zh;q=0.5')).lang).toBe('en');
    expect((await get('', 'fr, zh-CN;q=0.8, en;q=0.7')).lang).toBe('zh');
    const forced = await get('?lang=zh', 'en');
    expect(forced.lang).toBe('zh');
    expect(forced.summary).toMatch(/匹配得分/);
    expect((await get('?lang=en')).summary).toMatch(/^Match score/);
  });

  it(
    'moves exactly the salary component when the salary floor changes, and says the served ' + 'score changed',
    async () => {
      const g = await newGraduate();
      const list = await api.call<ItemList>('GET', `/v1/graduates/${g.id}/recommendations`, g.key);
      const served = list.json.items.find((i) => i.posting.id === jobs.analyst);
      const before = (await explain(g.id, jobs.analyst ?? '', g.key)).json.explanation;
      expect(before.components.find((c) => c.name === 'salaryFit')?.value).toBe(1);
      expect(
        (
          await api.call('PATCH', `/v1/graduates/${g.id}`, t.staff.career_office, {
            preferences: { ...preferences, salaryFloor: 24000 },
          })
        ).status,
      ).toBe(200);
      const res = await explain(g.id, jobs.analyst ?? '', g.key);
      const after = res.json.explanation;
      const moved = after.components
        .filter((c, i) => c.contribution !== before.components[i]?.contribution)
        .map((c) => c.name);
      expect(moved).toEqual(['salaryFit']);
      // 12000 / 24000 = 0.5 of the salary weight.
      const w = matching.weights.weights.salaryFit;
      expect(after.components.find((c) => c.name === 'salaryFit')).toMatchObject({
        value: 0.5,
        weight: w,
        contribution: Math.round(0.5 * w * 1e6) / 1e6,
      });
      expect(after.components.reduce((s, c) => s + Math.round(c.contribution * 1e6), 0)).toBe(
        Math.round(after.score * 1e6),
      );
      expect(after.score).toBe(Math.round(after.score * 1e6) / 1e6);
      expect(res.json.impression).toMatchObject({
        impressionId: served?.impressionId,
        servedScore: before.score,
        scoreChanged: true,
        changedComponents: ['salaryFit'],
      });
      const salary = after.criteria.find((c) => c.criterion === 'salary');
      expect(salary?.status).toBe('partly');
      expect(salary?.text.en).toContain('24000');
    },
  );

  it('gives what-if advice whose scores and ranks are those of a real re-run with the skill added', async () => {
    const g = await newGraduate();
    const res = await explain(g.id, jobs.bi ?? '', g.key, '?limit=20');
    expect(res.status).toBe(200);
    const advice = res.json.whatIf;
    expect(advice.map((a) => a.skillId).sort()).toEqual(['excel', 'power-bi', 'tableau'].sort());
    for (let i = 1; i < advice.length; i++) expect(advice[i]?.gain).toBeLessThanOrEqual(advice[i - 1]?.gain ?? 1);
    const current = (await api.call<ItemList>('GET', `/v1/graduates/${g.id}/recommendations?limit=20`, g.key)).json
      .items;
    for (const a of advice) {
      expect(a.gain).toBeGreaterThan(0);
      // Rank among the current list, others unchanged, within the posting's preference tier (items that
      // meet the stated preferences come first).
      const mine = current.find((i) => i.posting.id === jobs.bi)?.meetsPreferences;
      const others = current
        .filter((i) => i.posting.id !== jobs.bi)
        .map((i) => (i.meetsPreferences === mine ? i.match.score : i.meetsPreferences ? Infinity : -Infinity));
      expect(a.rank).toBe(1 + others.filter((s) => s > a.newScore).length);
      // A real re-run: the same profile with the skill added, ranked by /recommendations.
      const clone = await newGraduate({ skills: [{ name: 'Python' }, { name: 'SQL' }, { name: a.name.en }] });
      const rerun = (
        await api.call<ItemList>('GET', `/v1/graduates/${clone.id}/recommendations?limit=100`, t.staff.career_office)
      ).json.items;
      const found = rerun.find((i) => i.posting.id === jobs.bi);
      expect(found?.match.score).toBe(a.newScore);
      expect(rerun.filter((i) => i.match.score === a.newScore)).toHaveLength(1);
      expect(a.rerunRank).toBe(found?.rank);
    }
  });

  it(
    'names the three skills that would raise the top recommendations most, each gain checked ' + 'against a re-run',
    async () => {
      const g = await newGraduate();
      const res = await api.call<SkillAdvice>('GET', `/v1/graduates/${g.id}/skill-advice?limit=10`, g.key);
      expect(res.status).toBe(200);
      const skills = res.json.skills;
      expect(skills).toHaveLength(3);
      for (let i = 1; i < skills.length; i++)
        expect(skills[i]?.totalGain).toBeLessThanOrEqual(skills[i - 1]?.totalGain ?? 1);
      const top = skills[0];
      if (!top) throw new Error('no advice');
      const current = (await api.call<ItemList>('GET', `/v1/graduates/${g.id}/recommendations?limit=10`, g.key)).json
        .items;
      const clone = await newGraduate({ skills: [{ name: 'Python' }, { name: 'SQL' }, { name: top.name.en }] });
      const rerun = new Map(
        (
          await api.call<ItemList>('GET', `/v1/graduates/${clone.id}/recommendations?limit=100`, t.staff.career_office)
        ).json.items.map((i) => [i.posting.id, i.match.score]),
      );
      for (const p of top.perPosting) {
        expect(rerun.get(p.id)).toBe(p.newScore);
        const base = current.find((i) => i.posting.id === p.id)?.match.score ?? Number.NaN;
        expect(p.gain).toBeCloseTo(p.newScore - base, 6);
      }
      expect(top.totalGain).toBeCloseTo(
        top.perPosting.reduce((s, p) => s + p.gain, 0),
        6,
      );
    },
  );

  it('returns no profile-based explanation when personalization is off', async () => {
    const g = await newGraduate();
    expect((await api.call('PUT', `/v1/graduates/${g.id}/personalization`, g.key, { enabled: false })).status).toBe(
      200,
    );
    const res = await explain(g.id, jobs.analyst ?? '', g.key);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      personalized: false,
      reason: 'personalization_off',
      explanation: null,
      whatIf: [],
    });
    expect(res.json.ai.personalized).toBe(false);
    const advice = await api.call<SkillAdvice>('GET', `/v1/graduates/${g.id}/skill-advice`, g.key);
    expect(advice.json).toMatchObject({ personalized: false, skills: [] });
  });

  it(
    "shows a graduate's explanations only to them and the career office, and logs the career " + "office's reads",
    async () => {
      const g = await newGraduate();
      const other = await newGraduate();
      const path = `/v1/graduates/${g.id}/recommendations/${jobs.analyst}/explanation`;
      expect((await api.call('GET', path, other.key)).status).toBe(404);
      expect((await api.call('GET', path, t.staff.auditor)).status).toBe(404);
      expect((await api.call('GET', path, employer.key)).status).toBe(404);
      expect((await api.call('GET', `/v1/graduates/${g.id}/skill-advice`, other.key)).status).toBe(404);
      expect(
        (await api.call('GET', `/v1/graduates/${g.id}/recommendations/${crypto.randomUUID()}/explanation`, g.key))
          .status,
      ).toBe(404);
      const foreign = await newTenant(database);
      expect((await api.call('GET', path, foreign.staff.career_office)).status).toBe(404);
      expect((await api.call('GET', path, g.key)).status).toBe(200);
      const logged = () => database.db.selectFrom('access_log').selectAll().where('graduate_id', '=', g.id).execute();
      expect(await logged()).toEqual([]);
      const office = await api.call('GET', path, t.staff.career_office);
      expect(office.status).toBe(200);
      const rows = await logged();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        action: 'read_explanation',
        subject_type: 'explanation',
        subject_id: jobs.analyst,
        actor_role: 'career_office',
        tenant_id: t.tenantId,
      });
      await api.call('GET', `/v1/graduates/${g.id}/skill-advice`, t.staff.career_office);
      expect(await logged()).toHaveLength(2);
    },
  );

  it(
    "explains a candidate to the posting's employer only when the list would show them, " + 'without their preferences',
    async () => {
      const own = await newTenant(database);
      const emp = await own.employer();
      const apiOwn = testApp(database, { matching });
      const posting = (await apiOwn.call<Created>('POST', '/v1/jobs', emp.key, job())).json.id;
      const make = async (visibility: string, consent: boolean) => {
        const g = await own.graduate({
          ...profile({ preferences: { locations: ['上海'], jobTypes: ['part-time'], salaryFloor: 15000 } }),
          visibility,
        } as never);
        if (consent)
          await database.db
            .insertInto('consents')
            .values({
              id: crypto.randomUUID(),
              tenant_id: own.tenantId,
              graduate_id: g.id,
              purpose: 'profile_visible_to_employers',
              granted: true,
              text_version: 'v1',
              actor: 'test',
            })
            .execute();
        return g.id;
      };
      const visible = await make('employers', true);
      const noConsent = await make('employers', false);
      const hidden = await make('private', true);
      const list = await apiOwn.call<CandidateItems>('GET', `/v1/jobs/${posting}/candidates`, emp.key);
      const item = list.json.items.find((i) => i.graduate.id === visible);
      const path = (g: string) => `/v1/jobs/${posting}/candidates/${g}/explanation`;
      const res = await apiOwn.call<CandidateExplanation>('GET', `${path(visible)}?lang=zh`, emp.key);
      expect(res.status).toBe(200);
      expect(res.json.view).toBe('employer');
      expect(res.json.explanation.score).toBe(item?.match.score);
      expect(
        res.json.explanation.components.reduce(
          (s: number, c: { contribution: number }) => s + Math.round(c.contribution * 1e6),
          0,
        ),
      ).toBe(Math.round(res.json.explanation.score * 1e6));
      expect(res.json.explanation.score).toBe(Math.round(res.json.explanation.score * 1e6) / 1e6);
      expect(res.json.impression).toMatchObject({ impressionId: item?.impressionId, scoreChanged: false });
      const fromImpression = await apiOwn.call<CandidateExplanation>(
        'GET',
        `${path(visible)}?lang=zh&impressionId=${item?.impressionId}`,
        emp.key,
      );
      expect(fromImpression.status).toBe(200);
      expect(fromImpression.json.explanation).toEqual(res.json.explanation);
      expect((await apiOwn.call('GET', `${path(visible)}?impressionId=${crypto.randomUUID()}`, emp.key)).status).toBe(
        404,
      );
      const text = JSON.stringify(res.json.explanation);
      expect(text).not.toContain('上海');
      expect(text).not.toContain('15000');
      expect(text).not.toContain('part-time');
      expect(res.json.explanation.criteria.find(isLocation)).not.toHaveProperty('preferred');
      expect((await apiOwn.call('GET', path(noConsent), emp.key)).status).toBe(404);
      expect((await apiOwn.call('GET', path(hidden), emp.key)).status).toBe(404);
      expect((await apiOwn.call('GET', path(visible), (await own.employer()).key)).status).toBe(404);
      expect((await apiOwn.call('GET', path(visible), own.staff.auditor)).status).toBe(404);
      const office = await apiOwn.call<CandidateExplanation>('GET', path(noConsent), own.staff.career_office);
      expect(office.status).toBe(200);
      expect(office.json.view).toBe('career_office');
      expect(office.json.explanation.criteria.find(isLocation)?.preferred.map((p) => p.zh)).toEqual(['上海']);
      const rows = await database.db
        .selectFrom('access_log')
        .select(['graduate_id', 'actor_role', 'action'])
        .where('tenant_id', '=', own.tenantId)
        .where('action', '=', 'read_explanation')
        .execute();
      expect(rows).toEqual(
        expect.arrayContaining([
          { graduate_id: visible, actor_role: 'employer', action: 'read_explanation' },
          { graduate_id: noConsent, actor_role: 'career_office', action: 'read_explanation' },
        ]),
      );
      // The employer read the visible graduate's explanation twice (now, and from the impression).
      expect(rows).toHaveLength(3);
    },
  );
});
