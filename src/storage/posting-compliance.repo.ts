import type { Kysely, Transaction } from 'kysely';
import { jsonb } from './jsonb.ts';
import type { DB, PostingRow } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface ComplianceColumns {
  findings: readonly unknown[];
  reviewStatus: 'none' | 'held' | 'approved' | 'rejected';
  requestedStatus: string | null;
}

/** Stores the lint's findings and the hold state next to the posting. */
export async function setPostingCompliance(
  db: Db,
  tenantId: string,
  id: string,
  c: ComplianceColumns,
): Promise<PostingRow> {
  return db
    .updateTable('job_postings')
    .set({ compliance_findings: jsonb(c.findings), review_status: c.reviewStatus, requested_status: c.requestedStatus })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findPostingForUpdate(db: Db, tenantId: string, id: string): Promise<PostingRow | undefined> {
  return db
    .selectFrom('job_postings')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** A career office's decision on a held posting: approval restores the status its author asked for. */
export async function recordComplianceDecision(
  db: Db,
  tenantId: string,
  id: string,
  d: { reviewStatus: 'approved' | 'rejected'; status: string; byKeyId: string; note: string; now: Date },
): Promise<PostingRow> {
  return db
    .updateTable('job_postings')
    .set({
      review_status: d.reviewStatus,
      status: d.status,
      compliance_reviewed_by: d.byKeyId,
      compliance_reviewed_at: d.now,
      compliance_review_note: d.note,
      updated_at: d.now,
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
