import type { AiRankingState } from '../domain/model/tenant-settings.ts';
import { insertOperatorAction, listOperatorActions } from '../storage/operator-actions.repo.ts';
import type { Db } from '../storage/db.ts';
import { mergeTenantSettings } from '../storage/tenants.repo.ts';
import { requireRole } from './access.ts';
import type { ServiceContext } from './context.ts';
import { loadTenantSettings } from './tenant-settings.ts';

/**
 * The kill switch, for the matching engine: when true, serve the non-personalized list and say so in
 * the disclosure. Read on every request, so a suspension holds from the next one.
 */
export async function isAiRankingSuspended(db: Db, tenantId: string): Promise<boolean> {
  return (await loadTenantSettings(db, tenantId)).aiRanking.suspended;
}

export interface AiRankingStatus {
  state: AiRankingState;
  history: Array<{
    action: 'suspend_ai_ranking' | 'resume_ai_ranking';
    reason: string | null;
    actorKeyId: string;
    actorRole: string;
    at: string;
  }>;
}

async function status(db: Db, tenantId: string): Promise<AiRankingStatus> {
  const state = (await loadTenantSettings(db, tenantId)).aiRanking;
  const actions = await listOperatorActions(db, tenantId);
  const history = actions
    .filter((a) => a.action === 'suspend_ai_ranking' || a.action === 'resume_ai_ranking')
    .map((a) => ({
      action: a.action as 'suspend_ai_ranking' | 'resume_ai_ranking',
      reason: a.reason,
      actorKeyId: a.actor_key_id,
      actorRole: a.actor_role,
      at: new Date(a.created_at).toISOString(),
    }));
  return { state, history };
}

export async function getAiRankingStatus({ ctx }: { ctx: ServiceContext }): Promise<AiRankingStatus> {
  requireRole(ctx.principal, ['career_office', 'admin'], 'read the AI ranking switch');
  return status(ctx.database.db, ctx.principal.tenantId);
}

/** Sets the switch and logs who, when and why in the same transaction; pressing it twice logs twice. */
async function setSuspended(ctx: ServiceContext, suspended: boolean, reason: string): Promise<AiRankingStatus> {
  requireRole(ctx.principal, ['career_office', 'admin'], suspended ? 'suspend AI ranking' : 'resume AI ranking');
  const now = ctx.clock.now();
  const state: AiRankingState = {
    suspended,
    reason,
    byKeyId: ctx.principal.keyId,
    byRole: ctx.principal.role,
    at: now.toISOString(),
  };
  return ctx.database.db.transaction().execute(async (trx) => {
    await mergeTenantSettings(trx, ctx.principal.tenantId, { aiRanking: state });
    await insertOperatorAction(trx, {
      tenantId: ctx.principal.tenantId,
      action: suspended ? 'suspend_ai_ranking' : 'resume_ai_ranking',
      reason,
      detail: {},
      actorKeyId: ctx.principal.keyId,
      actorRole: ctx.principal.role,
      requestId: ctx.requestId,
      now,
    });
    return status(trx, ctx.principal.tenantId);
  });
}

export const suspendAiRanking = ({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { reason: string };
}): Promise<AiRankingStatus> => setSuspended(ctx, true, input.reason);

export const resumeAiRanking = ({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { reason: string };
}): Promise<AiRankingStatus> => setSuspended(ctx, false, input.reason);
