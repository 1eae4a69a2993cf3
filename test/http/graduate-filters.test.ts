import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Degree } from '../../src/domain/model/common.ts';
import type { GraduateCreate } from '../../src/domain/model/graduate.ts';
import type { Database } from '../../src/storage/db.ts';
import { testApp } from '../support/app.ts';
import { backends } from '../support/db.ts';
import { newTenant, type TestTenant } from '../support/factories.ts';
import { testMatching } from '../support/matching.ts';

type Edu = { school: string; degree: Degree; major: string; graduationDate: string };
const person = (edu: Edu[], skills: string[], summary: string, city: string): Partial<GraduateCreate> => ({
  education: edu,
  skills: skills.map((name) => ({ name, source: 'declared' })),
  summary,
  preferences: { locations: [city], industries: [], jobTypes: ['full-time'], remote: 'any' },
});

// A small cohort whose members differ on one filter at a time.
const cohort = {
  stats: person(
    [{ school: '四川大学', degree: 'bachelor', major: '统计学', graduationDate: '2026-06-30' }],
    ['Python', 'SQL'],
    '熟悉数据分析。',
    '成都',
  ),
  nurse: person(
    [{ school: '武汉大学', degree: 'master', major: '护理学', graduationDate: '2027-06-30' }],
    ['护理'],
    'Registered nurse on a surgical ward.',
    '上海',
  ),
  cs: person(
    [
      { school: '华中科技大学', degree: 'bachelor', major: '计算机科学与技术', graduationDate: '2024-06-30' },
      { school: '华中科技大学', degree: 'master', major: '软件工程', graduationDate: '2026-06-30' },
    ],
    ['Java', 'Python'],
    'Backend developer.',
    '武汉',
  ),
  doctor: person(
    [{ school: '北京大学', degree: 'doctorate', major: 'Statistics', graduationDate: '2025-06-30' }],
    ['R'],
    '研究生物统计。',
    '北京',
  ),
};

