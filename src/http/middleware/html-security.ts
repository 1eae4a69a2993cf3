import { createMiddleware } from 'hono/factory';

/**
 * The policy of an HTML page that sets none of its own (the audit report, a job fair's schedule): no
 * script at all, so their inline styles are harmless; the console and /docs set stricter or their own.
 */
export const DEFAULT_HTML_CSP =
  "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** The console's policy: script and style only from its own served files, nothing inline. */
export const CONSOLE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/**
 * Security headers on every response, and a Content-Security-Policy on every HTML response that did
 * not set its own: no sniffing, no framing, no referrer to other sites.
 */
export const htmlSecurityHeaders = () =>
  createMiddleware(async function htmlSecurityHeaders(c, next) {
    await next();
    c.res.headers.set('x-content-type-options', 'nosniff');
    if (!/^text\/html\b/i.test(c.res.headers.get('content-type') ?? '')) return;
    if (!c.res.headers.has('content-security-policy')) c.res.headers.set('content-security-policy', DEFAULT_HTML_CSP);
    c.res.headers.set('referrer-policy', 'same-origin');
    c.res.headers.set('x-frame-options', 'DENY');
  });
