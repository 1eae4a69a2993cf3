import { PermanentJobError } from '../../src/queue/errors.ts';
import type { JobHandlers } from '../../src/queue/port.ts';
import type { AuditScheduler } from '../../src/queue/scheduler-port.ts';
import type { SystemContext } from '../../src/services/context.ts';
import { loadActiveEmbedder } from '../../src/services/matching/active-embedder.ts';
import { MatchingEngine } from '../../src/services/matching/engine.ts';
import { memoiseWithRetry } from '../../src/services/memoise.ts';
import type { Database } from '../../src/storage/db.ts';
import { alertDigestDeliveryHandler } from './alert-digest-delivery.ts';
import { auditScheduleSyncHandler } from './audit-schedule-sync.ts';
import { auditHandler } from './audit.ts';
import { importHandler } from './import.ts';
import { jobFairAssignmentHandler } from './job-fair-assignment.ts';
import { postingAlertsHandler } from './posting-alerts.ts';
import { reembedHandler } from './reembed.ts';
import { savedSearchAlertsHandler } from './saved-search-alerts.ts';
import { scheduledAuditHandler } from './scheduled-audit.ts';
import { webhookDeliveryHandler } from './webhook-delivery.ts';

/** What jobs use besides the context: the audit schedulers, and the matching engine when this process serves one. */
export interface JobPorts {
  scheduler: AuditScheduler;
  /**
   * The serving engine in process (npm start); without it, re-embedding loads the active embedder (a stored
   * LSA or the shipped supervised model) and audits load it for their counterfactual check.
   */
  engine?: (() => Promise<MatchingEngine>) | undefined;
}

/**
 * A worker without a serving engine loads the active embedder: a stored LSA model or the shipped supervised one.
 * Erasures happen in the serving processes, so before a job the engine is handed to (ten seconds apart at most), it
 * drops what it holds of graduates erased since (MatchingEngine.sweepErased).
 */
const engineFromDatabase = (database: Database) => {
  const load = memoiseWithRetry(async () => {
    const embedder = await loadActiveEmbedder(database);
    if ('unavailable' in embedder)
      throw new PermanentJobError(`${embedder.unavailable}: run re-embedding in the serving process (npm start)`);
    return new MatchingEngine(embedder);
  });
  let swept = -Infinity;
  return async () => {
    const engine = await load();
    // Posting-alert jobs come one per posting change: one look-up of the held graduates every ten seconds at most.
    if (performance.now() - swept >= 10_000) {
      await engine.sweepErased(database);
      swept = performance.now();
    }
    return engine;
  };
};

/** Every job's handler; a new job adds its line here (the type makes a missing one a compile error). */
export const jobHandlers = (ctx: SystemContext, ports: JobPorts): JobHandlers => {
  // One engine (one set of indexes in memory) for every job that needs it.
  const engine = ports.engine ?? engineFromDatabase(ctx.database);
  return {
    audit: auditHandler(ctx, ports.engine),
    reembed: reembedHandler(ctx, engine),
    'scheduled-audit': scheduledAuditHandler(ctx),
    'audit-schedule-sync': auditScheduleSyncHandler(ctx, ports.scheduler),
    'webhook-delivery': webhookDeliveryHandler(ctx),
    'job-fair-assignment': jobFairAssignmentHandler(ctx, engine),
    import: importHandler(ctx),
    'saved-search-alerts': savedSearchAlertsHandler(ctx, engine),
    'posting-alerts': postingAlertsHandler(ctx, engine),
    'alert-digest-delivery': alertDigestDeliveryHandler(ctx),
  };
};
