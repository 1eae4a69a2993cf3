import type { JobPayload } from '../../queue/catalog.ts';
import { insertOutboxOnce } from '../../storage/audits.repo.ts';
import { listTenantIds } from '../../storage/tenants.repo.ts';
import { newId, type SystemContext } from '../context.ts';

/** The re-embedding job of one tenant for one embedder: one id, so asking again (every start) is a no-op. */
export const reembedJobId = (embedderId: string, tenantId: string): string =>
  `reembed-${embedderId.replace(/[^a-zA-Z0-9_-]/g, '_')}-${tenantId}`;

/**
 * Asks for the re-embedding of every tenant's vectors with `embedderId`, one job per tenant, through the outbox:
 * stored at once whether or not Redis answers, relayed when it does, and relayed again by the sweeper when Redis
 * lost the job (restarted empty). Rows already there (an earlier start asked) are left as they are. Returns how
 * many tenants it asked for.
 */
export async function requestReembedding(
  ctx: Pick<SystemContext, 'database' | 'clock'>,
  embedderId: string,
  reason: JobPayload<'reembed'>['reason'],
): Promise<number> {
  const { db } = ctx.database;
  const now = ctx.clock.now();
  const tenants = await listTenantIds(db);
  for (const tenantId of tenants) {
    const payload: JobPayload<'reembed'> = { embedderId, reason, tenantId };
    await insertOutboxOnce(db, {
      id: newId(),
      tenantId,
      jobName: 'reembed',
      jobId: reembedJobId(embedderId, tenantId),
      payload,
      now,
      notBefore: now,
    });
  }
  return tenants.length;
}
