import { invalid, notFound } from '../domain/errors.ts';
import { isoDay, isoTime } from '../domain/iso.ts';
import {
  OUTCOME_SOURCES,
  OUTCOME_STATUSES,
  SALARY_BANDS,
  type Outcome,
  type OutcomeInput,
  type OutcomeSource,
} from '../domain/model/outcome.ts';
import { JOB_TYPES } from '../domain/model/common.ts';
import { findEmployer } from '../storage/employers.repo.ts';
import { getGraduateOr404 } from '../storage/graduates.repo.ts';
import {
  deleteOutcome,
  listOutcomesOf,
  listTenantOutcomes,
  upsertOutcome,
  type OutcomeChange,
} from '../storage/outcomes.repo.ts';
import type { OutcomeRow } from '../storage/schema.ts';
import { assertCanSeeGraduate, requireRole } from './access.ts';
import { type ServiceContext, type SystemContext, withTransaction } from './context.ts';
import { decodeCursor, toPage, type Page } from './pagination.ts';

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | null =>
  v !== null && (values as readonly string[]).includes(v) ? (v as T) : null;

export function toOutcome(row: OutcomeRow): Outcome {
  return {
    id: row.id,
    graduateId: row.graduate_id,
    status: oneOf(OUTCOME_STATUSES, row.status) ?? 'not_placed',
    asOf: isoDay(row.as_of),
    employerName: row.employer_name,
    employerId: row.employer_id,
    occupation: row.occupation,
    city: row.city,
    industry: row.industry,
    salaryBand: oneOf(SALARY_BANDS, row.salary_band),
    jobType: oneOf(JOB_TYPES, row.job_type),
    source: oneOf(OUTCOME_SOURCES, row.source) ?? 'career_office',
    recordedBy: row.actor_role,
    createdAt: isoTime(row.created_at),
    updatedAt: isoTime(row.updated_at),
  };
}

/** Who writes an outcome, and in which tenant: a caller's key, or an import run by the system. */
export interface OutcomeWriter {
  readonly tenantId: string;
  readonly source: OutcomeSource;
  readonly actorKeyId: string | null;
  readonly actorRole: string;
}

/**
 * Writes one graduate's outcome for its date (created, replaced, or unchanged when the same content is
 * written again), checking that the graduate and any named employer belong to the tenant. The imports
 * service calls this per row inside its batch transaction, with `source: 'import'`.
 */
export async function writeOutcome(
  ctx: SystemContext,
  writer: OutcomeWriter,
  graduateId: string,
  input: OutcomeInput,
): Promise<{ outcome: Outcome; change: OutcomeChange }> {
  return withTransaction(ctx, async ({ database: { db: trx } }) => {
    await getGraduateOr404(trx, writer.tenantId, graduateId);
    if (input.employerId !== undefined && !(await findEmployer(trx, writer.tenantId, input.employerId)))
      throw invalid('body.employerId', 'no employer of this tenant has this id.');
    const { row, change } = await upsertOutcome(
      trx,
      ctx.ids.newId(),
      {
        tenantId: writer.tenantId,
        graduateId,
        asOf: input.asOf,
        status: input.status,
        employerName: input.employerName ?? null,
        employerId: input.employerId ?? null,
        occupation: input.occupation ?? null,
        city: input.city ?? null,
        industry: input.industry ?? null,
        salaryBand: input.salaryBand ?? null,
        jobType: input.jobType ?? null,
        source: writer.source,
        actorKeyId: writer.actorKeyId,
        actorRole: writer.actorRole,
      },
      ctx.clock.now(),
    );
    return { outcome: toOutcome(row), change };
  });
}

const writerOf = (ctx: ServiceContext): OutcomeWriter => ({
  tenantId: ctx.principal.tenantId,
  source: ctx.principal.role === 'graduate' ? 'graduate' : 'career_office',
  actorKeyId: ctx.principal.keyId,
  actorRole: ctx.principal.role,
});

/** POST /v1/graduates/{id}/outcomes: the career office for any graduate of its tenant, a graduate for itself. */
export async function recordOutcome({
  ctx,
  graduateId,
  input,
}: {
  ctx: ServiceContext;
  graduateId: string;
  input: OutcomeInput;
}): Promise<{ outcome: Outcome; change: OutcomeChange }> {
  assertCanSeeGraduate(ctx.principal, graduateId);
  return writeOutcome(ctx, writerOf(ctx), graduateId, input);
}

export async function listGraduateOutcomes({
  ctx,
  graduateId,
}: {
  ctx: ServiceContext;
  graduateId: string;
}): Promise<{ items: Outcome[] }> {
  assertCanSeeGraduate(ctx.principal, graduateId);
  await getGraduateOr404(ctx.database.db, ctx.principal.tenantId, graduateId);
  const rows = await listOutcomesOf(ctx.database.db, ctx.principal.tenantId, graduateId);
  return { items: rows.map(toOutcome) };
}

/** A wrong record is deleted by whoever may write it; the history of the other dates stays. */
export async function removeOutcome({
  ctx,
  graduateId,
  outcomeId,
}: {
  ctx: ServiceContext;
  graduateId: string;
  outcomeId: string;
}): Promise<void> {
  assertCanSeeGraduate(ctx.principal, graduateId);
  if (!(await deleteOutcome(ctx.database.db, ctx.principal.tenantId, graduateId, outcomeId))) throw notFound('Outcome');
}

/** Every outcome of the tenant, a page at a time (career office; the export of the outcomes kind). */
export async function listOutcomes({
  ctx,
  limit,
  cursor,
}: {
  ctx: ServiceContext;
  limit: number;
  cursor?: string | undefined;
}): Promise<Page<Outcome>> {
  requireRole(ctx.principal, ['career_office', 'admin'], "list the tenant's outcomes");
  const rows = await listTenantOutcomes(ctx.database.db, ctx.principal.tenantId, {
    limit,
    cursor: decodeCursor(cursor),
  });
  return toPage(rows, limit, toOutcome);
}
