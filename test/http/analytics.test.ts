import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsReport, ForecastReport } from '../../src/domain/model/analytics.ts';
import type { Database } from '../../src/storage/db.ts';
import { insertConsentEvent, upsertDemographics } from '../../src/storage/consents.repo.ts';
import { insertInteraction } from '../../src/storage/interactions.repo.ts';
import { insertOutcomes } from '../../src/storage/outcomes.repo.ts';
import { insertPosting } from '../../src/storage/postings.repo.ts';
import { testApp } from '../support/app.ts';
import { backends } from '../support/db.ts';
import { consoleBrowser, newPerson } from '../support/console.ts';
import { newTenant, type TestTenant } from '../support/factories.ts';
import type { ValidationProblem } from '../support/bodies.ts';

const BLANK = { n: null, value: null, suppressed: true };
const shown = (n: number, value: number = n) => ({ n, value, suppressed: false });

/** The cells of the row `key` of table `name`. */
const cells = (r: AnalyticsReport, name: string, key: string) =>
  r.tables.find((t) => t.name === name)?.rows.find((x) => x.key === key)?.cells;

/**
 * A cohort built so that every figure below can be worked out by hand (tenant threshold 5):
 * computer science 2026 bachelor ×12 (python declared, 5 with sql inferred; prefer 武汉; consented
 * demographics: 7 west + 5 east, 10 rural + 2 urban; 9 employed, one of them not_placed first),
 * 计算机 2025 bachelor ×11 (8 employed, 1 not_placed, 2 nothing; prefer 武汉), 金融学 2025 bachelor ×10
 * (6 employed, 2 further study, 2 not seeking), 统计学 2026 master ×5 (4 employed; one with demographics
 * whose consent was withdrawn).
 */
