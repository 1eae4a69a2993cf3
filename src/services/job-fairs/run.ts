import { assignmentRequest } from '../../domain/model/job-fair.ts';
import { PermanentJobError } from '../../queue/errors.ts';
import type { JobContext } from '../../queue/port.ts';
import * as repo from '../../storage/job-fairs.repo.ts';
import type { SystemContext } from '../context.ts';
import { computePlan } from './plan.ts';
import { loadFairProblem, type ScoringDeps } from './problem.ts';

export type FairJobResult =
  { status: 'completed'; runId: string; interviews: number } | { status: 'skipped'; runId: string; reason: string };

/**
 * The `job-fair-assignment` job: claims the queued run (a duplicate delivery does nothing), scores the
 * fair's graduates at its booths, solves, schedules, explains and stores the plan, reporting progress
 * to the run row and to BullMQ. A missing run or fair fails at once; other failures are retried, and
 * the final attempt marks the run failed with a reason that names no internals. `scoring` is the hybrid
 * scorer: the serving engine in process, or the active LSA a worker loads.
 */
export async function runFairAssignmentJob(
  ctx: SystemContext,
  payload: { runId: string; tenantId: string },
  job: JobContext,
  scoring: () => Promise<ScoringDeps>,
): Promise<FairJobResult> {
  const { db } = ctx.database;
  const claimed = await repo.claimRun(db, payload.tenantId, payload.runId, ctx.clock.now());
  if (!claimed) {
    const run = await repo.findRun(db, payload.tenantId, payload.runId);
    if (!run) throw new PermanentJobError(`job fair run ${payload.runId} does not exist in tenant ${payload.tenantId}`);
    return { status: 'skipped', runId: run.id, reason: `already ${run.status}` };
  }
  let reported = -1;
  const progress = async (percent: number) => {
    const p = Math.max(0, Math.min(99, Math.round(percent)));
    if (p === reported) return;
    reported = p;
    await repo.setRunProgress(db, payload.runId, p);
    await job.progress(p);
  };
  try {
    const request = assignmentRequest.safeParse(claimed.params);
    if (!request.success) throw new PermanentJobError("the run's stored parameters are invalid");
    const fair = await repo.findFair(db, payload.tenantId, claimed.fair_id);
    if (!fair) throw new PermanentJobError(`job fair ${claimed.fair_id} no longer exists`);
    const started = performance.now();
    await progress(1);
    const problem = await loadFairProblem(ctx.database, await scoring(), fair, request.data, (f) =>
      progress(1 + 59 * f),
    );
    await progress(60);
    const plan = await computePlan(problem, request.data, (f) => progress(60 + 35 * f));
    await repo.completeRun(db, payload.runId, plan, ctx.clock.now());
    ctx.logger.info('job_fair_planned', {
      runId: payload.runId,
      interviews: plan.summary.interviews,
      ms: Math.round(performance.now() - started),
    });
    return { status: 'completed', runId: payload.runId, interviews: plan.summary.interviews };
  } catch (error) {
    const permanent = error instanceof PermanentJobError;
    ctx.logger.error('job_fair_failed', {
      runId: payload.runId,
      attempt: job.attempt,
      final: permanent || job.finalAttempt,
      error: error instanceof Error ? error.stack : String(error),
    });
    if (permanent || job.finalAttempt) {
      const reason = permanent
        ? (error as Error).message
        : `The plan could not be computed after ${job.attempt} attempt(s); the worker log has the ` +
          `details (run ${payload.runId}).`;
      await repo.failRun(db, payload.runId, reason, ctx.clock.now());
    } else {
      await repo.requeueRun(db, payload.runId);
    }
    throw error;
  }
}
