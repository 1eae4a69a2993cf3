import { DEFAULT_WEIGHTS } from '../../src/domain/matching/weights.ts';
import type { JobHandler } from '../../src/queue/port.ts';
import { runAlertPass } from '../../src/services/alerts/run.ts';
import { tenantsWithSavedSearches } from '../../src/services/alerts/tenants.ts';
import type { SystemContext } from '../../src/services/context.ts';
import type { MatchingEngine } from '../../src/services/matching/engine.ts';
import { directImpressionSink } from '../../src/services/matching/impression-log.ts';

/** BullMQ job ids may not hold ':' (the scheduler's own ids do); the fan-out's ids are built from them. */
const safeId = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '-');

/**
 * The `saved-search-alerts` job. The scheduler's tick (no tenantId) adds one job per tenant with saved
 * searches, each id derived from the tick's id, so a tick run twice adds nothing new; without a queue
 * (tests, tools) it runs the tenants itself. A tenant's job runs its pass with the production weights.
 */
export const savedSearchAlertsHandler =
  (ctx: SystemContext, engine: () => Promise<MatchingEngine>): JobHandler<'saved-search-alerts'> =>
  async (payload, job) => {
    const tenants = payload.tenantId ? [payload.tenantId] : await tenantsWithSavedSearches(ctx);
    if (!payload.tenantId && ctx.queue) {
      for (const tenantId of tenants)
        await ctx.queue.enqueue('saved-search-alerts', { tenantId }, { jobId: `${safeId(job.jobId)}-${tenantId}` });
      return { fannedOut: tenants.length };
    }
    const deps = { engine: await engine(), impressions: directImpressionSink, weights: DEFAULT_WEIGHTS };
    const results = [];
    for (const tenantId of tenants) results.push({ tenantId, ...(await runAlertPass(ctx, deps, tenantId, job.jobId)) });
    return results;
  };
