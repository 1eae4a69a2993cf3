import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { DomainError } from '../../domain/errors.ts';
import { LANGS, type Lang } from '../../domain/model/common.ts';
import { sameToken, signIn, signOut } from '../../services/people/sessions.ts';
import { acceptedLang } from '../lang.ts';
import { withDatabase } from '../middleware/database.ts';
import { CONSOLE_CSP } from '../middleware/html-security.ts';
import type { App } from '../env.ts';
import { CONSOLE_CSS, CONSOLE_JS } from './assets.ts';
import type { ConsoleDeps, ConsoleEnv } from './env.ts';
import { domainErrorPage, errorPage } from './errors.ts';
import { html } from './html.ts';
import { t } from './i18n.ts';
import { barePage, field } from './layout.ts';
import { analyticsPages } from './analytics/index.ts';
import { auditPages } from './audits.ts';
import { graduatePages } from './graduates.ts';
import { homePage } from './home.ts';
import { postingPages } from './postings.ts';
import { queuePages } from './queues.ts';
import { reviewPages } from './reviews.ts';
import { settingsPages } from './settings.ts';
import { oidcRoutes } from './oidc.ts';
import { signInProviders } from '../../services/people/oidc.ts';
import {
  clearSessionCookie,
  isLocalHost,
  LOGIN_CSRF_COOKIE,
  readForm,
  requireSession,
  SESSION_COOKIE,
  setSessionCookie,
} from './session.ts';

const LANG_COOKIE = 'bole_lang';

/** ?lang= (remembered in a cookie), else the cookie, else Accept-Language, else English. */
function pickLang(c: Context<ConsoleEnv>): Lang {
  const asked = c.req.query('lang');
  if (asked && (LANGS as readonly string[]).includes(asked)) {
    setCookie(c, LANG_COOKIE, asked, { path: '/', sameSite: 'Lax', secure: !isLocalHost(c), maxAge: 31_536_000 });
    return asked as Lang;
  }
  const remembered = getCookie(c, LANG_COOKIE);
  if (remembered === 'zh' || remembered === 'en') return remembered;
  return acceptedLang(c.req.header('accept-language')) ?? 'en';
}

const token = (): string =>
  btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(24))))
    .replaceAll('+', '-')
    .replaceAll('/', '_');

/** A path inside the console to go back to after signing in, or the home page (never another site). */
const safeNext = (next: string | undefined): string =>
  next && /^\/console(\/[A-Za-z0-9/_.-]*)?$/.test(next) ? next : '/console';

async function loginPage(
  c: Context<ConsoleEnv>,
  opts: { email?: string; error?: string; next?: string; status?: 200 | 401 | 429 } = {},
) {
  const lang = c.var.lang;
  const next = encodeURIComponent(safeNext(opts.next));
  const providers = await signInProviders(c.var.database);
  const sso = providers.length
    ? html`<ul class="plain">
          ${providers.map(
            (p) =>
              html`<li>
                <a class="button" href="/console/oidc/${p.id}/start?next=${next}"> ${t(lang, 'signInWith', p.label)}</a>
              </li>`,
          )}
        </ul>
        <p class="muted">${t(lang, 'orPassword')}</p>`
    : '';
  const csrf = getCookie(c, LOGIN_CSRF_COOKIE) ?? token();
  setCookie(c, LOGIN_CSRF_COOKIE, csrf, {
    path: '/console',
    httpOnly: true,
    sameSite: 'Strict',
    secure: !isLocalHost(c),
  });
  const body = html`<p class="muted">${t(lang, 'signInHelp')}</p>
    ${opts.error ? html`<p class="notice bad" role="alert" id="login-error">${opts.error}</p>` : ''} ${sso}
    <form method="post" action="/console/login">
      <input type="hidden" name="_csrf" value="${csrf}" />
      <input type="hidden" name="next" value="${safeNext(opts.next)}" />
      ${field({
        name: 'email',
        label: t(lang, 'email'),
        type: 'email',
        value: opts.email,
        required: true,
        autocomplete: 'username',
      })}
      ${field({
        name: 'password',
        label: t(lang, 'password'),
        type: 'password',
        required: true,
        autocomplete: 'current-password',
      })}
      <p><button type="submit">${t(lang, 'signIn')}</button></p>
    </form>`;
  return c.html(barePage(lang, t(lang, 'signInTitle'), body), opts.status ?? 200);
}

