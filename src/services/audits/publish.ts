import { auditParams } from '../../domain/audit-report/request.ts';
import { DomainError, notFound } from '../../domain/errors.ts';
import { findPublicationByRun } from '../../storage/audit-publications.repo.ts';
import * as repo from '../../storage/audits.repo.ts';
import { insertOperatorAction } from '../../storage/operator-actions.repo.ts';
import { requireRole } from '../access.ts';
import { newId, type ServiceContext, withTransaction } from '../context.ts';
import { loadTenantSettings } from '../tenant-settings.ts';
import { appendPublication } from './chain.ts';
import { toRunView, type AuditRunView } from './index.ts';

/** Who may make a run public: the tenant's career office, or an auditor of the tenant. */
const PUBLISH_ROLES = ['career_office', 'auditor'] as const;

export interface PublicationView {
  run: AuditRunView;
  publication: { seq: number; sha256: string; prevSha256: string | null; at: string; role: string };
  links: { summary: string; summaryHtml: string };
}

/**
 * Publishes a completed audit of the tenant's own recommendations: from now on the public summary (JSON
 * and HTML) may show it. The publication is the next link of the tenant's audit chain (it names the
 * report by its chain position and hash, so /v1/audits/verify checks it too) and an operator-log entry,
 * both in one transaction. A run is published once (409 the second time); uploads audit another
 * system and are not this tenant's public notice (409); a run not yet completed has nothing to publish (409).
 */
export async function publishAudit({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<PublicationView> {
  requireRole(ctx.principal, PUBLISH_ROLES, 'publish audits');
  const tenantId = ctx.principal.tenantId;
  const now = ctx.clock.now();
  return withTransaction(ctx, async ({ database: { db: trx } }) => {
    const run = await repo.findRun(trx, tenantId, id);
    if (!run) throw notFound('Audit');
    // Under the chain lock, so two concurrent requests cannot both publish (the second sees the first).
    await repo.lockTenantChain(trx, tenantId);
    if (await findPublicationByRun(trx, tenantId, id))
      throw new DomainError('conflict', `Audit ${id} is already published.`);
    if (run.source !== 'impressions')
      throw new DomainError(
        'conflict',
        "An uploaded file's audit examines another system; only audits of this service's own " +
          'recommendations are published.',
      );
    const report = await repo.findReportByRun(trx, tenantId, id);
    if (run.status !== 'completed' || !report)
      throw new DomainError('conflict', `Audit ${id} is ${run.status}; only a completed audit can be published.`);
    // The tenant's threshold is a floor for what the public sees too: a run suppressed at less (requested before
    // the floor was raised, or before there was one) is not published; a new audit at the floor is.
    const used = auditParams.safeParse(run.params).data?.minGroupSize ?? 0;
    const { minGroupSize: floor } = await loadTenantSettings(trx, tenantId);
    if (used < floor)
      throw new DomainError(
        'conflict',
        `Audit ${id} suppressed groups under ${used}, below the tenant's threshold of ${floor} (tenant settings); ` +
          'request a new audit to publish.',
      );
    const link = await appendPublication(trx, {
      id: newId(),
      tenantId,
      reportId: report.id,
      record: {
        kind: 'publication',
        runId: id,
        reportSeq: report.seq,
        reportSha256: report.sha256,
        publishedBy: ctx.principal.keyId,
        publishedRole: ctx.principal.role,
        publishedAt: now.toISOString(),
      },
      now,
    });
    await insertOperatorAction(trx, {
      tenantId,
      action: 'publish_audit',
      reason: null,
      detail: { runId: id, reportSeq: report.seq, publicationSeq: link.seq, sha256: link.sha256 },
      actorKeyId: ctx.principal.keyId,
      actorRole: ctx.principal.role,
      requestId: ctx.requestId,
      now,
    });
    return {
      run: toRunView(run, { at: now, seq: link.seq }),
      publication: { ...link, at: now.toISOString(), role: ctx.principal.role },
      links: {
        summary: `/v1/audits/latest/summary?tenant=${tenantId}`,
        summaryHtml: `/v1/audits/latest/summary.html?tenant=${tenantId}`,
      },
    };
  });
}
