import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/storage/db.ts';
import { openHttpTest, type TestApi } from '../support/app.ts';
import type { Created, Graduate, RecommendationList } from '../support/bodies.ts';
import { backends } from '../support/db.ts';
import type { TestTenant } from '../support/factories.ts';

interface Tag {
  tagId: string;
}
interface TagList {
  tags: Tag[];
  deleted: Tag[];
}

describe.each(backends)('tags on $name', ({ open }) => {
  let database: Database;
  let api: TestApi;
  let t: TestTenant;
  let jobId: string;

  beforeAll(async () => {
    ({ database, api, t } = await openHttpTest(open, { matching: true }));
    const emp = await t.employer();
    jobId = (
      await api.call<Created>('POST', '/v1/jobs', emp.key, {
        title: '机器学习工程师',
        description: '负责推荐算法，使用 Python 和机器学习方法。',
        requiredSkills: ['Python', '机器学习', 'SQL'],
        locations: ['杭州'],
        status: 'open',
        minDegree: 'bachelor',
      })
    ).json.id;
  });
  afterAll(async () => database.close());

  it(
    'lists declared and inferred skills and preferences, and a deleted skill stops counting ' + 'from the next request',
    async () => {
      const created = await api.call<Created>('POST', '/v1/graduates', t.staff.career_office, {
        name: '陈晨',
        skills: [{ name: 'Python' }],
        summary: '熟悉机器学习，做过推荐系统。',
        education: [
          { school: '浙江大学', degree: 'bachelor', major: '计算机科学与技术', graduationDate: '2026-06-30' },
        ],
        preferences: { locations: ['杭州'], jobTypes: ['full-time'], salaryFloor: 9000 },
      });
      const g = { id: created.json.id, key: await t.key('graduate', { graduateId: created.json.id }) };
      const tags = await api.call<TagList>('GET', `/v1/graduates/${g.id}/tags`, g.key);
      expect(tags.status).toBe(200);
      const byId = new Map(tags.json.tags.map((x) => [x.tagId, x]));
      expect(byId.get('python')).toMatchObject({ kind: 'skill', source: 'declared', evidence: { field: 'skills' } });
      expect(byId.get('machine-learning')).toMatchObject({
        kind: 'skill',
        source: 'inferred',
        evidence: { field: 'summary', text: '熟悉机器学习，做过推荐系统。' },
      });
      expect(byId.get('location:杭州')).toMatchObject({ kind: 'preference', components: ['locationFit'] });
      expect(byId.has('salaryFloor')).toBe(true);

      const score = async () => {
        const list = await api.call<RecommendationList>('GET', `/v1/graduates/${g.id}/recommendations`, g.key);
        const match = list.json.items.find((i) => i.posting.id === jobId)?.match;
        if (!match) throw new Error('the job is not in the list');
        return match;
      };
      const before = await score();
      expect(before.matchedSkills.map((s) => s.skillId).sort()).toEqual(['machine-learning', 'python']);

      const storedVectors = async () =>
        (
          await database.db
            .selectFrom('embeddings')
            .select('content_hash')
            .where('entity_type', '=', 'graduate')
            .where('entity_id', '=', g.id)
            .execute()
        ).map((r) => r.content_hash);
      // A filtered staff list goes through the graduate index, which stores the profile's vector.
      expect((await api.call('GET', '/v1/graduates?q=Python', t.staff.career_office)).status).toBe(200);
      expect(await storedVectors()).toHaveLength(1);
      const del = await api.call<{ reembed: string }>(
        'DELETE',
        `/v1/graduates/${g.id}/tags/${encodeURIComponent('machine-learning')}`,
        g.key,
      );
      expect(del.status).toBe(200);
      expect(del.json.reembed).toBe('on_next_use');
      // The vector embedded from text that named the skill is gone at once, not when next overwritten.
      expect(await storedVectors()).toEqual([]);
      const after = await score();
      expect((await api.call('GET', '/v1/graduates?q=Python', t.staff.career_office)).status).toBe(200);
      expect(await storedVectors()).toHaveLength(1);
      expect(after.matchedSkills.map((s) => s.skillId)).toEqual(['python']);
      expect(after.missingSkills.required.map((s) => s.skillId)).toContain('machine-learning');
      expect(after.score).toBeLessThan(before.score);
      // Not inferred again, even though the summary still mentions it.
      const again = await api.call<TagList>('GET', `/v1/graduates/${g.id}/tags`, g.key);
      expect(again.json.tags.map((x) => x.tagId)).not.toContain('machine-learning');
      expect(again.json.deleted.map((x) => x.tagId)).toEqual(['machine-learning']);

      const pref = await api.call('DELETE', `/v1/graduates/${g.id}/tags/${encodeURIComponent('location:杭州')}`, g.key);
      expect(pref.status).toBe(200);
      expect((pref.json as { reembed: string }).reembed).toBe('not_needed');
      const profile = await api.call<Graduate>('GET', `/v1/graduates/${g.id}`, g.key);
      expect(profile.json.preferences.locations).toEqual([]);
    },
  );

  it("lets only the graduate delete, and hides other graduates' tags", async () => {
    const a = await t.graduate({ skills: [{ name: 'Excel', source: 'declared' }] });
    const b = await t.graduate();
    expect((await api.call('GET', `/v1/graduates/${a.id}/tags`, b.key)).status).toBe(404);
    expect((await api.call('DELETE', `/v1/graduates/${a.id}/tags/excel`, b.key)).status).toBe(404);
    expect((await api.call('GET', `/v1/graduates/${a.id}/tags`, t.staff.career_office)).status).toBe(200);
    const office = await api.call('DELETE', `/v1/graduates/${a.id}/tags/excel`, t.staff.career_office);
    expect(office.status).toBe(400);
    expect((await api.call('GET', `/v1/graduates/${a.id}/tags`, t.staff.auditor)).status).toBe(404);
    expect((await api.call('DELETE', `/v1/graduates/${a.id}/tags/nothing-like-this`, a.key)).status).toBe(404);
  });
});
