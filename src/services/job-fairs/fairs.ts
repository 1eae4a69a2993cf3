import { DomainError, notFound } from '../../domain/errors.ts';
import {
  hhmm,
  minutesOf,
  type BoothCreate,
  type FairCreate,
  type RegistrationInput,
} from '../../domain/model/job-fair.ts';
import * as repo from '../../storage/job-fairs.repo.ts';
import type { BoothRow, JobFairRow, RegistrationRow } from '../../storage/job-fairs.schema.ts';
import { isStaff, requireRole } from '../access.ts';
import { newId, type ServiceContext } from '../context.ts';
import { decodeCursor, toPage, type Page } from '../pagination.ts';
import { boothCapacity, slotsOfFair } from './problem.ts';
import { isoDay, isoTimeOrNull } from '../../domain/iso.ts';

const unprocessable = (path: string, message: string) =>
  new DomainError('unprocessable', `${path}: ${message}`, { errors: [{ path, message }] });

export interface FairView {
  id: string;
  name: string;
  date: string;
  venue: string;
  slotMinutes: number;
  start: string;
  end: string;
  breaks: { from: string; to: string }[];
  slots: { start: string; end: string }[];
  maxInterviewsPerGraduate: number;
  maxRankings: number;
  preferenceWeight: number;
  publishedRunId: string | null;
  createdAt: string;
}

export function toFairView(row: JobFairRow): FairView {
  return {
    id: row.id,
    name: row.name,
    date: isoDay(row.fair_date),
    venue: row.venue,
    slotMinutes: row.slot_minutes,
    start: hhmm(row.starts_minute),
    end: hhmm(row.ends_minute),
    breaks: row.breaks.map((b) => ({ from: hhmm(b.from), to: hhmm(b.to) })),
    slots: slotsOfFair(row).map((s) => ({ start: hhmm(s.from), end: hhmm(s.to) })),
    maxInterviewsPerGraduate: row.max_interviews,
    maxRankings: row.max_rankings,
    preferenceWeight: row.preference_weight,
    publishedRunId: row.published_run_id,
    createdAt: row.created_at.toISOString(),
  };
}

export interface BoothView {
  id: string;
  fairId: string;
  employerId: string;
  postingIds: string[];
  room: string;
  table: string;
  interviewers: number;
  capacity: number;
  cancelledAt: string | null;
}

const toBoothView = (row: BoothRow, slots: number): BoothView => ({
  id: row.id,
  fairId: row.fair_id,
  employerId: row.employer_id,
  postingIds: row.posting_ids,
  room: row.room,
  table: row.table_label,
  interviewers: row.interviewers,
  capacity: boothCapacity(row, slots),
  cancelledAt: isoTimeOrNull(row.cancelled_at),
});

const toRegistrationView = (row: RegistrationRow) => ({
  fairId: row.fair_id,
  graduateId: row.graduate_id,
  rankings: row.rankings,
  cancelledAt: isoTimeOrNull(row.cancelled_at),
  updatedAt: row.updated_at.toISOString(),
});

/** The fair, for any key of its tenant; 404 for every other tenant. */
export async function loadFair(ctx: ServiceContext, id: string): Promise<JobFairRow> {
  const row = await repo.findFair(ctx.database.db, ctx.principal.tenantId, id);
  if (!row) throw notFound('Job fair');
  return row;
}

export async function createFair({ ctx, input }: { ctx: ServiceContext; input: FairCreate }): Promise<FairView> {
  requireRole(ctx.principal, ['career_office', 'admin'], 'create job fairs');
  const row = await repo.insertFair(ctx.database.db, {
    id: newId(),
    tenantId: ctx.principal.tenantId,
    name: input.name,
    date: input.date,
    venue: input.venue,
    slotMinutes: input.slotMinutes,
    startsMinute: minutesOf(input.start),
    endsMinute: minutesOf(input.end),
    breaks: input.breaks.map((b) => ({ from: minutesOf(b.from), to: minutesOf(b.to) })),
    maxInterviews: input.maxInterviewsPerGraduate,
    maxRankings: input.maxRankings,
    preferenceWeight: input.preferenceWeight,
    now: ctx.clock.now(),
  });
  return toFairView(row);
}

