import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraduateCreate } from '../../src/domain/model/graduate.ts';
import type { Database } from '../../src/storage/db.ts';
import {
  cohortGroups,
  cohortGroupsScan,
  completenessHistogram,
  completenessHistogramScan,
  consentedOriginGroups,
  consentedOriginGroupsScan,
  funnelCounts,
  funnelCountsScan,
  monthlyOpenings,
  monthlyOpeningsScan,
  originOutcomes,
  originOutcomesScan,
  outcomeGroups,
  outcomeGroupsScan,
  outcomeOriginGroups,
  outcomeOriginGroupsScan,
  seekingGraduates,
  seekingGraduatesScan,
} from '../../src/storage/analytics.repo.ts';
import { deleteDemographics, insertConsentEvent, upsertDemographics } from '../../src/storage/consents.repo.ts';
import { updateGraduate } from '../../src/storage/graduates.repo.ts';
import { insertInteraction } from '../../src/storage/interactions.repo.ts';
import { deleteOutcome, insertOutcomes } from '../../src/storage/outcomes.repo.ts';
import { deletePosting, insertPosting, updatePosting } from '../../src/storage/postings.repo.ts';
import { refreshSkillSummary } from '../../src/storage/skill-summary.repo.ts';
import { testApp } from '../support/app.ts';
import { backends } from '../support/db.ts';
import { newTenant, type TestTenant } from '../support/factories.ts';

const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
const edu = (major: string, year: number, degree: 'bachelor' | 'master' = 'bachelor') => ({
  school: '华中科技大学',
  degree,
  major,
  graduationDate: `${year}-06-30`,
});
const places = (...locations: string[]) => ({ locations, industries: [], jobTypes: [], remote: 'any' as const });

/**
 * The cohort, outcomes, supply-and-demand and forecast reads served from analytics_graduate_facts and
 * analytics_openings give exactly what the scans of the source rows give, after every kind of write the facts
 * follow: graduates, their outcomes, consents and demographics, postings opened, edited, closed and deleted.
 */
