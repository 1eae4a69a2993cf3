import { sql, type InferResult } from 'kysely';
import { notFound } from '../domain/errors.ts';
import type { Db } from './db.ts';
import { LEAVES_LIST } from './interactions.repo.ts';
import type { GraduateRow, PostingRow } from './schema.ts';
import { shapeOf, type StatementShape } from './statement-shape.ts';

/** What a graduate's list starts from, read in one statement (one snapshot, one round trip). */
export interface GraduateListInputs {
  graduate: GraduateRow;
  /** tenants.settings as stored (undefined when the tenant has no row). */
  tenantSettings: unknown;
  /** tenant_postings_version.version as tenantPostingsVersion gives it ('0' before the first posting). */
  postingsVersion: string;
  /** tenant_employers_version.version ('0' before the first employer change it counted). */
  employersVersion: string;
  /** Postings the graduate applied to or dismissed (appliedOrDismissedPostingIds). */
  leftList: Set<string>;
}

/** graduateListInputs' statement as Kysely builds it (exported for the test comparing the compiled-once text). */
export const graduateListQuery = (db: Db, tenantId: string, graduateId: string) =>
  db
    .selectFrom('graduates')
    .selectAll('graduates')
    .select((eb) => [
      eb.selectFrom('tenants').select('settings').where('id', '=', tenantId).as('list_tenant_settings'),
      eb
        .selectFrom('tenant_postings_version')
        .select('version')
        .where('tenant_id', '=', tenantId)
        .as('list_postings_version'),
      eb
        .selectFrom('tenant_employers_version')
        .select('version')
        .where('tenant_id', '=', tenantId)
        .as('list_employers_version'),
      sql<string[]>`array(select i.posting_id::text from interactions i where i.tenant_id = ${tenantId}
        and i.graduate_id = ${graduateId} and i.type in (${sql.join(LEAVES_LIST)}))`.as('list_left'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', graduateId);

type GraduateListRow = InferResult<ReturnType<typeof graduateListQuery>>[number];
/** Compiled once (every dialect here compiles with PostgresQueryCompiler, so one text serves each database). */
let graduateListShape: StatementShape<GraduateListRow> | null = null;

/**
 * The graduate (or the 404 getGraduateOr404 answers), the tenant's settings, its postings and employers versions
 * and the postings that left the graduate's list: what every list and explanation begins with, in one statement.
 */
export async function graduateListInputs(db: Db, tenantId: string, graduateId: string): Promise<GraduateListInputs> {
  graduateListShape ??= shapeOf(2, ([tenant = '', graduate = '']) => graduateListQuery(db, tenant, graduate));
  const { rows } = await db.executeQuery(graduateListShape.bind([tenantId, graduateId]));
  const row = rows[0];
  if (!row) throw notFound('Graduate');
  const { list_tenant_settings, list_postings_version, list_employers_version, list_left, ...graduate } = row;
  return {
    graduate,
    tenantSettings: list_tenant_settings ?? undefined,
    postingsVersion: String(list_postings_version ?? '0'),
    employersVersion: String(list_employers_version ?? '0'),
    leftList: new Set(list_left),
  };
}

/** The tenant's postings and employers versions (as graduateListInputs reads them) in one statement. */
export async function tenantListVersions(
  db: Db,
  tenantId: string,
): Promise<{ postingsVersion: string; employersVersion: string }> {
  const { rows } = await sql<{ postings: string | number | null; employers: string | number | null }>`select
    (select version from tenant_postings_version where tenant_id = ${tenantId}) as postings,
    (select version from tenant_employers_version where tenant_id = ${tenantId}) as employers`.execute(db);
  const row = rows[0];
  return { postingsVersion: String(row?.postings ?? '0'), employersVersion: String(row?.employers ?? '0') };
}

/** What a posting's candidate list starts from, read in one statement (one snapshot, one round trip). */
export interface PostingListInputs {
  posting: PostingRow;
  /** tenants.settings as stored (undefined when the tenant has no row). */
  tenantSettings: unknown;
  /** tenant_postings_version.version ('0' before the first posting). */
  postingsVersion: string;
  /** tenant_graduates_version.version ('0' before the first graduate change). */
  graduatesVersion: string;
}

/** postingListInputs' statement as Kysely builds it (exported for the test comparing the compiled-once text). */
export const postingListQuery = (db: Db, tenantId: string, postingId: string) =>
  db
    .selectFrom('job_postings')
    .selectAll('job_postings')
    .select((eb) => [
      eb.selectFrom('tenants').select('settings').where('id', '=', tenantId).as('list_tenant_settings'),
      eb
        .selectFrom('tenant_postings_version')
        .select('version')
        .where('tenant_id', '=', tenantId)
        .as('list_postings_version'),
      eb
        .selectFrom('tenant_graduates_version')
        .select('version')
        .where('tenant_id', '=', tenantId)
        .as('list_graduates_version'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', postingId);

type PostingListRow = InferResult<ReturnType<typeof postingListQuery>>[number];
/** Compiled once, as graduateListShape: building it was most of a kept candidate list's Kysely time. */
let postingListShape: StatementShape<PostingListRow> | null = null;

/** The posting (or the 404 getPostingOr404 answers), the tenant's settings and both indexes' versions. */
export async function postingListInputs(db: Db, tenantId: string, postingId: string): Promise<PostingListInputs> {
  postingListShape ??= shapeOf(2, ([tenant = '', posting = '']) => postingListQuery(db, tenant, posting));
  const { rows } = await db.executeQuery(postingListShape.bind([tenantId, postingId]));
  const row = rows[0];
  if (!row) throw notFound('Job posting');
  const { list_tenant_settings, list_postings_version, list_graduates_version, ...posting } = row;
  return {
    posting,
    tenantSettings: list_tenant_settings ?? undefined,
    postingsVersion: String(list_postings_version ?? '0'),
    graduatesVersion: String(list_graduates_version ?? '0'),
  };
}
