import { PermanentJobError } from '../../src/queue/errors.ts';
import type { JobHandler } from '../../src/queue/port.ts';
import type { MatchingEngine } from '../../src/services/matching/engine.ts';
import { reembedAll } from '../../src/services/matching/reembed.ts';
import type { Database } from '../../src/storage/db.ts';
import type { Logger } from '../../src/logger.ts';

/**
 * The `reembed` job: re-embeds with the engine this process serves with. A job for another embedder
 * (the active one changed again since it was queued) is dropped as permanent: the newer job covers it.
 */
export const reembedHandler = (deps: { database: Database; logger: Logger; engine: () => Promise<MatchingEngine> }): JobHandler<'reembed'> =>
  async (payload, job) => {
    const engine = await deps.engine();
    if (engine.embedder.id !== payload.embedderId) {
      throw new PermanentJobError(`reembed for ${payload.embedderId}, but this worker serves ${engine.embedder.id}`);
    }
    const result = await reembedAll(deps.database, engine, { tenantId: payload.tenantId, graduateId: payload.graduateId }, (p) => job.progress(p));
    deps.logger.info('reembed_done', { embedder: payload.embedderId, reason: payload.reason, ...result });
    return result;
  };
