import type { JobHandler } from '../../src/queue/port.ts';
import { runScheduledAudit, type ScheduleDeps } from '../../src/services/audit-ops/scheduled.ts';

/** The `scheduled-audit` job: one cron tick → at most one audit run, through the outbox (see runScheduledAudit). */
export const scheduledAuditHandler = (deps: ScheduleDeps): JobHandler<'scheduled-audit'> => (payload, job) => runScheduledAudit(deps, payload, job);
