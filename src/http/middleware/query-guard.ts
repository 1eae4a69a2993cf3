import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';
import { problemLang } from '../lang.ts';
import { say } from '../messages.ts';
import { problem } from '../problem.ts';
import { inPhase, type GuardPhase, type OperationTable } from './operations.ts';

/**
 * A query parameter no operation on this path declares is a 400 naming it (`query.<name>`), so a misspelt
 * filter is never silently ignored. Paths that are not documented operations pass through to 404/405.
 * Keyed operations are checked after the credential and the role (`phase`), so a refused key gets 401/403 first.
 */
export function rejectUnknownQuery(operations: OperationTable, phase: GuardPhase) {
  return createMiddleware<AppEnv>(async function rejectUnknownQueryParameters(c, next) {
    const sent = [...new Set(new URL(c.req.url).searchParams.keys())];
    if (sent.length === 0 || !inPhase(operations, c.req.method, c.req.path, phase)) return next();
    const matching = operations.matching(c.req.method, c.req.path);
    if (matching.length === 0) return next();
    const accepted = new Set(matching.flatMap((o) => [...o.queryNames]));
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
