import { listAuditRuns, tenantCounts } from '../../storage/console.repo.ts';
import { requireRole } from '../access.ts';
import { isAiRankingSuspended } from '../ai-ranking.ts';
import type { ServiceContext } from '../context.ts';
import type { AuditHeadline } from '../../domain/explain/index.ts';
import { latestAuditHeadline } from '../explain/disclosure-inputs.ts';
import { getReranking } from '../mitigation/settings.ts';
import { toRunView, type AuditRunView } from '../audits/index.ts';

const WEEK_MS = 7 * 86_400_000;

export interface TenantOverview {
  counts: Awaited<ReturnType<typeof tenantCounts>>;
  latestAudit: AuditHeadline | null;
  aiRankingSuspended: boolean;
  /** The method when re-ranking is on, `notEnabled` when off, `—` when the reader may not see it. */
  rerankingMode: string;
}

/** The state of the tenant at a glance, for the console's home page (staff and auditors). */
export async function tenantOverview({ ctx }: { ctx: ServiceContext }): Promise<TenantOverview> {
  requireRole(ctx.principal, ['career_office', 'admin', 'auditor'], 'read the tenant overview');
  const now = ctx.clock.now();
  const tenantId = ctx.principal.tenantId;
  const [counts, latestAudit, suspended] = await Promise.all([
    tenantCounts(ctx.database.db, tenantId, new Date(now.getTime() - WEEK_MS), now),
    latestAuditHeadline(ctx.database, tenantId),
    isAiRankingSuspended(ctx.database.db, tenantId),
  ]);
  // The auditor may not read the tenant's settings; the mode is shown to those who may.
  const reranking = ctx.principal.role === 'auditor' ? null : await getReranking({ ctx });
  const rerankingMode = reranking === null ? '—' : reranking.enabled ? reranking.method : 'notEnabled';
  return { counts, latestAudit, aiRankingSuspended: suspended, rerankingMode };
}

/** The tenant's audit runs, newest first (the API reads one run by id; the console lists them). */
export async function listAudits({
  ctx,
  limit,
}: {
  ctx: ServiceContext;
  limit: number;
}): Promise<(AuditRunView & { seq: number | null })[]> {
  requireRole(ctx.principal, ['career_office', 'admin', 'auditor'], 'read audits');
  const rows = await listAuditRuns(ctx.database.db, ctx.principal.tenantId, limit);
  return rows.map((r) => ({ ...toRunView(r), seq: r.seq }));
}
