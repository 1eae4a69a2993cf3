import type { JobHandler } from '../../src/queue/port.ts';
import { syncSchedule, type ScheduleDeps } from '../../src/services/audit-ops/scheduled.ts';
import type { AuditScheduler } from '../../src/services/audit-ops/scheduler-port.ts';

/** The `audit-schedule-sync` job: the tenant's job scheduler follows its setting as it is now. */
export const auditScheduleSyncHandler = (deps: ScheduleDeps & { scheduler: AuditScheduler }): JobHandler<'audit-schedule-sync'> => (payload) => syncSchedule(deps, payload.tenantId);
