import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/storage/db.ts';
import { openHttpTest, type TestApi } from '../support/app.ts';
import type { Created, SearchResult } from '../support/bodies.ts';
import { backends } from '../support/db.ts';
import type { TestTenant } from '../support/factories.ts';
import { postJobs, profile } from '../support/matching.ts';

type Span = { start: number; end: number };
type Hit = {
  rank: number;
  impressionId: string;
  score: number;
  matchedTerms: string[];
  posting: { id: string; title: string; employerName: string | null; jobType: string };
  components: Array<{ name: string; value: number; weight: number; contribution: number }>;
  highlights: { title: Span[]; description: Span[] };
  profileMatch: { score: number } | null;
};

describe.each(backends)('GET /v1/jobs/search on $name', ({ open }) => {
  let database: Database;
  let api: TestApi;
  let t: TestTenant;
  const jobs: Record<string, string> = {};

  beforeAll(async () => {
    ({ database, api, t } = await openHttpTest(open, { matching: true }));
    const employer = await t.employer({ name: '楚天数据' });
    Object.assign(
      jobs,
      await postJobs(api.call, employer.key, {
        zhAnalyst: {},
        enAnalyst: {
          title: 'Data Analyst',
          description: 'Analyse product data with SQL and Python; build dashboards.',
          lang: 'en',
        },
        nurse: {
          title: 'Registered Nurse',
          description: 'Care for patients on a hospital ward.',
          requiredSkills: ['Nursing care'],
          preferredSkills: [],
          acceptedMajors: [],
        },
        zhNurse: {
          title: '护士',
          description: '负责病房护理工作。',
          requiredSkills: ['护理'],
          preferredSkills: [],
          acceptedMajors: ['护理学'],
        },
        intern: { title: '数据分析实习生', jobType: 'internship', salaryMin: 3000, salaryMax: 4000 },
        mechanic: {
          title: 'Mechanical Engineer',
          description: 'Design machine parts in SolidWorks.',
          requiredSkills: ['SolidWorks'],
          preferredSkills: [],
          acceptedMajors: [],
          locations: ['上海'],
        },
      }),
    );
  });
  afterAll(async () => database.close());

  const search = async (query: string, key = t.staff.career_office) =>
    api.call<SearchResult>('GET', `/v1/jobs/search?${query}`, key);

  it(
    'finds English postings by English words, with components that sum to the score and title ' + 'highlights',
    async () => {
      const res = await search('q=registered%20nurse');
      expect(res.status).toBe(200);
      const items = res.json.items as Hit[];
      expect(items[0]?.posting.id).toBe(jobs.nurse);
      const top = items[0];
      if (!top) return;
      expect(top.components.map((c) => c.name)).toEqual(['keywords', 'meaning']);
      expect(top.components.reduce((s, c) => s + Math.round(c.contribution * 1e6), 0)).toBe(
        Math.round(top.score * 1e6),
      );
      expect(top.highlights.title.map((h) => top.posting.title.slice(h.start, h.end))).toEqual(['Registered', 'Nurse']);
      expect(top.posting.employerName).toBe('楚天数据');
      expect(res.json.mode).toBe('non_personalized');
      expect(res.json.reason).toBe('not_a_graduate');
      expect(res.headers.get('x-ai-notice')).toMatch(/^algorithmic;/);
    },
  );

  it('matches Chinese in traditional characters and mixed-language queries', async () => {
    const zh = await search(`q=${encodeURIComponent('數據分析')}`);
    const ids = (zh.json.items as Hit[]).slice(0, 2).map((h) => h.posting.id);
    expect(ids).toEqual(expect.arrayContaining([jobs.zhAnalyst, jobs.intern]));
    const first = (zh.json.items as Hit[])[0];
    expect(first?.highlights.title.map((h) => first.posting.title.slice(h.start, h.end))).toEqual(['数据分析']);
    const mixed = await search(`q=${encodeURIComponent('护士 nurse')}`);
    expect(
      (mixed.json.items as Hit[])
        .slice(0, 2)
        .map((h) => h.posting.id)
        .sort(),
    ).toEqual([jobs.nurse, jobs.zhNurse].sort());
  });

  it('corrects a one-edit typo in an English word and says so', async () => {
    const res = await search('q=mechanicl%20engineer');
    expect(res.json.query.corrections).toEqual([{ from: 'mechanicl', to: 'mechanical' }]);
    expect((res.json.items as Hit[])[0]?.posting.id).toBe(jobs.mechanic);
  });

  it('applies the posting filters of GET /v1/jobs and pages with a cursor', async () => {
    const filtered = await search(`q=${encodeURIComponent('数据分析')}&jobType=internship`);
    expect((filtered.json.items as Hit[]).map((h) => h.posting.id)).toEqual([jobs.intern]);
    const page1 = await search(`q=${encodeURIComponent('数据分析')}&limit=2`);
    expect(page1.json.nextCursor).toEqual(expect.any(String));
    const page2 = await search(`q=${encodeURIComponent('数据分析')}&limit=2&cursor=${page1.json.nextCursor as string}`);
    const seen = [...page1.json.items, ...page2.json.items].map((h: Hit) => h.posting.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect((page2.json.items as Hit[])[0]?.rank).toBe(3);
  });

  it('refuses an empty, blank or over-long query and a bad cursor with a 400 naming the field', async () => {
    for (const q of ['', '%20%20', 'x'.repeat(201)]) {
      const res = await search(`q=${q}`);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.json)).toContain('query.q');
    }
    const missing = await search('limit=5');
    expect(missing.status).toBe(400);
    const cursor = await search('q=nurse&cursor=zzz');
    expect(cursor.status).toBe(400);
    expect(JSON.stringify(cursor.json)).toContain('query.cursor');
  });

  it(
    "blends the query with a graduate's profile, honours the personalization switch, and " + 'records impressions',
    async () => {
      const created = await api.call<Created>('POST', '/v1/graduates', t.staff.career_office, profile());
      const key = await t.key('graduate', { graduateId: created.json.id });
      const res = await search(`q=${encodeURIComponent('数据分析')}`, key);
      expect(res.json.mode).toBe('personalized');
      const top = (res.json.items as Hit[])[0];
      expect(top?.components.map((c) => c.name)).toEqual(['keywords', 'meaning', 'profile']);
      expect(top?.profileMatch?.score).toBe(top?.components[2]?.value);
      const rows = await database.db
        .selectFrom('impressions')
        .selectAll()
        .where('list_id', '=', res.json.listId as string)
        .orderBy('rank')
        .execute();
      expect(rows.map((r) => [r.list_kind, r.graduate_id, r.posting_id])).toEqual(
        (res.json.items as Hit[]).map((h) => ['search', created.json.id, h.posting.id]),
      );
      const off = await api.call('PUT', `/v1/graduates/${created.json.id as string}/personalization`, key, {
        enabled: false,
      });
      expect(off.status).toBe(200);
      const plain = await search(`q=${encodeURIComponent('数据分析')}`, key);
      expect(plain.json.mode).toBe('non_personalized');
      expect(plain.json.reason).toBe('personalization_off');
      expect((plain.json.items as Hit[])[0]?.profileMatch).toBeNull();
    },
  );
});
