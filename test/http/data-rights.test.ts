import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/storage/db.ts';
import { type TestApi, openHttpTest } from '../support/app.ts';
import type { AccessLogEntry, Created, GraduateExport, Page, Problem } from '../support/bodies.ts';
import type { PersonalizationState } from '../../src/domain/model/personalization.ts';
import { backends } from '../support/db.ts';
import { newTenant, type TestTenant } from '../support/factories.ts';
import {
  countWhere,
  insertGraduateEmbedding,
  insertImpression,
  insertInteraction,
  rowsMentioning,
} from './people-fixtures.ts';

const FA = 'fairness_audit/2026-11';

type Personalization = PersonalizationState;

describe.each(backends)('personalization, export, erasure and the access log on $name', ({ open }) => {
  let database: Database;
  let api: TestApi;
  let t: TestTenant;

  beforeAll(async () => {
    ({ database, api, t } = await openHttpTest(open));
  });
  afterAll(async () => database.close());

  it('switches personalization off and on, storing the flag and one event per change', async () => {
    const g = await t.graduate();
    const initial = await api.call('GET', `/v1/graduates/${g.id}/personalization`, g.key);
    expect(initial.json).toEqual({ enabled: true, history: [] });
    const off = await api.call<Personalization>('PUT', `/v1/graduates/${g.id}/personalization`, g.key, {
      enabled: false,
    });
    expect(off.status).toBe(200);
    expect(off.json.enabled).toBe(false);
    await api.call('PUT', `/v1/graduates/${g.id}/personalization`, g.key, { enabled: false });
    const on = await api.call<Personalization>('PUT', `/v1/graduates/${g.id}/personalization`, g.key, {
      enabled: true,
    });
    expect(on.json.history.map((h) => h.enabled)).toEqual([false, true]);
    expect(on.json.history[0]).toMatchObject({
      actorRole: 'graduate',
      actorKeyId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    await api.call('PUT', `/v1/graduates/${g.id}/personalization`, g.key, { enabled: false });
    const row = await database.db
      .selectFrom('graduates')
      .select('personalization_enabled')
      .where('id', '=', g.id)
      .executeTakeFirstOrThrow();
    expect(row.personalization_enabled).toBe(false);
    const kinds = await sql<{
      t: string;
    }>`select distinct jsonb_typeof(detail) as t from profile_events where graduate_id = ${g.id}`.execute(database.db);
    expect(kinds.rows).toEqual([{ t: 'object' }]);

    const bad = await api.call<Problem>('PUT', `/v1/graduates/${g.id}/personalization`, g.key, { enabled: 'no' });
    expect(bad.status).toBe(400);
    expect(bad.json.errors?.[0]?.path).toBe('body.enabled');
    expect(
      (await api.call('PUT', `/v1/graduates/${g.id}/personalization`, t.staff.career_office, { enabled: true })).status,
    ).toBe(403);
    expect(
      (await api.call<Personalization>('GET', `/v1/graduates/${g.id}/personalization`, t.staff.career_office)).json
        .enabled,
    ).toBe(false);
    const peer = await t.graduate();
    expect((await api.call('PUT', `/v1/graduates/${g.id}/personalization`, peer.key, { enabled: true })).status).toBe(
      404,
    );
  });

  it('exports everything held about the graduate; staff exports leave out demographics and are logged', async () => {
    const g = await t.graduate({
      name: '导出测试',
      email: 'export@example.edu.cn',
      skills: [
        { name: 'Python', source: 'declared' },
        { name: 'Excel', source: 'declared' },
      ],
      summary: '做过用户留存分析，熟悉 SQL。',
    });
    const emp = await t.employer();
    const job = await api.call<Created>('POST', '/v1/jobs', emp.key, {
      title: '数据分析师',
      description: '做数据分析。',
      status: 'open',
    });
    const listId = crypto.randomUUID();
    const imp = await insertImpression(database, {
      tenantId: t.tenantId,
      graduateId: g.id,
      postingId: job.json.id,
      listId,
      rank: 1,
    });
    await insertInteraction(database, {
      tenantId: t.tenantId,
      graduateId: g.id,
      postingId: job.json.id,
      impressionId: imp,
      type: 'save',
    });
    await insertGraduateEmbedding(database, { tenantId: t.tenantId, graduateId: g.id });
    await api.call('POST', `/v1/graduates/${g.id}/consents/fairness_audit`, g.key, { textVersion: FA });
    await api.call('PUT', `/v1/graduates/${g.id}/demographics`, g.key, { gender: 'female' });
    await api.call('POST', `/v1/graduates/${g.id}/reviews`, g.key, {
      kind: 'flag',
      impressionId: imp,
      reason: 'irrelevant',
      text: '不相关',
    });
    await api.call('GET', `/v1/graduates/${g.id}`, t.staff.career_office);

    // As DELETE /v1/graduates/{id}/tags/excel leaves it (that route is served with the matching engine).
    await database.db
      .updateTable('graduates')
      .set({ suppressed_tags: JSON.stringify(['excel']) })
      .where('id', '=', g.id)
      .execute();

    const own = await api.call<GraduateExport>('GET', `/v1/graduates/${g.id}/export`, g.key);
    expect(own.status).toBe(200);
    expect(own.json.profile).toMatchObject({ id: g.id, name: '导出测试', email: 'export@example.edu.cn' });
    // Declared and inferred tags (with the words they came from), and the deleted one, are all in the export.
    const skillTags = own.json.tags.filter((x) => x.kind === 'skill');
    expect(skillTags).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ tagId: 'python', source: 'declared' }),
        expect.objectContaining({
          tagId: 'sql',
          source: 'inferred',
          evidence: expect.objectContaining({ field: 'summary' }),
        }),
      ]),
    );
    expect(own.json.deletedTags).toEqual([expect.objectContaining({ tagId: 'excel' })]);
    expect(own.json.demographics).toMatchObject({ gender: 'female' });
    expect(own.json.withheld).toEqual([]);
    expect(own.json.consents.history).toHaveLength(1);
    expect(own.json.impressions).toEqual([
      expect.objectContaining({
        id: imp,
        listId,
        postingId: job.json.id,
        rank: 1,
        components: { semantic: 0.3, requiredSkills: 0.2 },
      }),
    ]);
    expect(own.json.interactions).toEqual([expect.objectContaining({ impressionId: imp, type: 'save' })]);
    expect(own.json.embeddings).toHaveLength(1);
    expect(own.json.reviews).toEqual([expect.objectContaining({ kind: 'flag', reason: 'irrelevant', status: 'open' })]);
    expect(own.json.accessLog).toEqual([
      expect.objectContaining({ action: 'read_profile', actorRole: 'career_office' }),
    ]);
    expect(own.json.personalizationEnabled).toBe(true);

    const staff = await api.call<GraduateExport>('GET', `/v1/graduates/${g.id}/export`, t.staff.career_office);
    expect(staff.status).toBe(200);
    expect(staff.json.demographics).toBeNull();
    expect(staff.json.withheld).toEqual(['demographics']);
    const log = await api.call<Page<AccessLogEntry>>('GET', `/v1/graduates/${g.id}/access-log`, g.key);
    expect(log.json.items.map((e) => e.action)).toEqual(['read_profile', 'export']);

    for (const key of [(await t.graduate()).key, emp.key, t.staff.auditor]) {
      expect((await api.call('GET', `/v1/graduates/${g.id}/export`, key)).status).toBe(404);
    }
  });

  it('erases the graduate in one go: nothing identifying remains, log counts stay under one pseudonym', async () => {
    const marker = crypto.randomUUID().slice(0, 8);
    const name = `抹除-${marker}`;
    const email = `erase-${marker}@example.edu.cn`;
    const g = await t.graduate({ name, email, phone: '+86 138 0000 1234' });
    const other = await t.graduate();
    const emp = await t.employer();
    const job = await api.call<Created>('POST', '/v1/jobs', emp.key, {
      title: '测试工程师',
      description: '负责测试。',
      status: 'open',
    });
    const listId = crypto.randomUUID();
    const imps = [];
    for (let rank = 1; rank <= 3; rank++)
      imps.push(
        await insertImpression(database, {
          tenantId: t.tenantId,
          graduateId: g.id,
          postingId: job.json.id,
          listId,
          rank,
        }),
      );
    await insertImpression(database, {
      tenantId: t.tenantId,
      graduateId: other.id,
      postingId: job.json.id,
      listId: crypto.randomUUID(),
      rank: 1,
    });
    await insertInteraction(database, {
      tenantId: t.tenantId,
      graduateId: g.id,
      postingId: job.json.id,
      impressionId: imps[0] ?? '',
      type: 'apply',
    });
    await insertGraduateEmbedding(database, { tenantId: t.tenantId, graduateId: g.id });
    await api.call('POST', `/v1/graduates/${g.id}/consents/fairness_audit`, g.key, { textVersion: FA });
    await api.call('PUT', `/v1/graduates/${g.id}/demographics`, g.key, { gender: 'male', ethnicity: 'minority' });
    await api.call('PUT', `/v1/graduates/${g.id}/personalization`, g.key, { enabled: false });
    await api.call('POST', `/v1/graduates/${g.id}/reviews`, g.key, {
      kind: 'human_review',
      listId,
      text: `请人工复核 ${name}`,
    });
    await api.call('GET', `/v1/graduates/${g.id}`, t.staff.career_office);
    // A fairness re-ranking logged the graduate's id in its before/after orders.
    await database.db
      .insertInto('rerank_log')
      .values({
        id: crypto.randomUUID(),
        tenant_id: t.tenantId,
        list_id: crypto.randomUUID(),
        posting_id: job.json.id,
        request_id: 'test',
        method: 'det_const_sort',
        attribute: 'gender',
        params: JSON.stringify({ k: 2 }),
        before_ids: JSON.stringify([other.id, g.id]),
        before_scores: JSON.stringify([0.9, 0.8]),
        after_ids: JSON.stringify([g.id, other.id]),
        after_scores: JSON.stringify([0.8, 0.9]),
        considered: 2,
        prefix_ok: true,
        violations: JSON.stringify([]),
      })
      .execute();
    expect(Object.keys(await rowsMentioning(database, g.id)).sort()).toEqual(
      expect.arrayContaining([
        'access_log',
        'api_keys',
        'consents',
        'embeddings',
        'graduate_demographics',
        'graduates',
        'impressions',
        'interactions',
        'profile_events',
        'rerank_log',
        'reviews',
      ]),
    );

    const before = { impressions: await countWhere(database, 'impressions', 'list_id', listId) };
    const erased = await api.call('DELETE', `/v1/graduates/${g.id}`, g.key);
    expect(erased.status).toBe(204);

    expect(await rowsMentioning(database, g.id)).toEqual({});
    expect(await rowsMentioning(database, name)).toEqual({});
    expect(await rowsMentioning(database, email)).toEqual({});
    expect(await rowsMentioning(database, '138 0000 1234')).toEqual({});

    // The list is still there, under one new id that is not the graduate's.
    const rows = await database.db.selectFrom('graduates').select('id').where('id', '=', g.id).execute();
    expect(rows).toHaveLength(0);
    expect(await countWhere(database, 'impressions', 'list_id', listId)).toBe(before.impressions);
    const ids = await sql<{
      graduate_id: string;
    }>`select distinct graduate_id from impressions where list_id = ${listId}`.execute(database.db);
    expect(ids.rows).toHaveLength(1);
    const pseudonym = ids.rows[0]?.graduate_id ?? '';
    expect(pseudonym).not.toBe(g.id);
    expect(await countWhere(database, 'interactions', 'graduate_id', pseudonym)).toBe(1);
    expect(await countWhere(database, 'impressions', 'graduate_id', other.id)).toBe(1);
    // The graduate's key died with the account.
    expect((await api.call('GET', `/v1/graduates/${g.id}`, g.key)).status).toBe(401);
    expect((await api.call('GET', `/v1/graduates/${g.id}`, t.staff.career_office)).status).toBe(404);
    expect((await api.call('DELETE', `/v1/graduates/${g.id}`, t.staff.career_office)).status).toBe(404);
  });

  it('lets the career office erase, keeping a receipt without the pseudonym', async () => {
    const g = await t.graduate();
    const emp = await t.employer();
    expect((await api.call('DELETE', `/v1/graduates/${g.id}`, emp.key)).status).toBe(404);
    expect((await api.call('DELETE', `/v1/graduates/${g.id}`, t.staff.career_office)).status).toBe(204);
    const actions = await database.db
      .selectFrom('operator_actions')
      .selectAll()
      .where('tenant_id', '=', t.tenantId)
      .where('action', '=', 'erase_graduate')
      .execute();
    expect(actions.length).toBeGreaterThanOrEqual(1);
    expect(await rowsMentioning(database, g.id)).toEqual({});
  });

  it('logs reads by others, not by the graduate; graduates list theirs, admins list all', async () => {
    const own = await newTenant(database);
    const g = await own.graduate();
    const peer = await own.graduate();
    await api.call('GET', `/v1/graduates/${g.id}`, g.key);
    expect((await api.call<Page<AccessLogEntry>>('GET', `/v1/graduates/${g.id}/access-log`, g.key)).json.items).toEqual(
      [],
    );
    await api.call('GET', `/v1/graduates/${g.id}`, own.staff.career_office);
    await api.call('GET', `/v1/graduates/${g.id}`, own.staff.admin);
    await api.call('GET', '/v1/graduates?limit=10', own.staff.career_office);
    const mine = await api.call<Page<AccessLogEntry>>('GET', `/v1/graduates/${g.id}/access-log`, g.key);
    expect(mine.status).toBe(200);
    expect(mine.json.items.map((e) => `${e.actorRole}:${e.action}`)).toEqual([
      'career_office:read_profile',
      'admin:read_profile',
      'career_office:list_profiles',
    ]);
    expect(mine.json.items[0]).toMatchObject({
      graduateId: g.id,
      subjectType: 'graduate',
      subjectId: g.id,
      requestId: expect.any(String),
    });
    expect((await api.call('GET', `/v1/graduates/${g.id}/access-log`, peer.key)).status).toBe(404);

    const all = await api.call<Page<AccessLogEntry>>('GET', '/v1/admin/access-log?limit=2', own.staff.admin);
    expect(all.status).toBe(200);
    expect(all.json.items).toHaveLength(2);
    expect(all.json.nextCursor).not.toBeNull();
    const filtered = await api.call<Page<AccessLogEntry>>(
      'GET',
      `/v1/admin/access-log?graduateId=${peer.id}`,
      own.staff.admin,
    );
    expect(filtered.json.items.map((e) => e.action)).toEqual(['list_profiles']);
    expect((await api.call('GET', '/v1/admin/access-log', own.staff.career_office)).status).toBe(403);
    expect((await api.call('GET', '/v1/admin/access-log', own.staff.auditor)).status).toBe(403);
    const bad = await api.call<Problem>('GET', '/v1/admin/access-log?actorRole=boss&graduateId=x', own.staff.admin);
    expect(bad.json.errors?.map((e) => e.path).sort()).toEqual(['query.actorRole', 'query.graduateId']);
  });
});
