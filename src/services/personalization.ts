import type { PersonalizationState } from '../domain/model/personalization.ts';
import { lockGraduateOr404, setPersonalizationEnabled } from '../storage/graduate-data.repo.ts';
import { getGraduateOr404 } from '../storage/graduates.repo.ts';
import { insertProfileEvent, listProfileEvents } from '../storage/profile-events.repo.ts';
import type { ProfileEventRow } from '../storage/schema.ts';
import { assertCanSeeGraduate } from './access.ts';
import { newId, type ServiceContext, withTransaction } from './context.ts';
import { actorOf, assertSelf } from './self-access.ts';

const history = (rows: readonly ProfileEventRow[]): PersonalizationState['history'] =>
  rows.map((r) => {
    const detail = (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail) as { enabled?: unknown };
    return {
      enabled: detail.enabled === true,
      actorKeyId: r.actor_key_id,
      actorRole: r.actor_role,
      at: new Date(r.created_at).toISOString(),
    };
  });

export async function getPersonalization({
  ctx,
  graduateId,
}: {
  ctx: ServiceContext;
  graduateId: string;
}): Promise<PersonalizationState> {
  assertCanSeeGraduate(ctx.principal, graduateId);
  const { db } = ctx.database;
  const row = await getGraduateOr404(db, ctx.principal.tenantId, graduateId);
  return {
    enabled: row.personalization_enabled,
    history: history(await listProfileEvents(db, ctx.principal.tenantId, graduateId, 'personalization')),
  };
}

/**
 * The graduate's switch (Algorithmic Recommendation Provisions art. 17, PIPL art. 24): the matching engine
 * reads graduates.personalization_enabled on every request, so the change holds from the next one.
 * Every change is an event; setting the value it already has records nothing.
 */
export async function setPersonalization({
  ctx,
  graduateId,
  enabled,
}: {
  ctx: ServiceContext;
  graduateId: string;
  enabled: boolean;
}): Promise<PersonalizationState> {
  assertSelf(ctx.principal, graduateId, 'switch personalization');
  const tenantId = ctx.principal.tenantId;
  return withTransaction(ctx, async ({ database: { db: trx } }) => {
    const current = await lockGraduateOr404(trx, tenantId, graduateId);
    if (current.personalizationEnabled !== enabled) {
      const now = ctx.clock.now();
      await setPersonalizationEnabled(trx, tenantId, graduateId, enabled, now);
      await insertProfileEvent(trx, {
        id: newId(),
        tenantId,
        graduateId,
        kind: 'personalization',
        detail: { enabled },
        ...actorOf(ctx),
        now,
      });
    }
    return { enabled, history: history(await listProfileEvents(trx, tenantId, graduateId, 'personalization')) };
  });
}
