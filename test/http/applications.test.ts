import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from '../../src/storage/db.ts';
import { openHttpTest, testApp } from '../support/app.ts';
import { postJobs, profile } from '../support/matching.ts';
import { backends } from '../support/db.ts';
import { newTenant, type TestTenant } from '../support/factories.ts';
import type { Application, Created, GraduateExport, Posting, Problem, RecommendationList } from '../support/bodies.ts';

interface Written {
  application: Application;
  change: 'created' | 'updated' | 'unchanged';
}

const postingBody = {
  title: '数据分析师',
  description: '负责业务数据分析。',
  requiredSkills: ['SQL', 'Python'],
  minDegree: 'bachelor',
  locations: ['成都'],
  jobType: 'full-time',
  salaryMin: 8000,
  salaryMax: 12000,
  status: 'open',
};

describe.each(backends)('applications on $name', ({ open }) => {
  let database: Database;
  let api: ReturnType<typeof testApp>;

  beforeAll(async () => {
    database = await open();
    api = testApp(database);
  });
  afterAll(async () => database.close());

  async function setup() {
    const t = await newTenant(database);
    const g = await t.graduate();
    const employer = await t.employer();
    const other = await t.employer();
    const posting = await api.call<Posting>('POST', '/v1/jobs', employer.key, postingBody);
    expect(posting.status).toBe(201);
    return { t, g, employer, other, postingId: posting.json.id };
  }

  const funnel = async (t: TestTenant, graduateId: string) =>
    (
      await sql<{
        type: string;
        actor_role: string;
      }>`select type, actor_role from interactions where tenant_id = ${t.tenantId} and graduate_id =
        ${graduateId} order by created_at, type`.execute(database.db)
    ).rows.map((r) => `${r.type}:${r.actor_role}`);

  it('runs saved → applied → interviewing → offer → hired with history and funnel interactions', async () => {
    const { t, g, employer, postingId } = await setup();
    const path = `/v1/graduates/${g.id}/applications`;

    const saved = await api.call<Written>('POST', path, g.key, { postingId, status: 'saved' });
    expect([saved.status, saved.json.change, saved.json.application.status]).toEqual([201, 'created', 'saved']);
    const id = saved.json.application.id;
    // A saved posting is the graduate's bookmark: the employer does not see it yet.
    expect((await api.call('GET', `/v1/applications/${id}`, employer.key)).status).toBe(404);
    expect(
      (await api.call<{ items: Application[] }>('GET', `/v1/jobs/${postingId}/applications`, employer.key)).json.items,
    ).toEqual([]);

    const applied = await api.call<Written>('POST', path, g.key, { postingId });
    expect([applied.status, applied.json.change, applied.json.application.id]).toEqual([200, 'updated', id]);
    const again = await api.call<Written>('POST', path, g.key, { postingId });
    expect([again.status, again.json.change, again.json.application.status]).toEqual([200, 'unchanged', 'applied']);

    for (const status of ['interviewing', 'offer', 'hired']) {
      const moved = await api.call<Application>('PATCH', `/v1/applications/${id}`, employer.key, { status });
      expect([moved.status, moved.json.status]).toEqual([200, status]);
    }
    const mine = await api.call<{ items: Application[] }>('GET', path, g.key);
    expect(mine.json.items).toHaveLength(1);
    expect(mine.json.items[0]?.history.map((h) => [h.from, h.to, h.actorRole])).toEqual([
      [null, 'saved', 'graduate'],
      ['saved', 'applied', 'graduate'],
      ['applied', 'interviewing', 'employer'],
      ['interviewing', 'offer', 'employer'],
      ['offer', 'hired', 'employer'],
    ]);
    expect(mine.json.items[0]?.history.every((h) => h.interactionId !== null)).toBe(true);
    expect(await funnel(t, g.id)).toEqual([
      'save:graduate',
      'apply:graduate',
      'interview:employer',
      'offer:employer',
      'hire:employer',
    ]);

    const office = await api.call<{ items: Application[] }>(
      'GET',
      `/v1/jobs/${postingId}/applications`,
      t.staff.career_office,
    );
    expect(office.json.items.map((a) => [a.graduateId, a.status])).toEqual([[g.id, 'hired']]);
    const byStatus = await api.call<{ items: Application[] }>('GET', `${path}?status=offer`, t.staff.career_office);
    expect(byStatus.json.items).toEqual([]);
  });

  it('keeps each role to its own steps and postings', async () => {
    const { t, g, employer, other, postingId } = await setup();
    const applied = await api.call<Written>('POST', `/v1/graduates/${g.id}/applications`, g.key, { postingId });
    expect(applied.status).toBe(201);
    const id = applied.json.application.id;

    // Another employer learns nothing: 404 on the application and on the posting's list.
    expect((await api.call('PATCH', `/v1/applications/${id}`, other.key, { status: 'interviewing' })).status).toBe(404);
    expect((await api.call('GET', `/v1/applications/${id}`, other.key)).status).toBe(404);
    expect((await api.call('GET', `/v1/jobs/${postingId}/applications`, other.key)).status).toBe(404);
    // Another graduate neither sees nor applies for this one.
    const g2 = await t.graduate();
    expect((await api.call('GET', `/v1/applications/${id}`, g2.key)).status).toBe(404);
    expect((await api.call('POST', `/v1/graduates/${g.id}/applications`, g2.key, { postingId })).status).toBe(404);

    const hired = await api.call<Problem>('PATCH', `/v1/applications/${id}`, g.key, { status: 'hired' });
    expect(hired.status).toBe(403);
    expect(hired.json.errors?.[0]?.path).toBe('body.status');
    const withdrawnByEmployer = await api.call<Problem>('PATCH', `/v1/applications/${id}`, employer.key, {
      status: 'withdrawn',
    });
    expect(withdrawnByEmployer.status).toBe(403);
    // The career office reads but does not move.
    expect((await api.call('GET', `/v1/applications/${id}`, t.staff.career_office)).status).toBe(200);
    expect((await api.call('PATCH', `/v1/applications/${id}`, t.staff.career_office, { status: 'offer' })).status).toBe(
      403,
    );
    expect(
      (await api.call('POST', `/v1/graduates/${g.id}/applications`, t.staff.career_office, { postingId })).status,
    ).toBe(403);

    const bad = await api.call<Problem>('PATCH', `/v1/applications/${id}`, employer.key, { status: 'promoted' });
    expect([bad.status, bad.json.errors?.[0]?.path]).toEqual([400, 'body.status']);
    const withdrawn = await api.call<Application>('PATCH', `/v1/applications/${id}`, g.key, {
      status: 'withdrawn',
      reason: '已接受其他单位录用',
    });
    expect([withdrawn.status, withdrawn.json.status, withdrawn.json.history.at(-1)?.reason]).toEqual([
      200,
      'withdrawn',
      '已接受其他单位录用',
    ]);
    const late = await api.call<Problem>('PATCH', `/v1/applications/${id}`, employer.key, { status: 'offer' });
    expect([late.status, late.json.errors?.[0]?.path]).toEqual([409, 'body.status']);
    const reopen = await api.call<Problem>('POST', `/v1/graduates/${g.id}/applications`, g.key, { postingId });
    expect([reopen.status, reopen.json.errors?.[0]?.path]).toEqual([409, 'body.status']);
    // Skipping from applied to hired is not a move either.
    const g3 = await t.graduate();
    const a3 = await api.call<Written>('POST', `/v1/graduates/${g3.id}/applications`, g3.key, { postingId });
    const skip = await api.call<Problem>('PATCH', `/v1/applications/${a3.json.application.id}`, employer.key, {
      status: 'hired',
    });
    expect([skip.status, skip.json.errors?.[0]?.path]).toEqual([409, 'body.status']);
    const unknown = await api.call<Problem>('POST', `/v1/graduates/${g3.id}/applications`, g3.key, {
      postingId: crypto.randomUUID(),
    });
    expect([unknown.status, unknown.json.errors?.[0]?.path]).toEqual([400, 'body.postingId']);
  });

  it('is exported with the graduate and erased with them, leaving the funnel under the pseudonym', async () => {
    const { t, g, employer, postingId } = await setup();
    const a = await api.call<Written>('POST', `/v1/graduates/${g.id}/applications`, g.key, { postingId });
    await api.call('PATCH', `/v1/applications/${a.json.application.id}`, employer.key, {
      status: 'rejected',
      reason: '岗位已招满',
    });
    const x = await api.call<GraduateExport>('GET', `/v1/graduates/${g.id}/export`, g.key);
    expect(x.status).toBe(200);
    expect(x.json.applications.map((p) => [p.status, p.history.map((h) => h.reason)])).toEqual([
      ['rejected', [null, '岗位已招满']],
    ]);

    expect((await api.call('DELETE', `/v1/graduates/${g.id}`, g.key)).status).toBe(204);
    const left = await sql<{
      n: number;
    }>`select (select count(*) from applications where tenant_id = ${t.tenantId})::int
      + (select count(*) from application_events where tenant_id = ${t.tenantId})::int as n`.execute(database.db);
    expect(left.rows[0]?.n).toBe(0);
    const funnelRows = await sql<{
      n: number;
    }>`select count(*)::int as n from interactions where tenant_id = ${t.tenantId} and type = 'apply'`.execute(
      database.db,
    );
    expect(funnelRows.rows[0]?.n).toBe(1);
  });
});

