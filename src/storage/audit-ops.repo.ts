import { sql, type Kysely, type Transaction } from 'kysely';
import { jsonb } from './jsonb.ts';
import type { AlertDeliveryRow, AuditAlertRow, DB } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

// ——— schedule ticks ———

/** Records that a cron tick produced a run; false when that tick already has one (nothing written). */
export async function claimScheduleTick(
  db: Db,
  row: { tenantId: string; tickAt: Date; runId: string; origin: 'scheduler' | 'catch-up'; now: Date },
): Promise<boolean> {
  const inserted = await db
    .insertInto('audit_schedule_runs')
    .values({
      tenant_id: row.tenantId,
      tick_at: row.tickAt,
      run_id: row.runId,
      origin: row.origin,
      created_at: row.now,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'tick_at']).doNothing())
    .returning('run_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function lastScheduleTick(db: Db, tenantId: string): Promise<Date | null> {
  const row = await db
    .selectFrom('audit_schedule_runs')
    .select((eb) => eb.fn.max('tick_at').as('last'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return row?.last ? new Date(row.last) : null;
}

export async function listScheduleRuns(
  db: Db,
  tenantId: string,
  limit: number,
): Promise<{ tick_at: Date; run_id: string; origin: 'scheduler' | 'catch-up' }[]> {
  return db
    .selectFrom('audit_schedule_runs')
    .select(['tick_at', 'run_id', 'origin'])
    .where('tenant_id', '=', tenantId)
    .orderBy('tick_at', 'desc')
    .limit(limit)
    .execute();
}

/** Tenants whose settings hold an audit schedule (the worker reconciles their schedulers at start). */
export async function tenantsWithSchedule(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('tenants')
    .select('id')
    .where(sql<boolean>`jsonb_typeof(settings) = 'object' and jsonb_typeof(settings -> 'auditSchedule') = 'object'`)
    .execute();
  return rows.map((r) => r.id);
}

// ——— alerts ———

export interface NewAlert {
  id: string;
  kind: 'adverse_impact' | 'exposure_disparity';
  grouping: string;
  group: string;
  metric: string;
  figures: Record<string, unknown>;
}

/**
 * Inserts the run's alerts; ones already recorded for the run (same kind, grouping, group, metric) are skipped. Returns
 * the new rows.
 */
export async function insertAlerts(
  db: Db,
  tenantId: string,
  runId: string,
  alerts: readonly NewAlert[],
  now: Date,
): Promise<AuditAlertRow[]> {
  if (alerts.length === 0) return [];
  return db
    .insertInto('audit_alerts')
    .values(
      alerts.map((a) => ({
        id: a.id,
        tenant_id: tenantId,
        run_id: runId,
        kind: a.kind,
        grouping: a.grouping,
        group_label: a.group,
        metric: a.metric,
        figures: jsonb(a.figures),
        created_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['run_id', 'kind', 'grouping', 'group_label', 'metric']).doNothing())
    .returningAll()
    .execute();
}

export async function listAlerts(
  db: Db,
  tenantId: string,
  filter: { status?: AuditAlertRow['status']; runId?: string; limit: number },
): Promise<AuditAlertRow[]> {
  let q = db.selectFrom('audit_alerts').selectAll().where('tenant_id', '=', tenantId);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.runId) q = q.where('run_id', '=', filter.runId);
  return q.orderBy('created_at', 'desc').orderBy('id').limit(filter.limit).execute();
}

export async function findAlert(db: Db, tenantId: string, id: string): Promise<AuditAlertRow | undefined> {
  return db
    .selectFrom('audit_alerts')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function setAlertStatus(
  db: Db,
  tenantId: string,
  id: string,
  change: { status: AuditAlertRow['status']; note: string | null; by: string; at: Date },
): Promise<AuditAlertRow | undefined> {
  return db
    .updateTable('audit_alerts')
    .set({ status: change.status, note: change.note, status_by: change.by, status_at: change.at })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** Whether the tenant has an alert that is not resolved (open or acknowledged). */
export async function hasUnresolvedAlert(db: Db, tenantId: string): Promise<boolean> {
  const row = await db
    .selectFrom('audit_alerts')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('status', '<>', 'resolved')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

// ——— deliveries ———

export async function insertDelivery(
  db: Db,
  d: {
    id: string;
    tenantId: string;
    alertId: string;
    attempt: number;
    url: string;
    statusCode: number | null;
    error: string | null;
    durationMs: number;
    now: Date;
  },
): Promise<void> {
  await db
    .insertInto('alert_deliveries')
    .values({
      id: d.id,
      tenant_id: d.tenantId,
      alert_id: d.alertId,
      attempt: d.attempt,
      url: d.url,
      status_code: d.statusCode,
      error: d.error === null ? null : d.error.slice(0, 500),
      duration_ms: d.durationMs,
      created_at: d.now,
    })
    .execute();
}

export async function listDeliveries(db: Db, tenantId: string, alertId: string): Promise<AlertDeliveryRow[]> {
  return db
    .selectFrom('alert_deliveries')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('alert_id', '=', alertId)
    .orderBy('created_at')
    .orderBy('attempt')
    .execute();
}
