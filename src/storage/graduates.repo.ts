import { sql, type Kysely, type RawBuilder, type Transaction, type Updateable } from 'kysely';
import { notFound } from '../domain/errors.ts';
import type { GraduateCreate, GraduateUpdate } from '../domain/model/graduate.ts';
import { afterCursor, type Cursor } from './keyset.ts';
import type { DB, GraduateRow, GraduatesTable } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

const columns = (input: GraduateUpdate): Updateable<GraduatesTable> => {
  const out: Updateable<GraduatesTable> = {};
  if (input.name !== undefined) out.name = input.name;
  if ('email' in input) out.email = input.email ?? null;
  if ('phone' in input) out.phone = input.phone ?? null;
  if ('externalId' in input) out.external_id = input.externalId ?? null;
  if (input.education !== undefined) out.education = JSON.stringify(input.education);
  if (input.skills !== undefined) out.skills = JSON.stringify(input.skills);
  if (input.languages !== undefined) out.languages = JSON.stringify(input.languages);
  if (input.certificates !== undefined) out.certificates = JSON.stringify(input.certificates);
  if (input.experiences !== undefined) out.experiences = JSON.stringify(input.experiences);
  if (input.summary !== undefined) out.summary = input.summary;
  if (input.preferences !== undefined) out.preferences = JSON.stringify(input.preferences);
  if (input.visibility !== undefined) out.visibility = input.visibility;
  if (input.lang !== undefined) out.lang = input.lang;
  return out;
};

