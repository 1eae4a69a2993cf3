import { assembleReport, reportParams } from '../../domain/audit-report/assemble.ts';
import type { AuditPhase } from '../../domain/audit-report/phases.ts';
import { auditParams } from '../../domain/audit-report/request.ts';
import { PermanentJobError } from '../../queue/errors.ts';
import type { JobContext } from '../../queue/port.ts';
import * as repo from '../../storage/audits.repo.ts';
import { analyzeGrownTables } from '../../storage/planner-statistics.repo.ts';
import { giveWay } from '../give-way.ts';
import type { SystemContext } from '../context.ts';
import { rerankingAuditSection } from '../mitigation/audit-section.ts';
import type { MatchingEngine } from '../matching/engine.ts';
import { appendReport } from './chain.ts';
import { chunkingFor, computeAggregates, type AuditChunking } from './compute.ts';
import { counterfactualCheck } from './counterfactual.ts';
import { auditTimer } from './timing.ts';

export type AuditJobResult =
  | { status: 'completed'; runId: string; seq: number; sha256: string }
  | { status: 'skipped'; runId: string; reason: string };

/**
 * The `audit` job: claim the run (a duplicate delivery of a finished run does nothing), aggregate in SQL chunk
 * by chunk (progress with its phase, AUDIT_PHASES: planning, reading, scoring, lists, counterfactual, reranking,
 * report; 100 only once completed), assemble the report, store it as the next chain
 * link and complete the run in one transaction.
 * Failures: a missing run or bad params fail at once (PermanentJobError); others are retried by the
 * queue, and on the final attempt the run is marked failed with a reason that names no internals.
 */
export async function runAuditJob(
  ctx: SystemContext,
  payload: { runId: string; tenantId: string },
  job: JobContext,
  /**
   * The serving matching engine for the counterfactual check, in the serving process; otherwise the active LSA is
   * loaded.
   */
  engine?: () => Promise<MatchingEngine>,
  /** How much each statement reads (default: by database kind); tests set small chunks. */
  chunking?: AuditChunking,
): Promise<AuditJobResult> {
  const { db } = ctx.database;
  const claimed = await repo.claimRun(db, payload.tenantId, payload.runId, ctx.clock.now());
  if (!claimed) {
    const run = await repo.findRun(db, payload.tenantId, payload.runId);
    if (!run) throw new PermanentJobError(`audit run ${payload.runId} does not exist in tenant ${payload.tenantId}`);
    return { status: 'skipped', runId: run.id, reason: `already ${run.status}` };
  }
  const timer = auditTimer('impressions', claimed.created_at);
  try {
    const params = auditParams.safeParse(claimed.params);
    if (!params.success) throw new PermanentJobError("the run's stored parameters are invalid");
    const p = params.data;
    const started = performance.now();
    // Progress only moves forward; the run's row is written when its whole percent or its phase changes, and
    // each new phase is logged.
    let shown = 0;
    let phase: AuditPhase | null = null;
    const progress = async (percent: number, now: AuditPhase) => {
      const p = Math.max(shown, Math.floor(percent));
      if (now === phase && p === shown) return;
      if (now !== phase) {
        ctx.logger.info('audit_phase', { runId: payload.runId, phase: now, percent: p });
        timer.enter(now);
      }
      const moved = p > shown;
      phase = now;
      shown = p;
      await repo.setProgress(db, payload.runId, p, now);
      if (moved) await job.progress(p);
    };
    const window = { tenantId: payload.tenantId, from: new Date(p.from), to: new Date(p.to), k: p.k };
    // PGlite runs no autovacuum: statistics the chunks' plans need are gathered here when a table has grown.
    if (ctx.database.kind === 'pglite') await analyzeGrownTables(db, giveWay);
    const aggregates = await computeAggregates(db, window, progress, chunking ?? chunkingFor(ctx.database.kind));
    await progress(94, 'counterfactual');
    const now = ctx.clock.now();
    const counterfactual = await counterfactualCheck({
      database: ctx.database,
      tenantId: payload.tenantId,
      seed: payload.runId,
      window,
      ...(engine ? { engine } : {}),
    });
    await progress(96, 'reranking');
    const reranking = await rerankingAuditSection(ctx.database, window, reportParams({ minGroupSize: p.minGroupSize }));
    const report = assembleReport(aggregates, {
      runId: payload.runId,
      tenantId: payload.tenantId,
      auditDate: now.toISOString(),
      source: 'impressions',
      sourceDescription:
        'historical impressions and interactions recorded by Bole in the window, joined with consented demographics',
      window: { from: p.from, to: p.to },
      minGroupSize: p.minGroupSize,
      attributes: p.attributes,
      counterfactual,
      reranking,
    });
    await progress(98, 'report');
    const link = await appendReport(db, {
      id: ctx.ids.newId(),
      tenantId: payload.tenantId,
      runId: payload.runId,
      report,
      now,
    });
    timer.attemptEnded('completed');
    timer.runEnded('completed', now);
    ctx.logger.info('audit_completed', {
      runId: payload.runId,
      seq: link.seq,
      impressions: aggregates.totals.impressions,
      ms: Math.round(performance.now() - started),
    });
    return { status: 'completed', runId: payload.runId, ...link };
  } catch (error) {
    const permanent = error instanceof PermanentJobError;
    timer.attemptEnded('failed');
    ctx.logger.error('audit_failed', {
      runId: payload.runId,
      attempt: job.attempt,
      final: permanent || job.finalAttempt,
      error: error instanceof Error ? error.stack : String(error),
    });
    if (permanent || job.finalAttempt) {
      const reason = permanent
        ? (error as Error).message
        : `The audit could not be computed after ${job.attempt} attempt(s); the worker log has the ` +
          `details (run ${payload.runId}).`;
      const now = ctx.clock.now();
      await repo.finishRun(db, payload.runId, { status: 'failed', reason }, now);
      timer.runEnded('failed', now);
    } else {
      await repo.requeueRun(db, payload.runId, `attempt ${job.attempt} failed; retrying`);
    }
    throw error;
  }
}
