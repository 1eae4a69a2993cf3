import { PermanentJobError } from '../../src/queue/errors.ts';
import type { JobHandler } from '../../src/queue/port.ts';
import type { SystemContext } from '../../src/services/context.ts';
import type { MatchingEngine } from '../../src/services/matching/engine.ts';
import { reembedAll } from '../../src/services/matching/reembed.ts';

/**
 * The `reembed` job: re-embeds with the engine this process serves with. A job for another embedder
 * (the active one changed again since it was queued) is dropped as permanent: the newer job covers it.
 */
export const reembedHandler =
  (ctx: SystemContext, engine: () => Promise<MatchingEngine>): JobHandler<'reembed'> =>
  async (payload, job) => {
    const serving = await engine();
    if (serving.embedder.id !== payload.embedderId) {
      throw new PermanentJobError(`reembed for ${payload.embedderId}, but this worker serves ${serving.embedder.id}`);
    }
    const scope = { tenantId: payload.tenantId, graduateId: payload.graduateId };
    const result = await reembedAll(ctx.database, serving, scope, (p) => job.progress(p));
    ctx.logger.info('reembed_done', { embedder: payload.embedderId, reason: payload.reason, ...result });
    return result;
  };
