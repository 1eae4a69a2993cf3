import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env.ts';

/** One documented operation as the request-time guards need it. */
export interface DocumentedOperation {
  readonly method: string;
  readonly operationId: string;
  readonly pattern: RegExp;
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
              pattern: new RegExp(`^${d.route.path.replace(/[.]/g, '\\.').replace(/\{[^/}]+\}/g, '[^/]+')}/?$`),
              params: (d.route.path.match(/\{/g) ?? []).length,
              keyed: (d.route.security ?? []).length > 0,
              queryNames: new Set(shapeKeys(d.route.request?.query)),
              jsonBody: Object.keys(d.route.request?.body?.content ?? {}).some((type) => /json/i.test(type)),
            },
          ],
    ));
  return {
    all,
    /** Every operation on this path with this method (HEAD as GET). */
    matching(method: string, path: string): DocumentedOperation[] {
      const m = method === 'HEAD' ? 'GET' : method;
      return all().filter((o) => o.method === m && o.pattern.test(path));
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
