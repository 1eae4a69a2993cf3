import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { sharedDatabase } from '../../src/http/middleware/database.ts';
import { silentLogger } from '../../src/logger.ts';
import { ensureDemoData } from '../../src/services/demo-seed.ts';
import { authenticate } from '../../src/services/keys.ts';
import { hashPassword, PBKDF2_ITERATIONS, verifyPassword } from '../../src/services/people/password.ts';
import { SESSION_IDLE_MS, SESSION_TTL_MS } from '../../src/services/people/sessions.ts';
import type { Database } from '../../src/storage/db.ts';
import { markDemoTenant } from '../../src/storage/demo.repo.ts';
import { consoleBrowser, newPerson } from '../support/console.ts';
import { pgliteDatabase, postgresDatabase } from '../support/db.ts';
import { newTenant, type TestTenant } from '../support/factories.ts';

/** A clock the test moves by hand, to walk a session past its idle and absolute limits. */
const movableClock = () => {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset), advance: (ms: number) => (offset += ms) };
};

describe('console accounts and sessions', () => {
  let database: Database;
  let t: TestTenant;
  const clock = movableClock();
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    database = await postgresDatabase();
    t = await newTenant(database);
    app = createApp({
      database: sharedDatabase(database),
      clock,
      logger: silentLogger,
      maxBodyBytes: 1_048_576,
      version: 'test',
      clientAddress: (c) => c.req.header('x-test-address') ?? 'test',
    });
  });
  afterAll(async () => database.close());

  it('hashes passwords with salted PBKDF2 at the documented cost', async () => {
    const a = await hashPassword('a passphrase of words');
    const b = await hashPassword('a passphrase of words');
    expect(a).not.toBe(b);
    expect(a.startsWith(`pbkdf2-sha256$${PBKDF2_ITERATIONS}$`)).toBe(true);
    expect(await verifyPassword('a passphrase of words', a)).toBe(true);
    expect(await verifyPassword('a passphrase of word', a)).toBe(false);
    expect(await verifyPassword('anything', 'not-a-hash')).toBe(false);
  });

  it(
    'sends a visitor to sign in, refuses a wrong password keeping the email, and signs in with ' +
      'an HttpOnly Lax cookie',
    async () => {
      const person = await newPerson(database, t.tenantId, 'career_office');
      const browser = consoleBrowser(app);
      const home = await browser.get('/console/graduates');
      expect(home.status).toBe(303);
      expect(home.location).toBe('/console/login?next=%2Fconsole%2Fgraduates');

      const wrong = await browser.signIn(person.email, 'not the password');
      expect(wrong.status).toBe(401);
      expect(wrong.text).toContain(`value="${person.email}"`);
      expect(wrong.text).toContain('The email or the password is wrong.');
      const unknown = await browser.signIn('nobody@test.example', 'not the password');
      expect(unknown.status).toBe(401);

      const ok = await browser.signIn(person.email, person.password);
      expect(ok.status).toBe(303);
      expect(ok.location).toBe('/console');
      const cookie = ok.headers.getSetCookie().find((c) => c.startsWith('bole_session='));
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      expect(cookie).not.toMatch(/Secure/i);
      const page = await browser.get('/console');
      expect(page.status).toBe(200);
      expect(page.text).toContain(person.displayName);
    },
  );

  it('marks the cookie Secure on any host but localhost', async () => {
    const person = await newPerson(database, t.tenantId, 'auditor');
    const browser = consoleBrowser(app, 'https://career.example.edu.cn');
    const ok = await browser.signIn(person.email, person.password);
    expect(ok.status).toBe(303);
    expect(ok.headers.getSetCookie().find((c) => c.startsWith('bole_session='))).toMatch(/Secure/);
  });

  it('refuses a sign-in or any post without its CSRF token with 403', async () => {
    const person = await newPerson(database, t.tenantId, 'career_office');
    const browser = consoleBrowser(app);
    await browser.get('/console/login');
    const noToken = await browser.post('/console/login', { email: person.email, password: person.password });
    expect(noToken.status).toBe(403);
    expect((await browser.signIn(person.email, person.password)).status).toBe(303);
    const logout = await browser.post('/console/logout', {});
    expect(logout.status).toBe(403);
    const forged = await browser.post('/console/logout', { _csrf: 'x'.repeat(32) });
    expect(forged.status).toBe(403);
    expect((await browser.get('/console')).status).toBe(200);
  });

  it('signs out: the old cookie no longer opens a page', async () => {
    const person = await newPerson(database, t.tenantId, 'admin');
    const browser = consoleBrowser(app);
    await browser.signIn(person.email, person.password);
    const saved = new Map(browser.jar);
    const out = await browser.submit('/console', '/console/logout', {});
    expect(out.status).toBe(303);
    expect(out.location).toBe('/console/login');
    for (const [k, v] of saved) browser.jar.set(k, v);
    expect((await browser.get('/console')).status).toBe(303);
  });

  it('ends a session after its idle time and after its lifetime', async () => {
    const person = await newPerson(database, t.tenantId, 'career_office');
    const idle = consoleBrowser(app);
    await idle.signIn(person.email, person.password);
    clock.advance(SESSION_IDLE_MS - 60_000);
    expect((await idle.get('/console')).status).toBe(200);
    clock.advance(SESSION_IDLE_MS + 1_000);
    expect((await idle.get('/console')).status).toBe(303);

    const busy = consoleBrowser(app);
    await busy.signIn(person.email, person.password);
    for (let spent = 0; spent < SESSION_TTL_MS - 3_600_000; spent += 3_600_000) {
      clock.advance(3_600_000);
      expect((await busy.get('/console')).status).toBe(200);
    }
    clock.advance(3_600_000 + 1_000);
    expect((await busy.get('/console')).status).toBe(303);
  });

  it('limits sign-in attempts per account and per address with 429 and Retry-After', async () => {
    // A stopped clock: the limits count in one-minute windows, which a slow run could otherwise straddle.
    const stopped = new Date();
    const app = createApp({
      database: sharedDatabase(database),
      clock: { now: () => stopped },
      logger: silentLogger,
      maxBodyBytes: 1_048_576,
      version: 'test',
      clientAddress: (c) => c.req.header('x-test-address') ?? 'test',
    });
    const person = await newPerson(database, t.tenantId, 'career_office');
    const browser = consoleBrowser(app);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await browser.signIn(person.email, `wrong ${i}`);
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    // Even the right password waits now: the limit is on the account, not on failures from one place.
    const other = consoleBrowser(app);
    expect((await other.signIn(person.email, person.password)).status).toBe(429);

    const address = { 'x-test-address': `203.0.113.${process.pid % 250}` };
    const spray = consoleBrowser(app);
    const login = await spray.get('/console/login');
    const sprayed: number[] = [];
    for (let i = 0; i < 31; i++)
      sprayed.push(
        (
          await spray.post(
            '/console/login',
            { _csrf: spray.csrfOf(login.text), email: `spray-${i}@test.example`, password: 'guess guess guess' },
            address,
          )
        ).status,
      );
    expect(sprayed.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(sprayed[30]).toBe(429);
  });
});

