import { OpenAPIHono } from '@hono/zod-openapi';
import { swaggerUI } from '@hono/swagger-ui';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import type { Context } from 'hono';
import { DomainError } from './domain/errors.ts';
import type { AppEnv } from './http/env.ts';
import { requireKey } from './http/middleware/auth.ts';
import { withDatabase, type DatabaseProvider } from './http/middleware/database.ts';
import { codeToStatus, problem, zodFieldErrors } from './http/problem.ts';
import { auditOpsRoutes } from './http/routes/audit-ops/index.ts';
import { publicSummaryRoutes } from './http/routes/audit-ops/public-summary.ts';
import { auditRoutes } from './http/routes/audits/index.ts';
import { employerRoutes } from './http/routes/employers/index.ts';
import { graduateRoutes } from './http/routes/graduates/index.ts';
import { consentRoutes } from './http/routes/consents/index.ts';
import { dataRightsRoutes } from './http/routes/data-rights/index.ts';
import { postingComplianceRoutes } from './http/routes/posting-compliance/index.ts';
import { disclosureRoutes } from './http/routes/explain/disclosure.ts';
import { explainRoutes } from './http/routes/explain/index.ts';
import { embeddingRoutes, matchingRoutes } from './http/routes/matching/index.ts';
import { postingRoutes } from './http/routes/postings/index.ts';
import { tagRoutes } from './http/routes/tags/index.ts';
import { shortlistRoutes } from './http/routes/matching/shortlists.ts';
import { embedderRoutes } from './http/routes/matching/embedder.ts';
import { reviewRoutes } from './http/routes/reviews/index.ts';
import { tenantRoutes } from './http/routes/tenant/index.ts';
import { keyRoutes } from './http/routes/keys/index.ts';
import { mitigationRoutes } from './http/routes/mitigation/index.ts';
import { systemRoutes } from './http/routes/system/index.ts';
import type { Logger } from './logger.ts';
import type { Clock } from './services/context.ts';
import type { MatchingProvider } from './services/matching/deps.ts';

export interface AppDeps {
  database: DatabaseProvider;
  clock: Clock;
  logger: Logger;
  maxBodyBytes: number;
  version: string;
  /** Matching engine, embedder and impression log; absent in apps that serve no matching. */
  matching?: MatchingProvider;
}

const problemJson = (c: Context<AppEnv>, status: number, body: object, headers: Record<string, string> = {}) =>
  c.body(JSON.stringify(body), status as 400, { 'content-type': 'application/problem+json', ...headers });

/** Builds the HTTP app from its dependencies; no runtime APIs here, so Node and Workers serve the same app. */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const errors = zodFieldErrors(result.target, result.error.issues);
        const detail = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
        return problemJson(c, 400, problem(400, detail, { requestId: c.var.requestId, instance: c.req.path, errors }));
      }
      return undefined;
    },
  });

  app.use('*', requestId({ headerName: 'x-request-id' }));
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    deps.logger.info('request', {
      requestId: c.var.requestId, method: c.req.method, path: c.req.routePath, status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10, role: c.var.principal?.role,
    });
  });
  app.use('*', bodyLimit({
    maxSize: deps.maxBodyBytes,
    onError: (c) => problemJson(c, 413, problem(413, `The request body is larger than ${deps.maxBodyBytes} bytes.`, { requestId: c.var.requestId, instance: c.req.path })),
  }));

  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http', scheme: 'bearer', description: 'An API key minted with `npm run keys -- mint`; sent as Authorization: Bearer <key> (or X-API-Key).',
  });

  systemRoutes(app, deps);
  // Public: the disclosure is served before the key middleware, which its handlers never reach.
  if (deps.matching) disclosureRoutes(app, deps.database, deps.matching);
  publicSummaryRoutes(app, deps.database);
  app.use('/v1/*', withDatabase(deps.database), requireKey(deps));
  graduateRoutes(app);
  employerRoutes(app);
  postingRoutes(app);
  auditRoutes(app);
  auditOpsRoutes(app);
  if (deps.matching) {
    matchingRoutes(app, deps.matching);
    embeddingRoutes(app, deps.matching);
    tagRoutes(app);
    shortlistRoutes(app);
    embedderRoutes(app, deps.matching);
    explainRoutes(app, deps.matching);
  }
  postingComplianceRoutes(app);
  consentRoutes(app);
  dataRightsRoutes(app);
  reviewRoutes(app);
  tenantRoutes(app);
  keyRoutes(app);
  mitigationRoutes(app);

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Bole (伯乐) API', version: deps.version,
      description: 'Explainable, audited job matching for university graduates. Every error is RFC 9457 problem+json with a requestId.',
    },
    tags: [{ name: 'System' }, { name: 'Graduates' }, { name: 'Employers' }, { name: 'Job postings' }, { name: 'Explanations' }, { name: 'Algorithm disclosure' },
      { name: 'Consent and data rights' }, { name: 'Appeals and human review' }, { name: 'Tenant administration' }],
  });
  app.get('/docs', swaggerUI({ url: '/openapi.json', title: 'Bole API' }));

  const routes = () => app.routes.filter((r) => r.method !== 'ALL').map((r) => ({ method: r.method, re: new RegExp(`^${r.path.replace(/:[^/]+/g, '[^/]+')}/?$`) }));
  app.notFound((c) => {
    const allowed = [...new Set(routes().filter((r) => r.re.test(c.req.path)).map((r) => r.method))];
    if (allowed.length > 0) {
      return problemJson(c, 405, problem(405, `${c.req.method} is not allowed on ${c.req.path}; allowed: ${allowed.join(', ')}.`, { requestId: c.var.requestId, instance: c.req.path }), { allow: allowed.join(', ') });
    }
    return problemJson(c, 404, problem(404, `No route ${c.req.method} ${c.req.path}.`, { requestId: c.var.requestId, instance: c.req.path }));
  });

  app.onError((error, c) => {
    const base = { requestId: c.var.requestId ?? '', instance: c.req.path };
    if (error instanceof DomainError) {
      const status = codeToStatus[error.code];
      return problemJson(c, status, problem(status, error.message, { ...base, errors: error.errors, ...error.extra }));
    }
    if (error instanceof HTTPException && error.status < 500) {
      return problemJson(c, error.status, problem(error.status, error.message || 'Bad request.', base));
    }
    deps.logger.error('unhandled', { requestId: base.requestId, path: c.req.routePath, error: error instanceof Error ? error.stack : String(error) });
    return problemJson(c, 500, problem(500, 'Something went wrong on our side. Quote the requestId if you report it.', base));
  });

  return app;
}
