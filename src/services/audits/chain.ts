import { canonicalJson } from '../../domain/audit-report/canonical-json.ts';
import { sha256Hex } from '../../domain/sha256.ts';
import * as publicationsRepo from '../../storage/audit-publications.repo.ts';
import * as repo from '../../storage/audits.repo.ts';
import type { Database } from '../../storage/db.ts';

/**
 * Stores a report as the next link of the tenant's chain, in one transaction with the run's completion:
 * the body is canonical JSON of { report, chain: { seq, prevSha256 } }, so each hash covers its
 * predecessor's hash and editing any stored body breaks every later link.
 */
export async function appendReport(
  db: Database['db'],
  input: { id: string; tenantId: string; runId: string; report: object; now: Date },
): Promise<{ seq: number; sha256: string; prevSha256: string | null }> {
  return db.transaction().execute(async (trx) => {
    await repo.lockTenantChain(trx, input.tenantId);
    const last = await repo.latestChainLink(trx, input.tenantId);
    const seq = (last?.seq ?? 0) + 1;
    const prevSha256 = last?.sha256 ?? null;
    const body = canonicalJson({ ...input.report, chain: { seq, prevSha256 } });
    const sha256 = await sha256Hex(body);
    await repo.insertReport(trx, {
      id: input.id,
      tenantId: input.tenantId,
      runId: input.runId,
      seq,
      body,
      sha256,
      prevSha256,
      now: input.now,
    });
    await repo.finishRun(trx, input.runId, { status: 'completed' }, input.now);
    return { seq, sha256, prevSha256 };
  });
}

/** What a publication link records: which report (by chain position and hash), who published it, when. */
export interface PublicationRecord {
  kind: 'publication';
  runId: string;
  reportSeq: number;
  reportSha256: string;
  publishedBy: string;
  publishedRole: string;
  publishedAt: string;
}

/**
 * Appends a publication as the next link of the same chain (the caller holds a transaction; the
 * advisory lock serialises it with report writers). The body names the published report's seq and
 * hash, so verification also checks that the report it names is the one in the chain.
 */
export async function appendPublication(
  trx: Database['db'],
  input: { id: string; tenantId: string; reportId: string; record: PublicationRecord; now: Date },
): Promise<{ seq: number; sha256: string; prevSha256: string | null }> {
  await repo.lockTenantChain(trx, input.tenantId);
  const last = await repo.latestChainLink(trx, input.tenantId);
  const seq = (last?.seq ?? 0) + 1;
  const prevSha256 = last?.sha256 ?? null;
  const body = canonicalJson({ publication: input.record, chain: { seq, prevSha256 } });
  const sha256 = await sha256Hex(body);
  await publicationsRepo.insertPublication(trx, {
    id: input.id,
    tenantId: input.tenantId,
    runId: input.record.runId,
    reportId: input.reportId,
    seq,
    body,
    sha256,
    prevSha256,
    publishedBy: input.record.publishedBy,
    publishedRole: input.record.publishedRole,
    now: input.now,
  });
  return { seq, sha256, prevSha256 };
}
