import { DomainError, forbidden, invalid, notFound } from '../domain/errors.ts';
import { isoTime, isoTimeOrNull } from '../domain/iso.ts';
import {
  APPLICATION_STATUSES,
  FUNNEL_STEP,
  canMove,
  nextStatuses,
  roleMaySet,
  type Application,
  type ApplicationCreate,
  type ApplicationStatus,
  type ApplicationUpdate,
} from '../domain/model/application.ts';
import type { ApplicationEventRow, ApplicationRow } from '../storage/applications.schema.ts';
import {
  findApplication,
  insertApplicationEvent,
  insertOrLockApplication,
  listApplicationEvents,
  listApplicationsOfGraduate,
  listApplicationsToPosting,
  lockApplication,
  setApplicationStatus,
} from '../storage/applications.repo.ts';
import type { Db } from '../storage/db.ts';
import { getGraduateOr404 } from '../storage/graduates.repo.ts';
import { findPosting } from '../storage/postings.repo.ts';
import { assertCanSeeGraduate, isStaff } from './access.ts';
import { type ServiceContext, withTransaction } from './context.ts';
import { recordInteraction } from './matching/interactions.ts';

const asStatus = (v: string | null): ApplicationStatus | null =>
  v !== null && (APPLICATION_STATUSES as readonly string[]).includes(v) ? (v as ApplicationStatus) : null;

function toApplication(row: ApplicationRow, events: readonly ApplicationEventRow[]): Application {
  return {
    id: row.id,
    graduateId: row.graduate_id,
    postingId: row.posting_id,
    impressionId: row.impression_id,
    status: asStatus(row.status) ?? 'saved',
    appliedAt: isoTimeOrNull(row.applied_at),
    createdAt: isoTime(row.created_at),
    updatedAt: isoTime(row.updated_at),
    history: events
      .filter((e) => e.application_id === row.id)
      .map((e) => ({
        from: asStatus(e.from_status),
        to: asStatus(e.to_status) ?? 'saved',
        reason: e.reason,
        actorRole: e.actor_role,
        interactionId: e.interaction_id,
        at: isoTime(e.occurred_at),
      })),
  };
}

async function withHistory(db: Db, tenantId: string, rows: readonly ApplicationRow[]): Promise<Application[]> {
  const events = await listApplicationEvents(
    db,
    tenantId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toApplication(r, events));
}

/**
 * Moves the application to `to`, writing the history entry and the funnel interaction (linked to the
 * impression the application came from, so the audit sees shown → applied → hired as one path).
 */
async function move(
  ctx: ServiceContext,
  row: ApplicationRow,
  from: ApplicationStatus | null,
  to: ApplicationStatus,
  reason: string | null,
): Promise<ApplicationRow> {
  const { db } = ctx.database;
  const step = FUNNEL_STEP[to];
  const interaction = step
    ? await recordInteraction({
        ctx,
        input: {
          type: step,
          postingId: row.posting_id,
          graduateId: row.graduate_id,
          ...(row.impression_id ? { impressionId: row.impression_id } : {}),
          ...(reason ? { reason } : {}),
        },
      })
    : null;
  const now = ctx.clock.now();
  const updated = from === null ? row : await setApplicationStatus(db, row.tenant_id, row.id, to, now);
  await insertApplicationEvent(db, {
    id: ctx.ids.newId(),
    tenantId: row.tenant_id,
    applicationId: row.id,
    graduateId: row.graduate_id,
    fromStatus: from,
    toStatus: to,
    reason,
    actorRole: ctx.principal.role,
    actorKeyId: ctx.principal.keyId,
    interactionId: interaction?.id ?? null,
    occurredAt: now,
  });
  return updated;
}

/**
 * POST /v1/graduates/{id}/applications: the graduate saves or applies to an open posting. Applying again
 * (or saving what is already saved or further along) changes nothing; applying to a saved posting moves
 * it on. Only the graduate acts for themself here.
 */
export async function applyToPosting({
  ctx,
  graduateId,
  input,
}: {
  ctx: ServiceContext;
  graduateId: string;
  input: ApplicationCreate;
}): Promise<{ application: Application; change: 'created' | 'updated' | 'unchanged' }> {
  assertCanSeeGraduate(ctx.principal, graduateId);
  if (ctx.principal.role !== 'graduate')
    throw forbidden('Only the graduate saves or applies; the career office reads applications.');
  return withTransaction(ctx, async (tx) => {
    const { db } = tx.database;
    const { tenantId } = tx.principal;
    await getGraduateOr404(db, tenantId, graduateId);
    const posting = await findPosting(db, tenantId, input.postingId);
    if (!posting) throw invalid('body.postingId', 'no such posting in this tenant.');
    const { row, created } = await insertOrLockApplication(db, {
      id: tx.ids.newId(),
      tenantId,
      graduateId,
      postingId: input.postingId,
      impressionId: input.impressionId ?? null,
      status: input.status,
      now: tx.clock.now(),
    });
    const current = asStatus(row.status) ?? 'saved';
    if (created) {
      if (posting.status !== 'open')
        throw new DomainError(
          'conflict',
          'The posting is not open.',
          conflictOn('body.postingId', 'the posting is not open.'),
        );
      const saved = await move(tx, row, null, input.status, null);
      return { application: (await withHistory(db, tenantId, [saved]))[0] as Application, change: 'created' };
    }
    // Applying again, or saving what is saved or further along, is the same request repeated.
    if (current === input.status || (current !== 'saved' && current !== 'withdrawn')) {
      return { application: (await withHistory(db, tenantId, [row]))[0] as Application, change: 'unchanged' };
    }
    if (!canMove(current, input.status)) throw illegal(current, input.status);
    const moved = await move(tx, row, current, input.status, null);
    return { application: (await withHistory(db, tenantId, [moved]))[0] as Application, change: 'updated' };
  });
}

