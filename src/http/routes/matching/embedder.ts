import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { requireRole } from '../../../services/access.ts';
import type { MatchingProvider } from '../../../services/matching/deps.ts';
import { embedderCoverage } from '../../../services/matching/reembed.ts';
import type { AppEnv } from '../../env.ts';
import { errorResponses, json, security } from '../../openapi.ts';

const coverage = z.object({ total: z.number().int(), embedded: z.number().int() });

export function embedderRoutes(app: OpenAPIHono<AppEnv>, matching: MatchingProvider): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/admin/embedder',
      tags: ['Matching'],
      security,
      summary: 'The active embedder and how far re-embedding has got',
      operationId: 'getEmbedderStatus',
      description:
        'Progress is read from the stored vectors themselves: open postings and graduates that ' +
        'have a vector of the active embedder.',
      responses: {
        200: json(
          z
            .object({
              id: z.string(),
              dimensions: z.number().int(),
              modelVersion: z.string(),
              coverage: z.object({ posting: coverage, graduate: coverage }),
            })
            .meta({ id: 'EmbedderStatus' }),
          'The active embedder.',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      requireRole(c.var.principal, ['admin', 'career_office'], 'read the embedder status');
      const deps = await matching(c.var.database);
      const embedder = deps.engine.embedder;
      return c.json(
        {
          id: embedder.id,
          dimensions: embedder.dimensions,
          modelVersion: deps.weights.version,
          coverage: await embedderCoverage(c.var.database, embedder.id),
        },
        200,
      );
    },
  );
}
