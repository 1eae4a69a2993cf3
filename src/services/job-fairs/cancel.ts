import {
  assignmentText,
  missedRankings,
  missText,
  preferenceBonus,
  repairPlan,
  type AssignmentProblem,
  type Cancellation,
} from '../../domain/assignment/index.ts';
import { DomainError, notFound } from '../../domain/errors.ts';
import { hhmm, type CancellationInput } from '../../domain/model/job-fair.ts';
import * as repo from '../../storage/job-fairs.repo.ts';
import { isStaff } from '../access.ts';
import { newId, type ServiceContext } from '../context.ts';
import { loadRun, parseResult } from './assignments.ts';
import { isoDay } from '../../domain/iso.ts';
import { loadFair } from './fairs.ts';
import type { StoredInterview, StoredPlan } from './plan.ts';

const unprocessable = (path: string, message: string) =>
  new DomainError('unprocessable', `${path}: ${message}`, { errors: [{ path, message }] });
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** The stored plan as a problem again: scores of each graduate's kept candidates, NaN elsewhere; no floors. */
function problemOf(plan: StoredPlan): AssignmentProblem {
  const n = plan.graduates.length;
  const m = plan.booths.length;
  const score = new Float64Array(n * m).fill(Number.NaN);
  plan.candidates.forEach((row, g) => {
    for (const [b, s] of row) score[g * m + b] = s;
  });
  return {
    graduates: n,
    booths: m,
    score,
    rankings: plan.rankings,
    demand: plan.demand,
    capacity: plan.capacity,
    floorGroup: plan.graduates.map(() => -1),
    floors: [],
    preferenceWeight: plan.preferenceWeight,
    maxRankings: plan.maxRankings,
  };
}

/**
 * A graduate or a booth withdraws. The registration or booth is marked cancelled (later runs leave it
 * out); when the fair has a published plan, only what the cancellation touches is re-planned (see
 * repairPlan) and the change is recorded with the plan's new revision. Graduates may cancel
 * themselves, employers their own booths, staff anything of the fair.
 */
export async function cancel({
  ctx,
  fairId,
  input,
}: {
  ctx: ServiceContext;
  fairId: string;
  input: CancellationInput;
}) {
  const fair = await loadFair(ctx, fairId);
  const { db } = ctx.database;
  const tenantId = ctx.principal.tenantId;
  const now = ctx.clock.now();
  let cancelledId: string;
  if ('graduateId' in input) {
    if (
      !isStaff(ctx.principal) &&
      !(ctx.principal.role === 'graduate' && ctx.principal.graduateId === input.graduateId)
    )
      throw notFound('Graduate');
    const registered = (await repo.listRegistrations(db, tenantId, fairId)).some(
      (r) => r.graduate_id === input.graduateId && r.cancelled_at === null,
    );
    if (!registered) throw unprocessable('body.graduateId', 'not registered for this fair.');
    await repo.cancelRegistration(db, tenantId, fairId, input.graduateId, now);
    cancelledId = input.graduateId;
  } else {
    const booth = (await repo.listBooths(db, tenantId, fairId)).find(
      (b) => b.id === input.boothId && b.cancelled_at === null,
    );
    if (!booth) throw unprocessable('body.boothId', 'no such booth at this fair.');
    if (
      !isStaff(ctx.principal) &&
      !(ctx.principal.role === 'employer' && ctx.principal.employerId === booth.employer_id)
    )
      throw unprocessable('body.boothId', 'no such booth at this fair.');
    await repo.cancelBooth(db, tenantId, booth.id, now);
    cancelledId = booth.id;
  }
  if (fair.published_run_id === null) return { replanned: false, revision: null, changes: [] };
  const run = await loadRun(ctx, fairId, fair.published_run_id);
  const plan = parseResult(run.result) as StoredPlan;
  const index = 'graduateId' in input ? plan.graduates.indexOf(cancelledId) : plan.booths.indexOf(cancelledId);
  if (index < 0) return { replanned: false, revision: run.revision, changes: [] };
  const cancellation: Cancellation =
    'graduateId' in input ? { kind: 'graduate', graduate: index } : { kind: 'booth', booth: index };
  const problem = problemOf(plan);
  const booths = new Map(
    (await repo.listBooths(db, tenantId, fairId)).map((b) => [b.id, `${b.room} ${b.table_label}`]),
  );
  const label = (b: number) => booths.get(plan.booths[b] ?? '') ?? '';
  const repaired = repairPlan(problem, plan.interviews, plan.interviewers, plan.slots.length, cancellation);
  const removed = new Set(repaired.changes.filter((c) => c.change === 'removed').map((c) => c.interview));
  const added = repaired.changes
    .filter((c) => c.change === 'added')
    .map((c): StoredInterview => {
      const x = c.interview;
      const score = problem.score[x.graduate * problem.booths + x.booth] ?? 0;
      const rank = (plan.rankings[x.graduate] ?? []).indexOf(x.booth) + 1 || null;
      const bonus = preferenceBonus(problem, rank);
      return {
        ...x,
        postingId: null,
        score: round6(score),
        weight: round6(score + bonus),
        rank,
        components: [],
        why: assignmentText({
          booth: label(x.booth),
          score,
          components: [],
          rank,
          maxRankings: problem.maxRankings,
          bonus,
        }),
      };
    });
  const interviews = [...plan.interviews.filter((x) => !removed.has(x)), ...added];
  // Misses are told again from the repaired plan; the withdrawn graduate's own are dropped.
  const missed = missedRankings(problem, interviews)
    .filter((miss) => !(cancellation.kind === 'graduate' && miss.graduate === cancellation.graduate))
    .map((miss) => ({ ...miss, why: missText(miss, label(miss.booth)) }));
  const next: StoredPlan = {
    ...plan,
    interviews,
    missed,
    summary: {
      ...plan.summary,
      interviews: interviews.length,
      totalScore: round6(interviews.reduce((s, x) => s + x.score, 0)),
      totalWeight: round6(interviews.reduce((s, x) => s + x.weight, 0)),
    },
  };
  const date = isoDay(fair.fair_date);
  const changes = repaired.changes.map((c) => {
    const slot = plan.slots[c.interview.slot] ?? { from: 0, to: 0 };
    return {
      change: c.change,
      graduateId: plan.graduates[c.interview.graduate] ?? '',
      boothId: plan.booths[c.interview.booth] ?? '',
      start: `${date} ${hhmm(slot.from)}`,
      end: `${date} ${hhmm(slot.to)}`,
      interviewer: c.interview.interviewer + 1,
    };
  });
  const stored = await db.transaction().execute(async (trx) => {
    if (!(await repo.replaceResult(trx, run.id, run.revision, next))) return false;
    await repo.insertChange(trx, {
      id: newId(),
      tenantId,
      runId: run.id,
      revision: run.revision + 1,
      cancellation: { ...input },
      changes,
      now,
    });
    return true;
  });
  if (!stored) throw new DomainError('conflict', 'The schedule changed at the same time; send the cancellation again.');
  return { replanned: true, revision: run.revision + 1, changes };
}
