import { DomainError, notFound } from '../domain/errors.ts';
import { isStaff } from './access.ts';
import type { Principal, ServiceContext } from './context.ts';

/**
 * Things only the graduate themself may do (consent, demographics, the personalization switch, appeals).
 * Staff know the graduate exists, so they get 403; everyone else 404, learning nothing.
 */
export function assertSelf(principal: Principal, graduateId: string, action: string): void {
  if (principal.role === 'graduate' && principal.graduateId === graduateId) return;
  if (isStaff(principal)) throw new DomainError('forbidden', `Only the graduate themself may ${action}.`);
  throw notFound('Graduate');
}

export const isSelf = (principal: Principal, graduateId: string): boolean =>
  principal.role === 'graduate' && principal.graduateId === graduateId;

/** Who acted, as every event row records it. */
export const actorOf = (ctx: ServiceContext) => ({ actorKeyId: ctx.principal.keyId, actorRole: ctx.principal.role });
