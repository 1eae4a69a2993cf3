import { DEFAULT_WEIGHTS } from '../../src/domain/matching/weights.ts';
import type { JobHandler } from '../../src/queue/port.ts';
import { runPostingAlerts } from '../../src/services/alerts/posting-alerts.ts';
import type { SystemContext } from '../../src/services/context.ts';
import type { MatchingEngine } from '../../src/services/matching/engine.ts';
import { directImpressionSink } from '../../src/services/matching/impression-log.ts';

/** The `posting-alerts` job: one tenant's run for the postings opened or changed in a window, production weights. */
export const postingAlertsHandler =
  (ctx: SystemContext, engine: () => Promise<MatchingEngine>): JobHandler<'posting-alerts'> =>
  async (payload, job) => {
    const deps = { engine: await engine(), impressions: directImpressionSink, weights: DEFAULT_WEIGHTS };
    return runPostingAlerts(ctx, deps, payload.tenantId, job.jobId);
  };
