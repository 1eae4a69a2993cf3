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

/** A JSON, CSV or PDF answer is never a document that runs anything (OWASP REST Security cheat sheet). */
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * Security headers on every response (registered first, so 404s, 413s, 429s and 503s get them too): no
 * sniffing, no framing, no referrer; a Content-Security-Policy on every response that did not set its own;
 * HSTS when the service is served over https (`hsts`, from PUBLIC_BASE_URL); and no caching of an answer
 * to a request that carried a credential unless the route chose a policy itself.
 */
export const securityHeaders = (options: { hsts?: boolean } = {}) =>
  createMiddleware(async function securityHeaders(c, next) {
    await next();
    const h = c.res.headers;
    const html = /^text\/html\b/i.test(h.get('content-type') ?? '');
    h.set('x-content-type-options', 'nosniff');
    h.set('x-frame-options', 'DENY');
    // Pages link to their own pages only; an API answer has nothing to refer anyone to.
    h.set('referrer-policy', html ? 'same-origin' : 'no-referrer');
    if (!h.has('content-security-policy')) h.set('content-security-policy', html ? DEFAULT_HTML_CSP : API_CSP);
    h.set('cross-origin-opener-policy', 'same-origin');
    if (options.hsts) h.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
    const credentialed = c.req.header('authorization') || c.req.header('x-api-key') || c.req.header('cookie');
    if (credentialed && !h.has('cache-control')) h.set('cache-control', 'no-store');
  });
