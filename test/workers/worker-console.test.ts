import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../src/storage/db.ts';
import { openPostgres } from '../../src/storage/db-postgres.ts';
import { consoleBrowser, newPerson, type SendRequest } from '../support/console.ts';
import { newTenant, type TestTenant } from '../support/factories.ts';
import { job, profile } from '../support/matching.ts';
import { bundleWorker, type WorkerBundle } from '../support/workerd.ts';

/*
 * The console as a person uses it, served by the Worker bundle in workerd against the run's PostgreSQL:
 * PBKDF2 through workerd's WebCrypto, the session and CSRF cookies, forms, and the server-side session
 * records, with nothing of Node underneath.
 */

let bundle: WorkerBundle;
let mf: Miniflare;
let database: Database;
let t: TestTenant;
let graduateId = '';

/** The number on the home page's card labelled `label`. */
const card = (page: string, label: string): string | undefined =>
  new RegExp(`<div class="n">([^<]*)</div>\\s*<div class="l">${label}</div>`).exec(page)?.[1];

beforeAll(async () => {
  bundle = await bundleWorker();
  mf = bundle.boot({ DATABASE_URL: inject('pgUrl') });
  database = await openPostgres(inject('pgUrl'), { max: 2 });
  t = await newTenant(database);
  const call = async (method: string, path: string, key: string, body: unknown) => {
    const res = await mf.dispatchFetch(`http://localhost${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as { id: string };
  };
  // Written through the Worker's API, so the pages read what this same Worker stored.
  graduateId = (await call('POST', '/v1/graduates', t.staff.career_office, profile({ name: '陈静' }))).id;
  await call('POST', '/v1/graduates', t.staff.career_office, profile({ name: '周航' }));
  const employer = await t.employer({ name: '西部数据服务' });
  await call('POST', '/v1/jobs', employer.key, job({ title: '数据分析师' }));
}, 180_000);

afterAll(async () => {
  await bundle?.dispose();
  await database?.close();
});

describe('the console in workerd', () => {
  it('signs a person in, shows the home page with numbers and a graduate, and signs out', async () => {
    const person = await newPerson(database, t.tenantId, 'career_office', { displayName: '刘老师' });
    // Miniflare's own Response type, with what the browser reads of it.
    const send: SendRequest = async (url, init) => (await mf.dispatchFetch(url, init as never)) as unknown as Response;
    const browser = consoleBrowser(send);

    const refused = await browser.signIn(person.email, 'not the password');
    expect(refused.status).toBe(401);
    expect(refused.text).toContain('The email or the password is wrong.');
    // A form without the sign-in page's CSRF token is refused before any password is checked.
    const forged = await browser.post('/console/login', { email: person.email, password: person.password });
    expect(forged.status).toBe(403);

    const signed = await browser.signIn(person.email, person.password);
    expect(signed.status).toBe(303);
    expect(signed.location).toBe('/console');
    expect(signed.headers.getSetCookie().find((c) => c.startsWith('bole_session='))).toMatch(/HttpOnly.*SameSite=Lax/i);

    const home = await browser.get('/console');
    expect(home.status).toBe(200);
    expect(home.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(home.text).toContain('刘老师');
    expect(card(home.text, 'Graduates')).toBe('2');
    expect(card(home.text, 'Open postings')).toBe('1');

    const graduate = await browser.get(`/console/graduates/${graduateId}`);
    expect(graduate.status).toBe(200);
    expect(graduate.text).toContain('陈静');

    // Signing out needs the session's CSRF token too; without it nothing happens.
    expect((await browser.post('/console/logout', {})).status).toBe(403);
    expect((await browser.get('/console')).status).toBe(200);
    const out = await browser.submit('/console', '/console/logout', {});
    expect(out.status).toBe(303);
    expect(out.location).toBe('/console/login');
    const after = await browser.get('/console');
    expect(after.status).toBe(303);
    expect(after.location).toBe('/console/login?next=%2Fconsole');
  });
});
