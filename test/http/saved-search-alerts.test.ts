import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graduateCreate } from '../../src/domain/model/graduate.ts';
import type { GraduateAlert, SavedSearch } from '../../src/domain/model/saved-search.ts';
import { silentLogger } from '../../src/logger.ts';
import { runAlertPass } from '../../src/services/alerts/run.ts';
import { systemClock, systemContext, type Clock } from '../../src/services/context.ts';
import type { MatchingDeps } from '../../src/services/matching/deps.ts';
import type { Database } from '../../src/storage/db.ts';
import { openHttpTest, type TestApi } from '../support/app.ts';
import type { GraduateExport, ValidationProblem } from '../support/bodies.ts';
import { backends } from '../support/db.ts';
import { job, profile } from '../support/matching.ts';
import { newTenant, type TestTenant } from '../support/factories.ts';
import { rowsMentioning } from './people-fixtures.ts';

interface Feed {
  items: GraduateAlert[];
  unread: number;
  nextCursor: string | null;
}

const analyst = { name: '武汉数据分析', query: { q: '数据分析', location: '武汉' } };
const frontEnd = {
  title: '前端开发工程师',
  description: '负责 Web 前端页面开发，使用 React 和 TypeScript。',
  requiredSkills: ['JavaScript', 'React'],
  preferredSkills: [],
  acceptedMajors: ['软件工程'],
};

