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
    status: z.enum(['ok', 'degraded', 'unavailable']).openapi({
      description:
        'ok: all parts answer; degraded: the database answers but Redis or every audit worker is ' +
        'away (matching is served, background work waits in the outbox); unavailable: the database ' +
        'does not answer.',
    }),
    version: z.string(),
    database: z.string().optional(),
    databaseAnswers: z.boolean().optional(),
    redis: z.enum(['ok', 'unavailable']).optional().openapi({ description: 'Whether Redis answers a PING.' }),
    workers: z.number().int().nullable().optional().openapi({
      description: "Workers connected to this deployment's audit queue, in any process (null when Redis is away).",
    }),
    kernels: z
      .enum(['wasm-simd', 'js'])
      .optional()
      .openapi({
        description:
          'Where large indexes run their matching scans: WebAssembly SIMD, or the plain JS fallback ' +
          '(same results, slower).',
        example: 'wasm-simd',
      }),
  })
  .meta({ id: 'Health' });

export function systemRoutes(
  app: OpenAPIHono<AppEnv>,
  deps: Pick<AppDeps, 'database' | 'version' | 'background'>,
): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/health',
      tags,
      security: [],
      summary: 'Liveness: the process answers',
      operationId: 'getHealth',
      description:
        'Answers 200 whenever the process runs, with the version and where matching scans run; ' +
        'needs no key and touches no database.',
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
      summary: 'Readiness: the database answers; Redis and workers reported',
      operationId: 'getReadiness',
      description:
        '200 when the database answers a query (status ok, or degraded when Redis or every audit ' +
        'worker is away: requests are served and background work waits in the outbox), 503 when it ' +
        'does not; for load balancers and orchestrators. Needs no key.',
      responses: {
        200: json(status, 'Ready (ok or degraded).'),
        400: errorResponses[400],
        503: json(status, 'The database does not answer.'),
      },
    }),
    async (c) => {
      const [answers, background] = await Promise.all([
        databaseAnswers(c.var.database),
        deps.background?.().catch(() => ({ redis: 'unavailable' as const, workers: null })),
      ]);
      const body = { version: deps.version, database: c.var.database.kind, databaseAnswers: answers, ...background };
      if (!answers) return c.json({ status: 'unavailable' as const, ...body }, 503, { 'retry-after': '5' });
      const degraded = background && (background.redis !== 'ok' || !background.workers);
      return c.json({ status: degraded ? ('degraded' as const) : ('ok' as const), ...body }, 200);
    },
  );
}
