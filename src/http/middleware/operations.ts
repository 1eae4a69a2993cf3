import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env.ts';

/** One documented operation as the request-time guards need it. */
export interface DocumentedOperation {
  readonly method: string;
  readonly operationId: string;
  readonly pattern: RegExp;
  /** The route's path as documented (/v1/jobs/{id}). */
  readonly path: string;
  /** Path parameters in the path: a literal path (/v1/jobs/search) wins over a templated one (/v1/jobs/{id}). */
  readonly params: number;
  /** Whether a credential is required (a non-empty `security`). */
  readonly keyed: boolean;
  readonly queryNames: ReadonlySet<string>;
  /** Whether the body may be JSON: file uploads read their body as a stream, which a JSON read would lock. */
  readonly jsonBody: boolean;
}

/** The keys of a zod object, also behind a pipe (`z.object(…).transform(…)`), whose input side is the object. */
function shapeKeys(schema: unknown): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  if ('shape' in schema && typeof schema.shape === 'object' && schema.shape !== null) return Object.keys(schema.shape);
  return 'in' in schema ? shapeKeys(schema.in) : [];
}

/** Method and slash count of a path, not counting a slash at its end. */
const shapeKey = (method: string, path: string): string => {
  let slashes = 0;
  for (let i = 0; i < path.length; i++) if (path.charCodeAt(i) === 47) slashes++;
  return `${method} ${path.endsWith('/') ? slashes - 1 : slashes}`;
};

/**
 * The app's documented operations, read from its OpenAPI registry on first use (every route is registered by
 * then), and a lookup of the one a request is for.
 */
export function operationTable(app: OpenAPIHono<AppEnv>) {
  let operations: DocumentedOperation[] | undefined;
  const all = (): DocumentedOperation[] =>
    (operations ??= app.openAPIRegistry.definitions.flatMap((d) =>
      d.type !== 'route'
        ? []
        : [
            {
              method: d.route.method.toUpperCase(),
              operationId: d.route.operationId ?? '',
              path: d.route.path,
              pattern: new RegExp(`^${d.route.path.replace(/[.]/g, '\\.').replace(/\{[^/}]+\}/g, '[^/]+')}/?$`),
              params: (d.route.path.match(/\{/g) ?? []).length,
              keyed: (d.route.security ?? []).length > 0,
              queryNames: new Set(shapeKeys(d.route.request?.query)),
              jsonBody: Object.keys(d.route.request?.body?.content ?? {}).some((type) => /json/i.test(type)),
            },
          ],
    ));
  // The operations a request may be for, by method and slash count: a pattern's segments hold no slash, so a path
  // it matches has as many slashes as its route, or one more at the end. A guard looks a request up five or six
  // times, and testing every operation's pattern each time was 1.4 % of a recommendation's CPU (2026-12-07).
  let byShape: Map<string, DocumentedOperation[]> | undefined;
  const candidates = (method: string, path: string): DocumentedOperation[] => {
    if (byShape === undefined) {
      const ops = all();
      byShape = new Map();
      for (const key of new Set(ops.map((o) => shapeKey(o.method, o.path))))
        byShape.set(
          key,
          // A route ending in a slash ("/") is tested for every path, as before; the list keeps the table's order.
          ops.filter((o) => o.path.endsWith('/') || shapeKey(o.method, o.path) === key),
        );
      byShape.set(
        '',
        ops.filter((o) => o.path.endsWith('/')),
      );
    }
    return byShape.get(shapeKey(method, path)) ?? byShape.get('') ?? [];
  };
  return {
    all,
    /** Every operation on this path with this method (HEAD as GET). */
    matching(method: string, path: string): DocumentedOperation[] {
      const m = method === 'HEAD' ? 'GET' : method;
      return candidates(m, path).filter((o) => o.method === m && o.pattern.test(path));
    },
    /** The operation this request is for, as the router picks it. */
    of(method: string, path: string): DocumentedOperation | undefined {
      return this.matching(method, path).sort((a, b) => a.params - b.params)[0];
    },
  };
}

export type OperationTable = ReturnType<typeof operationTable>;

/**
 * The input guards run twice: `open` before the credential check, for public operations and paths that are no
 * operation; `keyed` after the credential and role checks, for keyed operations.
 */
export type GuardPhase = 'open' | 'keyed';

export const inPhase = (operations: OperationTable, method: string, path: string, phase: GuardPhase): boolean =>
  (operations.of(method, path)?.keyed ?? false) === (phase === 'keyed');
