import type { Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { DomainError } from '../../domain/errors.ts';
import { finishOidcSignIn, OIDC_LOGIN_TTL_MS, startOidcSignIn } from '../../services/people/oidc.ts';
import type { ConsoleDeps, ConsoleEnv } from './env.ts';
import { errorPage } from './errors.ts';
import { t } from './i18n.ts';
import { isLocalHost, setSessionCookie } from './session.ts';
import { UUID } from '../../domain/uuid.ts';

/** The state of the sign-in this browser started, so the provider's answer is taken only here. */
const STATE_COOKIE = 'bole_oidc_state';
const CALLBACK = '/console/oidc/callback';

interface LoginPages {
  loginPage: (
    c: Context<ConsoleEnv>,
    opts: { error?: string; next?: string; status?: 200 | 401 | 429 },
  ) => Promise<Response>;
  safeNext: (next: string | undefined) => string;
}

/**
 * Sign-in through the tenant's identity provider (OpenID Connect): /console/oidc/<provider>/start sends the browser
 * to the provider, which sends it back to /console/oidc/callback with a code; the service checks the rest.
 */
export function oidcRoutes(web: Hono<ConsoleEnv>, deps: Pick<ConsoleDeps, 'clock'>, pages: LoginPages): void {
  web.get('/oidc/:provider/start', async (c) => {
    const providerId = c.req.param('provider');
    if (!UUID.test(providerId)) return errorPage(c, 404, t(c.var.lang, 'notFound'));
    const started = await startOidcSignIn(
      { database: c.var.database, clock: deps.clock },
      { providerId, redirectUri: new URL(CALLBACK, c.req.url).href, next: pages.safeNext(c.req.query('next')) },
    );
    // Lax, not Strict: the provider's answer arrives as a top-level navigation from its own site.
    setCookie(c, STATE_COOKIE, started.state, {
      path: '/console/oidc',
      httpOnly: true,
      sameSite: 'Lax',
      secure: !isLocalHost(c),
      maxAge: OIDC_LOGIN_TTL_MS / 1000,
    });
    return c.redirect(started.url, 303);
  });

  web.get('/oidc/callback', async (c) => {
    const lang = c.var.lang;
    const browserState = getCookie(c, STATE_COOKIE);
    deleteCookie(c, STATE_COOKIE, { path: '/console/oidc', secure: !isLocalHost(c) });
    const { state, code, error } = c.req.query();
    if (error || !state || !code)
      return pages.loginPage(c, { error: t(lang, 'oidcFailed', error ?? 'no code'), status: 401 });
    try {
      const signed = await finishOidcSignIn(
        { database: c.var.database, clock: deps.clock },
        { state, code, browserState },
      );
      setSessionCookie(c, signed.token);
      return c.redirect(pages.safeNext(signed.next), 303);
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'unauthenticated') throw e;
      return pages.loginPage(c, { error: t(lang, 'oidcFailed', e.message), status: 401 });
    }
  });
}
