import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/storage/db.ts';
import { openHttpTest, type TestApi } from '../support/app.ts';
import type { Page } from '../support/bodies.ts';
import { consoleBrowser, newPerson } from '../support/console.ts';
import { postgresDatabase } from '../support/db.ts';
import type { TestTenant } from '../support/factories.ts';
import { postJobs, profile } from '../support/matching.ts';

/** Markup a person might type (or an attacker plant) in any stored text. */
const SCRIPT = '<script>alert("x")</script>';
const IMG = '"><img src=x onerror=alert(1)>';
const planted = (label: string) => `${label} ${SCRIPT} ${IMG}`;

/** The markup must come out as text: never as a tag, always escaped. */
function expectEscaped(page: string) {
  expect(page).not.toContain('<script>alert');
  expect(page).not.toContain('<img src=x');
  expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  expect(page).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
}

function expectHtmlHeaders(headers: Headers) {
  const csp = headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBe('same-origin');
}

interface Review {
  id: string;
  status: string;
  decision: string | null;
  reply: string | null;
}

describe('the console pages', () => {
  let database: Database;
  let api: TestApi;
  let t: TestTenant;
  let graduateId: string;
  let graduateKey: string;
  let postingId: string;
  let reviewId: string;

  beforeAll(async () => {
    ({ database, api, t } = await openHttpTest(postgresDatabase, { matching: true }));
    const created = await api.call<{ id: string }>(
      'POST',
      '/v1/graduates',
      t.staff.career_office,
      profile({ name: planted('张伟'), summary: planted('summary') }),
    );
    expect(created.status).toBe(201);
    graduateId = created.json.id;
    graduateKey = await t.key('graduate', { graduateId });
    const employer = await t.employer();
    ({ a: postingId = '' } = await postJobs(api.call, employer.key, { a: { title: planted('数据分析师') } }));
    const recs = await api.call('GET', `/v1/graduates/${graduateId}/recommendations?limit=5`, graduateKey);
    expect(recs.status).toBe(200);
    const filed = await api.call<Review>('POST', `/v1/graduates/${graduateId}/reviews`, graduateKey, {
      kind: 'flag',
      postingId,
      reason: 'unfair',
      text: planted('appeal'),
    });
    expect(filed.status).toBe(201);
    reviewId = filed.json.id;
  });
  afterAll(async () => database.close());

  it('lists and opens graduates with escaped names, consents and explanations, and never demographics', async () => {
    const person = await newPerson(database, t.tenantId, 'career_office', { displayName: planted('王老师') });
    const browser = consoleBrowser(api.app);
    await browser.signIn(person.email, person.password);
    const home = await browser.get('/console');
    expect(home.status).toBe(200);
    expectHtmlHeaders(home.headers);
    expectEscaped(home.text);

    const list = await browser.get('/console/graduates?q=统计');
    expect(list.status).toBe(200);
    expect(list.text).toContain(`/console/graduates/${graduateId}`);
    expectEscaped(list.text);

    const bad = await browser.get('/console/graduates?degree=phd&major=统计学');
    expect(bad.text).toMatch(
      /id="f-degree" name="degree" aria-invalid="true"|aria-invalid="true" aria-describedby="f-degree-err"/,
    );
    expect(bad.text).toContain('value="统计学"');

    const page = await browser.get(`/console/graduates/${graduateId}`);
    expect(page.status).toBe(200);
    expectEscaped(page.text);
    expect(page.text).toContain('Demographics are never shown here');
    expect(page.text).not.toMatch(/hukou|ethnicity|gender/i);
    const explain = /href="(\/console\/graduates\/[^"]+\/explain\/[^"]+)"/.exec(page.text)?.[1];
    expect(explain).toBeTruthy();
    const why = await browser.get((explain ?? '').replaceAll('&amp;', '&'));
    expect(why.status).toBe(200);
    expect(why.text).toContain('Contribution');
    // An impression served before matches were stored with impressions is explained as it scores now.
    const impressionId = /impressionId=([0-9a-f-]{36})/.exec(explain ?? '')?.[1] ?? '';
    await database.db.updateTable('impressions').set({ match_detail: null }).where('id', '=', impressionId).execute();
    const older = await browser.get((explain ?? '').replaceAll('&amp;', '&'));
    expect(older.status).toBe(200);
    expect(older.text).toContain('Contribution');

    // The person's reads are in the graduate's access log under their user id, as a key's would be.
    const log = await api.call<Page<{ actorKeyId: string; action: string }>>(
      'GET',
      `/v1/graduates/${graduateId}/access-log`,
      graduateKey,
    );
    expect(log.json.items.some((e) => e.actorKeyId === person.id && e.action === 'read_profile')).toBe(true);
  });

  it('shows a posting with its escaped title, compliance and candidates', async () => {
    const person = await newPerson(database, t.tenantId, 'admin');
    const browser = consoleBrowser(api.app);
    await browser.signIn(person.email, person.password);
    const list = await browser.get('/console/postings?status=open');
    expect(list.status).toBe(200);
    expectEscaped(list.text);
    const page = await browser.get(`/console/postings/${postingId}`);
    expect(page.status).toBe(200);
    expectEscaped(page.text);
    expect(page.text).toContain('Compliance findings');
    expect(page.text).toContain(`/console/postings/${postingId}/candidates/${graduateId}`);
  });

  it(
    'decides a review only with review rights; a missing reply is shown beside its field; the ' +
      'graduate reads the answer',
    async () => {
      const plain = await newPerson(database, t.tenantId, 'career_office');
      const viewer = consoleBrowser(api.app);
      await viewer.signIn(plain.email, plain.password);
      const queue = await viewer.get('/console/reviews');
      expect(queue.status).toBe(200);
      expectEscaped(queue.text);
      const refused = await viewer.submit(`/console/reviews/${reviewId}`, `/console/reviews/${reviewId}/decide`, {
        decision: 'upheld',
        reply: 'ok',
      });
      expect(refused.status).toBe(403);

      const reviewer = await newPerson(database, t.tenantId, 'career_office', { reviewer: true });
      const browser = consoleBrowser(api.app);
      await browser.signIn(reviewer.email, reviewer.password);
      const assigned = await browser.submit(`/console/reviews/${reviewId}`, `/console/reviews/${reviewId}/assign`, {});
      expect(assigned.status).toBe(303);
      const missing = await browser.submit(`/console/reviews/${reviewId}`, `/console/reviews/${reviewId}/decide`, {
        decision: 'partly_upheld',
        reply: '',
      });
      expect(missing.status).toBe(400);
      expect(missing.text).toContain('id="f-reply-err"');
      expect(missing.text).toMatch(/<option value="partly_upheld" selected>/);
      const decided = await browser.submit(`/console/reviews/${reviewId}`, `/console/reviews/${reviewId}/decide`, {
        decision: 'partly_upheld',
        reply: planted('reply'),
      });
      expect(decided.status).toBe(303);
      const page = await browser.get(`/console/reviews/${reviewId}`);
      expectEscaped(page.text);
      expect(page.text).toContain('What the graduate sees');
      const theirs = await api.call<Page<Review>>('GET', `/v1/graduates/${graduateId}/reviews`, graduateKey);
      expect(theirs.json.items.find((r) => r.id === reviewId)).toMatchObject({
        status: 'resolved',
        decision: 'partly_upheld',
        reply: planted('reply'),
      });
    },
  );

  it('suspends AI ranking only with a reason and a confirmation, keeping what was typed', async () => {
    const person = await newPerson(database, t.tenantId, 'career_office');
    const browser = consoleBrowser(api.app);
    await browser.signIn(person.email, person.password);
    const unconfirmed = await browser.submit('/console/settings', '/console/settings/ai-ranking', {
      action: 'suspend',
      reason: planted('reason'),
    });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.text).toContain('id="f-confirm-err"');
    expectEscaped(unconfirmed.text);
    const suspended = await browser.submit('/console/settings', '/console/settings/ai-ranking', {
      action: 'suspend',
      reason: planted('reason'),
      confirm: '1',
    });
    expect(suspended.status).toBe(200);
    expectEscaped(suspended.text);
    const status = await api.call<{ state: { suspended: boolean; reason: string } }>(
      'GET',
      '/v1/admin/ai-ranking',
      t.staff.career_office,
    );
    expect(status.json.state).toMatchObject({ suspended: true, reason: planted('reason') });
    const resumed = await browser.submit('/console/settings', '/console/settings/ai-ranking', {
      action: 'resume',
      reason: 'checked',
      confirm: '1',
    });
    expect(resumed.status).toBe(200);
  });

  it('switches floors on for every protected attribute and pair, not for gender alone', async () => {
    const person = await newPerson(database, t.tenantId, 'career_office');
    const browser = consoleBrowser(api.app);
    await browser.signIn(person.email, person.password);
    const read = async () =>
      (
        await api.call<{ enabled: boolean; method: string; attributes: string[]; intersections: boolean }>(
          'GET',
          '/v1/tenant/reranking',
          t.staff.career_office,
        )
      ).json;
    expect((await read()).attributes).toEqual([]);
    const on = await browser.submit('/console/settings', '/console/settings/reranking', {
      enabled: 'on',
      method: 'floors',
    });
    expect(on.status).toBe(200);
    expect(await read()).toMatchObject({
      enabled: true,
      method: 'floors',
      attributes: ['gender', 'ethnicity', 'hukouType', 'regionOfOrigin', 'disability'],
      intersections: true,
    });
    // Attributes chosen through the API are kept; switching off keeps them for the next time.
    const chosen = await api.call('PUT', '/v1/tenant/reranking', t.staff.career_office, {
      ...(await read()),
      attributes: ['gender', 'hukouType'],
    });
    expect(chosen.status).toBe(200);
    const off = await browser.submit('/console/settings', '/console/settings/reranking', {
      enabled: 'off',
      method: 'floors',
    });
    expect(off.status).toBe(200);
    expect(await read()).toMatchObject({ enabled: false, attributes: ['gender', 'hukouType'] });
  });

  it('adds a person to the tenant, keeps what was typed beside an error, and disables an account', async () => {
    const person = await newPerson(database, t.tenantId, 'career_office');
    const browser = consoleBrowser(api.app);
    await browser.signIn(person.email, person.password);
    const email = `auditor-${crypto.randomUUID()}@career.example.edu.cn`;
    const short = await browser.submit('/console/settings', '/console/settings/users', {
      email,
      displayName: planted('审计员'),
      role: 'auditor',
      password: 'short',
    });
    expect(short.status).toBe(400);
    expect(short.text).toContain('id="f-password-err"');
    expect(short.text).toContain(`value="${email}"`);
    expectEscaped(short.text);
    expect(short.text).not.toContain('value="short"');

    const raised = await browser.submit('/console/settings', '/console/settings/users', {
      email,
      displayName: '审计员',
      role: 'admin',
      password: 'a passphrase long enough',
    });
    expect(raised.status).toBe(422);
    expect(raised.text).toContain('id="f-role-err"');

    const added = await browser.submit('/console/settings', '/console/settings/users', {
      email,
      displayName: planted('审计员'),
      role: 'auditor',
      password: 'a passphrase long enough',
    });
    expect(added.status).toBe(200);
    expect(added.text).toContain(email);
    expectEscaped(added.text);
    const again = await browser.submit('/console/settings', '/console/settings/users', {
      email: email.toUpperCase(),
      displayName: 'x',
      role: 'auditor',
      password: 'a passphrase long enough',
    });
    expect(again.status).toBe(422);
    expect(again.text).toContain('id="f-email-err"');

    const auditor = consoleBrowser(api.app);
    await auditor.signIn(email, 'a passphrase long enough');
    expect((await auditor.get('/console/audits')).status).toBe(200);
    const row = new RegExp(`${email.replaceAll('.', '\\.')}</td>[^]*?action="/console/settings/users/([0-9a-f-]{36})"`);
    const userId = row.exec(added.text)?.[1] ?? '';
    expect(userId).not.toBe('');
    const disabled = await browser.submit('/console/settings', `/console/settings/users/${userId}`, { disabled: '1' });
    expect(disabled.status).toBe(200);
    // The auditor's session ends at once: the next page sends them to sign in.
    const after = await auditor.get('/console/audits');
    expect([302, 303]).toContain(after.status);
    expect(after.headers.get('location')).toContain('/console/login');
    // Nobody disables themselves.
    const self = await browser.submit('/console/settings', `/console/settings/users/${person.id}`, { disabled: '1' });
    expect(self.status).toBe(403);
  });

  it('shows an auditor the audits and hides, and refuses, the pages of people data', async () => {
    const auditor = await newPerson(database, t.tenantId, 'auditor');
    const browser = consoleBrowser(api.app);
    await browser.signIn(auditor.email, auditor.password);
    const home = await browser.get('/console');
    expect(home.status).toBe(200);
    expect(home.text).not.toContain('href="/console/graduates"');
    expect((await browser.get('/console/graduates')).status).toBe(403);
    // As over the API: a graduate the role may not see is not found, not forbidden.
    expect((await browser.get(`/console/graduates/${graduateId}`)).status).toBe(404);
    const audits = await browser.get('/console/audits');
    expect(audits.status).toBe(200);
    const requested = await browser.submit('/console/audits', '/console/audits/run', {});
    expect(requested.status).toBe(303);
    expect((await browser.get(requested.location ?? '')).text).toContain('Audit requested');
    const verified = await browser.get('/console/audits?verify=1');
    expect(verified.text).toMatch(/Chain intact/);
  });

  it('speaks Chinese by Accept-Language and by the switch, which it remembers', async () => {
    const person = await newPerson(database, t.tenantId, 'admin');
    const browser = consoleBrowser(api.app);
    await browser.signIn(person.email, person.password);
    expect((await browser.get('/console', { 'accept-language': 'zh-CN,zh;q=0.9' })).text).toContain('在招岗位');
    expect((await browser.get('/console?lang=zh')).text).toContain('lang="zh-CN"');
    const zh = (await browser.get('/console')).text;
    expect(zh).toContain('在招岗位');
    // The header names the role, and the home page the re-ranking mode, in Chinese too.
    expect(zh).toContain('（管理员）');
    expect(zh).toContain('未启用');
    expect((await browser.get('/console?lang=en')).text).toContain('Open postings');
  });
});
