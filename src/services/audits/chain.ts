import { canonicalJson } from '../../domain/audit-report/canonical-json.ts';
import { sha256Hex } from '../../domain/sha256.ts';
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
    const last = await repo.latestReport(trx, input.tenantId);
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

export interface ChainVerdict {
  ok: boolean;
  reports: number;
  /** The first link that does not hold, or null. */
  firstBroken: { seq: number; reportId: string; runId: string; problem: string } | null;
}

/**
 * Walks the tenant's reports in seq order and checks, for each: seq is the next number, the stored
 * sha256 is the SHA-256 of the stored body, the body is canonical JSON, and the body's chain.prevSha256
 * and the prev_sha256 column both equal the previous report's sha256. Stops at the first failure.
 */
export async function verifyChain(db: Database['db'], tenantId: string): Promise<ChainVerdict> {
  let prevSeq = 0;
  let prevSha: string | null = null;
  let count = 0;
  for (;;) {
    const page = await repo.reportChainPage(db, tenantId, prevSeq, 200);
    if (page.length === 0) return { ok: true, reports: count, firstBroken: null };
    for (const row of page) {
      count++;
      const broken = (problem: string): ChainVerdict => ({
        ok: false,
        reports: count,
        firstBroken: { seq: row.seq, reportId: row.id, runId: row.run_id, problem },
      });
      const expectedSeq = prevSeq + 1;
      if (row.seq !== expectedSeq)
        return broken(`expected report #${expectedSeq}, found #${row.seq} (a report is missing)`);
      if ((await sha256Hex(row.body)) !== row.sha256)
        return broken('the stored body does not hash to its sha256 (body or hash edited)');
      let parsed: { chain?: { seq?: unknown; prevSha256?: unknown } };
      try {
        parsed = JSON.parse(row.body) as typeof parsed;
      } catch {
        return broken('the stored body is not JSON');
      }
      if (canonicalJson(parsed) !== row.body) return broken('the stored body is not canonical JSON');
      if (parsed.chain?.prevSha256 !== prevSha || row.prev_sha256 !== prevSha)
        return broken(`does not link to report #${prevSeq}'s hash`);
      if (parsed.chain?.seq !== row.seq) return broken('the body names another position in the chain');
      prevSeq = row.seq;
      prevSha = row.sha256;
    }
  }
}
