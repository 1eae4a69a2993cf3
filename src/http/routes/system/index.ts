import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { withDatabase } from '../../middleware/database.ts';
import { errorResponses, json } from '../../openapi.ts';
import { databaseAnswers, matchingKernels } from '../../../services/health.ts';

const tags = ['System'];
const status = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    version: z.string(),
    database: z.string().optional(),
    kernels: z.enum(['wasm-simd', 'js']).optional().openapi({
      description:
        'Where large indexes run their matching scans: WebAssembly SIMD, or the plain JS fallback (same results, slower).',
      example: 'wasm-simd',
    }),
  })
  .meta({ id: 'Health' });

export function systemRoutes(app: OpenAPIHono<AppEnv>, deps: Pick<AppDeps, 'database' | 'version'>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/health',
      tags,
      security: [],
      summary: 'Liveness: the process answers',
      operationId: 'getHealth',
      description:
        'Answers 200 whenever the process runs, with the version and where matching scans run; needs no key and touches no database.',
      responses: { 200: json(status, 'Alive.'), 400: errorResponses[400] },
    }),
    (c) => c.json({ status: 'ok' as const, version: deps.version, kernels: matchingKernels() }, 200),
  );

  app.use('/ready', withDatabase(deps.database));
  app.openapi(
    createRoute({
      method: 'get',
      path: '/ready',
      tags,
      security: [],
      summary: 'Readiness: the database answers',
      operationId: 'getReadiness',
      description:
        '200 when the database answers a query, 503 otherwise; for load balancers and orchestrators. Needs no key.',
      responses: {
        200: json(status, 'Ready.'),
        400: errorResponses[400],
        503: json(status, 'The database does not answer.'),
      },
    }),
    async (c) => {
      const body = { version: deps.version, database: c.var.database.kind };
      return (await databaseAnswers(c.var.database))
        ? c.json({ status: 'ok' as const, ...body }, 200)
        : c.json({ status: 'unavailable' as const, ...body }, 503);
    },
  );
}
