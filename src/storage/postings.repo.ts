import { sql, type Kysely, type Transaction, type Updateable } from 'kysely';
import { notFound } from '../domain/errors.ts';
import { DEGREES, type Degree, type JobType } from '../domain/model/common.ts';
import type { PostingSkill, PostingStatus } from '../domain/model/posting.ts';
import { afterCursor, type Cursor } from './keyset.ts';
import { probeIds } from './probe-ids.ts';
import type { DB, JobPostingsTable, PostingRow } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** A posting as the service hands it to storage: skills already normalised. */
export interface PostingValues {
  title?: string | undefined;
  description?: string | undefined;
  requiredSkills?: PostingSkill[] | undefined;
  preferredSkills?: PostingSkill[] | undefined;
  minDegree?: Degree | undefined;
  acceptedMajors?: string[] | undefined;
  locations?: string[] | undefined;
  remote?: boolean | undefined;
  jobType?: JobType | undefined;
  salaryMin?: number | undefined;
  salaryMax?: number | undefined;
  headcount?: number | undefined;
  opensAt?: string | undefined;
  closesAt?: string | undefined;
  status?: PostingStatus | undefined;
  lang?: 'zh' | 'en' | undefined;
  externalId?: string | undefined;
  occupation?: string | undefined;
}

const columns = (input: PostingValues): Updateable<JobPostingsTable> => {
  const out: Updateable<JobPostingsTable> = {};
  if (input.title !== undefined) out.title = input.title;
  if (input.description !== undefined) out.description = input.description;
  if (input.requiredSkills !== undefined) out.required_skills = JSON.stringify(input.requiredSkills);
  if (input.preferredSkills !== undefined) out.preferred_skills = JSON.stringify(input.preferredSkills);
  if (input.minDegree !== undefined) out.min_degree = input.minDegree;
  if (input.acceptedMajors !== undefined) out.accepted_majors = JSON.stringify(input.acceptedMajors);
  if (input.locations !== undefined) out.locations = input.locations;
  if (input.remote !== undefined) out.remote = input.remote;
  if (input.jobType !== undefined) out.job_type = input.jobType;
  if ('salaryMin' in input) out.salary_min = input.salaryMin ?? null;
  if ('salaryMax' in input) out.salary_max = input.salaryMax ?? null;
  if (input.headcount !== undefined) out.headcount = input.headcount;
  if ('opensAt' in input) out.opens_at = input.opensAt ?? null;
  if ('closesAt' in input) out.closes_at = input.closesAt ?? null;
  if (input.status !== undefined) out.status = input.status;
  if (input.lang !== undefined) out.lang = input.lang;
  if ('externalId' in input) out.external_id = input.externalId ?? null;
  if ('occupation' in input) out.occupation = input.occupation ?? null;
  return out;
};

