import type { Kysely, Transaction } from 'kysely';
import type { AuditPublicationRow, DB } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export async function insertPublication(
  db: Db,
  row: {
    id: string;
    tenantId: string;
    runId: string;
    reportId: string;
    seq: number;
    body: string;
    sha256: string;
    prevSha256: string | null;
    publishedBy: string;
    publishedRole: string;
    now: Date;
  },
): Promise<void> {
  await db
    .insertInto('audit_publications')
    .values({
      id: row.id,
      tenant_id: row.tenantId,
      run_id: row.runId,
      report_id: row.reportId,
      seq: row.seq,
      body: row.body,
      sha256: row.sha256,
      prev_sha256: row.prevSha256,
      published_by: row.publishedBy,
      published_role: row.publishedRole,
      created_at: row.now,
    })
    .execute();
}

export async function findPublicationByRun(
  db: Db,
  tenantId: string,
  runId: string,
): Promise<AuditPublicationRow | undefined> {
  return db
    .selectFrom('audit_publications')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('run_id', '=', runId)
    .executeTakeFirst();
}

/** Publication times of the given runs (absent = not published). */
export async function publicationsOfRuns(
  db: Db,
  tenantId: string,
  runIds: readonly string[],
): Promise<Map<string, { at: Date; seq: number }>> {
  if (runIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('audit_publications')
    .select(['run_id', 'created_at', 'seq'])
    .where('tenant_id', '=', tenantId)
    .where('run_id', 'in', [...runIds])
    .execute();
  return new Map(rows.map((r) => [r.run_id, { at: new Date(r.created_at), seq: r.seq }]));
}

/**
 * The newest PUBLISHED report of the service's own recommendations (source 'impressions'): newest by the
 * report's position in the chain, so publishing an older run later does not hide a newer published one.
 */
export async function latestPublishedImpressionsReport(
  db: Db,
  tenantId: string,
): Promise<
  { body: string; seq: number; sha256: string; publication: { seq: number; sha256: string; at: Date } } | undefined
> {
  const row = await db
    .selectFrom('audit_publications as p')
    .innerJoin('audit_reports as r', 'r.id', 'p.report_id')
    .innerJoin('audit_runs as a', 'a.id', 'r.run_id')
    .select(['r.body', 'r.seq', 'r.sha256', 'p.seq as pubSeq', 'p.sha256 as pubSha256', 'p.created_at as pubAt'])
    .where('p.tenant_id', '=', tenantId)
    .where('a.source', '=', 'impressions')
    .orderBy('r.seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return (
    row && {
      body: row.body,
      seq: row.seq,
      sha256: row.sha256,
      publication: { seq: row.pubSeq, sha256: row.pubSha256, at: new Date(row.pubAt) },
    }
  );
}
