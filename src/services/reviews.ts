import { DomainError, invalid, notFound } from '../domain/errors.ts';
import {
  REVIEW_TRANSITIONS,
  type Review,
  type ReviewCreate,
  type ReviewStatus,
  type ReviewUpdate,
} from '../domain/model/review.ts';
import { impressionOf, listShownAbout } from '../storage/graduate-data.repo.ts';
import { getGraduateOr404 } from '../storage/graduates.repo.ts';
import { findPosting } from '../storage/postings.repo.ts';
import * as repo from '../storage/reviews.repo.ts';
import type { ReviewRow } from '../storage/schema.ts';
import { assertCanSeeGraduate, requireRole } from './access.ts';
import { newId, type ServiceContext, withTransaction } from './context.ts';
import { decodeCursor, toPage, type Page } from './pagination.ts';
import { assertSelf } from './self-access.ts';
import { loadTenantSettings } from './tenant-settings.ts';

const DAY_MS = 86_400_000;
const isoOrNull = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export function toReview(row: ReviewRow): Review {
  return {
    id: row.id,
    graduateId: row.graduate_id,
    kind: row.kind as Review['kind'],
    impressionId: row.impression_id,
    postingId: row.posting_id,
    listId: row.list_id,
    reason: row.reason as Review['reason'],
    text: row.text,
    status: row.status as Review['status'],
    assignee: row.assignee,
    decision: row.decision as Review['decision'],
    reply: row.reply,
    dueAt: new Date(row.due_at).toISOString(),
    resolvedAt: isoOrNull(row.resolved_at),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/**
 * The graduate contests one recommendation, or asks a person to review an automated list about them
 * (PIPL art. 24 ¶3). What they point at must have been shown about them; the answer is due
 * reviewSlaDays after filing.
 */
export async function fileReview({
  ctx,
  graduateId,
  input,
}: {
  ctx: ServiceContext;
  graduateId: string;
  input: ReviewCreate;
}): Promise<Review> {
  assertSelf(ctx.principal, graduateId, 'file an appeal');
  const { db } = ctx.database;
  const tenantId = ctx.principal.tenantId;
  await getGraduateOr404(db, tenantId, graduateId);
  await ctx.settle?.(); // the list or impression named may have been served a moment ago
  let impressionId: string | null = null;
  let postingId: string | null = null;
  let listId: string | null = null;
  if (input.kind === 'flag') {
    if (input.impressionId !== undefined) {
      const shown = await impressionOf(db, tenantId, graduateId, input.impressionId);
      if (!shown) throw invalid('body.impressionId', 'no recommendation with this id was shown to you.');
      if (input.postingId !== undefined && input.postingId !== shown.posting_id)
        throw invalid('body.postingId', 'is not the posting of that impression.');
      impressionId = input.impressionId;
      postingId = shown.posting_id;
    } else if (input.postingId !== undefined) {
      if (!(await findPosting(db, tenantId, input.postingId))) throw invalid('body.postingId', 'no such posting.');
      postingId = input.postingId;
    }
  } else {
    if (!(await listShownAbout(db, tenantId, graduateId, input.listId)))
      throw invalid('body.listId', 'no automated list with this id is about you.');
    listId = input.listId;
  }
  const settings = await loadTenantSettings(db, tenantId);
  const now = ctx.clock.now();
  const row = await repo.insertReview(db, {
    id: newId(),
    tenantId,
    graduateId,
    kind: input.kind,
    impressionId,
    postingId,
    listId,
    reason: input.kind === 'flag' ? input.reason : null,
    text: input.text,
    dueAt: new Date(now.getTime() + settings.reviewSlaDays * DAY_MS),
    now,
  });
  return toReview(row);
}

/** The graduate's own appeals with their status and reply (the career office may read them too). */
export async function listGraduateReviews({
  ctx,
  graduateId,
  limit,
  cursor,
}: {
  ctx: ServiceContext;
  graduateId: string;
  limit: number;
  cursor?: string | undefined;
}): Promise<Page<Review>> {
  assertCanSeeGraduate(ctx.principal, graduateId);
  await getGraduateOr404(ctx.database.db, ctx.principal.tenantId, graduateId);
  const rows = await repo.listReviews(
    ctx.database.db,
    ctx.principal.tenantId,
    { graduateId },
    { limit, after: decodeCursor(cursor) },
  );
  return toPage(rows, limit, toReview);
}

/** The career office's queue. */
export async function listReviews({
  ctx,
  filters,
  limit,
  cursor,
}: {
  ctx: ServiceContext;
  filters: repo.ReviewFilters;
  limit: number;
  cursor?: string | undefined;
}): Promise<Page<Review>> {
  requireRole(ctx.principal, ['career_office', 'admin'], 'list the review queue');
  const rows = await repo.listReviews(ctx.database.db, ctx.principal.tenantId, filters, {
    limit,
    after: decodeCursor(cursor),
  });
  return toPage(rows, limit, toReview);
}

export async function getReview({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<Review> {
  requireRole(ctx.principal, ['career_office', 'admin'], 'read reviews');
  const row = await repo.findReview(ctx.database.db, ctx.principal.tenantId, id);
  if (!row) throw notFound('Review');
  return toReview(row);
}

/**
 * Assign, decide, reply and move the status forward (open → in_review → resolved). Resolving needs a
 * decision and a reply, sent now or earlier; a resolved review is final.
 */
export async function updateReview({
  ctx,
  id,
  input,
}: {
  ctx: ServiceContext;
  id: string;
  input: ReviewUpdate;
}): Promise<Review> {
  requireRole(ctx.principal, ['career_office', 'admin'], 'handle reviews');
  // A person in the console decides only with review rights; API keys keep what their role allows.
  if (ctx.principal.via === 'session' && ctx.principal.role === 'career_office' && !ctx.principal.reviewer)
    throw new DomainError('forbidden', 'Only a career office member with review rights may handle reviews.');
  const tenantId = ctx.principal.tenantId;
  return withTransaction(ctx, async ({ database: { db: trx } }) => {
    const current = await repo.findReview(trx, tenantId, id, { forUpdate: true });
    if (!current) throw notFound('Review');
    const from = current.status as ReviewStatus;
    if (from === 'resolved')
      throw new DomainError('conflict', 'This review is resolved; its decision and reply are final.');
    const to = input.status ?? from;
    if (!REVIEW_TRANSITIONS[from].includes(to)) throw invalid('body.status', `cannot go from ${from} to ${to}.`);
    const decision = input.decision ?? current.decision;
    const reply = input.reply ?? current.reply;
    if (to === 'resolved') {
      const errors = [
        ...(decision === null ? [{ path: 'body.decision', message: 'is required to resolve a review.' }] : []),
        ...(reply === null
          ? [{ path: 'body.reply', message: 'is required to resolve a review: the graduate must get an answer.' }]
          : []),
      ];
      if (errors.length > 0)
        throw new DomainError('unprocessable', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
    }
    const now = ctx.clock.now();
    const row = await repo.updateReview(trx, tenantId, id, {
      status: to,
      decision,
      reply,
      now,
      ...(input.assignee !== undefined ? { assignee: input.assignee } : {}),
      ...(input.decision !== undefined ? { decidedBy: ctx.principal.keyId } : {}),
      ...(to === 'resolved' ? { resolvedAt: now } : {}),
    });
    if (!row) throw notFound('Review');
    return toReview(row);
  });
}
