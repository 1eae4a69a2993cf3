import { DomainError, notFound } from '../../domain/errors.ts';
import type { AssignmentRequest } from '../../domain/model/job-fair.ts';
import { insertOutbox } from '../../storage/audits.repo.ts';
import * as repo from '../../storage/job-fairs.repo.ts';
import type { FairRunRow } from '../../storage/job-fairs.schema.ts';
import { isAiRankingSuspended } from '../ai-ranking.ts';
import { newId, type ServiceContext } from '../context.ts';
import { assertStaff, loadFair } from './fairs.ts';
import type { StoredPlan } from './plan.ts';
import { isoTimeOrNull } from '../../domain/iso.ts';

export interface RunView {
  id: string;
  fairId: string;
  mode: 'optimal' | 'stable';
  status: 'queued' | 'running' | 'completed' | 'failed';
  progress: number;
  failureReason: string | null;
  params: Record<string, unknown>;
  revision: number;
  publishedAt: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  summary: StoredPlan['summary'] | null;
  fairness: StoredPlan['fairness'] | null;
  links: { self: string; schedule: string | null };
}

function toRunView(row: FairRunRow): RunView {
  const plan = row.status === 'completed' ? (parseResult(row.result) as StoredPlan | null) : null;
  return {
    id: row.id,
    fairId: row.fair_id,
    mode: row.mode,
    status: row.status,
    progress: row.status === 'completed' ? 100 : row.progress,
    failureReason: row.status === 'failed' ? row.failure_reason : null,
    params: row.params,
    revision: row.revision,
    publishedAt: isoTimeOrNull(row.published_at),
    createdAt: row.created_at.toISOString(),
    startedAt: isoTimeOrNull(row.started_at),
    finishedAt: isoTimeOrNull(row.finished_at),
    summary: plan?.summary ?? null,
    fairness: plan?.fairness ?? null,
    links: {
      self: `/v1/job-fairs/${row.fair_id}/assignments/${row.id}`,
      schedule: plan ? `/v1/job-fairs/${row.fair_id}/schedule?runId=${row.id}` : null,
    },
  };
}

export const parseResult = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

/**
 * Records an assignment request: the run (queued) and its outbox row in one transaction, so a request
 * made while Redis is down runs once it is back; the job id is the run id.
 */
export async function requestAssignment({
  ctx,
  fairId,
  input,
}: {
  ctx: ServiceContext;
  fairId: string;
  input: AssignmentRequest;
}): Promise<RunView> {
  const fair = await loadFair(ctx, fairId);
  assertStaff(ctx, 'plan job fairs');
  const { db } = ctx.database;
  // Plans rank people by the AI score: while an operator has suspended AI ranking, none is made.
  if (await isAiRankingSuspended(db, ctx.principal.tenantId)) {
    throw new DomainError(
      'conflict',
      'AI ranking is suspended for this tenant; job fair plans resume when it is resumed.',
    );
  }
  const booths = (await repo.listBooths(db, ctx.principal.tenantId, fair.id)).filter((b) => b.cancelled_at === null);
  if (booths.length === 0)
    throw new DomainError('unprocessable', 'The fair has no booths yet.', {
      errors: [{ path: 'path.id', message: 'no booths at this fair' }],
    });
  const id = newId();
  const tenantId = ctx.principal.tenantId;
  const now = ctx.clock.now();
  const row = await db.transaction().execute(async (trx) => {
    const run = await repo.insertRun(trx, {
      id,
      tenantId,
      fairId: fair.id,
      mode: input.mode,
      params: input,
      requestedBy: ctx.principal.keyId,
      now,
    });
    await insertOutbox(trx, {
      id: newId(),
      tenantId,
      jobName: 'job-fair-assignment',
      jobId: id,
      payload: { runId: id, tenantId },
      now,
      requestId: ctx.requestId,
    });
    return run;
  });
  return toRunView(row);
}

/** A run of this fair, for staff; 404 for anything else. */
export async function loadRun(ctx: ServiceContext, fairId: string, runId: string): Promise<FairRunRow> {
  const run = await repo.findRun(ctx.database.db, ctx.principal.tenantId, runId);
  if (!run || run.fair_id !== fairId) throw notFound('Assignment run');
  return run;
}

export async function getRun({
  ctx,
  fairId,
  runId,
}: {
  ctx: ServiceContext;
  fairId: string;
  runId: string;
}): Promise<RunView> {
  await loadFair(ctx, fairId);
  assertStaff(ctx, 'read assignment runs');
  return toRunView(await loadRun(ctx, fairId, runId));
}

/** Makes a completed run the fair's schedule: graduates and employers see it from now on. */
export async function publishRun({
  ctx,
  fairId,
  runId,
}: {
  ctx: ServiceContext;
  fairId: string;
  runId: string;
}): Promise<RunView> {
  await loadFair(ctx, fairId);
  assertStaff(ctx, 'publish schedules');
  const run = await loadRun(ctx, fairId, runId);
  if (run.status !== 'completed')
    throw new DomainError('conflict', `Run ${runId} is ${run.status}; only a completed run can be published.`);
  const now = ctx.clock.now();
  await ctx.database.db.transaction().execute(async (trx) => {
    await repo.publishRun(trx, run.id, now);
    await repo.setPublishedRun(trx, ctx.principal.tenantId, fairId, run.id, now);
  });
  return toRunView({ ...run, published_at: now });
}
