import { evaluateReport } from '../../domain/audit-ops/alert-rules.ts';
import type { AuditReport } from '../../domain/audit-report/report-types.ts';
import { DomainError, notFound } from '../../domain/errors.ts';
import * as opsRepo from '../../storage/audit-ops.repo.ts';
import * as auditRepo from '../../storage/audits.repo.ts';
import { insertOperatorAction } from '../../storage/operator-actions.repo.ts';
import type { AlertDeliveryRow, AuditAlertRow } from '../../storage/schema.ts';
import { requireRole } from '../access.ts';
import { type ServiceContext, type SystemContext, withTransaction } from '../context.ts';
import { loadTenantSettings } from '../tenant-settings.ts';
import { isoTimeOrNull } from '../../domain/iso.ts';

const READ = ['career_office', 'admin', 'auditor'] as const;
const MANAGE = ['career_office', 'admin'] as const;
export type AlertStatus = AuditAlertRow['status'];

export interface AlertView {
  id: string;
  runId: string;
  kind: AuditAlertRow['kind'];
  grouping: string;
  group: string;
  metric: string;
  figures: Record<string, unknown>;
  status: AlertStatus;
  note: string | null;
  statusBy: string | null;
  statusAt: string | null;
  createdAt: string;
  links: { self: string; deliveries: string; report: string };
}

/** Aggregates only: a grouping, a group label and its figures; nothing about a person. */
export function toAlertView(row: AuditAlertRow): AlertView {
  return {
    id: row.id,
    runId: row.run_id,
    kind: row.kind,
    grouping: row.grouping,
    group: row.group_label,
    metric: row.metric,
    figures: typeof row.figures === 'string' ? (JSON.parse(row.figures) as Record<string, unknown>) : row.figures,
    status: row.status,
    note: row.note,
    statusBy: row.status_by,
    statusAt: isoTimeOrNull(row.status_at),
    createdAt: isoTimeOrNull(row.created_at) ?? '',
    links: {
      self: `/v1/alerts/${row.id}`,
      deliveries: `/v1/alerts/${row.id}/deliveries`,
      report: `/v1/audits/${row.run_id}/report`,
    },
  };
}

/**
 * After a run completes: evaluates its report (src/domain/audit-ops/alert-rules.ts), records the
 * alerts and, when the tenant has a webhook, one `webhook-delivery` outbox row per new alert, in one
 * transaction. Idempotent: a second evaluation of the run finds its alerts and queues nothing.
 * Only the service's own audits (source 'impressions') raise alerts; an uploaded file audits another
 * system, and its report is for reading, not for watching this one.
 */
export async function evaluateRunAlerts(
  ctx: SystemContext,
  tenantId: string,
  runId: string,
): Promise<{ raised: number; created: number }> {
  const { db } = ctx.database;
  const run = await auditRepo.findRun(db, tenantId, runId);
  if (!run || run.status !== 'completed' || run.source !== 'impressions') return { raised: 0, created: 0 };
  const stored = await auditRepo.findReportByRun(db, tenantId, runId);
  if (!stored) return { raised: 0, created: 0 };
  const candidates = evaluateReport(JSON.parse(stored.body) as AuditReport);
  const now = ctx.clock.now();
  const created = await db.transaction().execute(async (trx) => {
    const rows = await opsRepo.insertAlerts(
      trx,
      tenantId,
      runId,
      candidates.map((c) => ({ id: ctx.ids.newId(), ...c })),
      now,
    );
    const { alertWebhook } = await loadTenantSettings(trx, tenantId);
    if (alertWebhook) {
      for (const row of rows) {
        await auditRepo.insertOutbox(trx, {
          id: ctx.ids.newId(),
          tenantId,
          jobName: 'webhook-delivery',
          jobId: `webhook-${row.id}`,
          payload: { alertId: row.id, tenantId },
          now,
          requestId: ctx.requestId,
        });
      }
    }
    return rows.length;
  });
  if (created > 0) ctx.logger.warn('audit_alerts_raised', { tenantId, runId, created });
  return { raised: candidates.length, created };
}

export async function listAlerts({
  ctx,
  filter,
}: {
  ctx: ServiceContext;
  filter: { status?: AlertStatus | undefined; runId?: string | undefined; limit: number };
}): Promise<{ items: AlertView[] }> {
  requireRole(ctx.principal, READ, 'read alerts');
  const rows = await opsRepo.listAlerts(ctx.database.db, ctx.principal.tenantId, {
    limit: filter.limit,
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.runId ? { runId: filter.runId } : {}),
  });
  return { items: rows.map(toAlertView) };
}

export async function getAlert({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<AlertView> {
  requireRole(ctx.principal, READ, 'read alerts');
  const row = await opsRepo.findAlert(ctx.database.db, ctx.principal.tenantId, id);
  if (!row) throw notFound('Alert');
  return toAlertView(row);
}

/**
 * Acknowledge, resolve or reopen an alert with a note; who, when and the note are kept on it and in the operator log.
 */
export async function updateAlert({
  ctx,
  id,
  input,
}: {
  ctx: ServiceContext;
  id: string;
  input: { status: AlertStatus; note: string };
}): Promise<AlertView> {
  requireRole(ctx.principal, MANAGE, 'change alerts');
  const tenantId = ctx.principal.tenantId;
  return withTransaction(ctx, async ({ database: { db: trx } }) => {
    const before = await opsRepo.findAlert(trx, tenantId, id);
    if (!before) throw notFound('Alert');
    if (before.status === input.status) throw new DomainError('conflict', `Alert ${id} is already ${input.status}.`);
    const now = ctx.clock.now();
    const row = await opsRepo.setAlertStatus(trx, tenantId, id, {
      status: input.status,
      note: input.note,
      by: ctx.principal.keyId,
      at: now,
    });
    if (!row) throw notFound('Alert');
    await insertOperatorAction(trx, {
      tenantId,
      action: `alert_${input.status}`,
      reason: input.note,
      detail: { alertId: id, from: before.status, to: input.status },
      actorKeyId: ctx.principal.keyId,
      actorRole: ctx.principal.role,
      requestId: ctx.requestId,
      now,
    });
    return toAlertView(row);
  });
}

export interface DeliveryView {
  attempt: number;
  url: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  at: string;
}

const toDeliveryView = (d: AlertDeliveryRow): DeliveryView => ({
  attempt: d.attempt,
  url: d.url,
  statusCode: d.status_code,
  error: d.error,
  durationMs: d.duration_ms,
  at: isoTimeOrNull(d.created_at) ?? '',
});

export async function listAlertDeliveries({
  ctx,
  id,
}: {
  ctx: ServiceContext;
  id: string;
}): Promise<{ items: DeliveryView[] }> {
  requireRole(ctx.principal, READ, 'read alert deliveries');
  if (!(await opsRepo.findAlert(ctx.database.db, ctx.principal.tenantId, id))) throw notFound('Alert');
  return { items: (await opsRepo.listDeliveries(ctx.database.db, ctx.principal.tenantId, id)).map(toDeliveryView) };
}
