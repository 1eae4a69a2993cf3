import type { HonoRequest } from 'hono';
import { createMiddleware } from 'hono/factory';
import { DomainError } from '../../domain/errors.ts';
import { scopeForMethod } from '../../domain/model/identity.ts';
import type { TokenSettings } from '../../services/identity/apps.ts';
import { checkTokenRate, type TokenRateLimits } from '../../services/rate-limit/tokens.ts';
import { limitByKey } from './rate-limit.ts';
import { authenticateToken } from '../../services/identity/verify.ts';
import { authenticate } from '../../services/keys.ts';
import type { AppEnv } from '../env.ts';
import { problemLang } from '../lang.ts';
import { say } from '../messages.ts';
import { randomIds, type Clock, type Principal } from '../../services/context.ts';
import type { Logger } from '../../logger.ts';
import type { Database } from '../../storage/db.ts';

/** The credential a request presents (Authorization: Bearer … or X-API-Key), parsed here and nowhere else. */
export function presentedKey(req: HonoRequest): string | undefined {
  const header = req.header('authorization');
  const key = header?.toLowerCase().startsWith('bearer ') ? header.slice(7).trim() : req.header('x-api-key')?.trim();
  return key || undefined;
}

export interface AuthOptions {
  clock: Clock;
  logger: Logger;
  tokens: TokenSettings;
  rateLimits: TokenRateLimits;
  /** See SystemContext.settle. */
  settle?: ((database: Database) => Promise<void>) | undefined;
}

/**
 * Resolves the credential to one principal and builds the service context. An API key (bole_…), an app's
 * token or a trusted provider's token (JWTs) all end here. A token acts for one graduate: its scopes
 * decide what it may do by method, and it counts against its app's and its graduate's rate limits.
 */
export const requireKey = (options: AuthOptions) =>
  createMiddleware<AppEnv>(async function requireCredential(c, next) {
    const credential = presentedKey(c.req);
    if (!credential) throw new DomainError('unauthenticated', say(problemLang(c), 'missingKey'));
    let principal: Principal;
    if (credential.startsWith('bole_')) {
      const byKey = await authenticate(c.var.database, credential, options.clock.now());
      if (!byKey) throw new DomainError('unauthenticated', say(problemLang(c), 'unknownKey'));
      principal = byKey;
    } else {
      principal = await authenticateToken(
        { database: c.var.database, clock: options.clock, tokens: options.tokens },
        credential,
      );
      const needed = scopeForMethod(c.req.method);
      if (principal.scopes && !principal.scopes.includes(needed)) {
        throw new DomainError('forbidden', `The token lacks the "${needed}" scope this request needs.`, {
          extra: { scope: needed },
        });
      }
      await checkTokenRate(options.rateLimits, principal);
    }
    await limitByKey(options.rateLimits, c, principal);
    c.set('principal', principal);
    c.set('ctx', {
      database: c.var.database,
      clock: options.clock,
      ids: randomIds,
      logger: options.logger,
      actor: { kind: 'principal', principal },
      principal,
      requestId: c.var.requestId,
      settle: options.settle && settleFor(options.settle, c.var.database),
    });
    await next();
  });

const settleFor = (settle: (database: Database) => Promise<void>, database: Database) => () => settle(database);