export async function insertGraduate(
  db: Db,
  row: { id: string; tenantId: string; now: Date },
  input: GraduateCreate,
): Promise<GraduateRow> {
  return db
    .insertInto('graduates')
    .values({
      ...columns(input),
      id: row.id,
      tenant_id: row.tenantId,
      name: input.name,
      created_at: row.now,
      updated_at: row.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findGraduate(db: Db, tenantId: string, id: string): Promise<GraduateRow | undefined> {
  return db
    .selectFrom('graduates')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function updateGraduate(
  db: Db,
  tenantId: string,
  id: string,
  input: GraduateUpdate,
  now: Date,
): Promise<GraduateRow | undefined> {
  return db
    .updateTable('graduates')
    .set({ ...columns(input), updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function listGraduates(
  db: Db,
  tenantId: string,
  opts: { limit: number; after?: Cursor | undefined },
): Promise<GraduateRow[]> {
  return db
    .selectFrom('graduates')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where(afterCursor(opts.after))
    .orderBy('created_at')
    .orderBy('id')
    .limit(opts.limit + 1)
    .execute();
}

/**
 * The tenant's graduates in (created_at, id) order narrowed in SQL by the structured filters: one education entry
 * of this degree (the service keeps those whose highest degree it is) and one graduation inside the year range.
 * Dates are ISO strings, so comparing their first four characters compares years without a cast that could fail.
 */
export async function listGraduatesNarrowed(
  db: Db,
  tenantId: string,
  f: { degree?: string | undefined; graduationYearFrom?: number | undefined; graduationYearTo?: number | undefined },
): Promise<GraduateRow[]> {
  const some = (cond: RawBuilder<boolean>) =>
    sql<boolean>`exists (select 1 from jsonb_array_elements(graduates.education) e where ${cond})`;
  let q = db.selectFrom('graduates').selectAll().where('tenant_id', '=', tenantId);
  if (f.degree !== undefined) q = q.where(some(sql<boolean>`e->>'degree' = ${f.degree}`));
  if (f.graduationYearFrom !== undefined || f.graduationYearTo !== undefined) {
    const year = sql`left(e->>'graduationDate', 4)`;
    q = q.where(
      some(
        sql<boolean>`${year} >= ${String(f.graduationYearFrom ?? 0).padStart(4, '0')} and ${year} <=
          ${String(f.graduationYearTo ?? 9999)}`,
      ),
    );
  }
  return q.orderBy('created_at').orderBy('id').execute();
}

/** The graduate of this tenant, or the 404 every use-case answers for one it cannot see. */
export async function getGraduateOr404(
  db: Db,
  tenantId: string,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<GraduateRow> {
  let q = db.selectFrom('graduates').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('Graduate');
  return row;
}

/** Who a candidate list is for: an employer sees fewer graduates than the career office. */
export type CandidateAudience = 'employer' | 'career_office';

/**
 * Graduates a candidate list may show: visible to employers (and, for the career office, to it); for an
 * employer, only those whose latest profile_visible_to_employers consent event is a grant.
 */
function candidates(db: Db, tenantId: string, audience: CandidateAudience) {
  const q = db
    .selectFrom('graduates')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('visibility', 'in', audience === 'employer' ? ['employers'] : ['employers', 'career_office']);
  return audience !== 'employer'
    ? q
    : q.where(sql<boolean>`(select c.granted from consents c where c.graduate_id = graduates.id
    and c.purpose = 'profile_visible_to_employers' order by c.created_at desc limit 1) is true`);
}

export async function listCandidateGraduates(
  db: Db,
  tenantId: string,
  audience: CandidateAudience,
): Promise<GraduateRow[]> {
  return candidates(db, tenantId, audience).execute();
}

export async function findCandidateGraduate(
  db: Db,
  tenantId: string,
  id: string,
  audience: CandidateAudience,
): Promise<GraduateRow | undefined> {
  return candidates(db, tenantId, audience).where('id', '=', id).executeTakeFirst();
}

/** Writes what deleting a tag changes: the declared skills, the preferences and the suppressed set. */
export async function setGraduateTags(
  db: Db,
  tenantId: string,
  id: string,
  v: { skills: unknown[]; preferences: unknown; suppressed: readonly string[]; now: Date },
): Promise<void> {
  await db
    .updateTable('graduates')
    .set({
      skills: JSON.stringify(v.skills),
      preferences: JSON.stringify(v.preferences),
      suppressed_tags: JSON.stringify(v.suppressed),
      updated_at: v.now,
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

/** How many graduates a scope holds (all tenants when none is given). */
export async function countGraduates(
  db: Db,
  scope: { tenantId?: string | undefined; graduateId?: string | undefined },
): Promise<number> {
  let q = db.selectFrom('graduates').select((eb) => eb.fn.countAll<string>().as('n'));
  if (scope.tenantId) q = q.where('tenant_id', '=', scope.tenantId);
  if (scope.graduateId) q = q.where('id', '=', scope.graduateId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** A page of the tenant's graduates in id order after `afterId` (optionally just one graduate). */
export async function graduatesAfterId(
  db: Db,
  tenantId: string,
  opts: { afterId: string; limit: number; graduateId?: string | undefined },
): Promise<GraduateRow[]> {
  let q = db
    .selectFrom('graduates')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '>', opts.afterId)
    .orderBy('id')
    .limit(opts.limit);
  if (opts.graduateId) q = q.where('id', '=', opts.graduateId);
  return q.execute();
}

/** A seeded pseudo-random sample of the tenant's graduates (the same seed, the same sample). */
export async function sampleGraduates(db: Db, tenantId: string, seed: string, limit: number): Promise<GraduateRow[]> {
  return db
    .selectFrom('graduates')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy(sql`md5(id::text || ${seed})`)
    .limit(limit)
    .execute();
}

/** The graduate a tenant's app or identity provider knows by this id. */
export async function findGraduateByExternalId(
  db: Db,
  tenantId: string,
  externalId: string,
): Promise<GraduateRow | undefined> {
  return db
    .selectFrom('graduates')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
}

/** The tenant's graduates with these external ids (an import's batch looks its rows up in one query). */
export async function graduatesByExternalIds(
  db: Db,
  tenantId: string,
  externalIds: readonly string[],
): Promise<GraduateRow[]> {
  if (externalIds.length === 0) return [];
  // One index probe per id (`limit 1` keeps the lateral subquery from being flattened into a join): as an IN list
  // the planner chose a sequential scan of the tenant's rows for every batch, ~0.9 s a batch at 50,000 graduates.
  const r = await sql<GraduateRow>`select t.* from unnest(${[...externalIds]}::text[]) as k(external_id)
    cross join lateral (select * from graduates where tenant_id = ${tenantId} and external_id = k.external_id
      limit 1) t`.execute(db);
  return r.rows;
}

/** Inserts many new graduates in one statement (an import batch); the same columns as insertGraduate. */
export async function insertGraduates(
  db: Db,
  tenantId: string,
  now: Date,
  rows: ReadonlyArray<{ id: string; input: GraduateCreate }>,
): Promise<number> {
  if (rows.length === 0) return 0;
  await db
    .insertInto('graduates')
    .values(
      rows.map(({ id, input }) => ({
        ...columns(input),
        id,
        tenant_id: tenantId,
        name: input.name,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
  return rows.length;
}

/** The tenant's graduates in (created_at, id) order after a cursor, for exports that page through all of them. */
export async function graduatesPage(
  db: Db,
  tenantId: string,
  opts: { limit: number; after?: Cursor | undefined },
): Promise<GraduateRow[]> {
  return db
    .selectFrom('graduates')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where(afterCursor(opts.after))
    .orderBy('created_at')
    .orderBy('id')
    .limit(opts.limit)
    .execute();
}

/** The external ids of these graduates of the tenant, by id (an outcomes export names graduates by 学号). */
export async function graduateExternalIds(
  db: Db,
  tenantId: string,
  ids: readonly string[],
): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('graduates')
    .select(['id', 'external_id'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.external_id]));
}
