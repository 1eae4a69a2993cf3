import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { sharedDatabase } from '../../src/http/middleware/database.ts';
import { silentLogger } from '../../src/logger.ts';
import { systemClock } from '../../src/services/context.ts';
import { configureOidcProvider } from '../../src/services/people/oidc.ts';
import type { Database } from '../../src/storage/db.ts';
import { consoleBrowser, newPerson } from '../support/console.ts';
import { postgresDatabase } from '../support/db.ts';
import { newTenant, type TestTenant } from '../support/factories.ts';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider.ts';

/*
 * Console sign-in through a university's identity provider (OpenID Connect, code flow with PKCE, state and nonce),
 * against a provider this file starts: the ID token is verified with the provider's published keys and its email
 * picks an existing account of the provider's tenant; nothing else signs anyone in, and no account is created.
 */

let database: Database;
let provider: TestOidcProvider;
let t: TestTenant;
let other: TestTenant;
let providerId = '';
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  database = await postgresDatabase();
  provider = await startOidcProvider();
  t = await newTenant(database);
  other = await newTenant(database);
  ({ id: providerId } = await configureOidcProvider(database, {
    tenantId: t.tenantId,
    label: '兰州大学统一身份认证',
    issuer: provider.issuer,
    clientId: provider.clientId,
    now: new Date(),
  }));
  app = createApp({
    database: sharedDatabase(database),
    clock: systemClock,
    logger: silentLogger,
    maxBodyBytes: 1_048_576,
    version: 'test',
  });
});
afterAll(async () => {
  await provider.close();
  await database.close();
});

/** Follows the console to the provider and the provider back, as a browser would; returns the callback's answer. */
async function signInThroughProvider(browser: ReturnType<typeof consoleBrowser>) {
  const login = await browser.get('/console/login?next=%2Fconsole%2Fgraduates');
  const button = new RegExp(`href="(/console/oidc/${providerId}/start[^"]*)"`).exec(login.text)?.[1] ?? '';
  expect(login.text).toContain('Sign in with 兰州大学统一身份认证');
  const start = await browser.get(button.replaceAll('&amp;', '&'));
  expect(start.status).toBe(303);
  const atProvider = await fetch(start.location ?? '', { redirect: 'manual' });
  const back = new URL(atProvider.headers.get('location') ?? '');
  return { start, callback: `${back.pathname}${back.search}` };
}

describe('console sign-in through the tenant identity provider', () => {
  it('signs in the account whose email the provider vouches for, with PKCE S256, state and nonce', async () => {
    const person = await newPerson(database, t.tenantId, 'career_office', { displayName: '马老师' });
    provider.signIn({ email: person.email.toUpperCase() });
    const browser = consoleBrowser(app);
    const { start, callback } = await signInThroughProvider(browser);
    const asked = new URL(start.location ?? '').searchParams;
    expect(
      Object.fromEntries(
        ['response_type', 'client_id', 'scope', 'code_challenge_method'].map((k) => [k, asked.get(k)]),
      ),
    ).toEqual({
      response_type: 'code',
      client_id: 'bole-console',
      scope: 'openid email profile',
      code_challenge_method: 'S256',
    });
    expect(asked.get('redirect_uri')).toBe('http://localhost/console/oidc/callback');
    expect(asked.get('state')).toMatch(/^[\w-]{43}$/);
    expect(asked.get('nonce')).toMatch(/^[\w-]{43}$/);
    expect(asked.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    // The state cookie binds the answer to this browser; HttpOnly, and Lax so the provider's redirect carries it.
    expect(start.headers.getSetCookie().find((c) => c.startsWith('bole_oidc_state='))).toMatch(
      /HttpOnly.*SameSite=Lax/i,
    );

    const done = await browser.get(callback);
    expect(done.status).toBe(303);
    expect(done.location).toBe('/console/graduates');
    expect(provider.refusals).toEqual([]);
    const home = await browser.get('/console');
    expect(home.status).toBe(200);
    expect(home.text).toContain('马老师');

    // The same answer again (a replay) finds no sign-in in flight.
    const again = consoleBrowser(app);
    again.jar.set('bole_oidc_state', asked.get('state') ?? '');
    const replay = await again.get(callback);
    expect(replay.status).toBe(401);
    expect(replay.text).toContain('expired or was already used');
  });

  it('refuses an answer in a browser that did not start the sign-in', async () => {
    const person = await newPerson(database, t.tenantId, 'auditor');
    provider.signIn({ email: person.email });
    const { callback } = await signInThroughProvider(consoleBrowser(app));
    const elsewhere = await consoleBrowser(app).get(callback);
    expect(elsewhere.status).toBe(401);
    expect(elsewhere.text).toContain('not started in this browser');
    expect(elsewhere.headers.getSetCookie().some((c) => c.startsWith('bole_session='))).toBe(false);
  });

  it.each([
    { case: 'a token for another sign-in (wrong nonce)', claims: { nonce: 'not-this-one' }, says: 'not issued for' },
    { case: 'a token signed by a key the provider does not publish', stranger: true, says: 'did not verify' },
    { case: 'an email the provider has not verified', verified: false, says: 'did not vouch' },
  ])('refuses $case', async ({ claims, stranger, verified, says }) => {
    const person = await newPerson(database, t.tenantId, 'admin');
    provider.signIn({ email: person.email, claims, signWithStrangerKey: stranger, emailVerified: verified });
    const browser = consoleBrowser(app);
    const { callback } = await signInThroughProvider(browser);
    const res = await browser.get(callback);
    expect(res.status).toBe(401);
    expect(res.text).toContain(says);
    expect((await browser.get('/console')).status).toBe(303);
  });

  it("never signs in another tenant's account, nor creates one for an unknown email", async () => {
    const outsider = await newPerson(database, other.tenantId, 'admin');
    const count = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from users`.execute(database.db)).rows[0]?.n;
    const before = await count();
    for (const email of [outsider.email, `new-${Date.now()}@lzu.example.edu.cn`]) {
      provider.signIn({ email });
      const browser = consoleBrowser(app);
      const { callback } = await signInThroughProvider(browser);
      const res = await browser.get(callback);
      expect(res.status).toBe(401);
      expect(res.text).toContain('No console account of this university has that email');
      expect((await browser.get('/console')).status).toBe(303);
    }
    expect(await count()).toBe(before);
  });

  it('shows the provider refusing (the person cancelled) on the sign-in page', async () => {
    const res = await consoleBrowser(app).get('/console/oidc/callback?error=access_denied&state=x');
    expect(res.status).toBe(401);
    expect(res.text).toContain('did not succeed (access_denied)');
    expect((await consoleBrowser(app).get('/console/oidc/not-an-id/start')).status).toBe(404);
  });
});
