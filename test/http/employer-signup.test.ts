import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../src/domain/identity/credit-code.ts';
import type { Database } from '../../src/storage/db.ts';
import { openHttpTest, type TestApi } from '../support/app.ts';
import type { EmployerRegistration, Page, Posting, RegisteredEmployer } from '../support/bodies.ts';
import { backends } from '../support/db.ts';
import { newTenant, type TestTenant } from '../support/factories.ts';

const code = (first17: string): string => `${first17}${creditCodeCheckChar(first17) ?? ''}`;
const signup = (creditCode: string) => ({
  name: '楚天智能科技有限公司',
  creditCode,
  website: 'https://example.com',
  contact: { name: '王敏', email: 'hr@example.com', phone: '+86 27 8765 4321' },
});

describe.each(backends)('employer sign-up on $name', ({ open }) => {
  let database: Database;
  let api: TestApi;
  let t: TestTenant;

  beforeAll(async () => {
    ({ database, api, t } = await openHttpTest(open, { matching: true }));
  });
  afterAll(async () => database.close());

  it('a pending employer drafts but publishes nothing until the career office approves it', async () => {
    const reg = await api.call<RegisteredEmployer>(
      'POST',
      `/v1/tenants/${t.tenantId}/employer-registrations`,
      undefined,
      signup('91350100M000100Y43'),
    );
    expect(reg.status).toBe(201);
    expect(reg.json).toMatchObject({ status: 'pending', creditCode: '91350100M000100Y43', decisionReason: null });
    const key: string = reg.json.key;
    const grad = await t.graduate();

    const draft = await api.call<Posting>('POST', '/v1/jobs', key, {
      title: '数据分析师',
      description: '做数据分析。',
    });
    expect(draft.status).toBe(201);
    expect(draft.json.status).toBe('draft');
    const opened = await api.call('POST', '/v1/jobs', key, {
      title: '数据分析师',
      description: '做数据分析。',
      status: 'open',
    });
    expect(opened.status).toBe(409);
    expect(opened.headers.get('content-type')).toContain('application/problem+json');
    // Neither the employer nor the career office can open it before approval.
    expect((await api.call('PATCH', `/v1/jobs/${draft.json.id}`, key, { status: 'open' })).status).toBe(409);
    expect(
      (await api.call('PATCH', `/v1/jobs/${draft.json.id}`, t.staff.career_office, { status: 'open' })).status,
    ).toBe(409);
    expect((await api.call('GET', `/v1/jobs/${draft.json.id}`, grad.key)).status).toBe(404);
    const listed = await api.call<Page<Posting>>('GET', '/v1/jobs', grad.key);
    expect(listed.json.items.map((p: { id: string }) => p.id)).not.toContain(draft.json.id);

    // The pending employer itself is not shown to graduates either, listed or by id; staff and itself see it.
    const employers = await api.call<Page<{ id: string }>>('GET', '/v1/employers?limit=100', grad.key);
    expect(employers.status).toBe(200);
    expect(employers.json.items.map((e: { id: string }) => e.id)).not.toContain(reg.json.id);
    expect((await api.call('GET', `/v1/employers/${reg.json.id}`, grad.key)).status).toBe(404);
    expect((await api.call('GET', `/v1/employers/${reg.json.id}`, key)).status).toBe(200);
    const staffList = await api.call<Page<{ id: string }>>('GET', '/v1/employers?limit=100', t.staff.career_office);
    expect(staffList.json.items.map((e: { id: string }) => e.id)).toContain(reg.json.id);

    // Graduates' profiles are not shown to an employer nobody has checked yet.
    const candidates = await api.call('GET', `/v1/jobs/${draft.json.id}/candidates`, key);
    expect(candidates.status).toBe(403);
    expect(candidates.headers.get('content-type')).toContain('application/problem+json');

    const approved = await api.call<EmployerRegistration>(
      'POST',
      `/v1/employers/${reg.json.id}/decision`,
      t.staff.career_office,
      { decision: 'approved', reason: '营业执照核验通过。' },
    );
    expect(approved.status).toBe(200);
    expect(approved.json).toMatchObject({ status: 'approved', decisionReason: '营业执照核验通过。' });
    expect(approved.json.decidedAt).not.toBeNull();
    const published = await api.call<Posting>('PATCH', `/v1/jobs/${draft.json.id}`, key, { status: 'open' });
    expect(published.status).toBe(200);
    expect(published.json.status).toBe('open');
    expect((await api.call('GET', `/v1/jobs/${draft.json.id}`, grad.key)).status).toBe(200);
    expect((await api.call('GET', `/v1/employers/${reg.json.id}`, grad.key)).status).toBe(200);
    expect((await api.call('GET', `/v1/jobs/${draft.json.id}/candidates`, key)).status).toBe(200);
    // Decided once: a second decision is a conflict.
    expect(
      (
        await api.call('POST', `/v1/employers/${reg.json.id}/decision`, t.staff.career_office, {
          decision: 'rejected',
          reason: '再议',
        })
      ).status,
    ).toBe(409);
  });

  it('a rejected employer reads the reason and still cannot publish; only staff decide', async () => {
    const reg = await api.call<RegisteredEmployer>(
      'POST',
      `/v1/tenants/${t.tenantId}/employer-registrations`,
      undefined,
      signup(code('91110000802100433')),
    );
    expect(reg.status).toBe(201);
    const key: string = reg.json.key;
    const grad = await t.graduate();
    const decide = (who: string | undefined) =>
      api.call('POST', `/v1/employers/${reg.json.id}/decision`, who, { decision: 'approved', reason: '自己批准' });
    expect((await decide(key)).status).toBe(403);
    expect((await decide(grad.key)).status).toBe(403);
    expect((await decide(undefined)).status).toBe(401);
    expect((await decide('bole_not-a-key')).status).toBe(401);

    const rejected = await api.call('POST', `/v1/employers/${reg.json.id}/decision`, t.staff.admin, {
      decision: 'rejected',
      reason: '信用代码与营业执照不符。',
    });
    expect(rejected.status).toBe(200);
    const own = await api.call<EmployerRegistration>('GET', `/v1/employers/${reg.json.id}/registration`, key);
    expect(own.status).toBe(200);
    expect(own.json).toMatchObject({
      status: 'rejected',
      decisionReason: '信用代码与营业执照不符。',
      contact: { email: 'hr@example.com' },
    });
    expect((await api.call('GET', `/v1/employers/${reg.json.id}/registration`, grad.key)).status).toBe(403);
    expect(
      (await api.call('POST', '/v1/jobs', key, { title: '测试工程师', description: '负责测试。', status: 'open' }))
        .status,
    ).toBe(409);
  });

  it('names body.creditCode for a bad check character, 409 for a duplicate, 404 for an unknown tenant', async () => {
    const good = code('12100000400000770');
    const corrupted = `${good.slice(0, 17)}${good.endsWith('0') ? '1' : '0'}`;
    const bad = await api.call(
      'POST',
      `/v1/tenants/${t.tenantId}/employer-registrations`,
      undefined,
      signup(corrupted),
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain('body.creditCode');

    // Lower case is accepted and stored upper-cased, so it collides with the same code.
    expect(
      (await api.call('POST', `/v1/tenants/${t.tenantId}/employer-registrations`, undefined, signup(good))).status,
    ).toBe(201);
    const dup = await api.call(
      'POST',
      `/v1/tenants/${t.tenantId}/employer-registrations`,
      undefined,
      signup(good.toLowerCase()),
    );
    expect(dup.status).toBe(409);
    expect(dup.headers.get('content-type')).toContain('application/problem+json');

    // Two sign-ups racing past the pre-check: the unique index decides, and the loser gets a 409, not a 500.
    const racing = await Promise.all(
      [0, 1].map(() =>
        api.call(
          'POST',
          `/v1/tenants/${t.tenantId}/employer-registrations`,
          undefined,
          signup(code('92420100MA4KX1234')),
        ),
      ),
    );
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);

    const other = await newTenant(database);
    expect(
      (await api.call('POST', `/v1/tenants/${other.tenantId}/employer-registrations`, undefined, signup(good))).status,
    ).toBe(201);
    const nowhere = await api.call(
      'POST',
      `/v1/tenants/${crypto.randomUUID()}/employer-registrations`,
      undefined,
      signup(code('91440300715267260')),
    );
    expect(nowhere.status).toBe(404);
  });
});
