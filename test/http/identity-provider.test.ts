import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/storage/db.ts';
import { openHttpTest, type TestApi } from '../support/app.ts';
import { backends } from '../support/db.ts';
import type { TestTenant } from '../support/factories.ts';
import { present, type IdentityProvider, type TokenProblem, type ValidationProblem } from '../support/bodies.ts';

/** A local identity provider: its own RS256 key, published at /jwks. */
async function startProvider(): Promise<{ issuer: string; jwksUrl: string; key: CryptoKey; server: Server }> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'idp-key-1', alg: 'RS256', use: 'sig' };
  const server = createServer((req, res) => {
    if (req.url === '/jwks') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { issuer: `http://127.0.0.1:${port}`, jwksUrl: `http://127.0.0.1:${port}/jwks`, key: privateKey, server };
}

describe.each(backends)("a tenant's trusted identity provider on $name", ({ open }) => {
  let database: Database;
  let api: TestApi;
  let t: TestTenant;
  let idp: Awaited<ReturnType<typeof startProvider>>;
  const audience = `bole-${crypto.randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    ({ database, api, t } = await openHttpTest(open));
    idp = await startProvider();
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => idp.server.close(() => resolve()));
    await database.close();
  });

  const sign = async (claims: Record<string, unknown>, options: { kid?: string; key?: CryptoKey } = {}) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ iss: idp.issuer, aud: audience, iat: now, exp: now + 600, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'idp-key-1' })
      .sign(options.key ?? idp.key);
  };

  it(
    "accepts the provider's tokens for the graduate its claim names, and refuses each failed " +
      'check with a 401 that names it',
    async () => {
      const added = await api.call<IdentityProvider>('POST', '/v1/identity-providers', t.staff.career_office, {
        issuer: idp.issuer,
        audience,
        jwksUrl: idp.jwksUrl,
        claim: 'student_id',
        scopes: ['read'],
      });
      expect(added.status).toBe(201);
      expect(
        (await api.call<{ items: IdentityProvider[] }>('GET', '/v1/identity-providers', t.staff.admin)).json.items,
      ).toHaveLength(1);
      const externalId = `S${Date.now()}`;
      const g = await t.graduate({ externalId });
      const other = await t.graduate();

      const good = await sign({ sub: 'idp-user-42', student_id: externalId });
      expect((await api.call('GET', `/v1/graduates/${g.id}`, good)).status).toBe(200);
      expect((await api.call('GET', `/v1/graduates/${other.id}`, good)).status).toBe(404);
      expect((await api.call('PATCH', `/v1/graduates/${g.id}`, good, { summary: 'x' })).status).toBe(403);

      const { privateKey: strangerKey } = await generateKeyPair('RS256');
      const now = Math.floor(Date.now() / 1000);
      const cases: [string, string][] = [
        [await sign({ student_id: externalId, iat: now - 7200, exp: now - 3600 }), 'expiry'],
        [await sign({ student_id: externalId, aud: 'another-service' }), 'audience'],
        [await sign({ student_id: externalId, iss: 'https://untrusted.example' }), 'issuer'],
        [await sign({ student_id: externalId }, { kid: 'idp-key-unknown', key: strangerKey }), 'kid'],
        [await sign({ student_id: externalId }, { key: strangerKey }), 'signature'],
        [await sign({ student_id: 'nobody-here' }), 'subject'],
      ];
      for (const [token, check] of cases) {
        const r = await api.call<TokenProblem>('GET', `/v1/graduates/${g.id}`, token);
        expect(r.status, check).toBe(401);
        expect(r.headers.get('content-type')).toContain('application/problem+json');
        expect(r.json).toMatchObject({ status: 401, check });
        expect(r.json.detail).toContain(check);
      }

      // Removing the provider stops its tokens at once.
      expect((await api.call('DELETE', `/v1/identity-providers/${added.json.id}`, t.staff.admin)).status).toBe(204);
      const after = await api.call<TokenProblem>('GET', `/v1/graduates/${g.id}`, good);
      expect(after.status).toBe(401);
      expect(after.json.check).toBe('issuer');
    },
  );

  it('lets only staff configure providers, with a usable JWKS URL', async () => {
    const g = await t.graduate();
    expect(
      (
        await api.call('POST', '/v1/identity-providers', g.key, {
          issuer: 'https://x',
          audience: 'a',
          jwksUrl: 'https://x/jwks',
        })
      ).status,
    ).toBe(403);
    const bad = await api.call<ValidationProblem>('POST', '/v1/identity-providers', t.staff.admin, {
      issuer: 'https://x',
      audience: 'a',
      jwksUrl: 'http://example.com/jwks',
    });
    expect(bad.status).toBe(400);
    expect(present(bad.json.errors[0], 'an error').path).toBe('body.jwksUrl');
  });
});
