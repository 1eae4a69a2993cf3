import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { DomainError } from '../../domain/errors.ts';
import { codeToStatus } from '../problem.ts';
import type { ConsoleEnv } from './env.ts';
import { html } from './html.ts';
import { t } from './i18n.ts';
import { barePage, page } from './layout.ts';

/** An error as a console page: inside the navigation when someone is signed in, bare otherwise. */
export function errorPage(c: Context<ConsoleEnv>, status: ContentfulStatusCode, message: string) {
  const lang = c.var.lang ?? 'en';
  const body = html`<p class="notice bad" role="alert">${message}</p>
    <p><a href="/console">${t(lang, 'back')}</a></p>`;
  const title = `${status}`;
  return c.html(c.var.session ? page(c, { title, active: null, body }) : barePage(lang, title, body), status);
}

export const refuseCsrf = (c: Context<ConsoleEnv>) => errorPage(c, 403, t(c.var.lang, 'csrf'));

/**
 * A service's refusal as the console shows it: a DomainError keeps its status and message (the same
 * the API would answer); anything else is logged by the caller and shown as a generic 500.
 */
export function domainErrorPage(c: Context<ConsoleEnv>, error: DomainError) {
  const status = codeToStatus[error.code] as ContentfulStatusCode;
  const lang = c.var.lang ?? 'en';
  const message =
    error.code === 'forbidden'
      ? `${t(lang, 'forbidden')} (${error.message})`
      : error.code === 'not_found'
        ? t(lang, 'notFound')
        : error.message;
  if (typeof error.extra.retryAfter === 'number') c.header('retry-after', String(error.extra.retryAfter));
  return errorPage(c, status, message);
}
