import { auditRequest, resolveParams } from '../../domain/audit-report/request.ts';
import type { AuditSchedule } from '../../domain/model/tenant-settings.ts';
import type { JobContext } from '../../queue/port.ts';
import * as opsRepo from '../../storage/audit-ops.repo.ts';
import * as auditRepo from '../../storage/audits.repo.ts';
import type { AuditScheduler } from '../../queue/scheduler-port.ts';
import type { SystemContext } from '../context.ts';
import { loadTenantSettings } from '../tenant-settings.ts';
import { previousTick } from './cron.ts';

export type ScheduledRunResult =
  { status: 'queued'; runId: string; tick: string } | { status: 'skipped'; reason: string; tick: string | null };

class TickTaken extends Error {}

/**
 * Records the audit of one cron tick exactly as POST /v1/audits does (a queued run plus its outbox row,
 * job id = run id, in one transaction) and claims the tick in audit_schedule_runs in the same
 * transaction: a tick already claimed rolls it all back, so each tick yields at most one run.
 * The window is the `windowDays` days before the tick, so the run of a tick is the same whenever it runs.
 */
async function createScheduledRun(
  ctx: SystemContext,
  input: { tenantId: string; schedule: AuditSchedule; tick: Date; origin: 'scheduler' | 'catch-up' },
): Promise<ScheduledRunResult> {
  const now = ctx.clock.now();
  const tick = input.tick.toISOString();
  // Scheduled runs suppress groups at the tenant's own threshold.
  const { minGroupSize } = await loadTenantSettings(ctx.database.db, input.tenantId);
  const from = new Date(input.tick.getTime() - input.schedule.windowDays * 86_400_000).toISOString();
  const request = auditRequest.parse({ from, to: tick, k: input.schedule.k, minGroupSize });
  const params = resolveParams(request, now);
  const id = ctx.ids.newId();
  try {
    await ctx.database.db.transaction().execute(async (trx) => {
      await auditRepo.insertRun(trx, {
        id,
        tenantId: input.tenantId,
        source: 'impressions',
        status: 'queued',
        params: { ...params, schedule: { tick, origin: input.origin } },
        requestedBy: 'audit-schedule',
        now,
      });
      await auditRepo.insertOutbox(trx, {
        id: ctx.ids.newId(),
        tenantId: input.tenantId,
        jobName: 'audit',
        jobId: id,
        payload: { runId: id, tenantId: input.tenantId },
        now,
        requestId: ctx.requestId,
      });
      if (
        !(await opsRepo.claimScheduleTick(trx, {
          tenantId: input.tenantId,
          tickAt: input.tick,
          runId: id,
          origin: input.origin,
          now,
        }))
      )
        throw new TickTaken();
    });
  } catch (error) {
    if (error instanceof TickTaken) return { status: 'skipped', reason: 'this tick already has its run', tick };
    throw error;
  }
  ctx.logger.info('scheduled_audit_queued', { tenantId: input.tenantId, runId: id, tick, origin: input.origin });
  return { status: 'queued', runId: id, tick };
}

/** `repeat:<schedulerId>:<millis>`: the tick BullMQ's job scheduler gave this job (its id format in v5–v6). */
const tickFromJobId = (jobId: string): number | null => {
  const m = /^repeat:[^:]+:(\d+)$/.exec(jobId);
  return m?.[1] ? Number(m[1]) : null;
};

/**
 * The `scheduled-audit` job. Reads the schedule now in force (a job left over from a removed schedule
 * does nothing). Its tick is the later of the job's own tick and the latest tick at or before now: a
 * job that waited while the workers were down stands for the latest missed tick (so it and the
 * catch-up check claim the same tick, and the outage yields one run); a job that a skewed clock starts
 * a little early keeps its own tick.
 */
