import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, importJWK, jwtVerify, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/services/context.ts';
import { memoryRateLimiter } from '../../src/services/rate-limit/memory.ts';
import type { Database } from '../../src/storage/db.ts';
import { testApp, openHttpTest, type TestApi } from '../support/app.ts';
import { backends } from '../support/db.ts';
import type { TestTenant } from '../support/factories.ts';
import type { Graduate, RegisteredApp, TokenProblem } from '../support/bodies.ts';

const ISSUER = 'urn:bole';
const AUDIENCE = 'urn:bole:api';

describe.each(backends)('graduate-scoped app tokens on $name', ({ open }) => {
  let database: Database;
  let api: TestApi;
  let t: TestTenant;

  beforeAll(async () => {
    ({ database, api, t } = await openHttpTest(open));
  });
  afterAll(async () => database.close());

  const form = (fields: Record<string, string>, headers: Record<string, string> = {}, app = api.app) =>
    app.request('/v1/oauth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
    });

  async function registered(scopes = ['read', 'write']) {
    const r = await api.call<RegisteredApp>('POST', '/v1/apps', t.staff.admin, { name: '校园求职 App', scopes });
    expect(r.status).toBe(201);
    return { id: r.json.id, clientId: r.json.clientId, secret: r.json.clientSecret };
  }

  /** Signs a token as Bole would, with the newest published signing key, and the claims given. */
  async function forged(claims: Record<string, unknown>, header: { kid?: string } = {}) {
    const row = await database.db
      .selectFrom('signing_keys')
      .selectAll()
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    const jwk = (typeof row.private_jwk === 'string' ? JSON.parse(row.private_jwk) : row.private_jwk) as JWK;
    const key = await importJWK(jwk, 'ES256');
    const now = Math.floor(Date.now() / 1000);
    const payload = {
      role: 'graduate',
      scope: 'read',
      iss: ISSUER,
      aud: AUDIENCE,
      iat: now,
      exp: now + 300,
      ...claims,
    };
    return new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid: header.kid ?? row.kid }).sign(key);
  }

  it(
    'exchanges client credentials for a signed, short-lived token that acts for one graduate ' + 'named by external id',
    async () => {
      const app = await registered();
      const g = await t.graduate({ externalId: `stu-${crypto.randomUUID().slice(0, 8)}` });
      const other = await t.graduate();
      const gExt = (await api.call<Graduate>('GET', `/v1/graduates/${g.id}`, t.staff.career_office)).json.externalId;
      if (gExt === undefined) throw new Error("expected the graduate's externalId in the response body");
      const res = await form({
        grant_type: 'client_credentials',
        client_id: app.clientId,
        client_secret: app.secret,
        subject_external_id: gExt,
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const answer = (await res.json()) as { access_token: string; expires_in: number; scope: string };
      expect(answer).toMatchObject({ token_type: 'Bearer', expires_in: 900, scope: 'read write' });
      const claims = decodeJwt(answer.access_token);
      expect(claims).toMatchObject({
        iss: ISSUER,
        aud: AUDIENCE,
        sub: g.id,
        tid: t.tenantId,
        role: 'graduate',
        gid: g.id,
        scope: 'read write',
        client_id: app.clientId,
      });
      expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBeLessThanOrEqual(3600);

      // The published key set verifies it.
      const jwks = (await (await api.app.request('/.well-known/jwks.json')).json()) as { keys: JWK[] };
      expect(jwks.keys.map((k) => k.kid)).toContain(decodeProtectedHeader(answer.access_token).kid);
      expect(JSON.stringify(jwks)).not.toMatch(/"d":/);
      await expect(
        jwtVerify(answer.access_token, createLocalJWKSet(jwks), { issuer: ISSUER, audience: AUDIENCE }),
      ).resolves.toBeDefined();

      // It acts as that graduate, within its scopes, and says it is the app's token.
      const me = await api.call<{ graduateId: string; credential: { kind: string; id: string } }>(
        'GET',
        '/v1/me',
        answer.access_token,
      );
      expect(me.json).toMatchObject({ graduateId: g.id, credential: { kind: 'app_token', id: app.id } });
      expect((await api.call('GET', `/v1/graduates/${g.id}`, answer.access_token)).status).toBe(200);
      expect((await api.call('GET', `/v1/graduates/${other.id}`, answer.access_token)).status).toBe(404);
      const noErase = await api.call('DELETE', `/v1/graduates/${g.id}`, answer.access_token);
      expect(noErase.status).toBe(403);
      expect(noErase.json).toMatchObject({ status: 403, scope: 'erase' });
      expect((await api.call('GET', '/v1/keys', answer.access_token)).status).toBe(403);

      // By Bole id too, with a narrower scope and lifetime.
      const byId = await form({
        grant_type: 'client_credentials',
        client_id: app.clientId,
        client_secret: app.secret,
        subject: g.id,
        scope: 'read',
        expires_in: '120',
      });
      expect(await byId.json()).toMatchObject({ scope: 'read', expires_in: 120 });
      const tooLong = await form({
        grant_type: 'client_credentials',
        client_id: app.clientId,
        client_secret: app.secret,
        subject: g.id,
        expires_in: '7200',
      });
      expect(tooLong.status).toBe(400);
      const wider = await form({
        grant_type: 'client_credentials',
        client_id: app.clientId,
        client_secret: app.secret,
        subject: g.id,
        scope: 'read erase',
      });
      expect(wider.status).toBe(400);
    },
  );

  it(
    'gives one 401 for a wrong secret, an unknown client and a revoked app, and refuses a ' +
      "revoked app's live tokens",
    async () => {
      const app = await registered();
      const g = await t.graduate();
      const basic = `Basic ${btoa(`${app.clientId}:${app.secret}`)}`;
      const ok = await form({ grant_type: 'client_credentials', subject: g.id }, { authorization: basic });
      expect(ok.status).toBe(200);
      const token = ((await ok.json()) as { access_token: string }).access_token;
      const wrong = await form({
        grant_type: 'client_credentials',
        client_id: app.clientId,
        client_secret: `${app.secret}x`,
        subject: g.id,
      });
      const unknown = await form({
        grant_type: 'client_credentials',
        client_id: 'app_nobody',
        client_secret: app.secret,
        subject: g.id,
      });
      expect([wrong.status, unknown.status]).toEqual([401, 401]);
      expect(wrong.headers.get('content-type')).toContain('application/problem+json');
      const [w, u] = [(await wrong.json()) as { detail: string }, (await unknown.json()) as { detail: string }];
      expect(w.detail).toBe(u.detail);

      expect((await api.call('DELETE', `/v1/apps/${app.id}`, t.staff.career_office)).status).toBe(200);
      const refused = await api.call('GET', `/v1/graduates/${g.id}`, token);
      expect(refused.status).toBe(401);
      expect(refused.json).toMatchObject({ status: 401, check: 'app_revoked' });
      const again = await form({ grant_type: 'client_credentials', subject: g.id }, { authorization: basic });
      expect(again.status).toBe(401);
      expect(((await again.json()) as { detail: string }).detail).toBe(w.detail);
      const log = await database.db
        .selectFrom('operator_actions')
        .select('action')
        .where('tenant_id', '=', t.tenantId)
        .where('action', 'in', ['register_app', 'revoke_app'])
        .execute();
      expect(log.map((a) => a.action)).toEqual(expect.arrayContaining(['register_app', 'revoke_app']));
    },
  );

  it('answers a malformed HTTP Basic header with a 400 naming it, not a 500', async () => {
    for (const header of ['Basic %%%not-base64', `Basic ${btoa('no-colon-here')}`, `Basic ${btoa('a:%E0%A4%A')}`]) {
      const res = await form(
        { grant_type: 'client_credentials', subject: crypto.randomUUID() },
        { authorization: header },
      );
      expect(res.status, header).toBe(400);
      expect(await res.text()).toContain('header.authorization');
    }
  });

  it('checks issuer, audience, expiry and kid of its own tokens, each a 401 naming the check', async () => {
    const app = await registered();
    const g = await t.graduate();
    await form({ grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.secret, subject: g.id });
    const base = { sub: g.id, gid: g.id, tid: t.tenantId, client_id: app.clientId, app: app.id };
    expect((await api.call('GET', `/v1/graduates/${g.id}`, await forged(base))).status).toBe(200);
    const cases: [string, string][] = [
      [await forged({ ...base, aud: 'someone-else' }), 'audience'],
      [await forged({ ...base, exp: Math.floor(Date.now() / 1000) - 120 }), 'expiry'],
      [await forged(base, { kid: 'no-such-kid' }), 'kid'],
      [await forged({ ...base, iss: 'https://not-bole.example' }), 'issuer'],
      ['not.a.token', 'format'],
    ];
    for (const [token, check] of cases) {
      const r = await api.call<TokenProblem>('GET', `/v1/graduates/${g.id}`, token);
      expect(r.status, check).toBe(401);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect(r.json.check).toBe(check);
    }
  });

  it('limits requests per graduate and per app, with a 429 and Retry-After', async () => {
    const limited = testApp(database, {
      rateLimits: { limiter: memoryRateLimiter(systemClock), perApp: 5, perGraduate: 3 },
    });
    const app = await registered();
    const [a, b] = [await t.graduate(), await t.graduate()];
    const tokenFor = async (id: string) =>
      (
        (await (
          await form(
            { grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.secret, subject: id },
            {},
            limited.app,
          )
        ).json()) as { access_token: string }
      ).access_token;
    const [ta, tb] = [await tokenFor(a.id), await tokenFor(b.id)];
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await limited.call('GET', `/v1/graduates/${a.id}`, ta)).status);
    // The minute's window may roll over mid-test; then the count starts again, so look for the first 429.
    const first429 = statuses.indexOf(429);
    expect(first429 === 3 || statuses.every((s) => s === 200)).toBe(true);
    const blocked = await limited.call('GET', `/v1/graduates/${a.id}`, ta);
    if (blocked.status === 429) expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Graduate b has its own allowance, but the app's five a minute run out.
    const more: number[] = [];
    for (let i = 0; i < 3; i++) more.push((await limited.call('GET', `/v1/graduates/${b.id}`, tb)).status);
    expect(more).toContain(429);
  });
});
