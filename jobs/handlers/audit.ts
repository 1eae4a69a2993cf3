import type { JobHandler } from '../../src/queue/port.ts';
import { evaluateRunAlerts } from '../../src/services/audit-ops/alerts.ts';
import { runAuditJob } from '../../src/services/audits/run.ts';
import type { SystemContext } from '../../src/services/context.ts';
import type { MatchingEngine } from '../../src/services/matching/engine.ts';

/**
 * The `audit` job: see runAuditJob (claims the run, aggregates, stores the chained report), then the
 * alert check on the stored report. The check also runs when the run was already completed (a retry
 * after the check failed): it is idempotent, so alerts are raised at least once and recorded once.
 */
export const auditHandler =
  (ctx: SystemContext, engine?: () => Promise<MatchingEngine>): JobHandler<'audit'> =>
  async (payload, job) => {
    const result = await runAuditJob(ctx, payload, job, engine);
    const alerts = await evaluateRunAlerts(ctx, payload.tenantId, payload.runId);
    return { ...result, alerts };
  };
