import { createMiddleware } from 'hono/factory';
import { DomainError } from '../../domain/errors.ts';
import { authenticate } from '../../services/keys.ts';
import type { AppEnv } from '../env.ts';
import { randomIds, type Clock } from '../../services/context.ts';
import type { Logger } from '../../logger.ts';

/** Resolves the API key (Authorization: Bearer … or X-API-Key) to a principal and builds the service context. */
export const requireKey = ({ clock, logger }: { clock: Clock; logger: Logger }) => createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('authorization');
  const key = header?.toLowerCase().startsWith('bearer ') ? header.slice(7).trim() : c.req.header('x-api-key')?.trim();
  if (!key) throw new DomainError('unauthenticated', 'Send an API key as "Authorization: Bearer <key>" or "X-API-Key: <key>".');
  const principal = await authenticate(c.var.database, key, clock.now());
  if (!principal) throw new DomainError('unauthenticated', 'The API key is unknown, expired or revoked.');
  c.set('principal', principal);
  c.set('ctx', { database: c.var.database, clock, ids: randomIds, logger, actor: { kind: 'principal', principal }, principal, requestId: c.var.requestId });
  await next();
});
