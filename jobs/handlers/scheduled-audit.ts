import type { JobHandler } from '../../src/queue/port.ts';
import { runScheduledAudit } from '../../src/services/audit-ops/scheduled.ts';
import type { SystemContext } from '../../src/services/context.ts';

/** The `scheduled-audit` job: one cron tick → at most one audit run, through the outbox (see runScheduledAudit). */
export const scheduledAuditHandler =
  (ctx: SystemContext): JobHandler<'scheduled-audit'> =>
  (payload, job) =>
    runScheduledAudit(ctx, payload, job);
