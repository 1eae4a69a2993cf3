import { DomainError, invalid, notFound } from '../../domain/errors.ts';
import { GRADUATE_ACTIONS, type InteractionCreate } from '../../domain/model/interaction.ts';
import { findGraduate } from '../../storage/graduates.repo.ts';
import { findImpressionPair } from '../../storage/impressions.repo.ts';
import { graduateLinkedToPosting, insertInteraction } from '../../storage/interactions.repo.ts';
import { findPosting } from '../../storage/postings.repo.ts';
import { newId, type ServiceContext } from '../context.ts';

/**
 * Records what someone did with a posting. Graduates record their own view/save/apply/dismiss; the
 * posting's employer or the career office records interview/offer/hire. An impression, when given,
 * must be the list item this graduate was shown for this posting. Whoever records for a graduate must refer to
 * something it may see: an employer, a candidate list of its posting that showed the graduate or the graduate's
 * application to it (never the graduate's own recommendations); the career office, any of those or the posting
 * shown to the graduate. Without one, an employer could record an offer for a graduate it was never shown.
 */
export async function recordInteraction({ ctx, input }: { ctx: ServiceContext; input: InteractionCreate }) {
  const { principal } = ctx;
  const { db } = ctx.database;
  const graduateId = principal.role === 'graduate' ? principal.graduateId : input.graduateId;
  if (!graduateId) throw invalid('body.graduateId', 'is required unless a graduate records their own action.');
  if (principal.role === 'graduate' && input.graduateId !== undefined && input.graduateId !== principal.graduateId)
    throw notFound('Graduate');
  if (principal.role === 'graduate' && !GRADUATE_ACTIONS.includes(input.type)) {
    throw new DomainError(
      'forbidden',
      `A graduate records ${GRADUATE_ACTIONS.join(', ')}; ${input.type} is recorded by the ` +
        `employer or the career office.`,
    );
  }
  if (principal.role === 'auditor') throw new DomainError('forbidden', 'An auditor key may not record interactions.');
  if (input.type === 'dismiss' && input.reason === undefined)
    throw invalid('body.reason', 'say why the posting is dismissed.');
  const posting = await findPosting(db, principal.tenantId, input.postingId);
  if (!posting || (principal.role === 'employer' && posting.employer_id !== principal.employerId))
    throw invalid('body.postingId', 'no such posting visible to this key.');
  if (!(await findGraduate(db, principal.tenantId, graduateId)))
    throw invalid('body.graduateId', 'no such graduate in this tenant.');
  if (input.impressionId || principal.role !== 'graduate') await ctx.settle?.();
  const imp = input.impressionId ? await findImpressionPair(db, principal.tenantId, input.impressionId) : undefined;
  if (input.impressionId && (!imp || imp.graduateId !== graduateId || imp.postingId !== input.postingId))
    throw invalid('body.impressionId', 'is not an impression of this posting shown for this graduate.');
  // An employer sees the candidate lists of its postings, never a graduate's own recommendations.
  const seenThroughImpression = imp !== undefined && (principal.role !== 'employer' || imp.listKind === 'candidates');
  if (principal.role !== 'graduate' && !seenThroughImpression) {
    const link = { tenantId: principal.tenantId, graduateId, postingId: input.postingId };
    if (!(await graduateLinkedToPosting(db, { ...link, anyImpression: principal.role !== 'employer' })))
      throw invalid(
        'body.graduateId',
        principal.role === 'employer'
          ? 'was never shown to this employer for this posting and has not applied to it.'
          : 'was never shown this posting, nor shown for it, and has not applied to it.',
      );
  }
  const now = ctx.clock.now();
  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : now;
  if (occurredAt.getTime() > now.getTime() + 60_000) throw invalid('body.occurredAt', 'is in the future.');
  const row = await insertInteraction(db, {
    id: newId(),
    tenantId: principal.tenantId,
    graduateId,
    postingId: input.postingId,
    impressionId: input.impressionId ?? null,
    type: input.type,
    reason: input.reason ?? null,
    actorRole: principal.role,
    occurredAt,
    createdAt: now,
  });
  return {
    id: row.id,
    type: input.type,
    postingId: row.postingId,
    graduateId: row.graduateId,
    impressionId: row.impressionId,
    reason: row.reason,
    occurredAt: row.occurredAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}