export async function insertPosting(
  db: Db,
  row: { id: string; tenantId: string; employerId: string; now: Date },
  input: PostingValues & { title: string; description: string },
): Promise<PostingRow> {
  return db
    .insertInto('job_postings')
    .values({
      min_degree: 'bachelor',
      job_type: 'full-time',
      status: 'draft',
      ...columns(input),
      id: row.id,
      tenant_id: row.tenantId,
      employer_id: row.employerId,
      title: input.title,
      description: input.description,
      created_at: row.now,
      updated_at: row.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findPosting(db: Db, tenantId: string, id: string): Promise<PostingRow | undefined> {
  return db
    .selectFrom('job_postings')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function updatePosting(
  db: Db,
  tenantId: string,
  id: string,
  input: PostingValues,
  now: Date,
): Promise<PostingRow | undefined> {
  return db
    .updateTable('job_postings')
    .set({ ...columns(input), updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function deletePosting(db: Db, tenantId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('job_postings')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export interface PostingFilters {
  location?: string | undefined;
  jobType?: JobType | undefined;
  minDegree?: Degree | undefined;
  /** Postings a holder of this degree may apply to (min_degree at or below it). */
  eligibleDegree?: Degree | undefined;
  status?: PostingStatus | undefined;
  employerId?: string | undefined;
}

export async function listPostings(
  db: Db,
  tenantId: string,
  filters: PostingFilters,
  opts: { limit: number; after?: Cursor | undefined },
): Promise<PostingRow[]> {
  let q = db.selectFrom('job_postings').selectAll().where('tenant_id', '=', tenantId).where(afterCursor(opts.after));
  if (filters.location !== undefined) q = q.where(sql<boolean>`${filters.location} = any(locations)`);
  if (filters.jobType !== undefined) q = q.where('job_type', '=', filters.jobType);
  if (filters.minDegree !== undefined) q = q.where('min_degree', '=', filters.minDegree);
  if (filters.eligibleDegree !== undefined) {
    q = q.where('min_degree', 'in', DEGREES.slice(0, DEGREES.indexOf(filters.eligibleDegree) + 1));
  }
  if (filters.status !== undefined) q = q.where('status', '=', filters.status);
  if (filters.employerId !== undefined) q = q.where('employer_id', '=', filters.employerId);
  return q
    .orderBy('created_at')
    .orderBy('id')
    .limit(opts.limit + 1)
    .execute();
}

/** The posting of this tenant, or 404. */
export async function getPostingOr404(db: Db, tenantId: string, id: string): Promise<PostingRow> {
  const row = await findPosting(db, tenantId, id);
  if (!row) throw notFound('Job posting');
  return row;
}

/** The tenant's postings among `ids`, narrowed to open ones or to one employer's when asked. */
export async function findPostingsByIds(
  db: Db,
  tenantId: string,
  ids: readonly string[],
  only: { open?: boolean; employerId?: string } = {},
): Promise<PostingRow[]> {
  if (ids.length === 0) return [];
  let q = db.selectFrom('job_postings').selectAll().where('tenant_id', '=', tenantId).where('id', 'in', ids);
  if (only.open) q = q.where('status', '=', 'open');
  if (only.employerId !== undefined) q = q.where('employer_id', '=', only.employerId);
  return q.execute();
}

/** The tenant's postings changed at or after `since` (all of them when null): the index sync's delta. */
export async function postingsUpdatedSince(db: Db, tenantId: string, since: Date | null): Promise<PostingRow[]> {
  let q = db.selectFrom('job_postings').selectAll().where('tenant_id', '=', tenantId);
  if (since) q = q.where('updated_at', '>=', since);
  return q.execute();
}

/** The latest updated_at of the tenant's postings (null when it has none): read before a paged first load. */
export async function latestPostingUpdate(db: Db, tenantId: string): Promise<Date | null> {
  const row = await db
    .selectFrom('job_postings')
    .select((eb) => eb.fn.max('updated_at').as('at'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return row?.at ? new Date(row.at) : null;
}

/**
 * The ids of the tenant's recommendable postings (open, not held back by a review: the engine's isRecommendable)
 * in id order: a first load reads them once, then its pages by id (postingsWithIds). A keyset page (`id > after
 * order by id limit n`) has no (tenant_id, id) index to follow, so PostgreSQL scanned and sorted every remaining
 * row of the tenant for each page: 0.9 s a page of 2,000 at 100,000 postings (the sort spilled to disk).
 */
export async function recommendablePostingIds(db: Db, tenantId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('job_postings')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'open')
    .where('review_status', 'in', ['none', 'approved'])
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** The tenant's postings among `ids`, in id order (a page of a first load): one primary-key probe per id. */
export async function postingsWithIds(db: Db, tenantId: string, ids: readonly string[]): Promise<PostingRow[]> {
  if (ids.length === 0) return [];
  const result = await sql<PostingRow>`select p.* from ${probeIds(ids)}
    cross join lateral (select * from job_postings where id = k.id::uuid and tenant_id = ${tenantId} limit 1) p
    order by p.id`.execute(db);
  return result.rows;
}

/** Postings deleted at or after `since`. */
export async function postingTombstonesSince(
  db: Db,
  tenantId: string,
  since: Date,
): Promise<Array<{ postingId: string; deletedAt: Date }>> {
  const rows = await db
    .selectFrom('posting_tombstones')
    .select(['posting_id', 'deleted_at'])
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', '>=', since)
    .execute();
  return rows.map((r) => ({ postingId: r.posting_id, deletedAt: r.deleted_at }));
}

/** The tenant's posting version, bumped by a trigger on every posting write ('0' before the first). */
export async function tenantPostingsVersion(db: Db, tenantId: string): Promise<string> {
  const row = await db
    .selectFrom('tenant_postings_version')
    .select('version')
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return String(row?.version ?? '0');
}

/** The most recently changed postings of every tenant (the embedder's fitting corpus). */
export async function latestPostingsAcrossTenants(db: Db, limit: number): Promise<PostingRow[]> {
  return db.selectFrom('job_postings').selectAll().orderBy('updated_at', 'desc').limit(limit).execute();
}

/**
 * One page of the tenant's open postings, those served in a candidate list within [from, to) first, each part in a
 * seeded pseudo-random order (ties by id); `shownInWindow` says which part a posting is in. The postings shown are
 * read once, as a set: a correlated exists per posting scanned the window's impressions again for every open posting
 * (no index leads with posting_id), 19-21 s of PGlite's one thread per audit at the demo's size (bench:load-faults).
 * Paged because the caller needs about 20: all 2,000 open demo postings read whole took 0.9-1.7 s of that thread.
 */
export async function openPostingsShownFirst(
  db: Db,
  tenantId: string,
  w: { from: Date; to: Date },
  seed: string,
  page: { offset: number; limit: number },
): Promise<Array<PostingRow & { shownInWindow: boolean }>> {
  const result = await sql<PostingRow & { shown_in_window: boolean }>`
    select p.*, s.posting_id is not null as shown_in_window
    from job_postings p
    left join (
      select distinct posting_id from impressions
      where tenant_id = ${tenantId} and list_kind = 'candidates' and created_at >= ${w.from} and created_at < ${w.to}
    ) s on s.posting_id = p.id
    where p.tenant_id = ${tenantId} and p.status = 'open'
    order by shown_in_window desc, md5(p.id::text || ${seed}), p.id
    offset ${page.offset} limit ${page.limit}`.execute(db);
  return result.rows.map(({ shown_in_window: shownInWindow, ...row }) => ({ ...row, shownInWindow }));
}

/** The tenant's postings with these external ids. */
export async function postingsByExternalIds(
  db: Db,
  tenantId: string,
  externalIds: readonly string[],
): Promise<PostingRow[]> {
  if (externalIds.length === 0) return [];
  // One index probe per id (`limit 1` keeps the lateral subquery from being flattened into a join): as an IN list
  // the planner chose a sequential scan of the tenant's rows for every batch, ~0.9 s a batch at 50,000 graduates.
  const r = await sql<PostingRow>`select t.* from unnest(${[...externalIds]}::text[]) as k(external_id)
    cross join lateral (select * from job_postings where tenant_id = ${tenantId} and external_id = k.external_id
      limit 1) t`.execute(db);
  return r.rows;
}
