import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import type { Context } from 'hono';
import { DomainError } from './domain/errors.ts';
import type { AppDeps } from './http/deps.ts';
import { documentConfig } from './http/document.ts';
import { problemLang } from './http/lang.ts';
import { messages, say } from './http/messages.ts';
import { rejectUnknownQuery } from './http/middleware/query-guard.ts';
import { rejectUnstorableText } from './http/middleware/text-guard.ts';
import type { AppEnv } from './http/env.ts';
import { requireKey } from './http/middleware/auth.ts';
import { operationTable } from './http/middleware/operations.ts';
import { requireOperationRole } from './http/middleware/role-gate.ts';
import { declareOperationRoles } from './http/operation-roles.ts';
import { withDatabase } from './http/middleware/database.ts';
import type { Database } from './storage/db.ts';
import { codeToStatus, problem, zodFieldErrors } from './http/problem.ts';
import { auditOpsRoutes } from './http/routes/audit-ops/index.ts';
import { publicSummaryRoutes } from './http/routes/audit-ops/public-summary.ts';
import { auditRoutes } from './http/routes/audits/index.ts';
import { employerRegistrationRoutes, employerSignupRoutes } from './http/routes/employers/signup.ts';
import { employerRoutes } from './http/routes/employers/index.ts';
import { graduateRoutes } from './http/routes/graduates/index.ts';
import { importRoutes } from './http/routes/imports/index.ts';
import { consentRoutes } from './http/routes/consents/index.ts';
import { dataRightsRoutes } from './http/routes/data-rights/index.ts';
import { postingComplianceRoutes } from './http/routes/posting-compliance/index.ts';
import { disclosureRoutes } from './http/routes/explain/disclosure.ts';
import { explainRoutes } from './http/routes/explain/index.ts';
import { matchingRoutes } from './http/routes/matching/index.ts';
import { openAiErrorShape, openAiRoutes } from './http/routes/openai/index.ts';
import { postingRoutes } from './http/routes/postings/index.ts';
import { jobSearchRoutes } from './http/routes/search/index.ts';
import { tagRoutes } from './http/routes/tags/index.ts';
import { shortlistRoutes } from './http/routes/matching/shortlists.ts';
import { embedderRoutes } from './http/routes/matching/embedder.ts';
import { reviewRoutes } from './http/routes/reviews/index.ts';
import { tenantRoutes } from './http/routes/tenant/index.ts';
import { keyRoutes } from './http/routes/keys/index.ts';
import { meRoutes } from './http/routes/me/index.ts';
import { identityRoutes } from './http/routes/identity/index.ts';
import { tokenRoutes } from './http/routes/identity/token.ts';
import { memoryRateLimiter } from './services/rate-limit/memory.ts';
import { limitByAddress } from './http/middleware/rate-limit.ts';
import { mitigationRoutes } from './http/routes/mitigation/index.ts';
import { jobFairRoutes } from './http/routes/job-fairs/index.ts';
import { outcomeRoutes } from './http/routes/outcomes/index.ts';
import { applicationRoutes } from './http/routes/applications/index.ts';
import { alertRoutes } from './http/routes/alerts/index.ts';
import { isResumeUpload, resumeRoutes } from './http/routes/resume/index.ts';
import { analyticsRoutes } from './http/routes/analytics/index.ts';
import { systemRoutes } from './http/routes/system/index.ts';
import { metricsRoutes } from './http/routes/system/metrics.ts';
import { processMetrics } from './services/metrics.ts';
import { consoleRoutes } from './http/console/index.ts';
import { docsRoutes } from './http/docs.ts';
import { securityHeaders } from './http/middleware/html-security.ts';
import { requestTimeout } from './http/middleware/timeout.ts';
import { shedLoad } from './http/middleware/shed-load.ts';
import { databaseUnavailable } from './services/health.ts';

const problemJson = (c: Context<AppEnv>, status: number, body: object, headers: Record<string, string> = {}) =>
  c.body(JSON.stringify(body), status as 400, { 'content-type': 'application/problem+json', ...headers });

