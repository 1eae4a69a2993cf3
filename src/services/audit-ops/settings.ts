import { assertWebhookTarget } from '../webhook-target.ts';
import type {
  AlertWebhookInput,
  AlertWebhookView,
  AuditSchedule,
  AuditScheduleInput,
} from '../../domain/model/tenant-settings.ts';
import * as opsRepo from '../../storage/audit-ops.repo.ts';
import * as auditRepo from '../../storage/audits.repo.ts';
import { insertOperatorAction } from '../../storage/operator-actions.repo.ts';
import { mergeTenantSettings } from '../../storage/tenants.repo.ts';
import { requireRole } from '../access.ts';
import { newId, type ServiceContext, withTransaction } from '../context.ts';
import { loadTenantSettings } from '../tenant-settings.ts';
import { assertCron, nextTick } from './cron.ts';

const MANAGE = ['career_office', 'admin'] as const;
/** Auditors may schedule audits as they may request them (POST /v1/audits); the webhook stays with staff. */
const SCHEDULE = ['career_office', 'admin', 'auditor'] as const;
const READ = ['career_office', 'admin', 'auditor'] as const;

export interface AuditScheduleView {
  schedule: AuditSchedule | null;
  /** The next tick by the setting (the scheduler follows within about a second of a change). */
  nextRunAt: string | null;
  recentRuns: { tick: string; runId: string; origin: 'scheduler' | 'catch-up' }[];
}

async function scheduleView(ctx: ServiceContext, schedule: AuditSchedule | null): Promise<AuditScheduleView> {
  const runs = await opsRepo.listScheduleRuns(ctx.database.db, ctx.principal.tenantId, 10);
  return {
    schedule,
    nextRunAt: schedule ? (nextTick(schedule.cron, schedule.timezone, ctx.clock.now())?.toISOString() ?? null) : null,
    recentRuns: runs.map((r) => ({ tick: new Date(r.tick_at).toISOString(), runId: r.run_id, origin: r.origin })),
  };
}

export async function getAuditSchedule({ ctx }: { ctx: ServiceContext }): Promise<AuditScheduleView> {
  requireRole(ctx.principal, READ, 'read the audit schedule');
  return scheduleView(ctx, (await loadTenantSettings(ctx.database.db, ctx.principal.tenantId)).auditSchedule);
}

/**
 * Sets (or, with null, removes) the schedule: the setting, an outbox row for `audit-schedule-sync` and
 * the operator log entry in one transaction. The worker then updates the BullMQ job scheduler, so the
 * change takes effect without a restart, and also when Redis was away at the time of the call.
 */
export async function setAuditSchedule({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: AuditScheduleInput | null;
}): Promise<AuditScheduleView> {
  requireRole(ctx.principal, SCHEDULE, input ? 'set the audit schedule' : 'remove the audit schedule');
  if (input) assertCron(input.cron, input.timezone);
  const now = ctx.clock.now();
  const schedule: AuditSchedule | null = input
    ? { cron: input.cron, timezone: input.timezone, windowDays: input.windowDays, k: input.k, since: now.toISOString() }
    : null;
  const tenantId = ctx.principal.tenantId;
  await withTransaction(ctx, async ({ database: { db: trx } }) => {
    await mergeTenantSettings(trx, tenantId, { auditSchedule: schedule });
    const outboxId = newId();
    await auditRepo.insertOutbox(trx, {
      id: outboxId,
      tenantId,
      jobName: 'audit-schedule-sync',
      jobId: `schedule-sync-${outboxId}`,
      payload: { tenantId },
      now,
      requestId: ctx.requestId,
    });
    await insertOperatorAction(trx, {
      tenantId,
      action: schedule ? 'set_audit_schedule' : 'remove_audit_schedule',
      reason: null,
      detail: { schedule },
      actorKeyId: ctx.principal.keyId,
      actorRole: ctx.principal.role,
      requestId: ctx.requestId,
      now,
    });
  });
  return scheduleView(ctx, schedule);
}

export async function getAlertWebhook({ ctx }: { ctx: ServiceContext }): Promise<{ webhook: AlertWebhookView | null }> {
  requireRole(ctx.principal, MANAGE, 'read the alert webhook');
  const { alertWebhook: w } = await loadTenantSettings(ctx.database.db, ctx.principal.tenantId);
  return { webhook: w ? { url: w.url, secretSet: true, since: w.since } : null };
}

/** Sets (or, with null, removes) the webhook; the secret is stored and never shown again. Logged without the secret. */
export async function setAlertWebhook({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: AlertWebhookInput | null;
}): Promise<{ webhook: AlertWebhookView | null }> {
  requireRole(ctx.principal, MANAGE, input ? 'set the alert webhook' : 'remove the alert webhook');
  if (input) await assertWebhookTarget(input.url, 'body.url');
  const now = ctx.clock.now();
  const stored = input ? { url: input.url, secret: input.secret, since: now.toISOString() } : null;
  await withTransaction(ctx, async ({ database: { db: trx } }) => {
    await mergeTenantSettings(trx, ctx.principal.tenantId, { alertWebhook: stored });
    await insertOperatorAction(trx, {
      tenantId: ctx.principal.tenantId,
      action: stored ? 'set_alert_webhook' : 'remove_alert_webhook',
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
