import type { Role } from '../domain/model/common.ts';
import { DomainError, notFound } from '../domain/errors.ts';
import type { Principal } from './context.ts';

/** Throws 403 unless the caller has one of the roles; used where the route itself is role-bound. */
export function requireRole(principal: Principal, roles: readonly Role[], action: string): void {
  if (!roles.includes(principal.role)) {
    throw new DomainError('forbidden', `A ${principal.role} key may not ${action}.`);
  }
}

export const isStaff = (principal: Principal): boolean =>
  principal.role === 'career_office' || principal.role === 'admin';

/**
 * A graduate's own record, or any graduate of the tenant for staff. Everything else is 404, not 403, so
 * a caller learns nothing about records it may not see.
 */
export function assertCanSeeGraduate(principal: Principal, graduateId: string): void {
  if (isStaff(principal)) return;
  if (principal.role === 'graduate' && principal.graduateId === graduateId) return;
  throw notFound('Graduate');
}

export function assertCanManageEmployer(principal: Principal, employerId: string): void {
  if (isStaff(principal)) return;
  if (principal.role === 'employer' && principal.employerId === employerId) return;
  throw notFound('Employer');
}
