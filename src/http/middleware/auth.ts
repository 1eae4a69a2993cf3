import type { HonoRequest } from 'hono';
import { createMiddleware } from 'hono/factory';
import { DomainError } from '../../domain/errors.ts';
import { authenticate } from '../../services/keys.ts';
import type { AppEnv } from '../env.ts';
import { problemLang } from '../lang.ts';
import { say } from '../messages.ts';
import { randomIds, type Clock } from '../../services/context.ts';
import type { Logger } from '../../logger.ts';

/** The API key a request presents (Authorization: Bearer … or X-API-Key), parsed here and nowhere else. */
export function presentedKey(req: HonoRequest): string | undefined {
  const header = req.header('authorization');
  const key = header?.toLowerCase().startsWith('bearer ') ? header.slice(7).trim() : req.header('x-api-key')?.trim();
  return key || undefined;
}

/** Resolves the API key to a principal and builds the service context. */
export const requireKey = ({ clock, logger }: { clock: Clock; logger: Logger }) =>
  createMiddleware<AppEnv>(async function requireApiKey(c, next) {
    const key = presentedKey(c.req);
    if (!key) throw new DomainError('unauthenticated', say(problemLang(c), 'missingKey'));
    const principal = await authenticate(c.var.database, key, clock.now());
    if (!principal) throw new DomainError('unauthenticated', say(problemLang(c), 'unknownKey'));
    c.set('principal', principal);
    c.set('ctx', {
      database: c.var.database,
      clock,
      ids: randomIds,
      logger,
      actor: { kind: 'principal', principal },
      principal,
      requestId: c.var.requestId,
    });
    await next();
  });