describe.each(backends)('analytics facts on $name', ({ open }) => {
  let database: Database;
  let t: TestTenant;
  beforeAll(async () => {
    database = await open();
    t = await newTenant(database);
  });
  afterAll(async () => database.close());

  const FROM = '2020-01-01';
  const TO = '2031-01-01';

  /** Batches the refresh gave way between (in batches of 2 postings, 2 graduates and 3 interactions). */
  let turns = 0;

  /** Refreshes, then every facts read equals its scan. Returns the cohort groups (to check they are not empty). */
  async function expectInStep() {
    const { db } = database;
    const id = t.tenantId;
    await refreshSkillSummary(db, id, async () => void turns++, { postings: 2, graduates: 2, interactions: 3 });
    expect(sorted(await cohortGroups(db, id)), 'cohort').toEqual(sorted(await cohortGroupsScan(db, id)));
    expect(sorted(await consentedOriginGroups(db, id)), 'origins').toEqual(
      sorted(await consentedOriginGroupsScan(db, id)),
    );
    expect(await completenessHistogram(db, id), 'completeness').toEqual(await completenessHistogramScan(db, id));
    for (const by of ['region', 'city', 'major'] as const)
      expect(sorted(await seekingGraduates(db, id, by)), `seeking ${by}`).toEqual(
        sorted(await seekingGraduatesScan(db, id, by)),
      );
    expect(sorted(await originOutcomes(db, id)), 'origin outcomes').toEqual(sorted(await originOutcomesScan(db, id)));
    expect(sorted(await outcomeGroups(db, id)), 'outcomes').toEqual(sorted(await outcomeGroupsScan(db, id)));
    expect(sorted(await outcomeOriginGroups(db, id)), 'outcomes by origin').toEqual(
      sorted(await outcomeOriginGroupsScan(db, id)),
    );
    for (const by of ['occupation', 'region'] as const)
      expect(sorted(await monthlyOpenings(db, id, by, FROM, TO)), `openings ${by}`).toEqual(
        sorted(await monthlyOpeningsScan(db, id, by, FROM, TO)),
      );
    expect(sorted(await funnelCounts(db, id)), 'funnel').toEqual(sorted(await funnelCountsScan(db, id)));
    return cohortGroups(db, id);
  }

  it('equal the scans of the source rows after every kind of write', async () => {
    const { db } = database;
    const now = new Date();
    const graduate = (input: Partial<GraduateCreate>) => t.graduate(input);
    const outcome = (graduateId: string, status: string, asOf: string) => ({
      id: crypto.randomUUID(),
      at: new Date(),
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
      source: 'career_office' as const,
      actorKeyId: null,
      actorRole: 'career_office',
    });
    const consent = (graduateId: string, granted: boolean, at: Date) =>
      insertConsentEvent(db, {
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

    // Two education entries (the later one counts), places in two regions, one unknown, none; a summary.
    const g1 = await graduate({
      education: [edu('统计学', 2024), edu('统计学', 2026, 'master')],
      preferences: places('武汉', '宜昌', '上海', 'Atlantis'),
      summary: '数据分析',
      skills: [{ name: 'Python', source: 'declared', skillId: 'python' }],
    });
    const g2 = await graduate({ education: [edu('计算机科学与技术', 2025)], preferences: places('Atlantis') });
    const g3 = await graduate({ education: [edu('计算机科学与技术', 2026)] });
    const g4 = await graduate({});
    await insertOutcomes(db, [
      outcome(g1.id, 'not_placed', '2026-07-01'),
      outcome(g1.id, 'employed', '2026-09-01'),
      outcome(g2.id, 'further_study', '2025-09-01'),
      outcome(g3.id, 'not_placed', '2026-09-01'),
    ]);
    await consent(g1.id, true, now);
    await upsertDemographics(db, t.tenantId, g1.id, demo('central', 'rural'), now);
    // Consented but no demographics; demographics but the consent withdrawn later.
    await consent(g2.id, true, now);
    await consent(g3.id, true, new Date(now.getTime() - 60_000));
    await upsertDemographics(db, t.tenantId, g3.id, demo('west', 'urban'), now);
    await consent(g3.id, false, now);

    const employer = await t.employer();
    const posting = (values: Record<string, unknown>) =>
      insertPosting(
        db,
        { id: crypto.randomUUID(), tenantId: t.tenantId, employerId: employer.id, now },
        { title: '数据分析师', description: '数据分析', locations: ['武汉'], headcount: 1, status: 'open', ...values },
      );
    const p1 = await posting({ headcount: 3, occupation: '15-2051.00', opensAt: '2026-03-15' });
    const p2 = await posting({ locations: ['上海', '武汉'], headcount: 2, status: 'closed', opensAt: '2025-11-02' });
    await posting({ locations: [], status: 'draft', opensAt: '2026-01-10' });
    const p4 = await posting({ locations: ['Atlantis'], headcount: 4 });
    const interact = (graduateId: string, postingId: string, type: string) =>
      insertInteraction(db, {
        id: crypto.randomUUID(),
        tenantId: t.tenantId,
        graduateId,
        postingId,
        impressionId: null,
        type,
        reason: null,
        actorRole: 'graduate',
        occurredAt: now,
        createdAt: now,
      });
    // A pair viewed twice, a graduate with two pairs of one type, three graduates along the funnel.
    for (const [g, p, type] of [
      [g1, p1, 'view'],
      [g1, p1, 'view'],
      [g1, p4, 'view'],
      [g1, p1, 'save'],
      [g2, p1, 'view'],
      [g3, p4, 'view'],
      [g3, p4, 'apply'],
    ] as const)
      await interact(g.id, p.id, type);
    const first = await expectInStep();
    expect(sorted(await funnelCounts(db, t.tenantId))).toEqual(
      sorted([
        { type: 'view', events: 5, graduates: 3, pairs: 4 },
        { type: 'save', events: 1, graduates: 1, pairs: 1 },
        { type: 'apply', events: 1, graduates: 1, pairs: 1 },
      ]),
    );
    expect(first.reduce((s, g) => s + g.n, 0)).toBe(4);
    expect(await monthlyOpenings(db, t.tenantId, 'region', FROM, TO)).toContainEqual({
      month: '2025-11',
      grp: 'east',
      postings: 1,
      headcount: 2,
    });

    // Edits of each source: education and places, a new later outcome and a deleted one, a consent withdrawn and
    // one granted again, demographics changed and deleted, postings moved, reopened and deleted, a new graduate.
    await updateGraduate(
      db,
      t.tenantId,
      g2.id,
      { education: [edu('会计学', 2026)], preferences: places('成都', 'Chengdu') },
      now,
    );
    const later = outcome(g3.id, 'employed', '2026-10-01');
    await insertOutcomes(db, [later, outcome(g4.id, 'not_seeking', '2026-08-01')]);
    await consent(g1.id, false, new Date(now.getTime() + 1000));
    await consent(g3.id, true, new Date(now.getTime() + 1000));
    await upsertDemographics(db, t.tenantId, g3.id, demo('northeast', 'rural'), now);
    await updatePosting(db, t.tenantId, p1.id, { opensAt: '2026-04-01', occupation: '13-2011.00' }, now);
    await updatePosting(db, t.tenantId, p2.id, { status: 'open' }, now);
    await graduate({ education: [edu('会计学', 2026)], preferences: places('北京') });
    await interact(g2.id, p4.id, 'view');
    await interact(g3.id, p1.id, 'save');
    await expectInStep();
    // Interactions deleted: a pair loses one of its two events, a graduate their only save.
    await sql`delete from interactions where id in (select id from interactions where graduate_id = ${g1.id}
      and posting_id = ${p1.id} and type = 'view' limit 1)`.execute(db);
    await sql`delete from interactions where graduate_id = ${g1.id} and type = 'save'`.execute(db);
    await expectInStep();
    expect(await deleteOutcome(db, t.tenantId, g3.id, later.id)).toBe(true);
    expect(await deleteDemographics(db, t.tenantId, g1.id)).toBe(true);
    await deletePosting(db, t.tenantId, p1.id);
    await expectInStep();

    // Erasure takes the graduate out of every figure at once.
    const api = testApp(database);
    expect((await api.call('DELETE', `/v1/graduates/${g3.id}`, t.staff.career_office)).status).toBe(204);
    const after = await expectInStep();
    expect(after.reduce((s, g) => s + g.n, 0)).toBe(4);
    // Their funnel pairs moved to the pseudonym with their interactions: no summary row names them.
    const named = await sql<{ n: number }>`select (select count(*) from analytics_funnel_pairs
        where graduate_id = ${g3.id}) + (select count(*) from analytics_interaction_changes
        where graduate_id = ${g3.id}) as n`.execute(db);
    expect(Number(named.rows[0]?.n)).toBe(0);
    expect(await funnelCounts(db, t.tenantId)).toContainEqual({ type: 'apply', events: 1, graduates: 1, pairs: 1 });
    // Every refresh above folded its changes a few at a time, and the figures matched the scans all the same.
    expect(turns).toBeGreaterThanOrEqual(3);
  });
});