describe.each(backends)('GET /v1/graduates filters on $name', ({ open }) => {
  let database: Database;
  /** The service as deployed: filtered lists through the tenant's graduate index. */
  let api: ReturnType<typeof testApp>;
  /** Without matching configured the filtered set is built from the rows; both must list the same. */
  let rowsApi: ReturnType<typeof testApp>;

  beforeAll(async () => {
    database = await open();
    api = testApp(database, { matching: await testMatching(database) });
    rowsApi = testApp(database);
  });
  afterAll(async () => database.close());

  async function seed(): Promise<{ t: TestTenant; id: Record<keyof typeof cohort, string> }> {
    const t = await newTenant(database);
    const id = {
      stats: (await t.graduate(cohort.stats)).id,
      nurse: (await t.graduate(cohort.nurse)).id,
      cs: (await t.graduate(cohort.cs)).id,
      doctor: (await t.graduate(cohort.doctor)).id,
    };
    return { t, id };
  }

  /** Every id a query lists, following the cursor to the end with the given page size. */
  async function all(t: TestTenant, query: string, limit = 50): Promise<string[]> {
    const viaIndex = await walk(api, t, query, limit);
    expect(await walk(rowsApi, t, query, limit)).toEqual(viaIndex);
    return viaIndex;
  }
  async function walk(app: typeof api, t: TestTenant, query: string, limit: number): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await app.call(
        'GET',
        `/v1/graduates?limit=${limit}&${query}${cursor ? `&cursor=${cursor}` : ''}`,
        t.staff.career_office,
      );
      expect(page.status).toBe(200);
      const body = page.json as { items: Array<{ id: string }>; nextCursor: string | null };
      expect(body.items.length).toBeLessThanOrEqual(limit);
      seen.push(...body.items.map((g) => g.id));
      cursor = body.nextCursor;
    } while (cursor);
    return seen;
  }
  const set = (ids: string[]) => [...ids].sort();
  const enc = encodeURIComponent;

  it('each filter narrows to exactly the graduates it names', async () => {
    const { t, id } = await seed();
    expect(set(await all(t, ''))).toEqual(set(Object.values(id)));
    expect(set(await all(t, `major=${enc('统计学')}`))).toEqual(set([id.stats, id.doctor]));
    expect(await all(t, `major=${enc('软件工程')}`)).toEqual([id.cs]);
    expect(await all(t, 'degree=master')).toEqual([id.nurse, id.cs]);
    // The cs graduate holds a bachelor's too, but the highest degree decides.
    expect(await all(t, 'degree=bachelor')).toEqual([id.stats]);
    expect(await all(t, 'degree=doctorate')).toEqual([id.doctor]);
    expect(await all(t, 'graduationYearFrom=2027')).toEqual([id.nurse]);
    expect(await all(t, 'graduationYearTo=2025')).toEqual([id.cs, id.doctor]);
    expect(await all(t, 'graduationYearFrom=2025&graduationYearTo=2025')).toEqual([id.doctor]);
    expect(await all(t, `location=${enc('武汉')}`)).toEqual([id.cs]);
    expect(await all(t, 'location=Chengdu')).toEqual([id.stats]);
    expect(await all(t, 'skill=Python')).toEqual([id.stats, id.cs]);
    expect(await all(t, 'skill=Kubernetes')).toEqual([]);
  });

  it('combines filters: all must hold', async () => {
    const { t, id } = await seed();
    expect(await all(t, 'skill=Python&degree=master')).toEqual([id.cs]);
    expect(await all(t, `skill=Python&location=${enc('成都')}&graduationYearFrom=2026`)).toEqual([id.stats]);
    expect(await all(t, `major=${enc('统计学')}&degree=doctorate&graduationYearTo=2025`)).toEqual([id.doctor]);
    expect(await all(t, 'skill=Python&degree=doctorate')).toEqual([]);
  });

  it('q finds a graduate by a skill or major word in zh and en, typos of one edit corrected', async () => {
    const { t, id } = await seed();
    expect(await all(t, 'q=nurse')).toEqual([id.nurse]);
    expect(await all(t, 'q=nurce')).toEqual([id.nurse]);
    expect(await all(t, `q=${enc('护理')}`)).toEqual([id.nurse]);
    expect(await all(t, `q=${enc('软件工程')}`)).toEqual([id.cs]);
    expect(await all(t, 'q=java')).toEqual([id.cs]);
    expect(await all(t, 'q=java&degree=bachelor')).toEqual([]);
    expect(await all(t, 'q=kubernetes')).toEqual([]);
  });

  it('pages across a filtered set, every match once and nothing else', async () => {
    const t = await newTenant(database);
    const python: string[] = [];
    for (let i = 0; i < 7; i++) {
      python.push((await t.graduate(cohort.stats)).id);
      await t.graduate(cohort.nurse);
    }
    for (const limit of [1, 2, 3, 7]) {
      const skill = await all(t, 'skill=Python', limit);
      expect(skill).toHaveLength(7);
      expect(set(skill)).toEqual(set(python));
      const q = await all(t, `q=${enc('数据分析')}&degree=bachelor`, limit);
      expect(set(q)).toEqual(set(python));
    }
  });

  it('a profile edited or erased shows in the next filtered page (the index syncs on every list)', async () => {
    const { t, id } = await seed();
    expect(await all(t, 'skill=Python')).toEqual([id.stats, id.cs]);
    const edit = await api.call('PATCH', `/v1/graduates/${id.nurse}`, t.staff.career_office, {
      skills: [{ name: 'Python', source: 'declared' }],
    });
    expect(edit.status).toBe(200);
    expect(await all(t, 'skill=Python')).toEqual([id.stats, id.nurse, id.cs]);
    expect((await api.call('DELETE', `/v1/graduates/${id.stats}`, t.staff.career_office)).status).toBe(204);
    expect(await all(t, 'skill=Python')).toEqual([id.nurse, id.cs]);
  });

  it('answers bad filter values with a 400 naming the field', async () => {
    const t = await newTenant(database);
    const field = async (query: string) => {
      const res = await api.call('GET', `/v1/graduates?${query}`, t.staff.career_office);
      expect(res.status).toBe(400);
      return (res.json as { errors: Array<{ path: string }> }).errors.map((e) => e.path);
    };
    expect(await field('degree=diploma')).toContain('query.degree');
    expect(await field('graduationYearFrom=soon')).toContain('query.graduationYearFrom');
    expect(await field('graduationYearTo=1800')).toContain('query.graduationYearTo');
    expect(await field('graduationYearFrom=2027&graduationYearTo=2026')).toContain('query.graduationYearFrom');
    expect(await field('q=')).toContain('query.q');
    expect(await field(`q=${'a'.repeat(201)}`)).toContain('query.q');
    expect(await field('skill=')).toContain('query.skill');
    expect(
      (await api.call('GET', '/v1/graduates?skill=Python&graduationYearFrom=2026&graduationYearTo=2026', t.staff.admin))
        .status,
    ).toBe(200);
  });
});
