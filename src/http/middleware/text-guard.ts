import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';
import { problemLang } from '../lang.ts';
import { say } from '../messages.ts';
import { problem } from '../problem.ts';

/** A NUL (PostgreSQL text cannot hold it) or a UTF-16 surrogate without its pair (not encodable as UTF-8). */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Dotted paths of every string (or object key) in a JSON value that cannot be stored as text. */
function unstorable(value: unknown, path: string, out: string[]): string[] {
  if (out.length >= 20) return out;
  if (typeof value === 'string') {
    if (UNSTORABLE.test(value)) out.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => unstorable(v, `${path}.${i}`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (UNSTORABLE.test(k)) out.push(`${path}.${k.replace(UNSTORABLE, '?')}`);
      else unstorable(v, `${path}.${k}`, out);
    }
  }
  return out;
}

const isJson = (type: string | undefined) => type !== undefined && /^application\/([\w.+-]*\+)?json\b/i.test(type);

/**
 * Text with a NUL byte or a lone surrogate, in the query or anywhere in a JSON body, is a 400 naming the
 * field: PostgreSQL rejects such text, so letting it through turned a client's mistake into a 500.
 * Malformed JSON passes on to the route's own validation, which answers it.
 */
export function rejectUnstorableText() {
  return createMiddleware<AppEnv>(async function rejectUnstorableText(c, next) {
    const paths: string[] = [];
    for (const [name, value] of new URL(c.req.url).searchParams) {
      if (UNSTORABLE.test(name) || UNSTORABLE.test(value)) paths.push(`query.${name.replace(UNSTORABLE, '?')}`);
    }
    if (!['GET', 'HEAD'].includes(c.req.method) && isJson(c.req.header('content-type'))) {
      const body = await c.req.json<unknown>().then(
        (v) => ({ ok: true as const, v }),
        () => ({ ok: false as const }),
      );
      if (body.ok) unstorable(body.v, 'body', paths);
    }
    if (paths.length === 0) return next();
    const lang = problemLang(c);
    const message = say(lang, 'unstorableText');
    const errors = paths.map((path) => ({ path, message }));
    const detail = say(lang, 'invalidFields', errors.map((e) => `${e.path}: ${e.message}`).join('; '));
    const problemBody = problem(400, detail, { requestId: c.var.requestId, instance: c.req.path, errors }, lang);
    return c.body(JSON.stringify(problemBody), 400, { 'content-type': 'application/problem+json' });
  });
}
