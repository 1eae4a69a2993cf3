import { configureWebhookTargets } from '../services/webhook-target.ts';
import { memoryRateLimiter } from '../services/rate-limit/memory.ts';
import { rateLimitsFromConfig } from '../services/rate-limit/from-config.ts';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createApp } from '../app.ts';
import { ConfigError, parseConfig } from '../config.ts';
import { keySealer } from '../services/identity/sealing.ts';
import { DomainError } from '../domain/errors.ts';
import type { App } from '../http/env.ts';
import type { DatabaseProvider } from '../http/middleware/database.ts';
import { problem } from '../http/problem.ts';
import { createJsonLogger } from '../logger.ts';
import { provideCompiledKernels } from '../domain/search/simd/arena.ts';
import type { WorkersAiBinding } from '../embedders/workers-ai.ts';
import { systemClock } from '../services/context.ts';
import { openPostgres } from '../storage/db-postgres.ts';
import pkg from '../../package.json' with { type: 'json' };
import kernelsModule from '#kernels-module';
import { workerMatching } from './worker-matching.ts';
import { workerDocsAssets, type AssetsBinding } from './worker-docs-assets.ts';

// Workers may only instantiate WebAssembly that was compiled when the bundle was uploaded.
if (kernelsModule) provideCompiledKernels(kernelsModule);

/*
 * Cloudflare Workers entry: the same createApp() as Node, with PostgreSQL through postgres.js
 * (nodejs_compat; postgres.js picks its cloudflare:sockets build under the "workerd" export condition).
 * Only the Workers types used here are declared: @cloudflare/workers-types stays out of tsconfig's global
 * types because its Request/Response/fetch clash with @types/node.
 */

/** A Workers ExecutionContext, as far as this entry and Hono's app.fetch() need it. */
export interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
  passThroughOnException(): void;
  readonly props: unknown;
}

/** A Hyperdrive binding: a pooled, regional connection string to the origin PostgreSQL. */
export interface HyperdriveBinding {
  readonly connectionString: string;
}

/** Bindings and vars from wrangler.toml; DATABASE_URL is a secret (`wrangler secret put DATABASE_URL`). */
export interface WorkerEnv {
  readonly HYPERDRIVE?: HyperdriveBinding;
  readonly DATABASE_URL?: string;
  /** The Workers AI binding (`[ai] binding = "AI"`), for EMBEDDER=workers-ai. */
  readonly AI?: WorkersAiBinding;
  /** swagger-ui-dist as static assets (`[assets] binding = "DOCS_ASSETS"`), for /docs. */
  readonly DOCS_ASSETS?: AssetsBinding;
  readonly [name: string]: unknown;
}

/** Per-request state the database provider needs but cannot receive through DatabaseProvider.acquire(). */
const requestScope = new AsyncLocalStorage<{ env: WorkerEnv; ctx: ExecutionContext }>();

/**
 * A client per request with one connection: a Worker may not reuse a socket opened by another request,
 * and Hyperdrive (when bound) does the pooling. The client is ended once the response is built, through
 * ctx.waitUntil, so the response does not wait for the socket to close.
 */
export function perRequestPostgres(connectionString: () => string | undefined): DatabaseProvider {
  return {
    async acquire() {
      const url = connectionString();
      if (!url)
        throw new DomainError(
          'unavailable',
          'No database is configured: bind HYPERDRIVE or set the DATABASE_URL secret.',
        );
      const database = await openPostgres(url, { max: 1, detectVector: false });
      return {
        database,
        async release() {
          const closing = database.close();
          const ctx = requestScope.getStore()?.ctx;
          if (ctx) ctx.waitUntil(closing);
          else await closing;
        },
      };
    },
  };
}

let built: App | undefined;

/** The AI binding of the request being served (binding objects belong to the request that got them). */
const currentAi: WorkersAiBinding = {
  run(model, inputs) {
    const ai = requestScope.getStore()?.env.AI;
    if (!ai)
      return Promise.reject(
        new DomainError(
          'unavailable',
          'EMBEDDER=workers-ai needs the AI binding ([ai] binding = "AI" in wrangler.toml).',
        ),
      );
    return ai.run(model, inputs);
  },
};

/** Builds the app once per isolate, from the first request's env (the same bindings for the isolate's life). */
function appFor(env: WorkerEnv): App {
  if (built) return built;
  const config = parseConfig(env);
  configureWebhookTargets(config.WEBHOOK_ALLOW_PRIVATE);
  // Bindings are read from the current request's env: binding objects belong to the request that got them.
  const connectionString = () => requestScope.getStore()?.env.HYPERDRIVE?.connectionString ?? config.DATABASE_URL;
  built = createApp({
    database: perRequestPostgres(connectionString),
    // Sealed with SECRETS_KEY (a secret: `wrangler secret put SECRETS_KEY`), the same key the Node processes use.
    tokens: {
      issuer: 'urn:bole',
      audience: 'urn:bole:api',
      ...(config.SECRETS_KEY ? { sealer: keySealer(config.SECRETS_KEY, config.SECRETS_KEY_PREVIOUS) } : {}),
    },
    clock: systemClock,
    logger: createJsonLogger(config.LOG_LEVEL),
    maxBodyBytes: config.MAX_BODY_BYTES,
    maxImportBytes: config.MAX_IMPORT_BYTES,
    version: pkg.version,
    // Cloudflare names the client in this header; nothing else on a Worker can be trusted for it.
    clientAddress: (c) => c.req.header('cf-connecting-ip') ?? 'unknown',
    // Counted per isolate (Workers has no Redis here); Cloudflare's own rate-limiting rules go in front.
    rateLimits: rateLimitsFromConfig(config, memoryRateLimiter(systemClock)),
    https: true,
    requestTimeoutMs: config.REQUEST_TIMEOUT_SECONDS * 1_000,
    embeddingsPerKey: config.EMBEDDINGS_CONCURRENCY_PER_KEY,
    // EMBEDDER and its settings as on Node; the AI binding is taken from the current request's env.
    matching: workerMatching(config, { ai: env.AI ? currentAi : undefined }),
    // The reference UI's files from the assets binding of the current request, as the AI binding is.
    ...(env.DOCS_ASSETS ? { docsAssets: workerDocsAssets(() => requestScope.getStore()?.env.DOCS_ASSETS) } : {}),
  });
  return built;
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    let app: App;
    try {
      app = appFor(env);
    } catch (error) {
      // Node refuses to boot on bad config; a Worker cannot, so it logs the variable names and answers 500.
      console.error(error instanceof ConfigError ? error.message : error);
      const body = problem(500, 'The service is misconfigured. Quote the requestId if you report it.', {
        requestId: crypto.randomUUID(),
        instance: new URL(request.url).pathname,
      });
      return new Response(JSON.stringify(body), {
        status: 500,
        headers: { 'content-type': 'application/problem+json', 'x-request-id': body.requestId },
      });
    }
    return requestScope.run({ env, ctx }, () => app.fetch(request, env, ctx));
  },
};
