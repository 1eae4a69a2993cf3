import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { requireRole } from '../../../services/access.ts';
import type { MatchingProvider } from '../../../services/matching/deps.ts';
import { embedderCoverage } from '../../../services/matching/reembed.ts';
import type { AppEnv } from '../../env.ts';
import { errorResponses, json, security } from '../../openapi.ts';

const coverage = z.object({ total: z.number().int(), embedded: z.number().int() });

const reembedding = z
  .object({
    state: z.enum(['reembedding', 'indexing', 'switched', 'failed']).meta({
      description:
        "reembedding: the new embedder's vectors are being stored while `from` serves; indexing: they are " +
        'stored and being loaded; switched: `to` serves; failed: `from` keeps serving (see error).',
    }),
    from: z.string().meta({ description: 'The embedder that served when the switch began.' }),
    to: z.string().meta({ description: 'The configured embedder being switched to.' }),
    done: z.number().int().meta({ description: 'Open postings and graduates processed so far.' }),
    total: z.number().int().meta({ description: 'Open postings and graduates when the switch began.' }),
    embedded: z.number().int().meta({ description: 'Vectors of the new embedder written so far.' }),
    percent: z.number().int(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    error: z.string().nullable(),
  })
  .nullable()
  .meta({
    description:
      'Set when this process started with an embedder other than the one the stored vectors were made with: ' +
      'the old one keeps serving (lists, and the queries they are compared with) until every vector of the ' +
      'new one is stored, then the service switches to it at once. Null when no switch ran in this process.',
  });

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
        'have a vector of the serving embedder; `reembedding` follows a switch to a changed embedder.',
      responses: {
        200: json(
          z
            .object({
              id: z.string(),
              dimensions: z.number().int(),
              modelVersion: z.string(),
              coverage: z.object({ posting: coverage, graduate: coverage }),
              reembedding,
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
          reembedding: deps.embedderSwitch?.status() ?? null,
        },
        200,
      );
    },
  );
}
