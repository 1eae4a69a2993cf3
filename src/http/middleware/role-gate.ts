import { createMiddleware } from 'hono/factory';
import { DomainError } from '../../domain/errors.ts';
import type { AppEnv } from '../env.ts';
import { operationRoles } from '../operation-roles.ts';
import type { OperationTable } from './operations.ts';

/**
 * Refuses a role the operation never serves before any input is read, so a caller learns "not for your key"
 * (403, or 404 where the service hides the record from that role) rather than what its body got wrong.
 * Runs after the credential check and before the query, text and schema checks.
 */
export function requireOperationRole(operations: OperationTable) {
  return createMiddleware<AppEnv>(async function requireOperationRole(c, next) {
    const principal = c.var.principal;
    const operation = operations.of(c.req.method, c.req.path);
    const roles = operation && operationRoles[operation.operationId];
    if (!principal || !roles || roles.allow.includes(principal.role)) return next();
    if (roles.hidden?.includes(principal.role))
      throw new DomainError('not_found', 'Not found, or not visible to this key.');
    throw new DomainError('forbidden', `A ${principal.role} key may not call ${operation.operationId}.`);
  });
}
