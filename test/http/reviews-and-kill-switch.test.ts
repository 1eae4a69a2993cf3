import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAiRankingSuspended } from '../../src/services/ai-ranking.ts';
import type { Database } from '../../src/storage/db.ts';
import { testApp, type TestApi } from '../support/app.ts';
import type { Created, Page, Problem, Review } from '../support/bodies.ts';
import { backends } from '../support/db.ts';
import { keyActions, newTenant } from '../support/factories.ts';
import { insertImpression } from './people-fixtures.ts';

const DAY_MS = 86_400_000;

interface Settings {
  reviewSlaDays: number;
  complianceMode: string;
  aiRanking: { suspended: boolean };
}
interface AiRanking {
  state: unknown;
  history: Array<{ action: string; actorRole: string }>;
}

describe.each(backends)('appeals, tenant settings and the kill switch on $name', ({ open }) => {
  let database: Database;
  let api: TestApi;

  beforeAll(async () => {
    database = await open();
    api = testApp(database);
  });
  afterAll(async () => database.close());

  async function scene() {
    const t = await newTenant(database);
    const g = await t.graduate();
    const emp = await t.employer();
    const job = await api.call<Created>('POST', '/v1/jobs', emp.key, {
      title: '前端开发',
      description: '开发网页。',
      status: 'open',
    });
    const listId = crypto.randomUUID();
    const impressionId = await insertImpression(database, {
      tenantId: t.tenantId,
      graduateId: g.id,
      postingId: job.json.id,
      listId,
      rank: 1,
    });
    return { t, g, emp, postingId: job.json.id, listId, impressionId };
  }

  it('files flags and human-review requests with a due date from the tenant SLA', async () => {
    const { t, g, postingId, listId, impressionId } = await scene();
    const flag = await api.call<Review>('POST', `/v1/graduates/${g.id}/reviews`, g.key, {
      kind: 'flag',
      impressionId,
      reason: 'wrong_skills',
      text: '我不会 React',
    });
    expect(flag.status).toBe(201);
    expect(flag.json).toMatchObject({
      kind: 'flag',
      impressionId,
      postingId,
      reason: 'wrong_skills',
      status: 'open',
      assignee: null,
      reply: null,
    });
    expect(Date.parse(flag.json.dueAt) - Date.parse(flag.json.createdAt)).toBe(7 * DAY_MS);

    expect(
      (await api.call<Settings>('PATCH', '/v1/tenant/settings', t.staff.career_office, { reviewSlaDays: 3 })).json
        .reviewSlaDays,
    ).toBe(3);
    const human = await api.call<Review>('POST', `/v1/graduates/${g.id}/reviews`, g.key, {
      kind: 'human_review',
      listId,
    });
    expect(human.status).toBe(201);
    expect(Date.parse(human.json.dueAt) - Date.parse(human.json.createdAt)).toBe(3 * DAY_MS);
    const byPosting = await api.call<Review>('POST', `/v1/graduates/${g.id}/reviews`, g.key, {
      kind: 'flag',
      postingId,
      reason: 'unfair',
    });
    expect(byPosting.status).toBe(201);
  });

  it('refuses appeals about things not shown to the graduate, naming the field', async () => {
    const { t, g, impressionId, listId } = await scene();
    const peer = await t.graduate();
    const notMine = await api.call<Problem>('POST', `/v1/graduates/${peer.id}/reviews`, peer.key, {
      kind: 'flag',
      impressionId,
      reason: 'other',
    });
    expect(notMine.status).toBe(400);
    expect(notMine.json.errors?.[0]?.path).toBe('body.impressionId');
    const list = await api.call<Problem>('POST', `/v1/graduates/${peer.id}/reviews`, peer.key, {
      kind: 'human_review',
      listId,
    });
    expect(list.json.errors?.[0]?.path).toBe('body.listId');
    const reason = await api.call<Problem>('POST', `/v1/graduates/${g.id}/reviews`, g.key, {
      kind: 'flag',
      impressionId,
      reason: 'boring',
    });
    expect(reason.json.errors?.[0]?.path).toBe('body.reason');
    const neither = await api.call<Problem>('POST', `/v1/graduates/${g.id}/reviews`, g.key, {
      kind: 'flag',
      reason: 'other',
    });
    expect(neither.json.errors?.[0]?.path).toBe('body.impressionId');
    const kind = await api.call<Problem>('POST', `/v1/graduates/${g.id}/reviews`, g.key, { kind: 'complaint' });
    expect(kind.status).toBe(400);
    expect(kind.json.errors?.[0]?.path).toBe('body.kind');
    expect(
      (await api.call('POST', `/v1/graduates/${g.id}/reviews`, peer.key, { kind: 'human_review', listId })).status,
    ).toBe(404);
    expect(
      (await api.call('POST', `/v1/graduates/${g.id}/reviews`, t.staff.career_office, { kind: 'human_review', listId }))
        .status,
    ).toBe(403);
  });

  it(
    'runs the career-office queue: filter, assign, resolve with decision and reply; the ' + 'graduate reads it',
    async () => {
      const { t, g, emp, impressionId, listId } = await scene();
      const a = await api.call<Review>('POST', `/v1/graduates/${g.id}/reviews`, g.key, {
        kind: 'flag',
        impressionId,
        reason: 'irrelevant',
      });
      const b = await api.call<Review>('POST', `/v1/graduates/${g.id}/reviews`, g.key, {
        kind: 'human_review',
        listId,
      });
      const co = t.staff.career_office;

      const queue = await api.call<Page<Review>>('GET', '/v1/reviews?status=open', co);
      expect(queue.json.items.map((r) => r.id)).toEqual([a.json.id, b.json.id]);
      const assigned = await api.call<Review>('PATCH', `/v1/reviews/${a.json.id}`, co, {
        assignee: '张老师',
        status: 'in_review',
      });
      expect(assigned.json).toMatchObject({ assignee: '张老师', status: 'in_review' });
      expect(
        (
          await api.call<Page<Review>>('GET', `/v1/reviews?assignee=${encodeURIComponent('张老师')}`, co)
        ).json.items.map((r) => r.id),
      ).toEqual([a.json.id]);
      expect(
        (await api.call<Page<Review>>('GET', '/v1/reviews?unassigned=true', co)).json.items.map((r) => r.id),
      ).toEqual([b.json.id]);
      expect((await api.call<Page<Review>>('GET', '/v1/reviews?status=open', co)).json.items.map((r) => r.id)).toEqual([
        b.json.id,
      ]);
      const paged = await api.call<Page<Review>>('GET', '/v1/reviews?limit=1', co);
      expect(paged.json.items).toHaveLength(1);
      expect(
        (await api.call<Page<Review>>('GET', `/v1/reviews?limit=1&cursor=${paged.json.nextCursor}`, co)).json.items[0]
          ?.id,
      ).toBe(b.json.id);

      const noReply = await api.call<Problem>('PATCH', `/v1/reviews/${a.json.id}`, co, {
        status: 'resolved',
        decision: 'upheld',
      });
      expect(noReply.status).toBe(422);
      expect(noReply.json.errors?.map((e) => e.path)).toEqual(['body.reply']);
      const back = await api.call<Problem>('PATCH', `/v1/reviews/${a.json.id}`, co, { status: 'open' });
      expect(back.status).toBe(400);
      expect(back.json.errors?.[0]?.path).toBe('body.status');
      const resolved = await api.call<Review>('PATCH', `/v1/reviews/${a.json.id}`, co, {
        status: 'resolved',
        decision: 'upheld',
        reply: '已核实，推荐有误，已移除。',
      });
      expect(resolved.status).toBe(200);
      expect(resolved.json).toMatchObject({ status: 'resolved', decision: 'upheld', resolvedAt: expect.any(String) });
      expect((await api.call('PATCH', `/v1/reviews/${a.json.id}`, co, { reply: '改口' })).status).toBe(409);

      const mine = await api.call<Page<Review>>('GET', `/v1/graduates/${g.id}/reviews`, g.key);
      expect(mine.json.items.find((r) => r.id === a.json.id)).toMatchObject({
        status: 'resolved',
        reply: '已核实，推荐有误，已移除。',
      });

      for (const key of [g.key, emp.key, t.staff.auditor]) {
        expect((await api.call('GET', '/v1/reviews', key)).status).toBe(403);
        expect((await api.call('PATCH', `/v1/reviews/${b.json.id}`, key, { assignee: 'x' })).status).toBe(403);
      }
      expect((await api.call('GET', `/v1/graduates/${g.id}/reviews`, emp.key)).status).toBe(404);
      const other = await newTenant(database);
      expect(
        (await api.call('PATCH', `/v1/reviews/${b.json.id}`, other.staff.career_office, { assignee: 'x' })).status,
      ).toBe(404);
      const bad = await api.call<Problem>('GET', '/v1/reviews?status=closed', co);
      expect(bad.json.errors?.[0]?.path).toBe('query.status');
      const unknown = await api.call<Problem>('PATCH', `/v1/reviews/${b.json.id}`, co, {
        decision: 'maybe',
        priority: 1,
      });
      expect(unknown.json.errors?.map((e) => e.path).sort()).toEqual(['body', 'body.decision']);
    },
  );

  it('validates tenant settings by key and role', async () => {
    const t = await newTenant(database);
    const defaults = await api.call('GET', '/v1/tenant/settings', t.staff.admin);
    expect(defaults.json).toMatchObject({ reviewSlaDays: 7, complianceMode: 'hold', aiRanking: { suspended: false } });
    const bad = await api.call<Problem>('PATCH', '/v1/tenant/settings', t.staff.admin, {
      reviewSlaDays: 0,
      complianceMode: 'warn',
      colour: 'red',
    });
    expect(bad.status).toBe(400);
    expect(bad.json.errors?.map((e) => e.path).sort()).toEqual(['body', 'body.complianceMode', 'body.reviewSlaDays']);
    const aiByPatch = await api.call('PATCH', '/v1/tenant/settings', t.staff.admin, { aiRanking: { suspended: true } });
    expect(aiByPatch.status).toBe(400);
    expect(
      (await api.call<Settings>('PATCH', '/v1/tenant/settings', t.staff.career_office, { complianceMode: 'reject' }))
        .json.complianceMode,
    ).toBe('reject');
    expect((await api.call('GET', '/v1/tenant/settings', t.staff.auditor)).status).toBe(403);
    const g = await t.graduate();
    expect((await api.call('PATCH', '/v1/tenant/settings', g.key, { reviewSlaDays: 30 })).status).toBe(403);
    const logged = await database.db
      .selectFrom('operator_actions')
      .selectAll()
      .where('tenant_id', '=', t.tenantId)
      .where('action', 'not in', keyActions)
      .execute();
    expect(logged.map((r) => r.action)).toEqual(['update_settings']);
  });

  it('suspends and resumes AI ranking, logging who, when and why, for that tenant only', async () => {
    const t = await newTenant(database);
    const other = await newTenant(database);
    expect(await isAiRankingSuspended(database.db, t.tenantId)).toBe(false);
    const suspended = await api.call<AiRanking>('POST', '/v1/admin/ai-ranking/suspend', t.staff.career_office, {
      reason: '审计发现西部生源曝光比0.72',
    });
    expect(suspended.status).toBe(200);
    expect(suspended.json.state).toMatchObject({
      suspended: true,
      reason: '审计发现西部生源曝光比0.72',
      byRole: 'career_office',
    });
    expect(await isAiRankingSuspended(database.db, t.tenantId)).toBe(true);
    expect(await isAiRankingSuspended(database.db, other.tenantId)).toBe(false);
    expect((await api.call<Settings>('GET', '/v1/tenant/settings', t.staff.admin)).json.aiRanking.suspended).toBe(true);

    const resumed = await api.call<AiRanking>('POST', '/v1/admin/ai-ranking/resume', t.staff.admin, {
      reason: '已修正并重新审计',
    });
    expect(resumed.json.state).toMatchObject({ suspended: false, byRole: 'admin' });
    expect(resumed.json.history.map((h) => `${h.action}:${h.actorRole}`)).toEqual([
      'suspend_ai_ranking:career_office',
      'resume_ai_ranking:admin',
    ]);
    expect(await isAiRankingSuspended(database.db, t.tenantId)).toBe(false);

    const noReason = await api.call<Problem>('POST', '/v1/admin/ai-ranking/suspend', t.staff.admin, {});
    expect(noReason.status).toBe(400);
    expect(noReason.json.errors?.[0]?.path).toBe('body.reason');
    const g = await t.graduate();
    const emp = await t.employer();
    for (const key of [g.key, emp.key, t.staff.auditor]) {
      expect((await api.call('POST', '/v1/admin/ai-ranking/suspend', key, { reason: 'x' })).status).toBe(403);
    }
    expect(await isAiRankingSuspended(database.db, t.tenantId)).toBe(false);
  });
});
