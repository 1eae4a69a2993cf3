import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/storage/db.ts';
import { revokeKey } from '../../src/services/keys.ts';
import { testApp, type TestApi, type TestResponse, openHttpTest } from '../support/app.ts';
import type { Created, Graduate, Page, Posting, Problem } from '../support/bodies.ts';
import { backends } from '../support/db.ts';
import { newTenant, type TestTenant } from '../support/factories.ts';

const graduateBody = {
  name: '王芳',
  email: 'wangfang@example.edu.cn',
  education: [{ school: '四川大学', degree: 'bachelor', major: '统计学', graduationDate: '2026-06-30' }],
  skills: [{ name: 'Python' }, { name: 'SQL', source: 'declared' }],
  summary: '熟悉数据分析。',
  preferences: { locations: ['成都'], jobTypes: ['full-time'], salaryFloor: 7000 },
};

const postingBody = (extra: Record<string, unknown> = {}) => ({
  title: '数据分析师',
  description: '负责业务数据分析。',
  requiredSkills: ['SQL', 'Python'],
  minDegree: 'bachelor',
  locations: ['成都'],
  jobType: 'full-time',
  salaryMin: 8000,
  salaryMax: 12000,
  status: 'open',
  ...extra,
});

/** The part of the OpenAPI document this file reads. */
interface OpenApiDoc {
  components: { schemas: Record<string, { properties: Record<string, { description?: string }> }> };
}