async function cohort(database: Database, t: TestTenant) {
  const edu = (major: string, degree: 'bachelor' | 'master', year: number) => [
    { school: '华中科技大学', degree, major, graduationDate: `${year}-06-30` },
  ];
  const cs26 = [];
  for (let i = 0; i < 12; i++)
    cs26.push(
      await t.graduate({
        education: edu('计算机科学与技术', 'bachelor', 2026),
        skills: [
          { name: 'Python', source: 'declared', skillId: 'python' },
          ...(i < 5 ? [{ name: 'SQL', source: 'inferred' as const, skillId: 'sql' }] : []),
        ],
        preferences: { locations: ['武汉'], industries: [], jobTypes: [], remote: 'any' },
      }),
    );
  const cs25 = [];
  for (let i = 0; i < 11; i++)
    cs25.push(
      await t.graduate({
        education: edu('计算机', 'bachelor', 2025),
        preferences: { locations: ['Wuhan'], industries: [], jobTypes: [], remote: 'any' },
      }),
    );
  const fin25 = [];
  for (let i = 0; i < 10; i++) fin25.push(await t.graduate({ education: edu('金融学', 'bachelor', 2025) }));
  const stat26 = [];
  for (let i = 0; i < 5; i++) stat26.push(await t.graduate({ education: edu('统计学', 'master', 2026) }));

  const now = new Date();
  const outcome = (graduateId: string, status: string, asOf = '2026-09-01') => ({
    id: crypto.randomUUID(),
    at: now,
    tenantId: t.tenantId,
    graduateId,
    asOf,
    status,
    employerName: null,
    employerId: null,
    occupation: null,
    city: null,
    industry: null,
    salaryBand: null,
    jobType: null,
    source: 'career_office',
    actorKeyId: null,
    actorRole: 'career_office',
  });
  await insertOutcomes(database.db, [
    ...cs26.slice(0, 9).map((g) => outcome(g.id, 'employed')),
    outcome(cs26[0]?.id ?? '', 'not_placed', '2026-07-01'),
    ...cs25.slice(0, 8).map((g) => outcome(g.id, 'employed', '2025-09-01')),
    outcome(cs25[8]?.id ?? '', 'not_placed', '2025-09-01'),
    ...fin25.map((g, i) => outcome(g.id, i < 6 ? 'employed' : i < 8 ? 'further_study' : 'not_seeking', '2025-09-01')),
    ...stat26.slice(0, 4).map((g) => outcome(g.id, 'employed')),
  ]);

  const consent = (graduateId: string, granted: boolean, at: Date) =>
    insertConsentEvent(database.db, {
      id: crypto.randomUUID(),
      tenantId: t.tenantId,
      graduateId,
      purpose: 'fairness_audit',
      granted,
      textVersion: 'test',
      actorKeyId: 'test',
      actorRole: 'graduate',
      now: at,
    });
  const demo = (region: string, hukou: string) => ({
    gender: null,
    ethnicity: null,
    hukou_type: hukou,
    region_of_origin: region,
    disability: null,
    birth_year: null,
    school_tier: null,
  });
  for (const [i, g] of cs26.entries()) {
    await consent(g.id, true, now);
    await upsertDemographics(
      database.db,
      t.tenantId,
      g.id,
      demo(i < 7 ? 'west' : 'east', i < 10 ? 'rural' : 'urban'),
      now,
    );
  }
  const withdrawn = stat26[0]?.id ?? '';
  await consent(withdrawn, true, new Date(now.getTime() - 60_000));
  await upsertDemographics(database.db, t.tenantId, withdrawn, demo('central', 'rural'), now);
  await consent(withdrawn, false, now);

  const employer = await t.employer();
  const posting = async (locations: string[], headcount: number, status: 'open' | 'closed' | 'draft', skills: object) =>
    insertPosting(
      database.db,
      { id: crypto.randomUUID(), tenantId: t.tenantId, employerId: employer.id, now },
      {
        title: '数据分析师',
        description: '数据分析',
        locations,
        headcount,
        status,
        occupation: '15-2051.00',
        ...skills,
      },
    );
  const p1 = await posting(['武汉'], 3, 'open', {
    requiredSkills: [
      { name: 'Python', skillId: 'python' },
      { name: 'SQL', skillId: 'sql' },
    ],
  });
  await posting(['上海', 'Beijing'], 5, 'open', {
    requiredSkills: [{ name: 'Python', skillId: 'python' }],
    preferredSkills: [{ name: 'Tableau', skillId: 'tableau' }],
  });
  await posting(['成都'], 2, 'closed', { requiredSkills: [{ name: 'Python', skillId: 'python' }] });
  await posting(['成都'], 7, 'draft', { requiredSkills: [{ name: 'Python', skillId: 'python' }] });

  // Funnel: 6 graduates view p1, 5 of them save it, 2 apply.
  for (const [i, g] of cs26.slice(0, 6).entries())
    for (const type of ['view', ...(i < 5 ? ['save'] : []), ...(i < 2 ? ['apply'] : [])])
      await insertInteraction(database.db, {
        id: crypto.randomUUID(),
        tenantId: t.tenantId,
        graduateId: g.id,
        postingId: p1.id,
        impressionId: null,
        type,
        reason: null,
        actorRole: 'graduate',
        occurredAt: now,
        createdAt: now,
      });
}

