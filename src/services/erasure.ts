import { notFound } from '../domain/errors.ts';
import { identityPattern } from '../domain/privacy/identity-pattern.ts';
import { clearLinkedText, clearTextNaming } from '../storage/erasure.repo.ts';
import {
  deleteGraduateEmbeddings,
  deleteGraduateRows,
  graduateKeyIds,
  lockGraduateOr404,
  pseudonymizeGraduate,
  type PseudonymizeCounts,
} from '../storage/graduate-data.repo.ts';
import { getGraduateOr404 } from '../storage/graduates.repo.ts';
import { insertOperatorAction } from '../storage/operator-actions.repo.ts';
import { assertCanSeeGraduate } from './access.ts';
import { newId, type ServiceContext, withTransaction } from './context.ts';
import { forgetKeys } from './keys.ts';
import type { MatchingProvider } from './matching/deps.ts';
import { isSelf } from './self-access.ts';

export interface ErasureReceipt extends PseudonymizeCounts {
  embeddings: number;
  /**
   * Free-text fields cleared: reasons and notes on rows kept for the counts, and text elsewhere naming the graduate.
   */
  textCleared: number;
}

/**
 * Erases a graduate (PIPL art. 47) in one transaction. First the free text: reasons typed with their
 * interactions, reviewers' notes on lists they were on, and every field the erasure registry lists that
 * names them (name, email, phone or id) are cleared. Then profile, demographics, outcomes, embeddings, consents,
 * profile events, appeals and keys are deleted; impressions, interactions and access-log rows keep their
 * counts and codes under one fresh random id, so audits still add up while nothing links back to the
 * person. The operator log keeps only the counts, not the pseudonym, so it cannot be joined back either.
 */
export async function eraseGraduate({
  ctx,
  id,
  matching,
}: {
  ctx: ServiceContext;
  id: string;
  matching?: MatchingProvider | undefined;
}): Promise<ErasureReceipt> {
  assertCanSeeGraduate(ctx.principal, id);
  const tenantId = ctx.principal.tenantId;
  const receipt = await withTransaction(ctx, async ({ database: { db: trx } }) => {
    await lockGraduateOr404(trx, tenantId, id);
    const who = await getGraduateOr404(trx, tenantId, id);
    const linked = await clearLinkedText(trx, tenantId, id);
    const named = await clearTextNaming(trx, tenantId, identityPattern(who));
    const counts = await pseudonymizeGraduate(trx, tenantId, id, newId(), await graduateKeyIds(trx, tenantId, id));
    const embeddings = await deleteGraduateEmbeddings(trx, tenantId, id);
    if (!(await deleteGraduateRows(trx, tenantId, id))) throw notFound('Graduate');
    const receipt = { ...counts, embeddings, textCleared: linked + named };
    // Staff erasures are operator actions; a graduate erasing themself leaves no row naming their key.
    if (!isSelf(ctx.principal, id)) {
      await insertOperatorAction(trx, {
        tenantId,
        action: 'erase_graduate',
        reason: null,
        detail: { ...receipt },
        actorKeyId: ctx.principal.keyId,
        actorRole: ctx.principal.role,
        requestId: ctx.requestId,
        now: ctx.clock.now(),
      });
    }
    return receipt;
  });
  // The graduate's keys went with the account: this process stops honouring them now, others within KEY_HELD_MS.
  forgetKeys(ctx.database, (p) => p.tenantId === tenantId && p.graduateId === id);
  // So do the caches of their profile text and what is derived from it; other replicas drop theirs when their
  // graduate index next syncs and finds the graduate gone (GraduateIndexes' erased hook), or at their next sweep
  // for erased graduates (every ERASED_SWEEP_MS; a job process before its next job): MatchingEngine.sweepErased.
  if (matching) (await matching(ctx.database)).engine.forgetGraduates([id]);
  return receipt;
}
