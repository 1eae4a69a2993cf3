import { notFound } from '../../domain/errors.ts';
import { requireRole } from '../access.ts';
import type { ServiceContext } from '../context.ts';

/** The served list and its posting, if this key may see it (the posting's employer or staff); else 404. */
async function servedList(ctx: ServiceContext, listId: string) {
  requireRole(ctx.principal, ['employer', 'career_office', 'admin'], 'read candidate lists');
  const { db } = ctx.database;
  const rows = await db.selectFrom('impressions').innerJoin('job_postings', 'job_postings.id', 'impressions.posting_id')
    .select(['impressions.posting_id', 'impressions.graduate_id', 'impressions.rank', 'impressions.score', 'impressions.created_at', 'impressions.model_version', 'job_postings.employer_id'])
    .where('impressions.tenant_id', '=', ctx.principal.tenantId).where('impressions.list_id', '=', listId).where('impressions.list_kind', '=', 'candidates')
    .orderBy('impressions.rank').execute();
  const first = rows[0];
  if (!first || (ctx.principal.role === 'employer' && first.employer_id !== ctx.principal.employerId)) throw notFound('Candidate list');
  return { rows, postingId: first.posting_id };
}

async function reviewOf(ctx: ServiceContext, listId: string) {
  return ctx.database.db.selectFrom('shortlist_reviews').selectAll().where('tenant_id', '=', ctx.principal.tenantId).where('list_id', '=', listId).executeTakeFirst();
}

/**
 * A served candidate list as an export: `automated` stays true until a person has reviewed the list, so
 * nobody downstream mistakes the machine's ranking for a human decision.
 */
export async function exportShortlist({ ctx, listId }: { ctx: ServiceContext; listId: string }) {
  const { rows, postingId } = await servedList(ctx, listId);
  const review = await reviewOf(ctx, listId);
  return {
    listId, postingId, servedAt: rows[0]?.created_at.toISOString() ?? null, modelVersion: rows[0]?.model_version ?? null,
    automated: review === undefined,
    humanReview: review ? { reviewerRole: review.reviewer_role, note: review.note, reviewedAt: review.reviewed_at.toISOString() } : null,
    items: rows.map((r) => ({ rank: r.rank, graduateId: r.graduate_id, score: r.score })),
  };
}

/** Records that a person reviewed the list (a note is required); idempotent per list. */
export async function reviewShortlist({ ctx, listId, note }: { ctx: ServiceContext; listId: string; note: string }) {
  const { postingId } = await servedList(ctx, listId);
  await ctx.database.db.insertInto('shortlist_reviews').values({
    list_id: listId, tenant_id: ctx.principal.tenantId, posting_id: postingId, reviewer_key_id: ctx.principal.keyId,
    reviewer_role: ctx.principal.role, note, reviewed_at: ctx.clock.now(),
  }).onConflict((oc) => oc.column('list_id').doNothing()).execute();
  return exportShortlist({ ctx, listId });
}
