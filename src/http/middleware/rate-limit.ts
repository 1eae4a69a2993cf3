import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Principal } from '../../services/context.ts';
import { routeClass } from '../../services/rate-limit/classes.ts';
import { tooManyRequests } from '../../services/rate-limit/port.ts';
import type { TokenRateLimits } from '../../services/rate-limit/tokens.ts';
import type { AppEnv } from '../env.ts';

/** Addresses are counted as given; an IPv6 client is counted by its /64, which one host usually has whole. */
export function addressKey(address: string): string {
  if (!address.includes(':') || address.startsWith('::ffff:')) return address.replace(/^::ffff:/, '');
  const groups = address.split('::');
  const head = (groups[0] ?? '').split(':').filter(Boolean);
  const tail = groups.length > 1 ? (groups[1] ?? '').split(':').filter(Boolean) : [];
  const full = [...head, ...Array(Math.max(0, 8 - head.length - tail.length)).fill('0'), ...tail];
  return `${full.slice(0, 4).join(':')}::/64`;
}

/**
 * Per-address limits by route class, before any credential is read: a flood from one address is refused
 * without a database query. Then failed authentication: an address whose last answers were too many
 * 401s gets 429 until its failures age out of the window, whatever credential it tries next.
 */
export const limitByAddress = (limits: TokenRateLimits, clientAddress: (c: Context) => string) =>
  createMiddleware<AppEnv>(async function limitByAddress(c, next) {
    const settings = limits.classes;
    if (!settings) return next();
    const address = addressKey(clientAddress(c));
    const cls = routeClass(c.req.method, c.req.path);
    const rule = { limit: settings.classes[cls].perAddress, windowSeconds: settings.windowSeconds };
    const wait = await limits.limiter.hit(`address:${cls}:${address}`, rule);
    if (wait > 0) throw tooManyRequests(`from this address (${cls})`, wait, { limit: 'address', routeClass: cls });
    const failures = `auth-failures:${address}`;
    const blocked = await limits.limiter.peek(failures, settings.authFailures);
    if (blocked > 0) throw tooManyRequests('with failed credentials from this address', blocked, { limit: 'auth' });
    await next();
    if (c.res.status === 401) await limits.limiter.record(failures, settings.authFailures);
  });

/** Per-key limits by route class, once the credential is known; a token counts per app and graduate. */
export async function limitByKey(limits: TokenRateLimits, c: Context<AppEnv>, principal: Principal): Promise<void> {
  const settings = limits.classes;
  if (!settings) return;
  const cls = routeClass(c.req.method, c.req.path);
  const who = principal.via === 'key' ? principal.keyId : `${principal.keyId}:${principal.graduateId ?? ''}`;
  const rule = { limit: settings.classes[cls].perKey, windowSeconds: settings.windowSeconds };
  const wait = await limits.limiter.hit(`key:${cls}:${who}`, rule);
  if (wait > 0) throw tooManyRequests(`for this key (${cls})`, wait, { limit: 'key', routeClass: cls });
}
