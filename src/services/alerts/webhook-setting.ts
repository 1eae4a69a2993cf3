import { assertWebhookTarget } from '../webhook-target.ts';
import type { AlertWebhookInput, AlertWebhookView } from '../../domain/model/tenant-settings.ts';
import { insertOperatorAction } from '../../storage/operator-actions.repo.ts';
import { mergeTenantSettings } from '../../storage/tenants.repo.ts';
import { requireRole } from '../access.ts';
import { withTransaction, type ServiceContext } from '../context.ts';
import { loadTenantSettings } from '../tenant-settings.ts';

const MANAGE = ['career_office', 'admin'] as const;

/** The tenant's graduate-alert webhook (the app that receives saved-search digests), secret never shown. */
export async function getGraduateAlertWebhook({
  ctx,
}: {
  ctx: ServiceContext;
}): Promise<{ webhook: AlertWebhookView | null }> {
  requireRole(ctx.principal, MANAGE, 'read the graduate-alert webhook');
  const { graduateAlertWebhook: w } = await loadTenantSettings(ctx.database.db, ctx.principal.tenantId);
  return { webhook: w ? { url: w.url, secretSet: true, since: w.since } : null };
}

/**
 * Sets (or, with null, removes) the webhook. Digests hold only alerts raised after it was set, so a new
 * webhook does not receive a backlog. Logged in the operator log without the secret.
 */
export async function setGraduateAlertWebhook({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: AlertWebhookInput | null;
}): Promise<{ webhook: AlertWebhookView | null }> {
  requireRole(ctx.principal, MANAGE, input ? 'set the graduate-alert webhook' : 'remove the graduate-alert webhook');
  if (input) await assertWebhookTarget(input.url, 'body.url');
  const now = ctx.clock.now();
  const stored = input ? { url: input.url, secret: input.secret, since: now.toISOString() } : null;
  await withTransaction(ctx, async ({ database: { db: trx } }) => {
    await mergeTenantSettings(trx, ctx.principal.tenantId, { graduateAlertWebhook: stored });
    await insertOperatorAction(trx, {
      tenantId: ctx.principal.tenantId,
      action: stored ? 'set_graduate_alert_webhook' : 'remove_graduate_alert_webhook',
      reason: null,
      detail: { url: stored?.url ?? null },
      actorKeyId: ctx.principal.keyId,
      actorRole: ctx.principal.role,
      requestId: ctx.requestId,
      now,
    });
  });
  return { webhook: stored ? { url: stored.url, secretSet: true, since: stored.since } : null };
}
