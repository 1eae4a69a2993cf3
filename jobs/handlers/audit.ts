import type { JobHandler } from '../../src/queue/port.ts';
import { runAuditJob, type AuditWorkerDeps } from '../../src/services/audits/run.ts';

/** The `audit` job: see runAuditJob (claims the run, aggregates, stores the chained report). */
export const auditHandler = (deps: AuditWorkerDeps): JobHandler<'audit'> => (payload, job) => runAuditJob(deps, payload, job);
