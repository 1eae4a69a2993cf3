import type { Context } from 'hono';
import type { App, AppEnv } from './env.ts';

/** The files of the API reference UI (swagger-ui-dist), read by the runtime that has them. */
export type DocsAssets = (file: 'swagger-ui.css' | 'swagger-ui-bundle.js') => Promise<string | undefined>;

/**
 * Swagger UI needs inline style attributes for its layout, so style-src allows them here; scripts still
 * come only from this server's own files, and nothing is fetched from anywhere else.
 */
export const DOCS_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const INIT_JS = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/docs/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    persistAuthorization: false,
    tryItOutEnabled: false,
  });
});
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>Bole API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css" />
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/init.js"></script>
</body>
</html>`;

/**
 * The document as /docs shows it: optional query parameters lose their examples, which Swagger UI would
 * otherwise put in the inputs of "Try it out" and so narrow the first call (a list filtered by an example).
 */
export function withoutQueryExamples(doc: unknown): unknown {
  const copy = structuredClone(doc) as { paths?: Record<string, Record<string, { parameters?: unknown[] }>> };
  for (const path of Object.values(copy.paths ?? {}))
    for (const op of Object.values(path))
      for (const p of op.parameters ?? []) {
        const param = p as {
          in?: string;
          required?: boolean;
          example?: unknown;
          examples?: unknown;
          schema?: Record<string, unknown>;
        };
        if (param.in !== 'query' || param.required) continue;
        delete param.example;
        delete param.examples;
        if (param.schema) {
          delete param.schema.example;
          delete param.schema.examples;
        }
      }
  return copy;
}

/** /docs: the API reference served from the swagger-ui-dist package, so it works with no outside network. */
export function docsRoutes(app: App, assets: DocsAssets | undefined, document: (c: Context<AppEnv>) => unknown): void {
  const html = (body: string, status: 200 | 404 = 200) =>
    new Response(body, {
      status,
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': DOCS_CSP },
    });
  app.get('/docs', () =>
    assets
      ? html(PAGE)
      : html(
          '<!doctype html><html lang="en"><title>Bole API</title><p>The reference UI\'s files are not ' +
            'installed here (on Workers: the DOCS_ASSETS binding of wrangler.toml); the OpenAPI document is at <a ' +
            'href="/openapi.json">/openapi.json</a>.</p></html>',
        ),
  );
  app.get('/docs/openapi.json', (c) => c.json(withoutQueryExamples(document(c)) as Record<string, unknown>));
  app.get('/docs/assets/init.js', (c) =>
    c.body(INIT_JS, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=3600' }),
  );
  app.get('/docs/assets/:file{swagger-ui\\.css|swagger-ui-bundle\\.js}', async (c) => {
    const file = c.req.param('file') as 'swagger-ui.css' | 'swagger-ui-bundle.js';
    const body = assets ? await assets(file) : undefined;
    if (body === undefined) return c.notFound();
    const type = file.endsWith('.css') ? 'text/css' : 'text/javascript';
    return c.body(body, 200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'public, max-age=86400' });
  });
}
