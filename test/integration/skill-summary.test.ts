import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraduateCreate } from '../../src/domain/model/graduate.ts';
import type { Database } from '../../src/storage/db.ts';
import {
  graduateGroupsScan,
  openDemandScan,
  skillDemandScan,
  skillSupplyScan,
} from '../../src/storage/analytics.repo.ts';
import { updateGraduate } from '../../src/storage/graduates.repo.ts';
import { deletePosting, insertPosting, updatePosting } from '../../src/storage/postings.repo.ts';
import {
  refreshSkillSummary,
  summaryDemand,
  summaryGraduateGroups,
  summaryOpenDemand,
  summarySupply,
} from '../../src/storage/skill-summary.repo.ts';
import { testApp } from '../support/app.ts';
import { postgresDatabase } from '../support/db.ts';
import { newTenant, type TestTenant } from '../support/factories.ts';

const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
const edu = (major: string, year = 2026) => [
  { school: '华中科技大学', degree: 'bachelor' as const, major, graduationDate: `${year}-06-30` },
];
const skill = (name: string, source: 'declared' | 'inferred' = 'declared') => ({
  name,
  source,
  skillId: name.toLowerCase(),
});
const places = (...locations: string[]) => ({ locations, industries: [], jobTypes: [], remote: 'any' as const });

describe('skill summaries (postgres)', () => {
  let database: Database;
  let t: TestTenant;
  beforeAll(async () => {
    database = await postgresDatabase();
    t = await newTenant(database);
  });
  afterAll(async () => database.close());

  /** Refreshes, then every summary read equals the scan of the source rows, grouping by grouping. */
  async function expectInStep() {
    const { db } = database;
    await refreshSkillSummary(db, t.tenantId);
    for (const by of ['overall', 'major', 'region'] as const) {
      expect(sorted(await summarySupply(db, t.tenantId, by)), `supply ${by}`).toEqual(
        sorted(await skillSupplyScan(db, t.tenantId, by)),
      );
      expect(sorted(await summaryGraduateGroups(db, t.tenantId, by)), `graduates ${by}`).toEqual(
        sorted(await graduateGroupsScan(db, t.tenantId, by)),
      );
    }
    for (const by of ['overall', 'occupation', 'region', 'major'] as const)
      expect(sorted(await summaryDemand(db, t.tenantId, by)), `demand ${by}`).toEqual(
        sorted(await skillDemandScan(db, t.tenantId, by)),
      );
    for (const by of ['overall', 'occupation', 'region', 'major', 'city'] as const)
      expect(sorted(await summaryOpenDemand(db, t.tenantId, by)), `open ${by}`).toEqual(
        sorted(await openDemandScan(db, t.tenantId, by)),
      );
  }

  it('stays in step with the scans as postings and graduates are written, closed, deleted and erased', async () => {
    const { db } = database;
    const now = new Date();
    const employer = await t.employer();
    const posting = (values: Record<string, unknown>) =>
      insertPosting(
        db,
        { id: crypto.randomUUID(), tenantId: t.tenantId, employerId: employer.id, now },
        { title: '数据分析师', description: '数据分析', locations: ['武汉'], headcount: 1, status: 'open', ...values },
      );
    const graduate = (input: Partial<GraduateCreate>) => t.graduate(input);

    // A skill listed twice, required and preferred at once, majors listed twice, two cities of one region.
    const p1 = await posting({
      locations: ['武汉', 'Wuhan', '成都'],
      headcount: 3,
      occupation: '15-2051.00',
      requiredSkills: [skill('Python'), skill('SQL'), skill('Python')],
      preferredSkills: [skill('SQL'), skill('Excel')],
      acceptedMajors: ['统计学', '统计学', '计算机科学与技术'],
    });
    const p2 = await posting({ locations: ['上海', '北京'], headcount: 2, requiredSkills: [skill('Excel')] });
    await posting({ status: 'closed', requiredSkills: [skill('Go')] });
    await posting({ status: 'draft', requiredSkills: [skill('Rust')] });
    const g1 = await graduate({
      education: edu('统计学'),
      skills: [skill('Python'), skill('Python', 'inferred'), skill('SQL', 'inferred')],
      preferences: places('武汉', '宜昌', '上海'),
    });
    const g2 = await graduate({ education: edu('统计学', 2025), skills: [skill('Excel')] });
    const g3 = await graduate({ skills: [skill('SQL')], preferences: places('成都') });
    await expectInStep();
    // Not two empty lists: the open postings and graduates are all counted.
    expect(await summaryOpenDemand(db, t.tenantId, 'overall')).toEqual([{ grp: null, postings: 2, headcount: 5 }]);
    expect(await summaryGraduateGroups(db, t.tenantId, 'overall')).toEqual([{ grp: null, n: 3 }]);
    expect(sorted(await summaryDemand(db, t.tenantId, 'overall'))).toContain(
      JSON.stringify({
        grp: null,
        skill: 'python',
        required: 1,
        preferred: 0,
        requiredHeadcount: 6,
        preferredHeadcount: 0,
      }),
    );

    // Edits, a closing, a deletion and a new graduate.
    await updatePosting(
      db,
      t.tenantId,
      p1.id,
      { requiredSkills: [skill('R')], locations: ['重庆'], acceptedMajors: [] },
      new Date(),
    );
    await updatePosting(db, t.tenantId, p2.id, { status: 'closed' }, new Date());
    const p5 = await posting({ requiredSkills: [skill('Excel'), skill('SQL')], headcount: 4 });
    await updateGraduate(db, t.tenantId, g2.id, { skills: [skill('R', 'inferred')], education: edu('会计学') }, now);
    await graduate({ education: edu('会计学'), skills: [skill('Excel')], preferences: places('北京') });
    await expectInStep();
    await deletePosting(db, t.tenantId, p5.id);
    await updatePosting(db, t.tenantId, p2.id, { status: 'open' }, new Date());
    await expectInStep();

    // Erasure subtracts the graduate at once and leaves no row naming them.
    const api = testApp(database);
    for (const g of [g1, g3])
      expect((await api.call('DELETE', `/v1/graduates/${g.id}`, t.staff.career_office)).status).toBe(204);
    const left = await sql<{ n: number }>`select
        (select count(*) from analytics_graduate_facts where graduate_id in (${g1.id}, ${g3.id}))
        + (select count(*) from analytics_graduate_changes where graduate_id in (${g1.id}, ${g3.id})) as n`.execute(db);
    expect(Number(left.rows[0]?.n)).toBe(0);
    // Nobody else prefers Chengdu's region or holds Python: those rows are gone, not zero.
    expect(await summarySupply(db, t.tenantId, 'overall')).not.toContainEqual(
      expect.objectContaining({ skill: 'python' }),
    );
    await expectInStep();
    expect(await summaryGraduateGroups(db, t.tenantId, 'overall')).toEqual([{ grp: null, n: 2 }]);
  });
});
