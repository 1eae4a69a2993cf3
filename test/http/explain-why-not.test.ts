import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { whyNotSchema } from '../../src/http/routes/explain/schemas.ts';
import type { Database } from '../../src/storage/db.ts';
import { type TestApi, openHttpTest } from '../support/app.ts';
import type { Created, RecommendationList } from '../support/bodies.ts';
import { backends } from '../support/db.ts';
import { newTenant, type TestTenant } from '../support/factories.ts';
import { job, profile, postJobs } from '../support/matching.ts';

type WhyNot = z.infer<typeof whyNotSchema>;
type Result = WhyNot['result'];
type Filter = Extract<Result, { kind: 'filtered' }>['filters'][number];

/** The result of the kind a test expects, or a failed test naming the kind it got. */
function resultOf<K extends Result['kind']>(body: WhyNot, kind: K): Extract<Result, { kind: K }> {
  const result = body.result;
  if (result.kind !== kind) throw new Error(`expected a ${kind} result, got ${result.kind}`);
  return result as Extract<Result, { kind: K }>;
}

describe.each(backends)('why not on $name', ({ open }) => {
  let database: Database;
  let api: TestApi;
  let t: TestTenant;
  let employer: { id: string; key: string };
  const jobs: Record<string, string> = {};

  beforeAll(async () => {
    ({ database, api, t } = await openHttpTest(open, { matching: true }));
    employer = await t.employer();
    const specs: Record<string, Record<string, unknown>> = {
      analyst: {},
      shanghai: {
        title: 'Data Analyst',
        description: 'Analyse product data with SQL and Python.',
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
      masters: { title: '高级数据科学家', minDegree: 'master', requiredSkills: ['机器学习', 'Python'] },
      closed: { title: '已关闭的数据岗位' },
      expired: { title: '过期的数据岗位' },
      held: { title: '待审核的数据岗位' },
      draft: { title: '草稿岗位', status: 'draft' },
    };
    Object.assign(jobs, await postJobs(api.call, employer.key, specs));
    await api.call('PATCH', `/v1/jobs/${jobs.closed}`, employer.key, { status: 'closed' });
    await database.db
      .updateTable('job_postings')
      .set({ closes_at: '2020-01-31', updated_at: new Date() })
      .where('id', '=', jobs.expired ?? '')
      .execute();
    await database.db
      .updateTable('job_postings')
      .set({ status: 'draft', review_status: 'held', updated_at: new Date() })
      .where('id', '=', jobs.held ?? '')
      .execute();
  });
  afterAll(async () => database.close());

  async function newGraduate(tenant: TestTenant = t) {
    const res = await api.call<Created>('POST', '/v1/graduates', tenant.staff.career_office, profile());
    expect(res.status).toBe(201);
    return { id: res.json.id, key: await tenant.key('graduate', { graduateId: res.json.id }) };
  }
  const whyNot = (g: { id: string; key: string }, posting: string | undefined, q = '') =>
    api.call<WhyNot>('GET', `/v1/graduates/${g.id}/jobs/${posting}/why-not${q}`, g.key);
  const failed = async (g: { id: string; key: string }, posting: string | undefined, q = ''): Promise<Filter[]> => {
    const res = await whyNot(g, posting, q);
    expect(res.status).toBe(200);
    expect(res.json.result.kind).toBe('filtered');
    expect(res.json.recommended).toBe(false);
    return resultOf(res.json, 'filtered').filters;
  };

  it('names the hard filter that removed the posting, with the values compared', async () => {
    const g = await newGraduate();
    const names = async (posting: string | undefined, q = '') => (await failed(g, posting, q)).map((f) => f.filter);
    expect(await names(jobs.closed)).toEqual(['open']);
    const expired = await failed(g, jobs.expired);
    expect(expired).toMatchObject([
      { filter: 'open', detail: { status: 'open', closesAt: '2020-01-31', expired: true } },
    ]);
    expect(expired[0]?.reason.en).toMatch(/closed or has expired/);
    const held = await failed(g, jobs.held);
    expect(held.map((f) => f.filter)).toEqual(['compliance']);
    expect(held[0]?.detail).toEqual({ reviewStatus: 'held' });
    const degree = await failed(g, jobs.masters);
    expect(degree).toMatchObject([{ filter: 'degree', detail: { required: 'master', held: 'bachelor' } }]);
    const location = await failed(g, jobs.analyst, `?location=${encodeURIComponent('上海')}`);
    expect(location).toMatchObject([{ filter: 'location', detail: { posting: ['武汉'], preferred: ['上海'] } }]);
    expect(location[0]?.reason.zh).toContain('武汉');
    expect(await names(jobs.analyst, '?remote=true')).toEqual(['remote']);
    // A remote posting passes both the remote-only and the location filter, as in the list.
    expect((await whyNot(g, jobs.remote, `?remote=true&location=${encodeURIComponent('上海')}`)).json.result.kind).toBe(
      'ranked',
    );
    expect(await failed(g, jobs.analyst, '?jobType=internship')).toMatchObject([
      { filter: 'jobType', detail: { posting: 'full-time', wanted: ['internship'] } },
    ]);
    const salary = await failed(g, jobs.analyst, '?salaryMin=20000');
    expect(salary).toMatchObject([{ filter: 'salary', detail: { salaryAtLeast: 20000, postingTop: 12000 } }]);
    expect(salary[0]?.reason.en).toContain('12000');
    // Several filters at once are all named, in the order they are applied.
    expect(await names(jobs.masters, '?jobType=internship&salaryMin=20000')).toEqual(['jobType', 'salary', 'degree']);
  });

  it('names applied and dismissed postings', async () => {
    const g = await newGraduate();
    expect((await api.call('POST', '/v1/interactions', g.key, { type: 'apply', postingId: jobs.analyst })).status).toBe(
      201,
    );
    expect(
      (
        await api.call('POST', '/v1/interactions', g.key, {
          type: 'dismiss',
          postingId: jobs.intern,
          reason: '不想实习',
        })
      ).status,
    ).toBe(201);
    expect(await failed(g, jobs.analyst)).toMatchObject([{ filter: 'excluded', detail: { action: ['apply'] } }]);
    expect(await failed(g, jobs.intern)).toMatchObject([{ filter: 'excluded', detail: { action: ['dismiss'] } }]);
  });

  it('gives the rank, score and the components that held a posting back, as the real list ranks it', async () => {
    const g = await newGraduate();
    const full = (await api.call<RecommendationList>('GET', `/v1/graduates/${g.id}/recommendations?limit=100`, g.key))
      .json.items;
    const nurse = full.find((i) => i.posting.id === jobs.nurse);
    if (!nurse?.match) throw new Error('nurse posting not ranked');
    const res = await whyNot(g, jobs.nurse, '?limit=2');
    expect(res.status).toBe(200);
    const r = resultOf(res.json, 'ranked');
    expect(r.kind).toBe('ranked');
    expect(res.json.recommended).toBe(false);
    expect(r.rank).toBe(nurse.rank);
    expect(r.score).toBe(nurse.match.score);
    expect(r.lastRecommendedScore).toBe(full[1]?.match?.score);
    expect(r.gap).toBeCloseTo(nurse.match.score - (full[1]?.match?.score ?? 0), 6);
    expect(r.heldBack.length).toBeGreaterThan(0);
    expect(r.heldBack.map((d) => d.name)).toContain('requiredSkills');
    for (const d of [...r.heldBack, ...r.ahead])
      expect(d.difference).toBeCloseTo(d.contribution - d.lastContribution, 6);
    const top = await whyNot(g, full[0]?.posting.id, '?limit=2');
    expect(top.json).toMatchObject({
      recommended: true,
      result: { kind: 'ranked', rank: 1, score: full[0]?.match?.score },
    });
  });

  it('says when personalization is off or AI ranking is suspended', async () => {
    const g = await newGraduate();
    await api.call('PUT', `/v1/graduates/${g.id}/personalization`, g.key, { enabled: false });
    const recent = (await api.call<RecommendationList>('GET', `/v1/graduates/${g.id}/recommendations?limit=1`, g.key))
      .json.items;
    const newest = recent[0]?.posting.id;
    const listed = await whyNot(g, newest, '?limit=1');
    expect(listed.json).toMatchObject({
      personalized: false,
      reason: 'personalization_off',
      recommended: true,
      result: { kind: 'listed', rank: 1 },
    });
    const off = await failed(g, jobs.analyst === newest ? jobs.nurse : jobs.analyst, '?limit=1');
    expect(off).toMatchObject([{ filter: 'personalization', detail: { limit: 1 } }]);
    expect(off[0]?.reason.en).toMatch(/Personalization is off/);
    // Posting filters still show next to it; the degree filter does not apply to a list that reads no profile.
    expect((await failed(g, jobs.closed, '?limit=1')).map((f) => f.filter)).toEqual(['personalization', 'open']);
    expect((await whyNot(g, jobs.masters, '?limit=100')).json.result.kind).toBe('listed');

    const own = await newTenant(database);
    const ownEmployer = await own.employer();
    const posting = (await api.call<Created>('POST', '/v1/jobs', ownEmployer.key, job())).json.id;
    const other = (await api.call<Created>('POST', '/v1/jobs', ownEmployer.key, job({ title: '另一个数据岗位' }))).json
      .id;
    const h = await newGraduate(own);
    expect(
      (await api.call('POST', '/v1/admin/ai-ranking/suspend', own.staff.admin, { reason: '审计待查' })).status,
    ).toBe(200);
    const suspended = await api.call<WhyNot>('GET', `/v1/graduates/${h.id}/jobs/${posting}/why-not?limit=1`, h.key);
    const inList = await api.call<WhyNot>('GET', `/v1/graduates/${h.id}/jobs/${other}/why-not?limit=1`, h.key);
    const notListed = [suspended, inList].find((r) => r.json.result.kind === 'filtered');
    expect(notListed?.json).toMatchObject({
      reason: 'ai_ranking_suspended',
      result: { filters: [{ filter: 'suspended' }] },
    });
    expect([suspended, inList].filter((r) => r.json.result.kind === 'listed')).toHaveLength(1);
  });

  it('answers only the graduate and the career office, and hides unpublished drafts from the graduate', async () => {
    const g = await newGraduate();
    const other = await newGraduate();
    expect((await api.call('GET', `/v1/graduates/${g.id}/jobs/${jobs.analyst}/why-not`, other.key)).status).toBe(404);
    expect((await api.call('GET', `/v1/graduates/${g.id}/jobs/${jobs.analyst}/why-not`, t.staff.auditor)).status).toBe(
      404,
    );
    expect((await api.call('GET', `/v1/graduates/${g.id}/jobs/${jobs.analyst}/why-not`, employer.key)).status).toBe(
      404,
    );
    expect((await whyNot(g, jobs.draft)).status).toBe(404);
    expect((await whyNot(g, crypto.randomUUID())).status).toBe(404);
    const office = await api.call<WhyNot>(
      'GET',
      `/v1/graduates/${g.id}/jobs/${jobs.draft}/why-not`,
      t.staff.career_office,
    );
    expect(resultOf(office.json, 'filtered').filters.map((f) => f.filter)).toEqual(['open']);
  });
});
