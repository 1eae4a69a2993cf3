import {
  RERANKING_DEFAULT,
  storedReranking,
  type RerankingInput,
  type RerankingSettings,
} from '../../domain/model/reranking-settings.ts';
import { insertOperatorAction } from '../../storage/operator-actions.repo.ts';
import { mergeTenantSettings } from '../../storage/tenants.repo.ts';
import { requireRole } from '../access.ts';
import { type ServiceContext, withTransaction } from '../context.ts';
import { loadTenantSettings } from '../tenant-settings.ts';

const ROLES = ['career_office', 'admin'] as const;

/** The tenant's re-ranking settings (defaults: off). */
export async function getReranking({ ctx }: { ctx: ServiceContext }): Promise<RerankingSettings> {
  requireRole(ctx.principal, ROLES, 'read the re-ranking settings');
  return (await loadTenantSettings(ctx.database.db, ctx.principal.tenantId)).reranking;
}

/**
 * Replaces the re-ranking settings (validated by rerankingInput: groups of the attribute, shares < 1)
 * and keeps the before/after values in the operator log, so switching re-ranking on or off is traceable.
 */
export async function putReranking({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: RerankingInput;
}): Promise<RerankingSettings> {
  requireRole(ctx.principal, ROLES, 'change the re-ranking settings');
  // Only the chosen method's fields are kept, so a stored setting never carries stale constraints.
  const noFaIr = { protectedGroups: [], p: RERANKING_DEFAULT.p, alpha: RERANKING_DEFAULT.alpha };
  const noFloors = {
    attributes: [],
    intersections: RERANKING_DEFAULT.intersections,
    crossList: RERANKING_DEFAULT.crossList,
  };
  const value: RerankingSettings =
    input.method === 'floors'
      ? { ...input, ...noFaIr }
      : input.method === 'fa_ir'
        ? { ...input, ...noFloors, targetShares: {} }
        : { ...input, ...noFaIr, ...noFloors };
  const stored = storedReranking.parse(value);
  return withTransaction(ctx, async ({ database: { db: trx } }) => {
    const before = (await loadTenantSettings(trx, ctx.principal.tenantId)).reranking;
    await mergeTenantSettings(trx, ctx.principal.tenantId, { reranking: stored });
    await insertOperatorAction(trx, {
      tenantId: ctx.principal.tenantId,
      action: 'update_reranking',
      reason: null,
      detail: { before, after: stored },
      actorKeyId: ctx.principal.keyId,
      actorRole: ctx.principal.role,
      requestId: ctx.requestId,
      now: ctx.clock.now(),
    });
    return (await loadTenantSettings(trx, ctx.principal.tenantId)).reranking;
  });
}
