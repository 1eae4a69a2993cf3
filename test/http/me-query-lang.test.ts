import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/storage/db.ts';
import { openHttpTest, type TestApi } from '../support/app.ts';
import { postgresDatabase } from '../support/db.ts';
import type { TestTenant } from '../support/factories.ts';

type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  requestId: string;
  errors?: Array<{ path: string; message: string }>;
};

describe('GET /v1/me, unknown query parameters and problem language', () => {
  let database: Database;
  let api: TestApi;
  let t: TestTenant;

  beforeAll(async () => {
    ({ database, api, t } = await openHttpTest(postgresDatabase));
  });
  afterAll(async () => database.close());

  const get = async (path: string, headers: Record<string, string>) => {
    const res = await api.app.request(path, { headers });
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      body: (await res.json()) as Problem & Record<string, unknown>,
    };
  };

  it('tells each key its role, tenant and bound graduate or employer', async () => {
    const graduate = await t.graduate();
    const employer = await t.employer();
    const g = await api.call('GET', '/v1/me', graduate.key);
    expect(g.status).toBe(200);
    expect(g.json).toMatchObject({
      role: 'graduate',
      tenantId: t.tenantId,
      graduateId: graduate.id,
      employerId: null,
      credential: { kind: 'api_key' },
    });
    const e = await api.call('GET', '/v1/me', employer.key);
    expect(e.json).toMatchObject({ role: 'employer', tenantId: t.tenantId, graduateId: null, employerId: employer.id });
    const staff = await api.call('GET', '/v1/me', t.staff.career_office);
    expect(staff.json).toMatchObject({ role: 'career_office', graduateId: null, employerId: null });
    expect(JSON.stringify(staff.json)).not.toContain(t.staff.career_office);
    expect((await api.call('GET', '/v1/me')).status).toBe(401);
  });

  it('answers an unknown query parameter with a 400 naming it, on keyed and public operations alike', async () => {
    const auth = { authorization: `Bearer ${t.staff.career_office}` };
    const jobs = await get('/v1/jobs?limit=5&colour=red&size=9', auth);
    expect(jobs.status).toBe(400);
    expect(jobs.type).toBe('application/problem+json');
    expect(jobs.body.errors?.map((e) => e.path)).toEqual(['query.colour', 'query.size']);
    expect(jobs.body.errors?.[0]?.message).toContain('limit');
    const me = await get('/v1/me?verbose=1', auth);
    expect(me.body.errors).toEqual([
      { path: 'query.verbose', message: 'Unknown query parameter; this operation accepts none.' },
    ]);
    expect((await get('/health?x=1', {})).status).toBe(400);
    expect((await get(`/v1/audits/latest/summary?tenant=${t.tenantId}&tennant=1`, {})).body.errors?.[0]?.path).toBe(
      'query.tennant',
    );
    // Declared parameters still pass, and an unknown path is still a 404 rather than a 400.
    expect((await get('/v1/jobs?limit=5', auth)).status).toBe(200);
    expect((await get('/v1/nothing-here?x=1', auth)).status).toBe(404);
  });

  it('writes problem details in Chinese when Accept-Language prefers zh, and in English otherwise', async () => {
    const zh = { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5' };
    const missing = await get('/v1/me', zh);
    expect(missing.body).toMatchObject({ status: 401, title: '未认证' });
    expect(missing.body.detail).toContain('API 密钥');
    expect((await get('/v1/me', { 'accept-language': 'en-GB,zh;q=0.3' })).body).toMatchObject({
      title: 'Unauthenticated',
    });
    expect((await get('/v1/me', {})).body.title).toBe('Unauthenticated');

    const auth = { authorization: `Bearer ${t.staff.career_office}` };
    const invalid = await get('/v1/jobs?limit=0', { ...auth, ...zh });
    expect(invalid.status).toBe(400);
    expect(invalid.body.title).toBe('参数校验失败');
    expect(invalid.body.detail).toMatch(/^请求参数校验失败：query\.limit: /);
    expect(invalid.body.errors?.[0]).toEqual({
      path: 'query.limit',
      message: expect.stringMatching(/[\u4e00-\u9fff]/),
    });
    const unknown = await get('/v1/jobs?colour=red', { ...auth, ...zh });
    expect(unknown.body.errors?.[0]).toMatchObject({
      path: 'query.colour',
      message: expect.stringContaining('未知的查询参数'),
    });
    const noRoute = await get('/v1/nothing-here', { ...auth, ...zh });
    expect(noRoute.body).toMatchObject({
      status: 404,
      title: '未找到',
      detail: '没有 GET /v1/nothing-here 这个接口。',
    });
  });
});
