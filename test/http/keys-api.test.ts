import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY_HELD_MS } from '../../src/services/keys.ts';
import type { Database } from '../../src/storage/db.ts';
import { openHttpTest, type TestApi } from '../support/app.ts';
import type { Page, Problem } from '../support/bodies.ts';
import { backends } from '../support/db.ts';
import { newTenant, type TestTenant } from '../support/factories.ts';

interface ApiKey {
  id: string;
  prefix: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}
/** POST /v1/keys: the key's record and, this once, its secret. */
type MintedKey = ApiKey & { key: string };

describe.each(backends)('API keys over the API on $name', ({ open }) => {
  let database: Database;
  let api: TestApi;
  let t: TestTenant;

  beforeAll(async () => {
    ({ database, api, t } = await openHttpTest(open));
  });
  afterAll(async () => database.close());

  it(
    'mints a bound, labelled, expiring key whose secret is shown once; use is recorded; ' + 'revocation is at once',
    async () => {
      const g = await t.graduate();
      const minted = await api.call<MintedKey>('POST', '/v1/keys', t.staff.career_office, {
        role: 'graduate',
        graduateId: g.id,
        label: 'job-search app',
        expiresAt: '2099-01-01T00:00:00Z',
      });
      expect(minted.status).toBe(201);
      expect(minted.json).toMatchObject({
        role: 'graduate',
        graduateId: g.id,
        label: 'job-search app',
        expiresAt: '2099-01-01T00:00:00.000Z',
        lastUsedAt: null,
      });
      const secret = minted.json.key;
      expect(secret.startsWith(minted.json.prefix)).toBe(true);

      expect((await api.call('GET', `/v1/graduates/${g.id}`, secret)).status).toBe(200);
      const listed = await api.call<Page<ApiKey>>('GET', '/v1/keys', t.staff.admin);
      expect(listed.status).toBe(200);
      const row = listed.json.items.find((k) => k.id === minted.json.id);
      expect(row?.lastUsedAt).not.toBeNull();
      // The secret and its hash never come back.
      expect(JSON.stringify(listed.json)).not.toContain(secret);
      expect(Object.keys(row ?? {})).not.toContain('key');

      const revoked = await api.call<ApiKey>('DELETE', `/v1/keys/${minted.json.id}`, t.staff.career_office);
      expect(revoked.status).toBe(200);
      expect(revoked.json.revokedAt).not.toBeNull();
      const refused = await api.call<Problem>('GET', `/v1/graduates/${g.id}`, secret);
      expect(refused.status).toBe(401);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      // A revoked key and one that never existed get the same answer.
      const unknown = await api.call<Problem>('GET', `/v1/graduates/${g.id}`, `${secret.slice(0, -4)}AAAA`);
      expect(unknown.status).toBe(401);
      expect(unknown.json.detail).toBe(refused.json.detail);
      expect(
        (await api.call<Page<ApiKey>>('GET', '/v1/keys?includeRevoked=true', t.staff.admin)).json.items.map(
          (k) => k.id,
        ),
      ).toContain(minted.json.id);
      expect(
        (await api.call<Page<ApiKey>>('GET', '/v1/keys', t.staff.admin)).json.items.map((k) => k.id),
      ).not.toContain(minted.json.id);

      const log = await database.db
        .selectFrom('operator_actions')
        .select(['action', 'detail'])
        .where('tenant_id', '=', t.tenantId)
        .where('action', 'in', ['mint_key', 'revoke_key'])
        .execute();
      const about = log
        .filter((a) => JSON.stringify(a.detail).includes(minted.json.id))
        .map((a) => a.action)
        .sort();
      expect(about).toEqual(['mint_key', 'revoke_key']);
    },
  );

  it('refuses a key once it has expired', async () => {
    const g = await t.graduate();
    const minted = await api.call<MintedKey>('POST', '/v1/keys', t.staff.admin, {
      role: 'graduate',
      graduateId: g.id,
      expiresAt: '2099-01-01T00:00:00Z',
    });
    expect((await api.call('GET', `/v1/graduates/${g.id}`, minted.json.key)).status).toBe(200);
    // Time passes: the expiry is now behind us. Written to the row directly, as another process would, so it takes
    // effect once this one's held copy of the key has lapsed (KEY_HELD_MS; a sleep lasts at least its length).
    await database.db
      .updateTable('api_keys')
      .set({ expires_at: new Date(Date.now() - 1_000) })
      .where('id', '=', minted.json.id)
      .execute();
    await new Promise((resolve) => setTimeout(resolve, KEY_HELD_MS + 50));
    const expired = await api.call('GET', `/v1/graduates/${g.id}`, minted.json.key);
    expect(expired.status).toBe(401);
    expect(
      (await api.call('POST', '/v1/keys', t.staff.admin, { role: 'auditor', expiresAt: '2001-01-01T00:00:00Z' }))
        .status,
    ).toBe(400);
  });

  it("lets only admins mint staff keys, and no one else manage keys; another tenant's key is not found", async () => {
    const emp = await t.employer();
    const g = await t.graduate();
    expect((await api.call('POST', '/v1/keys', t.staff.career_office, { role: 'admin' })).status).toBe(403);
    expect((await api.call('POST', '/v1/keys', t.staff.career_office, { role: 'career_office' })).status).toBe(403);
    const staffKey = await api.call<MintedKey>('POST', '/v1/keys', t.staff.admin, {
      role: 'auditor',
      label: 'audit committee',
    });
    expect(staffKey.status).toBe(201);
    expect((await api.call('DELETE', `/v1/keys/${staffKey.json.id}`, t.staff.career_office)).status).toBe(403);
    for (const key of [emp.key, g.key, t.staff.auditor]) {
      const r = await api.call('GET', '/v1/keys', key);
      expect(r.status).toBe(403);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await api.call('POST', '/v1/keys', t.staff.admin, { role: 'graduate' })).status).toBe(400);
    expect(
      (await api.call('POST', '/v1/keys', t.staff.admin, { role: 'employer', employerId: crypto.randomUUID() })).status,
    ).toBe(404);
    const other = await newTenant(database);
    expect((await api.call('DELETE', `/v1/keys/${staffKey.json.id}`, other.staff.admin)).status).toBe(404);
  });
});