describe.each(backends)('applications from a recommended list on $name', ({ open }) => {
  it('links every funnel step of the application to the impression the graduate applied from', async () => {
    const { database, api, t } = await openHttpTest(open, { matching: true });
    try {
      const employer = await t.employer();
      const jobs = await postJobs(api.call, employer.key, { analyst: {} });
      const created = await api.call<Created>('POST', '/v1/graduates', t.staff.career_office, profile());
      const g = { id: created.json.id, key: await t.key('graduate', { graduateId: created.json.id }) };
      const list = await api.call<RecommendationList>('GET', `/v1/graduates/${g.id}/recommendations`, g.key);
      const item = list.json.items.find((i) => i.posting.id === jobs.analyst);
      if (!item) throw new Error('expected the analyst posting in the list');

      const path = `/v1/graduates/${g.id}/applications`;
      const wrong = await api.call<Problem>('POST', path, g.key, {
        postingId: jobs.analyst,
        impressionId: crypto.randomUUID(),
      });
      expect([wrong.status, wrong.json.errors?.[0]?.path]).toEqual([400, 'body.impressionId']);
      const a = await api.call<Written>('POST', path, g.key, {
        postingId: item.posting.id,
        impressionId: item.impressionId,
      });
      expect(a.status).toBe(201);
      await api.call('PATCH', `/v1/applications/${a.json.application.id}`, employer.key, { status: 'interviewing' });
      const rows = await sql<{
        type: string;
        impression_id: string | null;
      }>`select type, impression_id from interactions
        where tenant_id = ${t.tenantId} and graduate_id = ${g.id} order by created_at`.execute(database.db);
      expect(rows.rows).toEqual([
        { type: 'apply', impression_id: item.impressionId },
        { type: 'interview', impression_id: item.impressionId },
      ]);
    } finally {
      await database.close();
    }
  });
});
