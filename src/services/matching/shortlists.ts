import { notFound } from '../../domain/errors.ts';
import { requireRole } from '../access.ts';
import { servedCandidateList } from '../../storage/impressions.repo.ts';
import { findShortlistReview, insertShortlistReview } from '../../storage/shortlists.repo.ts';
import type { ServiceContext } from '../context.ts';

/** The served list and its posting, if this key may see it (the posting's employer or staff); else 404. */
async function servedList(ctx: ServiceContext, listId: string) {
  requireRole(ctx.principal, ['employer', 'career_office', 'admin'], 'read candidate lists');
  const rows = await servedCandidateList(ctx.database.db, ctx.principal.tenantId, listId);
  const first = rows[0];
  if (!first || (ctx.principal.role === 'employer' && first.employerId !== ctx.principal.employerId))
    throw notFound('Candidate list');
  return { rows, postingId: first.postingId };
}

/**
 * A served candidate list as an export: `automated` stays true until a person has reviewed the list, so
 * nobody downstream mistakes the machine's ranking for a human decision.
 */
export async function exportShortlist({ ctx, listId }: { ctx: ServiceContext; listId: string }) {
  const { rows, postingId } = await servedList(ctx, listId);
  const review = await findShortlistReview(ctx.database.db, ctx.principal.tenantId, listId);
  return {
    listId,
    postingId,
    servedAt: rows[0]?.createdAt.toISOString() ?? null,
    modelVersion: rows[0]?.modelVersion ?? null,
    automated: review === undefined,
    humanReview: review
      ? { reviewerRole: review.reviewerRole, note: review.note, reviewedAt: review.reviewedAt.toISOString() }
      : null,
    items: rows.map((r) => ({ rank: r.rank, graduateId: r.graduateId, score: r.score })),
  };
}

/** Records that a person reviewed the list (a note is required); idempotent per list. */
export async function reviewShortlist({ ctx, listId, note }: { ctx: ServiceContext; listId: string; note: string }) {
  const { postingId } = await servedList(ctx, listId);
  await insertShortlistReview(ctx.database.db, {
    listId,
    tenantId: ctx.principal.tenantId,
    postingId,
    reviewerKeyId: ctx.principal.keyId,
    reviewerRole: ctx.principal.role,
    note,
    at: ctx.clock.now(),
  });
  return exportShortlist({ ctx, listId });
}
