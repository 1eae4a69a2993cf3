import type { JobHandler } from '../../src/queue/port.ts';
import type { AuditScheduler } from '../../src/queue/scheduler-port.ts';
import { syncSchedule } from '../../src/services/audit-ops/scheduled.ts';
import type { SystemContext } from '../../src/services/context.ts';

/** The `audit-schedule-sync` job: the tenant's job scheduler follows its setting as it is now. */
export const auditScheduleSyncHandler =
  (ctx: SystemContext, scheduler: AuditScheduler): JobHandler<'audit-schedule-sync'> =>
  (payload) =>
    syncSchedule(ctx, scheduler, payload.tenantId);
