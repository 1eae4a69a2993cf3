import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/storage/db.ts';
import { testApp } from '../support/app.ts';
import { backends } from '../support/db.ts';
import { newTenant } from '../support/factories.ts';
import type { GraduateExport, Outcome, Page, ValidationProblem } from '../support/bodies.ts';

interface Written {
  outcome: Outcome;
  change: 'created' | 'updated' | 'unchanged';
}

describe.each(backends)('graduate outcomes on $name', ({ open }) => {
  let database: Database;
  let api: ReturnType<typeof testApp>;

  beforeAll(async () => {
    database = await open();
    api = testApp(database);
  });
  afterAll(async () => database.close());

  it('the career office and the graduate write, with source and date; a date is replaced, not duplicated', async () => {
    const t = await newTenant(database);
    const g = await t.graduate();
    const employer = await t.employer({ name: '楚天智能科技有限公司' });
    const path = `/v1/graduates/${g.id}/outcomes`;

    const first = await api.call<Written>('POST', path, g.key, { status: 'not_placed', asOf: '2026-07-01' });
    expect(first.status).toBe(201);
    expect(first.json.outcome).toMatchObject({ status: 'not_placed', source: 'graduate', recordedBy: 'graduate' });

    const hired = {
      status: 'employed',
      asOf: '2026-09-01',
      employerName: '楚天智能科技有限公司',
      employerId: employer.id,
      occupation: '15-2051.00',
      city: '武汉',
      industry: '互联网',
      salaryBand: '8k-12k',
      jobType: 'full-time',
    };
    const office = await api.call<Written>('POST', path, t.staff.career_office, hired);
    expect(office.status).toBe(201);
    expect(office.json.outcome).toMatchObject({ ...hired, source: 'career_office', recordedBy: 'career_office' });

    const again = await api.call<Written>('POST', path, t.staff.career_office, hired);
    expect([again.status, again.json.change]).toEqual([200, 'unchanged']);
    const changed = await api.call<Written>('POST', path, t.staff.career_office, { ...hired, salaryBand: '12k-20k' });
    expect([changed.status, changed.json.change, changed.json.outcome.id]).toEqual([
      200,
      'updated',
      office.json.outcome.id,
    ]);

    const history = await api.call<{ items: Outcome[] }>('GET', path, g.key);
    expect(history.json.items.map((o) => [o.asOf, o.status, o.salaryBand])).toEqual([
      ['2026-09-01', 'employed', '12k-20k'],
      ['2026-07-01', 'not_placed', null],
    ]);
    const page = await api.call<Page<Outcome>>('GET', '/v1/outcomes?limit=1', t.staff.career_office);
    expect(page.json.items).toHaveLength(1);
    expect(page.json.nextCursor).not.toBeNull();
    expect((await api.call('GET', '/v1/outcomes', g.key)).status).toBe(403);
  });

  it('refuses employment details on other statuses and foreign employers, naming the field', async () => {
    const t = await newTenant(database);
    const g = await t.graduate();
    const other = await newTenant(database);
    const foreign = await other.employer();
    const path = `/v1/graduates/${g.id}/outcomes`;
    const study = await api.call<ValidationProblem>('POST', path, t.staff.career_office, {
      status: 'further_study',
      asOf: '2026-09-01',
      employerName: '某大学',
    });
    expect(study.status).toBe(400);
    expect(study.json.errors.map((e) => e.path)).toEqual(['body.employerName']);
    const bad = await api.call<ValidationProblem>('POST', path, t.staff.career_office, {
      status: 'employed',
      asOf: '2026-13-01',
      salaryBand: '9k',
    });
    expect(bad.json.errors.map((e) => e.path).sort()).toEqual(['body.asOf', 'body.salaryBand']);
    const elsewhere = await api.call<ValidationProblem>('POST', path, t.staff.career_office, {
      status: 'employed',
      asOf: '2026-09-01',
      employerId: foreign.id,
    });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.json.errors.map((e) => e.path)).toEqual(['body.employerId']);
  });

  it("a graduate cannot write another's outcome; another tenant's graduate is 404", async () => {
    const t = await newTenant(database);
    const a = await t.graduate();
    const b = await t.graduate();
    const body = { status: 'not_seeking', asOf: '2026-09-01' };
    expect((await api.call('POST', `/v1/graduates/${b.id}/outcomes`, a.key, body)).status).toBe(404);
    const other = await newTenant(database);
    expect((await api.call('POST', `/v1/graduates/${a.id}/outcomes`, other.staff.career_office, body)).status).toBe(
      404,
    );
    const employerKey = (await t.employer()).key;
    expect((await api.call('GET', `/v1/graduates/${a.id}/outcomes`, employerKey)).status).toBe(404);
  });

  it('is in the graduate’s export and is erased with the graduate', async () => {
    const t = await newTenant(database);
    const g = await t.graduate();
    const written = await api.call<Written>('POST', `/v1/graduates/${g.id}/outcomes`, t.staff.career_office, {
      status: 'employed',
      asOf: '2026-08-15',
      employerName: '导出测试公司',
    });
    const exported = await api.call<GraduateExport>('GET', `/v1/graduates/${g.id}/export`, g.key);
    expect(exported.json.outcomes).toEqual([
      expect.objectContaining({ status: 'employed', asOf: '2026-08-15', employerName: '导出测试公司' }),
    ]);
    expect((await api.call('DELETE', `/v1/graduates/${g.id}`, t.staff.career_office)).status).toBe(204);
    const left = await database.db
      .selectFrom('graduate_outcomes')
      .select('id')
      .where('id', '=', written.json.outcome.id)
      .execute();
    expect(left).toEqual([]);
  });
});
