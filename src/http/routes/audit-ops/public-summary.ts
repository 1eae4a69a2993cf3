import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { renderPublicSummaryHtml } from '../../../services/audit-ops/summary-html.ts';
import { latestPublicSummary } from '../../../services/audit-ops/summary.ts';
import type { AppEnv } from '../../env.ts';
import { withDatabase, type DatabaseProvider } from '../../middleware/database.ts';
import { errorResponses, json } from '../../openapi.ts';
import { publicSummary } from './schemas.ts';

const PATH = '/v1/audits/latest/summary';
const HTML_PATH = '/v1/audits/latest/summary.html';
const tenantQuery = z.object({
  tenant: z.uuid().meta({
    description: 'The tenant (university or platform) whose audit is asked for.',
    example: '0193a4b2-6c1e-7d1a-9b1e-3f2a1c0d9e8f',
  }),
});

/**
 * PUBLIC GET /v1/audits/latest/summary?tenant=<id>: what the candidate notice links to. Registered
 * before the /v1/* key middleware (the handler answers without next(), so that middleware never runs).
 * The tenant is a query parameter because the reader has no key to name it.
 */
export function publicSummaryRoutes(app: OpenAPIHono<AppEnv>, database: DatabaseProvider): void {
  app.use(PATH, withDatabase(database));
  app.use(HTML_PATH, withDatabase(database));
  app.openapi(
    createRoute({
      method: 'get',
      path: PATH,
      tags: ['Audits'],
      security: [],
      operationId: 'getLatestAuditSummary',
      summary: "Public summary of the tenant's latest bias audit (no key)",
      description:
        'Audit date, data window and source, counts per category, selection and scoring rates, ' +
        'impact ratios, excluded categories and the unknown count, from the latest PUBLISHED audit ' +
        "of Bole's own recommendations (POST /v1/audits/{id}/publish). 404 when the tenant has " +
        'none.',
      request: { query: tenantQuery },
      responses: { 200: json(publicSummary, 'The summary.'), ...errorResponses },
    }),
    async (c) => {
      c.header('cache-control', 'public, max-age=300');
      return c.json(await latestPublicSummary(c.var.database, c.req.valid('query').tenant), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: HTML_PATH,
      tags: ['Audits'],
      security: [],
      operationId: 'getLatestAuditSummaryHtml',
      summary: "Public page of the tenant's latest published bias audit (no key)",
      description:
        'The same figures as /v1/audits/latest/summary as a bilingual HTML page that prints on A4: ' +
        'audit date, publication, data, rates and impact ratios per category, excluded categories, ' +
        'unknown counts, conventions. 404 when the tenant has published none.',
      request: { query: tenantQuery },
      responses: {
        200: { description: 'HTML page.', content: { 'text/html': { schema: z.string() } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      c.header('cache-control', 'public, max-age=300');
      return c.html(
        renderPublicSummaryHtml(await latestPublicSummary(c.var.database, c.req.valid('query').tenant)),
        200,
      );
    },
  );
}
