import { DomainError, invalid, notFound } from '../../domain/errors.ts';
import { GRADUATE_ACTIONS, type InteractionCreate } from '../../domain/model/interaction.ts';
import { newId, type ServiceContext } from '../context.ts';

/**
 * Records what someone did with a posting. Graduates record their own view/save/apply/dismiss; the
 * posting's employer or the career office records interview/offer/hire. An impression, when given,
 * must be the list item this graduate was shown for this posting.
 */
export async function recordInteraction({ ctx, input }: { ctx: ServiceContext; input: InteractionCreate }) {
  const { principal } = ctx;
  const { db } = ctx.database;
  const graduateId = principal.role === 'graduate' ? principal.graduateId : input.graduateId;
  if (!graduateId) throw invalid('body.graduateId', 'is required unless a graduate records their own action.');
  if (principal.role === 'graduate' && input.graduateId !== undefined && input.graduateId !== principal.graduateId) throw notFound('Graduate');
  if (principal.role === 'graduate' && !GRADUATE_ACTIONS.includes(input.type)) {
    throw new DomainError('forbidden', `A graduate records ${GRADUATE_ACTIONS.join(', ')}; ${input.type} is recorded by the employer or the career office.`);
  }
  if (principal.role === 'auditor') throw new DomainError('forbidden', 'An auditor key may not record interactions.');
  if (input.type === 'dismiss' && input.reason === undefined) throw invalid('body.reason', 'say why the posting is dismissed.');
  const posting = await db.selectFrom('job_postings').select(['id', 'employer_id']).where('tenant_id', '=', principal.tenantId).where('id', '=', input.postingId).executeTakeFirst();
  if (!posting || (principal.role === 'employer' && posting.employer_id !== principal.employerId)) throw invalid('body.postingId', 'no such posting visible to this key.');
  const graduate = await db.selectFrom('graduates').select('id').where('tenant_id', '=', principal.tenantId).where('id', '=', graduateId).executeTakeFirst();
  if (!graduate) throw invalid('body.graduateId', 'no such graduate in this tenant.');
  if (input.impressionId) {
    const imp = await db.selectFrom('impressions').select(['graduate_id', 'posting_id']).where('tenant_id', '=', principal.tenantId).where('id', '=', input.impressionId).executeTakeFirst();
    if (!imp || imp.graduate_id !== graduateId || imp.posting_id !== input.postingId) throw invalid('body.impressionId', 'is not an impression of this posting shown for this graduate.');
  }
  const now = ctx.clock.now();
  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : now;
  if (occurredAt.getTime() > now.getTime() + 60_000) throw invalid('body.occurredAt', 'is in the future.');
  const row = await db.insertInto('interactions').values({
    id: newId(), tenant_id: principal.tenantId, graduate_id: graduateId, posting_id: input.postingId, impression_id: input.impressionId ?? null,
    type: input.type, reason: input.reason ?? null, actor_role: principal.role, occurred_at: occurredAt, created_at: now,
  }).returningAll().executeTakeFirstOrThrow();
  return {
    id: row.id, type: input.type, postingId: row.posting_id, graduateId: row.graduate_id, impressionId: row.impression_id, reason: row.reason,
    occurredAt: row.occurred_at.toISOString(), createdAt: row.created_at.toISOString(),
  };
}
