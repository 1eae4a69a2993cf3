import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';
import { problemLang } from '../lang.ts';
import { say } from '../messages.ts';
import { problem } from '../problem.ts';
import { inPhase, type GuardPhase, type OperationTable } from './operations.ts';

/** A NUL (PostgreSQL text cannot hold it) or a UTF-16 surrogate without its pair (not encodable as UTF-8). */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Deeper than any schema of this API goes; a deeper body is refused before anything walks it recursively. */
export const MAX_JSON_DEPTH = 64;

interface Unstorable {
  path: string;
  deep: boolean;
}

/**
 * Dotted paths of every string (or object key) in a JSON value that cannot be stored as text, and of the first
 * place nested deeper than MAX_JSON_DEPTH. Walked with an explicit stack: a body nested thousands deep
 * overflowed the call stack here (a 500).
 */
function unstorable(root: unknown, out: Unstorable[]): Unstorable[] {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: root, path: 'body', depth: 0 }];
  while (stack.length > 0 && out.length < 20) {
    const { value, path, depth } = stack.pop() as { value: unknown; path: string; depth: number };
    if (typeof value === 'string') {
      if (UNSTORABLE.test(value)) out.push({ path, deep: false });
    } else if (value !== null && typeof value === 'object') {
      if (depth >= MAX_JSON_DEPTH) {
        out.push({ path, deep: true });
        continue;
      }
      const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
      for (const [k, v] of entries.reverse()) {
        if (UNSTORABLE.test(k)) out.push({ path: `${path}.${k.replace(UNSTORABLE, '?')}`, deep: false });
        else stack.push({ value: v, path: `${path}.${k}`, depth: depth + 1 });
      }
    }
  }
  return out;
}

const isJson = (type: string | undefined) => type !== undefined && /^application\/([\w.+-]*\+)?json\b/i.test(type);

/**
 * Text with a NUL byte or a lone surrogate, in the query or anywhere in a JSON body, and a body nested deeper
 * than MAX_JSON_DEPTH, are a 400 naming the field: PostgreSQL rejects such text, so letting it through turned a
 * client's mistake into a 500. Malformed JSON passes on to the route's own validation, which answers it. Keyed
 * operations are checked after the credential and role checks (`phase`); bodies of file uploads are not read
 * here (reading locked the stream the upload reads: a 500).
 */
export function rejectUnstorableText(operations: OperationTable, phase: GuardPhase) {
  return createMiddleware<AppEnv>(async function rejectUnstorableText(c, next) {
    if (!inPhase(operations, c.req.method, c.req.path, phase)) return next();
    const paths: Unstorable[] = [];
    for (const [name, value] of new URL(c.req.url).searchParams) {
      if (UNSTORABLE.test(name) || UNSTORABLE.test(value)) {
        paths.push({ path: `query.${name.replace(UNSTORABLE, '?')}`, deep: false });
      }
    }
    const takesJson = operations.of(c.req.method, c.req.path)?.jsonBody ?? true;
    if (takesJson && !['GET', 'HEAD'].includes(c.req.method) && isJson(c.req.header('content-type'))) {
      const body = await c.req.json<unknown>().then(
        (v) => ({ ok: true as const, v }),
        () => ({ ok: false as const }),
      );
      if (body.ok) unstorable(body.v, paths);
    }
    if (paths.length === 0) return next();
    const lang = problemLang(c);
    const errors = paths.map(({ path, deep }) => ({
      path,
      message: deep ? say(lang, 'nestedTooDeep', MAX_JSON_DEPTH) : say(lang, 'unstorableText'),
    }));
    const detail = say(lang, 'invalidFields', errors.map((e) => `${e.path}: ${e.message}`).join('; '));
    const problemBody = problem(400, detail, { requestId: c.var.requestId, instance: c.req.path, errors }, lang);
    return c.body(JSON.stringify(problemBody), 400, { 'content-type': 'application/problem+json' });
  });
}
