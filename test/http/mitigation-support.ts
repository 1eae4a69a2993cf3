import type { Database } from '../../src/storage/db.ts';
import type { TestTenant } from '../support/factories.ts';

/** A posting every test graduate can match: SQL, Python and Excel required, statistics preferred. */
export const analystJob = {
  title: '数据分析师',
  description: '负责用户增长数据分析，使用 SQL 和 Python 搭建指标体系。',
  requiredSkills: ['SQL', 'Python', 'Excel'],
  preferredSkills: ['Tableau'],
  minDegree: 'bachelor',
  acceptedMajors: ['统计学'],
  locations: ['武汉'],
  jobType: 'full-time',
  salaryMin: 8000,
  salaryMax: 12000,
  status: 'open',
};

const strong = {
  skills: [{ name: 'Python' }, { name: 'SQL' }, { name: 'Excel' }, { name: 'Tableau' }],
  major: '统计学',
};
const weak = { skills: [{ name: 'Excel' }], major: '汉语言文学' };

export interface Cohort {
  women: string[];
  men: string[];
  /** No demographics (2), demographics but never consented (2), consent withdrawn (2). */
  unknown: string[];
  genderOf: (id: string) => string;
}

/**
 * 12 men with the posting's skills and major, 12 women with weak profiles (so the score order puts
 * men first), 6 people without consented demographics (half strong, half weak). Demographics and
 * fairness_audit consent events are written as the consent service would leave them.
 */
export async function seedCohort(
  database: Database,
  t: TestTenant,
  summary: (i: number, gender: string) => string = () => '熟悉数据分析。',
): Promise<Cohort> {
  const make = async (i: number, gender: string, p: typeof strong, consents: boolean[] | null) => {
    const g = await t.graduate({
      education: [{ school: '某大学', degree: 'bachelor', major: p.major, graduationDate: '2026-06-30' }],
      skills: p.skills,
      summary: summary(i, gender),
      preferences: { locations: ['武汉'], industries: [], jobTypes: ['full-time'], remote: 'any' },
    } as never);
    if (consents !== null) {
      await database.db
        .insertInto('graduate_demographics')
        .values({ graduate_id: g.id, tenant_id: t.tenantId, gender, updated_at: new Date() })
        .execute();
      for (const [j, granted] of consents.entries()) {
        await database.db
          .insertInto('consents')
          .values({
            id: crypto.randomUUID(),
            tenant_id: t.tenantId,
            graduate_id: g.id,
            purpose: 'fairness_audit',
            granted,
            text_version: 'v1',
            actor: 'test',
            created_at: new Date(Date.now() - 60_000 + j * 1_000),
          })
          .execute();
      }
    }
    return g.id;
  };
  const women: string[] = [];
  const men: string[] = [];
  const unknown: string[] = [];
  for (let i = 0; i < 12; i++) men.push(await make(i, 'male', strong, [true]));
  for (let i = 0; i < 12; i++) women.push(await make(i, 'female', weak, [true]));
  unknown.push(await make(0, 'none', strong, null), await make(1, 'none', weak, null));
  unknown.push(await make(2, 'female', strong, []), await make(3, 'male', weak, []));
  unknown.push(await make(4, 'female', strong, [true, false]), await make(5, 'female', weak, [true, false]));
  const known = new Map<string, string>([
    ...women.map((id) => [id, 'female'] as const),
    ...men.map((id) => [id, 'male'] as const),
  ]);
  return { women, men, unknown, genderOf: (id) => known.get(id) ?? 'unknown' };
}