describe.each(backends)('analytics on $name', ({ open }) => {
  let database: Database;
  let api: ReturnType<typeof testApp>;
  let t: TestTenant;

  beforeAll(async () => {
    database = await open();
    api = testApp(database);
    t = await newTenant(database);
    expect((await api.call('PATCH', '/v1/tenant/settings', t.staff.admin, { minGroupSize: 5 })).status).toBe(200);
    await cohort(database, t);
  }, 120_000);
  afterAll(async () => database.close());

  const get = async <T = AnalyticsReport>(path: string, key = t.staff.career_office) => {
    const res = await api.call<T>('GET', path, key);
    expect(res.status, res.text).toBe(200);
    return res.json;
  };

  it('counts the cohort with its n, blanking small cells and the cells that would reveal them', async () => {
    const r = await get('/v1/analytics/cohort');
    expect(r.minGroupSize).toBe(5);
    expect(cells(r, 'totals', 'all')).toEqual({ graduates: shown(38), consentedDemographics: shown(12) });
    // 计算机科学与技术 and 计算机 fold into one major.
    expect(cells(r, 'byMajor', 'computer-science')).toEqual({ graduates: shown(23) });
    expect(cells(r, 'byMajor', 'statistics')).toEqual({ graduates: shown(5) });
    expect(cells(r, 'byDegree', 'master')).toEqual({ graduates: shown(5) });
    expect(cells(r, 'byGraduationYear', '2025')).toEqual({ graduates: shown(21) });
    // The withdrawn consent's 'central' is not counted; 7 west and 5 east are.
    expect(r.tables.find((x) => x.name === 'byRegionOfOrigin')?.rows.map((x) => [x.key, x.cells.graduates])).toEqual([
      ['west', shown(7)],
      ['east', shown(5)],
    ]);
    // urban 2 < 5 is blanked, and rural 10 with it (else 12 − 10 would give the 2 back).
    expect(cells(r, 'byHukouType', 'urban')).toEqual({ graduates: BLANK });
    expect(cells(r, 'byHukouType', 'rural')).toEqual({ graduates: BLANK });
    // A blanked row carries no count of its own beside its cells (it once did, as `n`).
    expect(r.tables.find((x) => x.name === 'byHukouType')?.rows.find((x) => x.key === 'urban')).toEqual({
      key: 'urban',
      label: 'urban',
      cells: { graduates: BLANK },
    });
    for (const view of ['cohort', 'outcomes', 'supply-demand', 'skills?by=major'])
      for (const tbl of (await get(`/v1/analytics/${view}`)).tables)
        for (const x of tbl.rows)
          expect(Object.keys(x).sort(), `${view} ${tbl.name} ${x.key}`).toEqual(['cells', 'key', 'label']);
    expect(cells(r, 'funnel', 'view')).toEqual({
      graduates: shown(6),
      pairs: shown(6, 6),
      conversionFromPrevious: BLANK,
    });
    expect(cells(r, 'funnel', 'save')).toEqual({
      graduates: shown(5),
      pairs: shown(5, 5),
      conversionFromPrevious: shown(5, 0.8333),
    });
    expect(cells(r, 'funnel', 'apply')).toEqual({ graduates: BLANK, pairs: BLANK, conversionFromPrevious: BLANK });

    // Asking for 11: finance (10) and statistics (5) go, and nothing else is needed (15 ≥ 11).
    const strict = await get('/v1/analytics/cohort?minGroupSize=11');
    expect(strict.tables.find((x) => x.name === 'byMajor')?.rows.map((x) => [x.key, x.cells.graduates])).toEqual([
      ['computer-science', shown(23)],
      ['finance', BLANK],
      ['statistics', BLANK],
    ]);
  });

  it('places graduates by year, major, degree and origin beside the year before', async () => {
    const r = await get('/v1/analytics/outcomes');
    // 2025: 8 + 6 + 2 of 21 placed; 2026: 9 + 4 of 17 (the employed record is later than the not_placed one).
    expect(cells(r, 'byYear', '2025')).toEqual({
      graduates: shown(21),
      placed: shown(16),
      placementRate: shown(21, 0.7619),
      change: BLANK,
    });
    expect(cells(r, 'byYear', '2026')?.change).toEqual(shown(17, 0.0028));
    expect(cells(r, 'byMajor', 'computer-science')).toEqual({
      graduates: shown(12),
      placementRate: shown(12, 0.75),
      previousGraduates: shown(11),
      previousPlacementRate: shown(11, 0.7273),
      change: shown(12, 0.0227),
    });
    expect(cells(r, 'byMajor', 'statistics')?.previousPlacementRate).toEqual(BLANK);
    expect(cells(r, 'byRegionOfOrigin', 'west')?.placementRate).toEqual(shown(7, 1));
    expect(cells(r, 'byRegionOfOrigin', 'east')?.placementRate).toEqual(shown(5, 0.4));
    // 2026 statuses: 13 employed, 4 with none; every other status is 0, so all are blanked.
    expect(r.tables.find((x) => x.name === 'statusMix')?.rows.every((x) => x.cells.graduates?.suppressed)).toBe(true);
  });

  it('sets open demand against graduates seeking, by region, with origin outcomes beside everyone else', async () => {
    const r = await get('/v1/analytics/supply-demand?by=region');
    // Seeking: 3 of cs 2026 and 3 of cs 2025 prefer 武汉 (central); one statistics graduate named no place.
    expect(cells(r, 'supplyDemand', 'central')).toEqual({
      openPostings: shown(1),
      headcount: shown(3),
      seekingGraduates: shown(6),
      headcountPerSeeker: shown(6, 0.5),
    });
    // 上海 and Beijing are both east: one posting, not two. The closed and draft 成都 postings do not count.
    expect(cells(r, 'supplyDemand', 'east')).toEqual({
      openPostings: shown(1),
      headcount: shown(5),
      seekingGraduates: BLANK,
      headcountPerSeeker: BLANK,
    });
    expect(cells(r, 'supplyDemand', 'west')?.openPostings).toEqual(shown(0));
    expect(cells(r, 'supplyDemand', 'any')?.seekingGraduates).toEqual(BLANK);
    expect(cells(r, 'originOutcomes', 'west')).toEqual({
      graduates: shown(7),
      placed: shown(7),
      placementRate: shown(7, 1),
    });
    expect(cells(r, 'originOutcomes', 'rural')?.placementRate).toEqual(shown(10, 0.9));
    expect(cells(r, 'originOutcomes', 'central')?.graduates).toEqual(BLANK);
    expect(cells(r, 'originOutcomes', 'everyoneElse')?.graduates).toEqual(BLANK);
    expect(cells(r, 'originOutcomes', 'all')?.placementRate).toEqual(shown(38, 0.7632));
  });

  it('weighs skill supply against demand', async () => {
    const r = await get('/v1/analytics/skills');
    expect(cells(r, 'skills/all', 'python')).toMatchObject({
      supplyDeclared: shown(12),
      supplyInferred: BLANK,
      supplyShare: shown(38, 0.3158),
      demandRequired: shown(2),
      demandHeadcount: shown(8),
      demandShare: shown(2, 1),
      gap: shown(38, 0.6842),
    });
    expect(cells(r, 'skills/all', 'sql')).toMatchObject({ supplyInferred: shown(5), gap: shown(38, 0.3684) });
    expect(cells(r, 'skills/all', 'tableau')).toMatchObject({ demandPreferred: shown(1), demandRequired: shown(0) });
  });

  it('answers CSV with a BOM and a row per figure', async () => {
    const res = await api.app.request('/v1/analytics/cohort', {
      headers: { authorization: `Bearer ${t.staff.career_office}`, accept: 'text/csv' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    // The UTF-8 byte-order mark (EF BB BF), which Response.text() would strip.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split('\r\n');
    expect(lines[0]).toBe('table,dimension,key,label,measure,n,value,suppressed');
    expect(lines).toContain('byMajor,major,computer-science,Computer Science and Technology,graduates,23,23,false');
    expect(lines).toContain('byHukouType,hukouType,urban,urban,graduates,,,true');
    const zh = await api.app.request('/v1/analytics/cohort', {
      headers: { authorization: `Bearer ${t.staff.career_office}`, accept: 'text/csv', 'accept-language': 'zh' },
    });
    expect((await zh.text()).split('\r\n')).toContain(
      'byMajor,major,computer-science,计算机科学与技术,graduates,23,23,false',
    );
  });

  it('names the field of a bad by, horizon or threshold, and refuses other roles', async () => {
    const field = async (path: string) =>
      (await api.call<ValidationProblem>('GET', path, t.staff.career_office)).json.errors.map((e) => e.path);
    expect(await field('/v1/analytics/supply-demand?by=province')).toEqual(['query.by']);
    expect(await field('/v1/analytics/forecast?by=major')).toEqual(['query.by']);
    expect(await field('/v1/analytics/forecast?horizon=0')).toEqual(['query.horizon']);
    expect(await field('/v1/analytics/forecast?horizon=soon')).toEqual(['query.horizon']);
    expect(await field('/v1/analytics/skills?by=city')).toEqual(['query.by']);
    // The tenant's threshold is a floor.
    const low = await api.call<ValidationProblem>('GET', '/v1/analytics/cohort?minGroupSize=3', t.staff.career_office);
    expect([low.status, low.json.errors.map((e) => e.path)]).toEqual([400, ['query.minGroupSize']]);
    expect((await api.call('GET', '/v1/analytics/cohort', t.staff.admin)).status).toBe(200);
    expect((await api.call('GET', '/v1/analytics/cohort', t.staff.auditor)).status).toBe(403);
    const g = await t.graduate();
    expect((await api.call('GET', '/v1/analytics/outcomes', g.key)).status).toBe(403);
  });

  it('shows the same figures in the console, in English and Chinese, with filters and the same CSV', async () => {
    const person = await newPerson(database, t.tenantId, 'career_office');
    const browser = consoleBrowser(api.app);
    await browser.signIn(person.email, person.password);
    /** The figure shown in the bar cell after a row's header, or the blank sign. */
    const shownAfter = (page: string, label: string) =>
      new RegExp(
        `<th scope="row">${label}</th>\\s*<td class="(?:barcell|num blank)">` +
          `[\\s\\S]*?(?:<span class="v">([^<]+)</span>|(—))`,
      )
        .exec(page)
        ?.slice(1)
        .find((x) => x !== undefined);

    const cohortPage = await browser.get('/console/analytics/cohort');
    expect(cohortPage.status).toBe(200);
    expect(cohortPage.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(cohortPage.text).not.toContain('<script>');
    expect(shownAfter(cohortPage.text, 'Computer Science and Technology')).toBe('23');
    // Blanked in the API (urban 2 and rural 10), blanked on the page: the counts appear nowhere beside them.
    expect(shownAfter(cohortPage.text, 'urban')).toBe('—');
    expect(shownAfter(cohortPage.text, 'rural')).toBe('—');
    expect(cohortPage.text).toContain('fewer than 5 graduates');
    const zh = await browser.get('/console/analytics/cohort?lang=zh');
    expect(zh.text).toContain('<html lang="zh-CN">');
    expect(zh.text).toContain('毕业生概况');
    expect(shownAfter(zh.text, '计算机科学与技术')).toBe('23');
    await browser.get('/console/analytics/cohort?lang=en');

    // The region grid: four tiles, west and east (the graduates who prefer 武汉 and the postings' places).
    const sd = await browser.get('/console/analytics/supply-demand?by=region');
    expect(sd.status).toBe(200);
    for (const region of ['east', 'central', 'west', 'northeast']) expect(sd.text).toContain(`r-${region}`);
    expect(shownAfter(sd.text, 'Central China')).toBeDefined();
    expect((await browser.get('/console/analytics/supply-demand?by=occupation')).status).toBe(200);
    expect((await browser.get('/console/analytics/skills?by=major&top=5')).status).toBe(200);
    const outcomes = await browser.get('/console/analytics/outcomes');
    expect(outcomes.text).toContain('Placement of 2026 graduates by major, beside 2025');
    expect((await browser.get('/console/analytics/forecast?by=region&horizon=3')).status).toBe(200);

    // The CSV link gives what the API gives for the same filters.
    for (const path of ['cohort', 'outcomes?year=2026', 'supply-demand?by=major', 'skills?by=region&top=3']) {
      const [view = '', query = ''] = path.split('?');
      const fromConsole = await browser.get(`/console/analytics/${view}.csv${query ? `?${query}` : ''}`);
      expect(fromConsole.status, path).toBe(200);
      expect(fromConsole.headers.get('content-disposition')).toBe(`attachment; filename="bole-${view}.csv"`);
      const fromApi = await api.app.request(`/v1/analytics/${path}`, {
        headers: { authorization: `Bearer ${t.staff.career_office}`, accept: 'text/csv' },
      });
      expect(fromConsole.text, path).toBe(await fromApi.text());
    }

    // A refused filter is shown beside its field, with nothing loaded.
    const low = await browser.get('/console/analytics/cohort?minGroupSize=3');
    expect(low.status).toBe(400);
    expect(low.text).toMatch(/id="f-minGroupSize"[^>]*aria-invalid="true"/);
    expect(low.text).not.toContain('Download CSV');
    expect((await browser.get('/console/analytics/forecast?horizon=0')).status).toBe(400);
    expect((await browser.get('/console/analytics/cohort.csv?minGroupSize=3')).status).toBe(400);
    const province = await browser.get('/console/analytics/supply-demand?by=province');
    expect(province.status).toBe(400);

    const auditor = await newPerson(database, t.tenantId, 'auditor');
    const other = consoleBrowser(api.app);
    await other.signIn(auditor.email, auditor.password);
    expect((await other.get('/console/analytics/cohort')).status).toBe(403);
    expect((await other.get('/console/analytics/cohort.csv')).status).toBe(403);
  });

  it('forecasts monthly openings with intervals and a backtest error beside each series', async () => {
    const f = await newTenant(database);
    const employer = await f.employer();
    const now = new Date();
    // 24 complete months before this one, with a peak every autumn (months 9–11: 6 postings, else 2).
    for (let back = 24; back >= 1; back--) {
      const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 10));
      const count = [8, 9, 10].includes(month.getUTCMonth()) ? 6 : 2;
      for (let i = 0; i < count; i++)
        await insertPosting(
          database.db,
          { id: crypto.randomUUID(), tenantId: f.tenantId, employerId: employer.id, now },
          {
            title: '数据分析师',
            description: '数据分析',
            locations: [i % 2 === 0 ? '武汉' : '上海'],
            status: 'closed',
            occupation: '15-2051.00',
            opensAt: month.toISOString().slice(0, 10),
          },
        );
    }
    const r = await get<ForecastReport>('/v1/analytics/forecast?by=region&horizon=3', f.staff.career_office);
    const all = r.series.find((s) => s.key === 'all');
    expect(all?.history).toHaveLength(24);
    expect(all?.history.reduce((s, h) => s + h.value, 0)).toBe(2 * (6 * 3 + 2 * 9));
    expect(all?.method).not.toBeNull();
    expect(all?.forecast).toHaveLength(3);
    for (const p of all?.forecast ?? []) expect(p.lo95 <= p.lo80 && p.lo80 <= p.mean && p.mean <= p.hi80).toBe(true);
    // Origins 17..22: a season and a half of training first (FPP3 rolling origin), 6 refits.
    expect(all?.backtest?.origins).toBe(6);
    expect(all?.baseline?.method).not.toBe(all?.backtest?.method);
    expect(r.series.map((s) => s.key).sort()).toEqual(['all', 'central', 'east']);
    const csv = await api.app.request('/v1/analytics/forecast?by=region&horizon=3', {
      headers: { authorization: `Bearer ${f.staff.career_office}`, accept: 'text/csv' },
    });
    expect((await csv.text()).split('\r\n').filter((l) => l.includes('backtest/'))).toHaveLength(3 * 4);
  });
});