const conflictOn = (path: string, message: string) => ({ errors: [{ path, message }] });

function illegal(from: ApplicationStatus, to: ApplicationStatus): DomainError {
  const next = nextStatuses(from);
  const message =
    `cannot move from ${from} to ${to}; ` + `${next.length ? `next may be ${next.join(', ')}` : `${from} is final`}.`;
  return new DomainError('conflict', `body.status: ${message}`, conflictOn('body.status', message));
}

/** The application if the caller may see it: its graduate, its posting's employer, or staff. Else 404. */
async function visibleApplication(
  ctx: ServiceContext,
  db: Db,
  row: ApplicationRow | undefined,
): Promise<ApplicationRow> {
  const { principal } = ctx;
  if (!row) throw notFound('Application');
  if (isStaff(principal)) return row;
  if (principal.role === 'graduate' && principal.graduateId === row.graduate_id) return row;
  if (principal.role === 'employer' && row.applied_at !== null) {
    const posting = await findPosting(db, principal.tenantId, row.posting_id);
    if (posting && posting.employer_id === principal.employerId) return row;
  }
  throw notFound('Application');
}

/** PATCH /v1/applications/{id}: the graduate withdraws or applies; the posting's employer moves the rest. */
export async function updateApplication({
  ctx,
  applicationId,
  input,
}: {
  ctx: ServiceContext;
  applicationId: string;
  input: ApplicationUpdate;
}): Promise<Application> {
  return withTransaction(ctx, async (tx) => {
    const { db } = tx.database;
    const { tenantId, role } = tx.principal;
    const row = await visibleApplication(tx, db, await lockApplication(db, tenantId, applicationId));
    if (!roleMaySet(role, input.status)) {
      const who = role === 'graduate' ? 'the employer of the posting' : 'the graduate';
      throw new DomainError('forbidden', `A ${role} key may not set ${input.status}; ${who} does.`, {
        errors: [{ path: 'body.status', message: `${input.status} is set by ${who}.` }],
      });
    }
    const current = asStatus(row.status) ?? 'saved';
    if (!canMove(current, input.status)) throw illegal(current, input.status);
    const moved = await move(tx, row, current, input.status, input.reason ?? null);
    return (await withHistory(db, tenantId, [moved]))[0] as Application;
  });
}

export async function getApplication({ ctx, applicationId }: { ctx: ServiceContext; applicationId: string }) {
  const { db } = ctx.database;
  const row = await visibleApplication(ctx, db, await findApplication(db, ctx.principal.tenantId, applicationId));
  return (await withHistory(db, ctx.principal.tenantId, [row]))[0] as Application;
}

export async function listGraduateApplications({
  ctx,
  graduateId,
  status,
}: {
  ctx: ServiceContext;
  graduateId: string;
  status?: ApplicationStatus | undefined;
}): Promise<{ items: Application[] }> {
  assertCanSeeGraduate(ctx.principal, graduateId);
  const { db } = ctx.database;
  await getGraduateOr404(db, ctx.principal.tenantId, graduateId);
  const rows = await listApplicationsOfGraduate(db, ctx.principal.tenantId, graduateId, status);
  return { items: await withHistory(db, ctx.principal.tenantId, rows) };
}

/** GET /v1/jobs/{id}/applications: the posting's own employer, or the career office. */
export async function listPostingApplications({
  ctx,
  postingId,
  status,
}: {
  ctx: ServiceContext;
  postingId: string;
  status?: ApplicationStatus | undefined;
}): Promise<{ items: Application[] }> {
  const { principal } = ctx;
  const { db } = ctx.database;
  const posting = await findPosting(db, principal.tenantId, postingId);
  const mine = principal.role === 'employer' && posting?.employer_id === principal.employerId;
  if (!posting || !(mine || isStaff(principal))) throw notFound('Posting');
  const rows = await listApplicationsToPosting(db, principal.tenantId, postingId, status);
  return { items: await withHistory(db, principal.tenantId, rows) };
}

/** Every application of the graduate with its history, for their data export. */
export async function applicationsOfGraduate(db: Db, tenantId: string, graduateId: string): Promise<Application[]> {
  return withHistory(db, tenantId, await listApplicationsOfGraduate(db, tenantId, graduateId));
}