export async function runScheduledAudit(
  ctx: SystemContext,
  payload: { tenantId: string; tick?: string | undefined },
  job: Pick<JobContext, 'jobId'>,
): Promise<ScheduledRunResult> {
  const { auditSchedule: schedule } = await loadTenantSettings(ctx.database.db, payload.tenantId);
  if (!schedule) return { status: 'skipped', reason: 'the tenant has no audit schedule', tick: null };
  let tick: number | null = payload.tick ? Date.parse(payload.tick) : null;
  if (tick === null) {
    const latest = previousTick(schedule.cron, schedule.timezone, ctx.clock.now())?.getTime() ?? null;
    const own = tickFromJobId(job.jobId);
    tick = latest === null ? own : own === null ? latest : Math.max(own, latest);
  }
  if (tick === null) return { status: 'skipped', reason: 'the schedule has no tick yet', tick: null };
  return createScheduledRun(ctx, {
    tenantId: payload.tenantId,
    schedule,
    tick: new Date(tick),
    origin: payload.tick ? 'catch-up' : 'scheduler',
  });
}

/**
 * Catch-up: if the latest tick at or before now came after the schedule was set and has no run (and no
 * later tick has one), record one run for it. Ticks missed before it are not run again: one run covers
 * an outage, its window ending at the latest missed tick.
 */
export async function catchUpSchedule(
  ctx: SystemContext,
  tenantId: string,
  schedule: AuditSchedule,
): Promise<ScheduledRunResult> {
  const latest = previousTick(schedule.cron, schedule.timezone, ctx.clock.now());
  if (!latest || latest.getTime() < Date.parse(schedule.since))
    return { status: 'skipped', reason: 'no tick since the schedule was set', tick: null };
  const last = await opsRepo.lastScheduleTick(ctx.database.db, tenantId);
  if (last && last.getTime() >= latest.getTime())
    return { status: 'skipped', reason: 'the latest tick has its run', tick: latest.toISOString() };
  return createScheduledRun(ctx, { tenantId, schedule, tick: latest, origin: 'catch-up' });
}

/** Makes the tenant's job scheduler match its setting; replaces it only when the pattern or zone changed. */
export async function syncSchedule(
  ctx: SystemContext,
  scheduler: AuditScheduler,
  tenantId: string,
): Promise<'upserted' | 'unchanged' | 'removed'> {
  const { auditSchedule: schedule } = await loadTenantSettings(ctx.database.db, tenantId);
  if (!schedule) {
    await scheduler.remove(tenantId);
    return 'removed';
  }
  const current = await scheduler.get(tenantId);
  if (current && current.cron === schedule.cron && current.timezone === schedule.timezone) return 'unchanged';
  await scheduler.upsert(tenantId, { cron: schedule.cron, timezone: schedule.timezone });
  return 'upserted';
}

/**
 * At worker start: every tenant with a schedule gets its scheduler (unchanged ones are left alone, so
 * a pending overdue job survives), schedulers without a setting are removed, and each schedule gets the
 * catch-up check. One tenant's failure is logged and does not stop the others.
 */
export async function reconcileSchedules(
  ctx: SystemContext,
  scheduler: AuditScheduler,
): Promise<{ synced: number; removed: number; caughtUp: number }> {
  const tenants = await opsRepo.tenantsWithSchedule(ctx.database.db);
  let caughtUp = 0;
  for (const tenantId of tenants) {
    try {
      await syncSchedule(ctx, scheduler, tenantId);
      const { auditSchedule } = await loadTenantSettings(ctx.database.db, tenantId);
      if (auditSchedule && (await catchUpSchedule(ctx, tenantId, auditSchedule)).status === 'queued') caughtUp++;
    } catch (error) {
      ctx.logger.error('schedule_reconcile_failed', {
        tenantId,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  const keep = new Set(tenants);
  let removed = 0;
  for (const id of await scheduler.list()) {
    if (keep.has(id)) continue;
    await scheduler.remove(id);
    removed++;
  }
  return { synced: tenants.length, removed, caughtUp };
}