describe.each(backends)('saved searches and alerts on $name', ({ open }) => {
  let database: Database;
  let api: TestApi;
  let t: TestTenant;
  let matching: MatchingDeps;

  beforeAll(async () => {
    ({ database, api, t, matching } = await openHttpTest(open, { matching: true }));
  });
  afterAll(async () => database.close());

  const pass = (tenantId: string, clock: Clock = systemClock) =>
    runAlertPass(
      systemContext({ database, clock, logger: silentLogger }, 'saved-search-alerts'),
      matching,
      tenantId,
      crypto.randomUUID(),
    );
  const feedOf = async (g: { id: string; key: string }, query = '') => {
    const res = await api.call<Feed>('GET', `/v1/graduates/${g.id}/alerts${query}`, g.key);
    expect(res.status).toBe(200);
    return res.json;
  };
  const post = async (employerKey: string, over: Record<string, unknown> = {}) => {
    const res = await api.call<{ id: string }>('POST', '/v1/jobs', employerKey, job(over));
    expect(res.status).toBe(201);
    return res.json.id;
  };

  it('creates, lists, renames and deletes saved searches; bad input is a 400 naming the field', async () => {
    const g = await t.graduate();
    const other = await t.graduate();
    const path = `/v1/graduates/${g.id}/saved-searches`;
    const created = await api.call<SavedSearch>('POST', path, g.key, analyst);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: '武汉数据分析', frequency: 'daily', query: analyst.query });

    const cases: [unknown, string][] = [
      [{ name: 'x', query: { q: '  ' } }, 'body.query.q'],
      [{ name: 'x', query: { q: 'ok', jobType: 'forever' } }, 'body.query.jobType'],
      [{ name: 'x', query: { q: 'ok' }, frequency: 'hourly' }, 'body.frequency'],
      [{ name: '', query: { q: 'ok' } }, 'body.name'],
      [{ name: 'x', query: { q: 'ok', salary: 1 } }, 'body.query'],
    ];
    for (const [body, field] of cases) {
      const res = await api.call<ValidationProblem>('POST', path, g.key, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.json.errors.map((e) => e.path)).toContain(field);
    }
    const duplicate = await api.call<ValidationProblem>('POST', path, g.key, analyst);
    expect(duplicate.status).toBe(409);
    expect(duplicate.json.errors[0].path).toBe('body.name');

    // Only the graduate writes; staff read; another graduate learns nothing.
    expect((await api.call('POST', path, t.staff.career_office, analyst)).status).toBe(403);
    expect((await api.call('POST', path, other.key, analyst)).status).toBe(404);
    expect((await api.call('GET', path, other.key)).status).toBe(404);
    const staffList = await api.call<{ items: SavedSearch[]; limit: number }>('GET', path, t.staff.career_office);
    expect(staffList.json.items.map((s) => s.id)).toEqual([created.json.id]);

    const one = `${path}/${created.json.id}`;
    const renamed = await api.call<SavedSearch>('PATCH', one, g.key, { name: '数据岗', frequency: 'weekly' });
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({
      name: '数据岗',
      frequency: 'weekly',
      checkedThrough: created.json.checkedThrough,
    });
    const requeried = await api.call<SavedSearch>('PATCH', one, g.key, { query: { q: 'Python' } });
    expect(requeried.json.query).toEqual({ q: 'Python' });
    expect(Date.parse(requeried.json.checkedThrough)).toBeGreaterThanOrEqual(Date.parse(created.json.checkedThrough));
    const emptyPatch = await api.call<ValidationProblem>('PATCH', one, g.key, { frequency: 'sometimes' });
    expect(emptyPatch.json.errors[0].path).toBe('body.frequency');

    expect((await api.call('DELETE', one, g.key)).status).toBe(204);
    expect((await api.call('GET', one, g.key)).status).toBe(404);
    expect((await api.call('DELETE', one, g.key)).status).toBe(404);
  });

  it('keeps at most 20 saved searches per graduate (409 naming body)', async () => {
    const g = await t.graduate();
    const path = `/v1/graduates/${g.id}/saved-searches`;
    for (let i = 0; i < 20; i++)
      expect((await api.call('POST', path, g.key, { name: `s${i}`, query: { q: `term${i}` } })).status).toBe(201);
    const over = await api.call<ValidationProblem>('POST', path, g.key, { name: 's20', query: { q: 'more' } });
    expect(over.status).toBe(409);
    expect(over.json.errors[0].path).toBe('body');
  });

  it('alerts a posting opened after the search once, with its impression; older or unrelated ones never', async () => {
    const own = await newTenant(database);
    const employer = await own.employer();
    const g = await own.graduate();
    const before = await post(employer.key, { title: '数据分析师（早）' });
    const saved = await api.call<SavedSearch>('POST', `/v1/graduates/${g.id}/saved-searches`, g.key, analyst);
    expect(saved.status).toBe(201);
    const fresh = await post(employer.key);
    await post(employer.key, { ...frontEnd, locations: ['武汉'] });
    await post(employer.key, { locations: ['广州'] }); // the right job in another city

    const first = await pass(own.tenantId);
    expect(first).toMatchObject({ searches: 1, alerts: 1 });
    const feed = await feedOf(g);
    expect(feed.items.map((a) => a.posting.id)).toEqual([fresh]);
    expect(feed.unread).toBe(1);
    const [alert] = feed.items;
    expect(alert?.explanation).toMatch(/^匹配“武汉数据分析”：.*数据/);
    expect(alert?.savedSearch).toEqual({ id: saved.json.id, name: '武汉数据分析' });
    const impression = await sql<{ list_kind: string; graduate_id: string; posting_id: string; rank: number }>`
      select list_kind, graduate_id, posting_id, rank from impressions where id = ${alert?.impressionId ?? ''}`.execute(
      database.db,
    );
    expect(impression.rows).toEqual([{ list_kind: 'alert', graduate_id: g.id, posting_id: fresh, rank: 1 }]);
    expect(feed.items.some((a) => a.posting.id === before)).toBe(false);

    // Passes again, and after the posting changes: still one alert for it.
    expect((await pass(own.tenantId)).alerts).toBe(0);
    const patched = await api.call('PATCH', `/v1/jobs/${fresh}`, employer.key, { salaryMax: 13000 });
    expect(patched.status).toBe(200);
    expect((await pass(own.tenantId)).alerts).toBe(0);
    expect((await feedOf(g, '?includeDismissed=true')).items).toHaveLength(1);

    // Read and dismiss.
    const alertPath = `/v1/graduates/${g.id}/alerts/${alert?.id ?? ''}`;
    const read = await api.call<GraduateAlert>('PATCH', alertPath, g.key, { read: true });
    expect(read.json.readAt).not.toBeNull();
    expect((await feedOf(g, '?unread=true')).items).toHaveLength(0);
    expect((await api.call<ValidationProblem>('PATCH', alertPath, g.key, {})).status).toBe(400);
    expect((await api.call('PATCH', alertPath, own.staff.career_office, { read: true })).status).toBe(403);
    await api.call('PATCH', alertPath, g.key, { dismissed: true });
    expect((await feedOf(g)).items).toHaveLength(0);
    expect((await feedOf(g, '?includeDismissed=true')).items).toHaveLength(1);
    const badCursor = await api.call<ValidationProblem>('GET', `/v1/graduates/${g.id}/alerts?cursor=nope`, g.key);
    expect(badCursor.json.errors[0].path).toBe('query.cursor');
  });

  it('ranks without the profile when personalization is off or AI ranking is suspended', async () => {
    const own = await newTenant(database);
    const employer = await own.employer();
    const off = await own.graduate();
    const on = await own.graduate();
    const switched = await api.call('PUT', `/v1/graduates/${off.id}/personalization`, off.key, { enabled: false });
    expect(switched.status).toBe(200);
    for (const g of [off, on]) await api.call('POST', `/v1/graduates/${g.id}/saved-searches`, g.key, analyst);
    const personalized = async (postingId: string) =>
      (
        await sql<{ graduate_id: string; personalized: boolean }>`select graduate_id, personalized from impressions
          where tenant_id = ${own.tenantId} and list_kind = 'alert' and posting_id = ${postingId}`.execute(database.db)
      ).rows.reduce<Record<string, boolean>>((m, r) => ({ ...m, [r.graduate_id]: r.personalized }), {});

    const first = await post(employer.key);
    expect((await pass(own.tenantId)).alerts).toBe(2);
    expect(await personalized(first)).toEqual({ [off.id]: false, [on.id]: true });

    const suspended = await api.call('POST', '/v1/admin/ai-ranking/suspend', own.staff.admin, { reason: '审计待查' });
    expect(suspended.status).toBe(200);
    const second = await post(employer.key, { title: '数据分析专员' });
    expect((await pass(own.tenantId)).alerts).toBe(2);
    expect(await personalized(second)).toEqual({ [off.id]: false, [on.id]: false });
  });

  it('alerts new postings that fit the profile at the threshold, only while personalization is on', async () => {
    const own = await newTenant(database);
    const employer = await own.employer();
    const g = await own.graduate(graduateCreate.parse(profile()));
    const off = await own.graduate(graduateCreate.parse(profile()));
    await api.call('PUT', `/v1/graduates/${off.id}/personalization`, off.key, { enabled: false });
    const fit = { name: '适合我的新岗位', profileMatch: { minScore: 0.45 } };
    for (const who of [g, off]) {
      const saved = await api.call<SavedSearch>('POST', `/v1/graduates/${who.id}/saved-searches`, who.key, fit);
      expect(saved.status).toBe(201);
      expect(saved.json).toMatchObject({ kind: 'profile', query: null, profileMatch: { minScore: 0.45 } });
    }
    const both = await api.call<ValidationProblem>('POST', `/v1/graduates/${g.id}/saved-searches`, g.key, {
      ...fit,
      name: 'both',
      query: { q: 'x' },
    });
    expect(both.json.errors[0].path).toBe('body.query');
    const neither = await api.call<ValidationProblem>('POST', `/v1/graduates/${g.id}/saved-searches`, g.key, {
      name: 'neither',
    });
    expect(neither.json.errors[0].path).toBe('body.query');

    const analystJob = await post(employer.key);
    const other = await post(employer.key, { ...frontEnd, locations: ['广州'], minDegree: 'master' });
    expect((await pass(own.tenantId)).alerts).toBe(1);
    const [alert, ...rest] = (await feedOf(g)).items;
    expect(rest).toEqual([]);
    expect(alert?.posting.id).toBe(analystJob);
    expect(alert?.score).toBeGreaterThanOrEqual(0.45);
    expect(alert?.explanation.length).toBeGreaterThan(0);
    expect((await feedOf(off)).items).toEqual([]);
    const impression = await sql<{ personalized: boolean; list_kind: string }>`select personalized, list_kind
      from impressions where id = ${alert?.impressionId ?? ''}`.execute(database.db);
    expect(impression.rows).toEqual([{ personalized: true, list_kind: 'alert' }]);
    expect(other).not.toBe(analystJob);
  });

  it('makes at most one digest a day per graduate, through the outbox, with only alerts not sent before', async () => {
    const own = await newTenant(database);
    const employer = await own.employer();
    const g = await own.graduate();
    const feedOnly = await own.graduate();
    const hook = { url: 'https://app.example.edu.cn/bole-digests', secret: 'whsec_0123456789abcdef' };
    const set = await api.call('PUT', '/v1/tenant/graduate-alert-webhook', own.staff.career_office, hook);
    expect(set.status).toBe(200);
    expect(JSON.stringify(set.json)).not.toContain(hook.secret);
    const bad = await api.call<ValidationProblem>('PUT', '/v1/tenant/graduate-alert-webhook', own.staff.admin, {
      url: 'http://example.com/x',
      secret: hook.secret,
    });
    expect(bad.json.errors[0].path).toBe('body.url');
    await api.call('POST', `/v1/graduates/${g.id}/saved-searches`, g.key, analyst);
    await api.call('POST', `/v1/graduates/${feedOnly.id}/saved-searches`, feedOnly.key, {
      ...analyst,
      frequency: 'feed_only',
    });
    await post(employer.key);

    const digests = async () =>
      (
        await sql<{ id: string; graduate_id: string; item_count: number }>`select id, graduate_id, item_count
          from alert_digests where tenant_id = ${own.tenantId} order by created_at`.execute(database.db)
      ).rows;
    const outbox = async () =>
      (
        await sql<{ job_id: string; job_name: string }>`select job_id, job_name from audit_outbox
          where tenant_id = ${own.tenantId} and job_name = 'alert-digest-delivery' order by created_at`.execute(
          database.db,
        )
      ).rows;
    expect(await pass(own.tenantId)).toMatchObject({ alerts: 2, digests: 1 });
    const [first] = await digests();
    expect(first).toMatchObject({ graduate_id: g.id, item_count: 1 });
    expect(await outbox()).toEqual([{ job_id: first?.id, job_name: 'alert-digest-delivery' }]);

    // A second posting the same day: a feed item, no second digest until a day has passed.
    await post(employer.key, { title: '数据分析专员' });
    expect(await pass(own.tenantId)).toMatchObject({ alerts: 2, digests: 0 });
    const tomorrow = { now: () => new Date(Date.now() + 86_400_000 + 60_000) };
    expect(await pass(own.tenantId, tomorrow)).toMatchObject({ alerts: 0, digests: 1 });
    const all = await digests();
    expect(all.map((d) => d.item_count)).toEqual([1, 1]);
    expect((await outbox()).map((o) => o.job_id)).toEqual(all.map((d) => d.id));
    expect(await pass(own.tenantId, tomorrow)).toMatchObject({ digests: 0 });
  });

  it('exports saved searches, alerts and digests, and erasure leaves no row naming the graduate', async () => {
    const own = await newTenant(database);
    const employer = await own.employer();
    const g = await own.graduate();
    await api.call('PUT', '/v1/tenant/graduate-alert-webhook', own.staff.admin, {
      url: 'https://app.example.edu.cn/hook',
      secret: 'whsec_0123456789abcdef',
    });
    await api.call('POST', `/v1/graduates/${g.id}/saved-searches`, g.key, analyst);
    await post(employer.key);
    expect(await pass(own.tenantId)).toMatchObject({ alerts: 1, digests: 1 });

    const exported = await api.call<
      GraduateExport & { savedSearches: SavedSearch[]; alerts: GraduateAlert[]; alertDigests: unknown[] }
    >('GET', `/v1/graduates/${g.id}/export`, g.key);
    expect(exported.status).toBe(200);
    expect(exported.json.savedSearches.map((s) => s.name)).toEqual(['武汉数据分析']);
    expect(exported.json.alerts).toHaveLength(1);
    expect(exported.json.alertDigests).toHaveLength(1);

    expect(Object.keys(await rowsMentioning(database, g.id))).toEqual(
      expect.arrayContaining(['saved_searches', 'graduate_alerts', 'alert_digests']),
    );
    expect((await api.call('DELETE', `/v1/graduates/${g.id}`, g.key)).status).toBe(204);
    expect(await rowsMentioning(database, g.id)).toEqual({});
    // The pass after erasure has nothing left to run for them.
    expect(await pass(own.tenantId)).toMatchObject({ searches: 0, alerts: 0, digests: 0 });
  });
});
