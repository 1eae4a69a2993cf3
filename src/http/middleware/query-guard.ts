import type { OpenAPIHono } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';
import { problemLang } from '../lang.ts';
import { say } from '../messages.ts';
import { problem } from '../problem.ts';

interface DeclaredQuery {
  method: string;
  pattern: RegExp;
  names: ReadonlySet<string>;
}

/** The keys of a zod object, also behind a pipe (`z.object(…).transform(…)`), whose input side is the object. */
function shapeKeys(schema: unknown): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  if ('shape' in schema && typeof schema.shape === 'object' && schema.shape !== null) return Object.keys(schema.shape);
  return 'in' in schema ? shapeKeys(schema.in) : [];
}

/** Each documented operation with the query parameters its schema declares. */
function declaredQueries(app: OpenAPIHono<AppEnv>): DeclaredQuery[] {
  return app.openAPIRegistry.definitions.flatMap((d) =>
    d.type !== 'route'
      ? []
      : [
          {
            method: d.route.method.toUpperCase(),
            pattern: new RegExp(`^${d.route.path.replace(/[.]/g, '\\.').replace(/\{[^/}]+\}/g, '[^/]+')}/?$`),
            names: new Set(shapeKeys(d.route.request?.query)),
          },
        ],
  );
}

/**
 * A query parameter no operation on this path declares is a 400 naming it (`query.<name>`), so a misspelt
 * filter is never silently ignored. Paths that are not documented operations pass through to 404/405.
 */
export function rejectUnknownQuery(app: OpenAPIHono<AppEnv>) {
  let operations: DeclaredQuery[] | undefined;
  return createMiddleware<AppEnv>(async function rejectUnknownQueryParameters(c, next) {
    const sent = [...new Set(new URL(c.req.url).searchParams.keys())];
    if (sent.length === 0) return next();
    operations ??= declaredQueries(app);
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    const matching = operations.filter((o) => o.method === method && o.pattern.test(c.req.path));
    if (matching.length === 0) return next();
    const accepted = new Set(matching.flatMap((o) => [...o.names]));
    const unknown = sent.filter((name) => !accepted.has(name));
    if (unknown.length === 0) return next();
    const lang = problemLang(c);
    const message =
      accepted.size === 0 ? say(lang, 'noQuery') : say(lang, 'unknownQuery', [...accepted].sort().join(', '));
    const errors = unknown.map((name) => ({ path: `query.${name}`, message }));
    const detail = say(lang, 'invalidFields', errors.map((e) => `${e.path}: ${e.message}`).join('; '));
    const body = problem(400, detail, { requestId: c.var.requestId, instance: c.req.path, errors }, lang);
    return c.body(JSON.stringify(body), 400, { 'content-type': 'application/problem+json' });
  });
}
