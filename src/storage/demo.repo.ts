import { sql } from 'kysely';
import type { Demographics } from '../domain/model/demographics.ts';
import type { EmployerCreate } from '../domain/model/employer.ts';
import type { GraduateCreate } from '../domain/model/graduate.ts';
import type { PostingCreate } from '../domain/model/posting.ts';
import type { Db } from './db.ts';

/** Bulk writes of the demo data set: the generator's rows, already validated, in one statement per chunk. */

export async function findDemoTenantId(db: Db): Promise<string | undefined> {
  return (
    await db
      .selectFrom('tenants')
      .select(['id'])
      .where(sql<boolean>`settings->>'demo' = 'true'`)
      .executeTakeFirst()
  )?.id;
}

export async function anyTenantExists(db: Db): Promise<boolean> {
  return (await db.selectFrom('tenants').select('id').limit(1).executeTakeFirst()) !== undefined;
}

export async function markDemoTenant(db: Db, tenantId: string): Promise<void> {
  await db
    .updateTable('tenants')
    .set({ settings: JSON.stringify({ demo: true }) })
    .where('id', '=', tenantId)
    .execute();
}

/** The tenant's first graduate and the employer of its first posting (by creation), whom demo keys are bound to. */
export async function firstGraduateAndEmployer(
  db: Db,
  tenantId: string,
): Promise<{ graduateId?: string; employerId?: string }> {
  const graduate = await db
    .selectFrom('graduates')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  const posting = await db
    .selectFrom('job_postings')
    .select('employer_id')
    .where('tenant_id', '=', tenantId)
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return { ...(graduate ? { graduateId: graduate.id } : {}), ...(posting ? { employerId: posting.employer_id } : {}) };
}

export async function insertEmployers(
  db: Db,
  tenantId: string,
  rows: ReadonlyArray<{ id: string; e: EmployerCreate; at: Date }>,
): Promise<void> {
  await db
    .insertInto('employers')
    .values(
      rows.map(({ id, e, at }) => ({
        id,
        tenant_id: tenantId,
        name: e.name,
        industry: e.industry ?? null,
        city: e.city ?? null,
        size: e.size ?? null,
        website: e.website ?? null,
        description: e.description,
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
}

/** Postings whose skills the caller has already normalised. */
export async function insertPostings(
  db: Db,
  tenantId: string,
  rows: ReadonlyArray<{ id: string; employerId: string; p: PostingCreate; at: Date }>,
): Promise<void> {
  await db
    .insertInto('job_postings')
    .values(
      rows.map(({ id, employerId, p, at }) => ({
        id,
        tenant_id: tenantId,
        employer_id: employerId,
        title: p.title,
        description: p.description,
        required_skills: JSON.stringify(p.requiredSkills),
        preferred_skills: JSON.stringify(p.preferredSkills),
        min_degree: p.minDegree,
        accepted_majors: JSON.stringify(p.acceptedMajors),
        locations: p.locations,
        remote: p.remote,
        job_type: p.jobType,
        salary_min: p.salaryMin ?? null,
        salary_max: p.salaryMax ?? null,
        headcount: p.headcount,
        opens_at: p.opensAt ?? null,
        closes_at: p.closesAt ?? null,
        status: p.status,
        lang: p.lang,
        occupation: p.occupation ?? null,
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
}

/** Graduates whose skills the caller has already normalised. */
export async function insertGraduates(
  db: Db,
  tenantId: string,
  rows: ReadonlyArray<{ id: string; g: GraduateCreate; at: Date }>,
): Promise<void> {
  await db
    .insertInto('graduates')
    .values(
      rows.map(({ g, id, at }) => ({
        id,
        tenant_id: tenantId,
        name: g.name,
        email: g.email ?? null,
        phone: g.phone ?? null,
        education: JSON.stringify(g.education),
        skills: JSON.stringify(g.skills),
        languages: JSON.stringify(g.languages),
        certificates: JSON.stringify(g.certificates),
        experiences: JSON.stringify(g.experiences),
        summary: g.summary,
        preferences: JSON.stringify(g.preferences),
        visibility: g.visibility,
        lang: g.lang,
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
}

export async function insertGrantedConsents(
  db: Db,
  tenantId: string,
  rows: ReadonlyArray<{
    id: string;
    graduateId: string;
    purpose: string;
    textVersion: string;
    actor: string;
    at: Date;
  }>,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('consents')
    .values(
      rows.map((c) => ({
        id: c.id,
        tenant_id: tenantId,
        graduate_id: c.graduateId,
        purpose: c.purpose,
        granted: true,
        text_version: c.textVersion,
        actor: c.actor,
        created_at: c.at,
      })),
    )
    .execute();
}

export async function insertDemographicsRows(
  db: Db,
  tenantId: string,
  rows: ReadonlyArray<{ graduateId: string; d: Demographics; at: Date }>,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('graduate_demographics')
    .values(
      rows.map(({ graduateId, d, at }) => ({
        graduate_id: graduateId,
        tenant_id: tenantId,
        gender: d.gender ?? null,
        ethnicity: d.ethnicity ?? null,
        hukou_type: d.hukouType ?? null,
        region_of_origin: d.regionOfOrigin ?? null,
        disability: d.disability ?? null,
        birth_year: d.birthYear ?? null,
        school_tier: d.schoolTier ?? null,
        updated_at: at,
      })),
    )
    .execute();
}

/** The tenant's first graduates by creation (the demo's served lists go to them). */
export async function firstGraduateIds(db: Db, tenantId: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('graduates')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** The tenant's first open postings by creation (the demo's candidate lists are served for them). */
export async function firstOpenPostingIds(db: Db, tenantId: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('job_postings')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'open')
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}