describe('the demo across restarts of one data directory', () => {
  let database: Database;
  beforeAll(async () => {
    database = await pgliteDatabase();
  });
  afterAll(async () => database.close());

  it('prints the same keys and logins on every start, and they work', async () => {
    const t = await newTenant(database);
    await markDemoTenant(database.db, t.tenantId);
    await t.graduate();
    const progress = () => {};
    const first = await ensureDemoData(database, { seed: 1, progress });
    const second = await ensureDemoData(database, { seed: 1, progress });
    expect(first?.tenantId).toBe(t.tenantId);
    expect(second?.keys).toEqual(first?.keys);
    expect(second?.logins).toEqual(first?.logins);
    expect(Object.keys(first?.logins ?? {}).sort()).toEqual(['admin', 'auditor', 'career_office']);
    for (const key of Object.values(first?.keys ?? {}))
      expect(await authenticate(database, key, new Date())).toBeTruthy();

    const app = createApp({
      database: sharedDatabase(database),
      clock: { now: () => new Date() },
      logger: silentLogger,
      maxBodyBytes: 1_048_576,
      version: 'test',
    });
    for (const login of Object.values(second?.logins ?? {})) {
      const res = await consoleBrowser(app).signIn(login.email, login.password);
      expect(res.status).toBe(303);
    }
  });
});