describe.each(backends)('foundation API on $name', ({ open }) => {
  let database: Database;
  let api: TestApi;
  let t: TestTenant;

  beforeAll(async () => {
    ({ database, api, t } = await openHttpTest(open));
  });
  afterAll(async () => database.close());

  it('creates, reads, updates, lists and deletes a graduate', async () => {
    const created = await api.call<Created>('POST', '/v1/graduates', t.staff.career_office, graduateBody);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      name: '王芳',
      tenantId: t.tenantId,
      visibility: 'employers',
      skills: [{ name: 'Python', source: 'declared' }, { name: 'SQL' }],
    });
    const id = created.json.id;

    const read = await api.call<Graduate>('GET', `/v1/graduates/${id}`, t.staff.career_office);
    expect(read.status).toBe(200);
    expect(read.json.education[0]).toEqual(graduateBody.education[0]);

    const patched = await api.call<Graduate>('PATCH', `/v1/graduates/${id}`, t.staff.career_office, {
      summary: '熟悉机器学习。',
    });
    expect(patched.status).toBe(200);
    expect(patched.json.summary).toBe('熟悉机器学习。');
    expect(patched.json.name).toBe('王芳');

    expect((await api.call('DELETE', `/v1/graduates/${id}`, t.staff.career_office)).status).toBe(204);
    expect((await api.call('GET', `/v1/graduates/${id}`, t.staff.career_office)).status).toBe(404);
  });

  it('pages through a list with cursors, each row once', async () => {
    const own = await newTenant(database);
    for (let i = 0; i < 5; i++) await own.graduate({ name: `g${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: TestResponse<Page<Graduate>> = await api.call<Page<Graduate>>(
        'GET',
        `/v1/graduates?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        own.staff.career_office,
      );
      expect(page.status).toBe(200);
      expect(page.json.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.json.items.map((g) => g.name));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(['g0', 'g1', 'g2', 'g3', 'g4']);
    const bad = await api.call<Problem>('GET', '/v1/graduates?cursor=nonsense', own.staff.career_office);
    expect(bad.status).toBe(400);
    expect(bad.json.errors?.[0]?.path).toBe('query.cursor');
  });

  it('names every failing field in a 400 problem+json', async () => {
    const res = await api.call<Problem>('POST', '/v1/graduates', t.staff.career_office, {
      name: '',
      education: [{ school: 'X', degree: 'phd', major: 'Y', graduationDate: '2026-13-01' }],
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.json.requestId).toBe(res.headers.get('x-request-id'));
    const paths = res.json.errors?.map((e) => e.path).sort();
    expect(paths).toEqual(['body.education.0.degree', 'body.education.0.graduationDate', 'body.name']);

    const query = await api.call<Problem>('GET', '/v1/jobs?limit=0&jobType=gig', t.staff.career_office);
    expect(query.json.errors?.map((e) => e.path).sort()).toEqual(['query.jobType', 'query.limit']);

    const param = await api.call<Problem>('GET', '/v1/graduates/not-a-uuid', t.staff.career_office);
    expect(param.status).toBe(400);
    expect(param.json.errors?.[0]?.path).toBe('path.id');

    const malformed = await api.call('POST', '/v1/graduates', t.staff.career_office, '{"name": ');
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toBe('application/problem+json');
  });

  it('answers 413, 404 and 405 as problem+json', async () => {
    const small = testApp(database, { maxBodyBytes: 2_000 });
    const big = await small.call<Problem>('POST', '/v1/graduates', t.staff.career_office, {
      ...graduateBody,
      summary: 'x'.repeat(5_000),
    });
    expect(big.status).toBe(413);
    expect(big.json.status).toBe(413);
    const missing = await api.call<Problem>('GET', '/v1/nothing-here', t.staff.career_office);
    expect(missing.status).toBe(404);
    expect(missing.json.type).toMatch(/not_found/);
    const wrong = await api.call('PUT', '/v1/graduates', t.staff.career_office, {});
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST, GET');
  });

  it('answers /health without a key, saying where the matching kernels run', async () => {
    const res = await api.call('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: 'ok', version: expect.any(String), kernels: 'wasm-simd' });
  });

  it('rejects missing, unknown and revoked keys with 401', async () => {
    expect((await api.call('GET', '/v1/jobs')).status).toBe(401);
    expect((await api.call('GET', '/v1/jobs', 'bole_nope')).status).toBe(401);
    const own = await newTenant(database);
    const key = await own.key('career_office');
    expect((await api.call('GET', '/v1/jobs', key)).status).toBe(200);
    const prefix = key.slice(0, 12);
    expect(await revokeKey(database, prefix, new Date())).toBe(true);
    expect((await api.call('GET', '/v1/jobs', key)).status).toBe(401);
  });

  it('keeps each role to its own rows and hides other tenants behind 404', async () => {
    const other = await newTenant(database);
    const stranger = await other.graduate();
    const me = await t.graduate();
    const peer = await t.graduate();
    expect((await api.call('GET', `/v1/graduates/${stranger.id}`, t.staff.career_office)).status).toBe(404);
    expect((await api.call('GET', `/v1/graduates/${me.id}`, me.key)).status).toBe(200);
    expect((await api.call('GET', `/v1/graduates/${peer.id}`, me.key)).status).toBe(404);
    expect((await api.call('PATCH', `/v1/graduates/${peer.id}`, me.key, { summary: 'x' })).status).toBe(404);
    expect((await api.call('GET', '/v1/graduates', me.key)).status).toBe(403);
    expect((await api.call('POST', '/v1/graduates', me.key, graduateBody)).status).toBe(403);
    const employer = await t.employer();
    expect((await api.call('GET', `/v1/graduates/${me.id}`, employer.key)).status).toBe(404);
    expect((await api.call('GET', `/v1/graduates/${me.id}`, t.staff.auditor)).status).toBe(404);
    const own = await api.call<Graduate>('GET', `/v1/graduates/${me.id}`, me.key);
    for (const field of [
      'gender',
      'ethnicity',
      'hukouType',
      'regionOfOrigin',
      'disability',
      'birthYear',
      'demographics',
    ]) {
      expect(own.json).not.toHaveProperty(field);
    }
  });

  it('scopes postings: employers see their own, graduates open ones, filters apply', async () => {
    const own = await newTenant(database);
    const a = await own.employer({ name: 'A' });
    const b = await own.employer({ name: 'B' });
    const grad = await own.graduate();
    const mine = await api.call<Posting>('POST', '/v1/jobs', a.key, postingBody());
    expect(mine.status).toBe(201);
    expect(mine.json.employerId).toBe(a.id);
    expect(mine.json.requiredSkills).toEqual(
      [
        { name: 'SQL', skillId: expect.anything() },
        { name: 'Python', skillId: expect.anything() },
      ].map((s) => ({ ...s, skillId: expect.toSatisfy((v: unknown) => v === null || typeof v === 'string') })),
    );
    const draft = await api.call<Posting>(
      'POST',
      '/v1/jobs',
      a.key,
      postingBody({ status: 'draft', locations: ['武汉'], jobType: 'internship', minDegree: 'master' }),
    );
    const theirs = await api.call<Posting>(
      'POST',
      '/v1/jobs',
      own.staff.career_office,
      postingBody({ employerId: b.id, locations: ['上海'] }),
    );
    expect(theirs.status).toBe(201);

    expect((await api.call('GET', `/v1/jobs/${theirs.json.id}`, a.key)).status).toBe(404);
    expect((await api.call('PATCH', `/v1/jobs/${theirs.json.id}`, a.key, { title: 'x' })).status).toBe(404);
    expect((await api.call('POST', '/v1/jobs', a.key, postingBody({ employerId: b.id }))).status).toBe(400);
    const aList = await api.call<Page<Posting>>('GET', '/v1/jobs', a.key);
    expect(aList.json.items.map((p) => p.id).sort()).toEqual([mine.json.id, draft.json.id].sort());

    expect((await api.call('GET', `/v1/jobs/${draft.json.id}`, grad.key)).status).toBe(404);
    const gList = await api.call<Page<Posting>>('GET', '/v1/jobs', grad.key);
    expect(gList.json.items.map((p) => p.id).sort()).toEqual([mine.json.id, theirs.json.id].sort());

    const byCity = await api.call<Page<Posting>>(
      'GET',
      `/v1/jobs?location=${encodeURIComponent('上海')}`,
      own.staff.career_office,
    );
    expect(byCity.json.items.map((p) => p.id)).toEqual([theirs.json.id]);
    const interns = await api.call<Page<Posting>>('GET', '/v1/jobs?jobType=internship', own.staff.career_office);
    expect(interns.json.items.map((p) => p.id)).toEqual([draft.json.id]);
    const forBachelors = await api.call<Page<Posting>>(
      'GET',
      '/v1/jobs?eligibleDegree=bachelor',
      own.staff.career_office,
    );
    expect(forBachelors.json.items).toHaveLength(2);
    const masters = await api.call<Page<Posting>>(
      'GET',
      '/v1/jobs?minDegree=master&status=draft',
      own.staff.career_office,
    );
    expect(masters.json.items.map((p) => p.id)).toEqual([draft.json.id]);
    const byEmployer = await api.call<Page<Posting>>('GET', `/v1/jobs?employerId=${b.id}`, own.staff.career_office);
    expect(byEmployer.json.items.map((p) => p.id)).toEqual([theirs.json.id]);
  });

  it('validates salary ranges on create and on partial update, leaving the row unchanged', async () => {
    const own = await newTenant(database);
    const emp = await own.employer();
    const bad = await api.call<Problem>('POST', '/v1/jobs', emp.key, postingBody({ salaryMin: 9000, salaryMax: 5000 }));
    expect(bad.status).toBe(400);
    expect(bad.json.errors?.[0]?.path).toBe('body.salaryMax');
    const ok = await api.call<Posting>('POST', '/v1/jobs', emp.key, postingBody());
    const patch = await api.call<Problem>('PATCH', `/v1/jobs/${ok.json.id}`, emp.key, { salaryMin: 20000 });
    expect(patch.status).toBe(400);
    expect(patch.json.errors?.[0]?.path).toBe('body.salaryMax');
    const after = await api.call<Posting>('GET', `/v1/jobs/${ok.json.id}`, emp.key);
    expect(after.json.salaryMin).toBe(8000);
  });
});

describe('unexpected errors', () => {
  it('answer a generic 500 that leaks nothing', async () => {
    const failing = { db: {}, kind: 'postgres', hasVector: false, execScript: async () => {}, close: async () => {} };
    const { createApp } = await import('../../src/app.ts');
    const { silentLogger } = await import('../../src/logger.ts');
    const app = createApp({
      database: { acquire: async () => ({ database: failing as never, release: async () => {} }) },
      clock: { now: () => new Date() },
      logger: silentLogger,
      maxBodyBytes: 1000,
      version: 't',
    });
    const res = await app.request('/v1/jobs', { headers: { authorization: 'Bearer bole_secret_internal' } });
    expect(res.status).toBe(500);
    const body = (await res.json()) as { detail: string };
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(JSON.stringify(body)).not.toMatch(/selectFrom|TypeError|undefined|stack/);
    expect(body.detail).toMatch(/requestId/);
  });
});

describe('PATCH keeps what it does not send', () => {
  it.each(backends)('on $name', async ({ open }) => {
    const database = await open();
    const { call } = testApp(database);
    const t = await newTenant(database);
    const emp = await t.employer();
    const g = await call<Graduate>('POST', '/v1/graduates', t.staff.career_office, graduateBody);
    const patched = await call<Graduate>('PATCH', `/v1/graduates/${g.json.id}`, t.staff.career_office, {
      summary: '新的简介',
    });
    expect(patched.json).toMatchObject({
      skills: g.json.skills,
      preferences: g.json.preferences,
      visibility: g.json.visibility,
      lang: g.json.lang,
    });
    const p = await call<Posting>(
      'POST',
      '/v1/jobs',
      emp.key,
      postingBody({ headcount: 2, jobType: 'internship', minDegree: 'master' }),
    );
    const pp = await call<Posting>('PATCH', `/v1/jobs/${p.json.id}`, emp.key, { headcount: 3 });
    expect(pp.json).toMatchObject({
      headcount: 3,
      status: 'open',
      jobType: 'internship',
      minDegree: 'master',
      requiredSkills: p.json.requiredSkills,
    });
    const doc = await call<OpenApiDoc>('GET', '/openapi.json');
    expect(doc.json.components.schemas.PostingUpdate?.properties.requiredSkills?.description).toBe('Required skills.');
    await database.close();
  });
});
