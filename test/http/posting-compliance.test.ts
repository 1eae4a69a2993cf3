import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostingCompliance } from '../../src/domain/model/posting-compliance.ts';
import type { Database } from '../../src/storage/db.ts';
import { testApp, type TestApi } from '../support/app.ts';
import type { Page, Posting, Problem } from '../support/bodies.ts';
import { backends } from '../support/db.ts';
import { keyActions, newTenant } from '../support/factories.ts';

const posting = (extra: Record<string, unknown> = {}) => ({
  title: '销售代表',
  description: '负责华中区域客户拓展。',
  requiredSkills: ['沟通'],
  preferredSkills: ['Excel'],
  status: 'open',
  ...extra,
});

/** A posting as served to its employer and the career office: with its compliance check. */
type Job = Posting & { compliance: PostingCompliance };

describe.each(backends)('posting compliance on $name', ({ open }) => {
  let database: Database;
  let api: TestApi;

  beforeAll(async () => {
    database = await open();
    api = testApp(database);
  });
  afterAll(async () => database.close());

  it('returns ok for clean text and warnings (still published) for warn-only findings', async () => {
    const t = await newTenant(database);
    const emp = await t.employer();
    const clean = await api.call<Job>('POST', '/v1/jobs', emp.key, posting({ description: '男女不限，欢迎应届生。' }));
    expect(clean.status).toBe(201);
    expect(clean.json.compliance).toEqual({ status: 'ok', findings: [], reviewedAt: null, reviewNote: null });
    expect(clean.json.status).toBe('open');
    const warn = await api.call<Job>('POST', '/v1/jobs', emp.key, posting({ description: '要求形象好气质佳。' }));
    expect(warn.json.compliance.status).toBe('warnings');
    expect(
      warn.json.compliance.findings.map(
        (f: { rule: string; severity: string; span: { text: string } }) => `${f.rule}:${f.severity}:${f.span.text}`,
      ),
    ).toEqual(['appearance:warn:形象好', 'appearance:warn:气质佳']);
    expect(warn.json.status).toBe('open');
  });

  it(
    'holds a posting with a blocking finding as a draft, invisible to graduates, until a ' + 'career office approves',
    async () => {
      const t = await newTenant(database);
      const emp = await t.employer();
      const g = await t.graduate();
      const held = await api.call<Job>('POST', '/v1/jobs', emp.key, posting({ description: '限男性，35岁以下。' }));
      expect(held.status).toBe(201);
      expect(held.json.status).toBe('draft');
      expect(held.json.compliance.status).toBe('held_for_review');
      const rules = held.json.compliance.findings.map((f) => f.rule).sort();
      expect(rules).toEqual(['age', 'gender']);
      const gender = held.json.compliance.findings.find((f) => f.rule === 'gender');
      expect(gender).toMatchObject({
        field: 'description',
        severity: 'block',
        span: { text: '限男性', start: 0, end: 3 },
      });
      const stored = await sql<{
        t: string;
      }>`select jsonb_typeof(compliance_findings) as t from job_postings where id = ${held.json.id}`.execute(
        database.db,
      );
      expect(stored.rows[0]?.t).toBe('array');

      // The employer asking for "open" again does not lift the hold.
      const retry = await api.call<Job>('PATCH', `/v1/jobs/${held.json.id}`, emp.key, { status: 'open', headcount: 2 });
      expect(retry.json).toMatchObject({ status: 'draft', headcount: 2, compliance: { status: 'held_for_review' } });
      expect((await api.call('GET', `/v1/jobs/${held.json.id}`, g.key)).status).toBe(404);
      expect((await api.call<Page<Job>>('GET', '/v1/jobs', g.key)).json.items).toEqual([]);

      expect(
        (
          await api.call('POST', `/v1/jobs/${held.json.id}/compliance-review`, emp.key, {
            decision: 'approve',
            note: 'ok',
          })
        ).status,
      ).toBe(403);
      const badDecision = await api.call<Problem>(
        'POST',
        `/v1/jobs/${held.json.id}/compliance-review`,
        t.staff.career_office,
        { decision: 'maybe' },
      );
      expect(badDecision.json.errors?.map((e) => e.path).sort()).toEqual(['body.decision', 'body.note']);
      const approved = await api.call<Job>(
        'POST',
        `/v1/jobs/${held.json.id}/compliance-review`,
        t.staff.career_office,
        {
          decision: 'approve',
          note: '用人单位说明为井下作业，已核实。',
        },
      );
      expect(approved.status).toBe(200);
      expect(approved.json).toMatchObject({
        status: 'open',
        compliance: { status: 'approved', reviewNote: '用人单位说明为井下作业，已核实。' },
      });
      expect((await api.call('GET', `/v1/jobs/${held.json.id}`, g.key)).status).toBe(200);
      expect(
        (
          await api.call('POST', `/v1/jobs/${held.json.id}/compliance-review`, t.staff.career_office, {
            decision: 'approve',
            note: 'again',
          })
        ).status,
      ).toBe(409);

      // An approval covers the findings approved, not new ones added later.
      const sameText = await api.call<Job>('PATCH', `/v1/jobs/${held.json.id}`, emp.key, {
        headcount: 3,
        status: 'open',
      });
      expect(sameText.json).toMatchObject({ status: 'open', compliance: { status: 'approved' } });
      const newFinding = await api.call<Job>('PATCH', `/v1/jobs/${held.json.id}`, emp.key, {
        title: '销售代表（限本地户口）',
        status: 'open',
      });
      expect(newFinding.json).toMatchObject({ status: 'draft', compliance: { status: 'held_for_review' } });
      const fixed = await api.call<Job>('PATCH', `/v1/jobs/${held.json.id}`, emp.key, {
        title: '销售代表',
        description: '负责华中区域客户拓展，男女不限。',
        status: 'open',
      });
      expect(fixed.json).toMatchObject({ status: 'open', compliance: { status: 'ok', findings: [] } });

      const actions = await database.db
        .selectFrom('operator_actions')
        .select(['action', 'detail'])
        .where('tenant_id', '=', t.tenantId)
        .where('action', 'not in', keyActions)
        .execute();
      expect(actions.map((a) => a.action)).toEqual(['approve_posting']);
      expect(actions[0]?.detail).toMatchObject({ postingId: held.json.id });
    },
  );

  it('rejects with 422 naming every blocking finding and writes nothing, when the tenant says reject', async () => {
    const t = await newTenant(database);
    const emp = await t.employer();
    await api.call('PATCH', '/v1/tenant/settings', t.staff.admin, { complianceMode: 'reject' });
    const res = await api.call<Problem & { findings: PostingCompliance['findings'] }>(
      'POST',
      '/v1/jobs',
      emp.key,
      posting({ title: '前台（女性优先）', requiredSkills: ['沟通', '985院校毕业'], preferredSkills: ['已婚已育'] }),
    );
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const paths = res.json.errors?.map((e) => e.path).sort();
    expect(paths).toEqual(['body.preferredSkills.0', 'body.requiredSkills.1', 'body.title']);
    expect(res.json.findings.map((f) => f.rule).sort()).toEqual(['gender', 'marital', 'school_tier']);
    const n = await database.db.selectFrom('job_postings').select('id').where('tenant_id', '=', t.tenantId).execute();
    expect(n).toHaveLength(0);

    const ok = await api.call<Job>('POST', '/v1/jobs', emp.key, posting());
    expect(ok.status).toBe(201);
    const bad = await api.call<Problem>('PATCH', `/v1/jobs/${ok.json.id}`, emp.key, {
      description: 'Male only. Must be unmarried.',
    });
    expect(bad.status).toBe(422);
    expect(bad.json.errors?.map((e) => e.path)).toEqual(['body.description', 'body.description']);
    const after = await api.call<Job>('GET', `/v1/jobs/${ok.json.id}`, emp.key);
    expect(after.json.description).toBe('负责华中区域客户拓展。');
  });

  it('lets a career office reject a held posting; it stays a draft until its text is fixed', async () => {
    const t = await newTenant(database);
    const emp = await t.employer();
    const held = await api.call<Job>('POST', '/v1/jobs', emp.key, posting({ description: '乙肝携带者勿扰。' }));
    expect(held.json.compliance.findings[0]).toMatchObject({ rule: 'health', severity: 'block' });
    const rejected = await api.call<Job>('POST', `/v1/jobs/${held.json.id}/compliance-review`, t.staff.career_office, {
      decision: 'reject',
      note: '违反就业促进法第30条。',
    });
    expect(rejected.json).toMatchObject({ status: 'draft', compliance: { status: 'rejected' } });
    const stillBad = await api.call<Job>('PATCH', `/v1/jobs/${held.json.id}`, emp.key, {
      headcount: 5,
      status: 'open',
    });
    expect(stillBad.json).toMatchObject({ status: 'draft', compliance: { status: 'held_for_review' } });
    const fixed = await api.call<Job>('PATCH', `/v1/jobs/${held.json.id}`, emp.key, {
      description: '欢迎各类人才。',
      status: 'open',
    });
    expect(fixed.json).toMatchObject({ status: 'open', compliance: { status: 'ok' } });
  });
});