/**
 * The career-office console at /console: server-rendered pages over the same services, roles, tenant
 * checks and access log as the API; a person's session resolves to the same principal a key does.
 */
export function consoleRoutes(app: App, deps: ConsoleDeps): void {
  const web = new Hono<ConsoleEnv>();
  web.use('*', async (c, next) => {
    c.set('lang', pickLang(c));
    await next();
    // The audit report keeps its own policy (inline styles, no script); every other page gets the console's.
    if (!c.res.headers.has('content-security-policy')) c.res.headers.set('content-security-policy', CONSOLE_CSP);
    c.res.headers.set('cache-control', c.req.path.startsWith('/console/assets/') ? 'public, max-age=3600' : 'no-store');
  });
  web.get('/assets/console.css', (c) => c.body(CONSOLE_CSS, 200, { 'content-type': 'text/css; charset=utf-8' }));
  web.get('/assets/console.js', (c) => c.body(CONSOLE_JS, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  web.use('*', withDatabase(deps.database));

  web.get('/login', (c) => loginPage(c, { next: c.req.query('next') }));
  oidcRoutes(web, deps, { loginPage, safeNext });
  web.post('/login', async (c) => {
    const form = await readForm(c);
    const expected = getCookie(c, LOGIN_CSRF_COOKIE);
    if (!expected || !sameToken(form._csrf ?? '', expected)) return errorPage(c, 403, t(c.var.lang, 'csrf'));
    const email = (form.email ?? '').trim();
    const lang = c.var.lang;
    if (!email || !form.password)
      return loginPage(c, { email, error: t(lang, 'required'), next: form.next, status: 401 });
    try {
      const signed = await signIn(
        {
          database: c.var.database,
          clock: deps.clock,
          limiter: deps.limiter,
          limits: deps.signInLimits,
          windowSeconds: deps.signInLimits?.windowSeconds,
        },
        { email, password: form.password, address: deps.clientAddress(c) },
      );
      setSessionCookie(c, signed.token);
      return c.redirect(safeNext(form.next), 303);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'rate_limited') {
        const wait = Number(error.extra.retryAfter ?? 60);
        c.header('retry-after', String(wait));
        return loginPage(c, { email, error: t(lang, 'tooMany', wait), next: form.next, status: 429 });
      }
      if (error.code === 'unauthenticated')
        return loginPage(c, { email, error: t(lang, 'badLogin'), next: form.next, status: 401 });
      throw error;
    }
  });

  web.use('*', requireSession(deps));
  web.post('/logout', async (c) => {
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie) await signOut(c.var.database, cookie);
    clearSessionCookie(c);
    return c.redirect('/console/login', 303);
  });
  web.get('/', homePage);
  graduatePages(web, deps);
  postingPages(web, deps);
  reviewPages(web);
  analyticsPages(web);
  auditPages(web);
  settingsPages(web);
  queuePages(web);
  web.all('*', (c) => errorPage(c, 404, t(c.var.lang, 'notFound')));

  web.onError((error, c) => {
    if (error instanceof DomainError) return domainErrorPage(c, error);
    deps.logger.error('unhandled', {
      requestId: c.var.requestId,
      path: c.req.routePath,
      error: error instanceof Error ? error.stack : String(error),
    });
    return errorPage(c, 500, t(c.var.lang ?? 'en', 'error', c.var.requestId));
  });
  app.route('/console', web);
}
