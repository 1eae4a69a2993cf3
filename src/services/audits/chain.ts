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

export interface ChainVerdict {
  ok: boolean;
  /** Links checked: reports and publications. */
  reports: number;
  publications: number;
  /** The first link that does not hold, or null. */
  firstBroken: {
    seq: number;
    kind: 'report' | 'publication';
    reportId: string;
    runId: string;
    problem: string;
  } | null;
}

/**
 * Walks the tenant's chain (reports and publications, one seq numbering) in seq order and checks, for
 * each link: seq is the next number, the stored sha256 is the SHA-256 of the stored body, the body is
 * canonical JSON, the body's chain.prevSha256 and the prev_sha256 column both equal the previous link's
 * sha256; a publication must also name an earlier report of the chain by its seq and hash, and the run
 * that report belongs to. Stops at the first failure.
 */
export async function verifyChain(db: Database['db'], tenantId: string): Promise<ChainVerdict> {
  let prevSeq = 0;
  let prevSha: string | null = null;
  let reports = 0;
  let publications = 0;
  const reportBySeq = new Map<number, { sha256: string; runId: string }>();
  for (;;) {
    const page = await repo.chainPage(db, tenantId, prevSeq, 200);
    if (page.length === 0) return { ok: true, reports, publications, firstBroken: null };
    for (const row of page) {
      if (row.kind === 'report') reports++;
      else publications++;
      const broken = (problem: string): ChainVerdict => ({
        ok: false,
        reports,
        publications,
        firstBroken: { seq: row.seq, kind: row.kind, reportId: row.id, runId: row.run_id, problem },
      });
      const expectedSeq = prevSeq + 1;
      if (row.seq !== expectedSeq)
        return broken(`expected link #${expectedSeq}, found #${row.seq} (a link is missing)`);
      if ((await sha256Hex(row.body)) !== row.sha256)
        return broken('the stored body does not hash to its sha256 (body or hash edited)');
      let parsed: { chain?: { seq?: unknown; prevSha256?: unknown }; publication?: Partial<PublicationRecord> };
      try {
        parsed = JSON.parse(row.body) as typeof parsed;
      } catch {
        return broken('the stored body is not JSON');
      }
      if (canonicalJson(parsed) !== row.body) return broken('the stored body is not canonical JSON');
      if (parsed.chain?.prevSha256 !== prevSha || row.prev_sha256 !== prevSha)
        return broken(`does not link to link #${prevSeq}'s hash`);
      if (parsed.chain?.seq !== row.seq) return broken('the body names another position in the chain');
      if (row.kind === 'report') reportBySeq.set(row.seq, { sha256: row.sha256, runId: row.run_id });
      else {
        const p = parsed.publication;
        const named = typeof p?.reportSeq === 'number' ? reportBySeq.get(p.reportSeq) : undefined;
        if (!named || named.sha256 !== p?.reportSha256 || named.runId !== row.run_id || p.runId !== row.run_id)
          return broken('the publication does not name an earlier report of this chain by its hash');
      }
      prevSeq = row.seq;
      prevSha = row.sha256;
    }
  }
}