export async function getFair({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<FairView> {
  return toFairView(await loadFair(ctx, id));
}

export async function listFairs({
  ctx,
  limit,
  cursor,
}: {
  ctx: ServiceContext;
  limit: number;
  cursor?: string | undefined;
}): Promise<Page<FairView>> {
  const rows = await repo.listFairs(ctx.database.db, ctx.principal.tenantId, { limit, after: decodeCursor(cursor) });
  return toPage(rows, limit, toFairView);
}

/**
 * An employer joins with a booth (an employer key books for itself; staff name the employer). The
 * postings must be the employer's own, and the capacity must fit interviewers × usable slots.
 */
export async function addBooth({
  ctx,
  fairId,
  input,
}: {
  ctx: ServiceContext;
  fairId: string;
  input: BoothCreate;
}): Promise<BoothView> {
  requireRole(ctx.principal, ['employer', 'career_office', 'admin'], 'add booths');
  const fair = await loadFair(ctx, fairId);
  const { db } = ctx.database;
  let employerId = input.employerId;
  if (ctx.principal.role === 'employer') {
    if (employerId !== undefined && employerId !== ctx.principal.employerId) throw notFound('Employer');
    employerId = ctx.principal.employerId ?? undefined;
  }
  if (employerId === undefined) throw unprocessable('body.employerId', 'name the employer the booth is for.');
  if ((await repo.employerNames(db, ctx.principal.tenantId, [employerId])).size === 0)
    throw unprocessable('body.employerId', 'no such employer in this tenant.');
  const postings = new Map(
    (await repo.postingsByIds(db, ctx.principal.tenantId, input.postingIds)).map((p) => [p.id, p]),
  );
  input.postingIds.forEach((id, i) => {
    const p = postings.get(id);
    if (!p || p.employer_id !== employerId)
      throw unprocessable(`body.postingIds.${i}`, 'no such posting of this employer.');
  });
  const slots = slotsOfFair(fair).length;
  if (input.capacity !== undefined && input.capacity > input.interviewers * slots) {
    throw unprocessable(
      'body.capacity',
      `more than ${input.interviewers} interviewer(s) × ${slots} usable slot(s) = ${input.interviewers * slots}.`,
    );
  }
  const row = await repo.insertBooth(db, {
    id: newId(),
    tenantId: ctx.principal.tenantId,
    fairId,
    employerId,
    room: input.room,
    table: input.table,
    interviewers: input.interviewers,
    capacity: input.capacity ?? null,
    postingIds: [...new Set(input.postingIds)],
    now: ctx.clock.now(),
  });
  return toBoothView(row, slots);
}

/** Staff and graduates see every booth (graduates rank them); an employer sees its own. */
export async function listBooths({
  ctx,
  fairId,
}: {
  ctx: ServiceContext;
  fairId: string;
}): Promise<{ items: BoothView[] }> {
  requireRole(ctx.principal, ['employer', 'graduate', 'career_office', 'admin'], 'list booths');
  const fair = await loadFair(ctx, fairId);
  const mine = ctx.principal.role === 'employer' ? (ctx.principal.employerId ?? '') : undefined;
  const slots = slotsOfFair(fair).length;
  return {
    items: (await repo.listBooths(ctx.database.db, ctx.principal.tenantId, fairId, mine)).map((b) =>
      toBoothView(b, slots),
    ),
  };
}

/** A graduate registers (again: the rankings are replaced); staff may register any graduate of the tenant. */
export async function register({
  ctx,
  fairId,
  input,
}: {
  ctx: ServiceContext;
  fairId: string;
  input: RegistrationInput;
}) {
  requireRole(ctx.principal, ['graduate', 'career_office', 'admin'], 'register for job fairs');
  const fair = await loadFair(ctx, fairId);
  const { db } = ctx.database;
  let graduateId = input.graduateId;
  if (ctx.principal.role === 'graduate') {
    if (graduateId !== undefined && graduateId !== ctx.principal.graduateId) throw notFound('Graduate');
    graduateId = ctx.principal.graduateId ?? undefined;
  }
  if (graduateId === undefined || (await repo.graduateNames(db, ctx.principal.tenantId, [graduateId])).size === 0) {
    throw unprocessable('body.graduateId', 'name a graduate of this tenant.');
  }
  if (input.rankings.length > fair.max_rankings)
    throw unprocessable('body.rankings', `at most ${fair.max_rankings} booth(s) may be ranked at this fair.`);
  const open = new Set(
    (await repo.listBooths(db, ctx.principal.tenantId, fairId)).filter((b) => b.cancelled_at === null).map((b) => b.id),
  );
  input.rankings.forEach((id, i) => {
    if (!open.has(id)) throw unprocessable(`body.rankings.${i}`, 'no such booth at this fair.');
  });
  const row = await repo.upsertRegistration(db, {
    tenantId: ctx.principal.tenantId,
    fairId,
    graduateId,
    rankings: input.rankings,
    now: ctx.clock.now(),
  });
  return toRegistrationView(row);
}

export function assertStaff(ctx: ServiceContext, action: string): void {
  if (!isStaff(ctx.principal)) throw new DomainError('forbidden', `A ${ctx.principal.role} key may not ${action}.`);
}
