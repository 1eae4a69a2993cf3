import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/storage/db.ts';
import { openHttpTest, type TestApi } from '../support/app.ts';
import { backends } from '../support/db.ts';
import type { TestTenant } from '../support/factories.ts';
import type { Graduate, Problem } from '../support/bodies.ts';

/** Inputs that fuzzing once answered with a 500; each must be a 400 problem naming the field. */
describe.each(backends)('input PostgreSQL cannot store is a 400 naming the field on $name', ({ open }) => {
  let database: Database;
  let api: TestApi;
  let t: TestTenant;

  beforeAll(async () => {
    ({ database, api, t } = await openHttpTest(open));
  });
  afterAll(async () => database.close());

  const expectField = (
    res: { status: number; headers: Headers; json: { errors?: { path: string }[] } },
    path: string,
  ) => {
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(res.json.errors?.map((e) => e.path)).toContain(path);
  };

  it('rejects a NUL byte or a lone surrogate anywhere in a JSON body, and in the query', async () => {
    expectField(
      await api.call<Problem>('POST', '/v1/graduates', t.staff.career_office, { name: 'Li\u0000Na' }),
      'body.name',
    );
    expectField(
      await api.call<Problem>('POST', '/v1/graduates', t.staff.career_office, { name: 'Li Na', summary: 'x\ud800y' }),
      'body.summary',
    );
    const nested = {
      name: 'Li Na',
      experiences: [{ title: 'Analyst', organization: 'Org', description: 'end\udc00' }],
    };
    expectField(
      await api.call<Problem>('POST', '/v1/graduates', t.staff.career_office, nested),
      'body.experiences.0.description',
    );
    expectField(await api.call<Problem>('GET', '/v1/graduates?cursor=a%00b', t.staff.career_office), 'query.cursor');
    // Well-formed text outside the BMP (a surrogate pair) is stored as before.
    const ok = await api.call<Graduate>('POST', '/v1/graduates', t.staff.career_office, { name: '李娜 😀' });
    expect(ok.status).toBe(201);
    expect(ok.json.name).toBe('李娜 😀');
  });

  it('rejects an invalid webhook URL as a 400 on body.url', async () => {
    for (const url of ['not a url', 'https://', 'http://[::1', 'ftp://example.edu.cn/x']) {
      const res = await api.call<Problem>('PUT', '/v1/tenant/alert-webhook', t.staff.career_office, {
        url,
        secret: 'whsec_3f9a6c1e0b7d4a2e8c5f',
      });
      expectField(res, 'body.url');
    }
    const plain = await api.call<Problem>('PUT', '/v1/tenant/alert-webhook', t.staff.career_office, {
      url: 'http://example.edu.cn/x',
      secret: 'whsec_3f9a6c1e0b7d4a2e8c5f',
    });
    expectField(plain, 'body.url');
  });

  it('rejects ±1e308 scores in an external audit, naming the row', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({
      subjectId: `s${i}`,
      groups: { gender: i % 2 === 0 ? 'female' : 'male' },
      listId: 'L1',
      rank: i + 1,
      score: 0.5,
      selected: i % 3 === 0,
    }));
    for (const score of [1e308, -1e308]) {
      const res = await api.call<Problem>('POST', '/v1/audits/external', t.staff.auditor, {
        rows: rows.map((r, i) => (i === 4 ? { ...r, score } : r)),
      });
      expectField(res, 'body.rows.4.score');
    }
  });
});
