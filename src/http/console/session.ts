import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { randomIds, type Clock } from '../../services/context.ts';
import { resolveSession, sameToken, SESSION_TTL_MS } from '../../services/people/sessions.ts';
import type { Logger } from '../../logger.ts';
import type { JobQueue } from '../../queue/port.ts';
import type { ConsoleEnv } from './env.ts';
import { refuseCsrf } from './errors.ts';

export const SESSION_COOKIE = 'bole_session';
export const LOGIN_CSRF_COOKIE = 'bole_login_csrf';

/** Secure cookies everywhere but a developer's own machine, where the console is served over plain HTTP. */
export const isLocalHost = (c: Context): boolean => {
  const host = new URL(c.req.url).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
};

export function setSessionCookie(c: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    path: '/console',
    httpOnly: true,
    sameSite: 'Lax',
    secure: !isLocalHost(c),
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
}

export const clearSessionCookie = (c: Context): void => {
  deleteCookie(c, SESSION_COOKIE, { path: '/console', secure: !isLocalHost(c) });
};

/** Form fields as strings (files are not accepted by any console form). */
export async function readForm(c: Context): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  return out;
}

/**
 * Resolves the session cookie to the same principal an API key resolves to, and builds the same service
 * context; without a live session a page redirects to sign-in. A POST must carry the session's CSRF
 * token (synchronizer token) in `_csrf`, or it is refused with 403 before any service runs.
 */
export const requireSession = (deps: {
  clock: Clock;
  logger: Logger;
  jobQueue?: (() => JobQueue | null) | undefined;
}) =>
  createMiddleware<ConsoleEnv>(async function requireConsoleSession(c, next) {
    const cookie = getCookie(c, SESSION_COOKIE);
    const session = cookie ? await resolveSession({ database: c.var.database, clock: deps.clock }, cookie) : undefined;
    if (!session) {
      if (cookie) clearSessionCookie(c);
      const back = c.req.method === 'GET' ? `?next=${encodeURIComponent(c.req.path)}` : '';
      return c.redirect(`/console/login${back}`, 303);
    }
    c.set('session', session);
    c.set('principal', session.principal);
    c.set('ctx', {
      database: c.var.database,
      clock: deps.clock,
      ids: randomIds,
      logger: deps.logger,
      actor: { kind: 'principal', principal: session.principal },
      principal: session.principal,
      requestId: c.var.requestId,
      queue: deps.jobQueue?.() ?? undefined,
    });
    if (c.req.method === 'POST') {
      const form = await readForm(c);
      if (!sameToken(form._csrf ?? '', session.csrfToken)) return refuseCsrf(c);
      c.set('form', form);
    }
    await next();
  });
