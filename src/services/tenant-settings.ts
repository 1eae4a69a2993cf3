import {
  storedSettings,
  type StoredTenantSettings,
  type TenantSettings,
  type TenantSettingsPatch,
} from '../domain/model/tenant-settings.ts';
import { invalid } from '../domain/errors.ts';
import { insertOperatorAction } from '../storage/operator-actions.repo.ts';
import type { Db } from '../storage/db.ts';
import { mergeTenantSettings, readTenantSettings } from '../storage/tenants.repo.ts';
import { requireRole } from './access.ts';
import { type ServiceContext, withTransaction } from './context.ts';

/** tenants.settings as stored (jsonb, or its text) with defaults filled in; see loadTenantSettings. */
export const parseTenantSettings = (raw: unknown): StoredTenantSettings => {
  const value = typeof raw === 'string' ? JSON.parse(raw) : raw;
  return storedSettings.parse(value ?? {});
};

/**
 * The tenant's settings with defaults filled in (reviewSlaDays 7, complianceMode hold, AI ranking on, no
 * audit schedule, no alert webhook). Holds the webhook secret: for services only, never an answer.
 */
export async function loadTenantSettings(db: Db, tenantId: string): Promise<StoredTenantSettings> {
  return parseTenantSettings(await readTenantSettings(db, tenantId));
}

/** Settings as the API shows them: the webhook secret is replaced by `secretSet: true`. */
function settingsView(settings: StoredTenantSettings): TenantSettings {
  const { alertWebhook, graduateAlertWebhook: digests, ...rest } = settings;
  return {
    ...rest,
    alertWebhook: alertWebhook ? { url: alertWebhook.url, secretSet: true, since: alertWebhook.since } : null,
    graduateAlertWebhook: digests ? { url: digests.url, secretSet: true, since: digests.since } : null,
  };
}

export async function getTenantSettings({ ctx }: { ctx: ServiceContext }): Promise<TenantSettings> {
  requireRole(ctx.principal, ['career_office', 'admin'], 'read tenant settings');
  return settingsView(await loadTenantSettings(ctx.database.db, ctx.principal.tenantId));
}

/** The tenant's smallest reported group: a request asking for less is refused, naming `path`. */
export async function assertGroupSizeFloor(ctx: ServiceContext, requested: number, path: string): Promise<void> {
  const { minGroupSize } = await loadTenantSettings(ctx.database.db, ctx.principal.tenantId);
  if (requested < minGroupSize)
    throw invalid(path, `must be at least ${minGroupSize}, the tenant's threshold (tenant settings).`);
}

/** Changes known keys only (the zod schema refuses others) and logs who changed what. */
export async function updateTenantSettings({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: TenantSettingsPatch;
}): Promise<TenantSettings> {
  requireRole(ctx.principal, ['career_office', 'admin'], 'change tenant settings');
  const patch: Record<string, unknown> = {};
  if (input.reviewSlaDays !== undefined) patch.reviewSlaDays = input.reviewSlaDays;
  if (input.complianceMode !== undefined) patch.complianceMode = input.complianceMode;
  if (input.minGroupSize !== undefined) patch.minGroupSize = input.minGroupSize;
  return withTransaction(ctx, async ({ database: { db: trx } }) => {
    const before = await loadTenantSettings(trx, ctx.principal.tenantId);
    const after = parseTenantSettings(await mergeTenantSettings(trx, ctx.principal.tenantId, patch));
    await insertOperatorAction(trx, {
      tenantId: ctx.principal.tenantId,
      action: 'update_settings',
      reason: null,
      detail: {
        before: {
          reviewSlaDays: before.reviewSlaDays,
          complianceMode: before.complianceMode,
          minGroupSize: before.minGroupSize,
        },
        patch,
      },
      actorKeyId: ctx.principal.keyId,
      actorRole: ctx.principal.role,
      requestId: ctx.requestId,
      now: ctx.clock.now(),
    });
    return settingsView(after);
  });
}