/** Builds the HTTP app from its dependencies; no runtime APIs here, so Node and Workers serve the same app. */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const lang = problemLang(c);
        const errors = zodFieldErrors(result.target, result.error.issues, lang);
        const detail = say(lang, 'invalidFields', errors.map((e) => `${e.path}: ${e.message}`).join('; '));
        return problemJson(
          c,
          400,
          problem(400, detail, { requestId: c.var.requestId, instance: c.req.path, errors }, lang),
        );
      }
      return undefined;
    },
  });

  app.use('*', requestId({ headerName: 'x-request-id' }));
  const rateLimits = deps.rateLimits ?? { limiter: memoryRateLimiter(deps.clock), perApp: 600, perGraduate: 120 };
  const clientAddress = deps.clientAddress ?? (() => 'unknown');
  // First after the request id, so every answer (a 404, a 413, a 429, a timeout's 503) gets them.
  app.use('*', securityHeaders({ hsts: deps.https ?? false }));
  // Outermost after the request id, so every problem on the OpenAI-shaped paths (even a 400 or 401) gets `error`.
  if (deps.matching) openAiErrorShape(app);
  // Public operations here (the accepted names are public in the document); keyed ones after the key and role.
  const operations = operationTable(app);
  app.use('*', rejectUnknownQuery(operations, 'open'));
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    const seconds = (performance.now() - started) / 1000;
    // The route pattern, never the path: ids stay out of the labels, so the series stay few.
    const route = c.req.routePath;
    processMetrics.requests.inc({ method: c.req.method, route, status: String(c.res.status) });
    processMetrics.requestSeconds.observe({ method: c.req.method, route }, seconds);
    if (c.res.status === 429) processMetrics.rateLimited.inc({ route });
    deps.logger.info('request', {
      requestId: c.var.requestId,
      method: c.req.method,
      path: route,
      status: c.res.status,
      ms: Math.round(seconds * 10_000) / 10,
      role: c.var.principal?.role,
    });
  });
  // Shed before any work (rate-limit counts, key lookups) when the process is overloaded; counted and logged.
  if (deps.shed) app.use('*', shedLoad(deps.shed));
  // Counted by the metrics and logged like any answer; health probes are never limited.
  app.use('/v1/*', limitByAddress(rateLimits, clientAddress));
  app.use('/console/login', limitByAddress(rateLimits, clientAddress));
  app.use('/console/oidc/*', limitByAddress(rateLimits, clientAddress));
  app.use('/metrics', limitByAddress(rateLimits, clientAddress));
  if (deps.requestTimeoutMs) app.use('*', requestTimeout(deps.requestTimeoutMs));
  const jsonBodyLimit = bodyLimit({
    maxSize: deps.maxBodyBytes,
    onError: (c) => {
      const lang = problemLang(c);
      const body = problem(
        413,
        say(lang, 'bodyTooLarge', deps.maxBodyBytes),
        { requestId: c.var.requestId, instance: c.req.path },
        lang,
      );
      return problemJson(c, 413, body);
    },
  });
  // Import files have their own, larger limit (MAX_IMPORT_BYTES) on their route.
  // Import files and résumés have their own, larger limits on their routes.
  app.use('*', async (c, next) =>
    (c.req.method === 'POST' && c.req.path.startsWith('/v1/imports/')) || isResumeUpload(c.req.method, c.req.path)
      ? next()
      : jsonBodyLimit(c, next),
  );

  app.use('*', rejectUnstorableText(operations, 'open'));

  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    description:
      'An API key (POST /v1/keys or `npm run keys -- mint`), an app token (POST /v1/oauth/token) or a token of an ' +
      'identity provider the tenant trusts; sent as Authorization: Bearer <credential> (a key also as X-API-Key).',
  });

  systemRoutes(app, deps);
  // Public: the disclosure is served before the key middleware, which its handlers never reach.
  if (deps.matching) disclosureRoutes(app, deps.database, deps.matching);
  publicSummaryRoutes(app, deps.database);
  const tokens = deps.tokens ?? { issuer: 'urn:bole', audience: 'urn:bole:api' };
  tokenRoutes(app, { ...deps, tokens });
  // People's pages: their own session cookie instead of a key, the same services behind them.
  const login = rateLimits.classes;
  consoleRoutes(app, {
    ...deps,
    limiter: rateLimits.limiter,
    clientAddress,
    signInLimits: login && {
      perAccount: login.classes.login.perKey,
      perAddress: login.classes.login.perAddress,
      windowSeconds: login.windowSeconds,
    },
  });
  employerSignupRoutes(app, { ...deps, limiter: rateLimits.limiter });
  const matching = deps.matching;
  const settle = matching && (async (database: Database) => (await matching(database)).impressions.flush());
  // Who may call at all, then what they sent: a refused key gets 401 or 403 whatever its input (403 before 400).
  const keyedGuards = [
    withDatabase(deps.database),
    requireKey({ ...deps, tokens, rateLimits, settle }),
    requireOperationRole(operations),
    rejectUnknownQuery(operations, 'keyed'),
    rejectUnstorableText(operations, 'keyed'),
  ];
  app.use('/v1/*', ...keyedGuards);
  app.use('/metrics', ...keyedGuards);
  metricsRoutes(app, deps);
  meRoutes(app);
  graduateRoutes(app, deps.matching);
  importRoutes(app, { maxImportBytes: deps.maxImportBytes ?? 50_000_000 });
  employerRoutes(app);
  employerRegistrationRoutes(app);
  // Before postingRoutes: /v1/jobs/{id} would otherwise take "search" for an id.
  if (deps.matching) jobSearchRoutes(app, deps.matching);
  postingRoutes(app);
  auditRoutes(app);
  auditOpsRoutes(app);
  if (deps.matching) {
    matchingRoutes(app, deps.matching);
    openAiRoutes(app, deps.matching, deps.embeddingsPerKey);
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
  identityRoutes(app);
  mitigationRoutes(app);
  jobFairRoutes(app);
  outcomeRoutes(app);
  applicationRoutes(app);
  alertRoutes(app);
  resumeRoutes(app);
  analyticsRoutes(app);

  declareOperationRoles(app.openAPIRegistry.definitions);
  app.doc31('/openapi.json', documentConfig(deps.version));
  const configure = documentConfig(deps.version);
  docsRoutes(app, deps.docsAssets, (c) =>
    app.getOpenAPI31Document(
      typeof configure === 'function' ? configure(c as Context<AppEnv, '/openapi.json'>) : configure,
    ),
  );

  const routes = () =>
    app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => ({ method: r.method, re: new RegExp(`^${r.path.replace(/:[^/]+/g, '[^/]+')}/?$`) }));
  app.notFound((c) => {
    const lang = problemLang(c);
    const base = { requestId: c.var.requestId, instance: c.req.path };
    const allowed = [
      ...new Set(
        routes()
          .filter((r) => r.re.test(c.req.path))
          .map((r) => r.method),
      ),
    ].join(', ');
    if (allowed) {
      const body = problem(405, say(lang, 'methodNotAllowed', c.req.method, c.req.path, allowed), base, lang);
      return problemJson(c, 405, body, { allow: allowed });
    }
    return problemJson(c, 404, problem(404, say(lang, 'noRoute', c.req.method, c.req.path), base, lang));
  });

  app.onError((error, c) => {
    const base = { requestId: c.var.requestId ?? '', instance: c.req.path };
    const lang = problemLang(c);
    if (error instanceof DomainError) {
      const status = codeToStatus[error.code];
      const retryAfter: Record<string, string> =
        typeof error.extra.retryAfter === 'number' ? { 'retry-after': String(error.extra.retryAfter) } : {};
      // A service that words its problem in both languages passes the Chinese as detailZh (and errorsZh).
      const { detailZh, errorsZh, ...extra } = error.extra;
      const zh = lang === 'zh' && typeof detailZh === 'string';
      const detail = zh ? detailZh : error.message;
      const errors = zh && Array.isArray(errorsZh) ? (errorsZh as typeof error.errors) : error.errors;
      return problemJson(c, status, problem(status, detail, { ...base, errors, ...extra }, lang), retryAfter);
    }
    if (error instanceof HTTPException && error.status < 500) {
      // Hono's JSON validator says only "Malformed JSON"; the problem names the field like any other 400.
      const malformed = error.message === messages.malformedJson.en();
      const detail = !error.message ? say(lang, 'badRequest') : malformed ? say(lang, 'malformedJson') : error.message;
      const errors = malformed ? [{ path: 'body', message: detail }] : undefined;
      return problemJson(c, error.status, problem(error.status, detail, { ...base, errors }, lang));
    }
    if (databaseUnavailable(error)) {
      deps.logger.warn('database_unavailable', { requestId: base.requestId, path: c.req.routePath });
      const detail =
        lang === 'zh' ? '数据库暂时无法连接，请稍后重试。' : 'The database cannot be reached right now; retry shortly.';
      return problemJson(c, 503, problem(503, detail, base, lang), { 'retry-after': '5' });
    }
    deps.logger.error('unhandled', {
      requestId: base.requestId,
      path: c.req.routePath,
      error: error instanceof Error ? error.stack : String(error),
    });
    return problemJson(c, 500, problem(500, say(lang, 'internal'), base, lang));
  });

  return app;
}
