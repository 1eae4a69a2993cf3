import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { DomainError } from '../../../domain/errors.ts';
import type { MatchingProvider } from '../../../services/matching/deps.ts';
import { embedTexts, getModel, listModels } from '../../../services/matching/embeddings.ts';
import type { AppEnv } from '../../env.ts';
import { json, security } from '../../openapi.ts';
import { openAiErrorResponses, withOpenAiErrors } from './errors.ts';
import { embeddingsRequest, embeddingsResponse, model, modelList } from './schemas.ts';

const tags = ['OpenAI compatible'];
const OPENAI_PATHS = ['/v1/embeddings', '/v1/models', '/v1/models/*'] as const;

/** Must run before the key middleware, so that a 401 on these paths also carries the OpenAI `error` object. */
export function openAiErrorShape(app: OpenAPIHono<AppEnv>): void {
  for (const path of OPENAI_PATHS) app.use(path, withOpenAiErrors);
}

/** The active embedder in the OpenAI shape, so the OpenAI SDKs and LangChain work against /v1 unchanged. */
export function openAiRoutes(app: OpenAPIHono<AppEnv>, matching: MatchingProvider, perKey = 2): void {
  // Embedding is CPU work (on Node in a worker-thread pool shared by every key, on Workers on the serving thread): one
  // key may have only `perKey` requests in flight, so a client that sends many large requests at once waits on its
  // own answers instead of taking the pool or everyone's recommendations.
  const inFlight = new Map<string, number>();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/embeddings',
      tags,
      security,
      operationId: 'createEmbeddings',
      summary: 'Embed text with the active embedder (OpenAI request and response shape)',
      description:
        'Unit vectors from the embedder the matching uses, in the OpenAI shape: encoding_format float or base64 ' +
        '(the SDK default), model as the embedder id or "bole-default", dimensions only as the embedder\'s own size.',
      request: { body: { required: true, content: { 'application/json': { schema: embeddingsRequest } } } },
      responses: {
        200: json(embeddingsResponse, 'Unit vectors, one per input, in input order.'),
        ...openAiErrorResponses,
      },
    }),
    async (c) => {
      const key = c.var.principal.keyId;
      const running = inFlight.get(key) ?? 0;
      if (running >= perKey)
        throw new DomainError(
          'rate_limited',
          `This key already has ${running} embedding requests in flight (at most ${perKey}); wait for one to finish.`,
          { extra: { retryAfter: 1 } },
        );
      inFlight.set(key, running + 1);
      try {
        const deps = await matching(c.var.database);
        // The request's signal aborts when its client disconnects: queued or running embedding work stops.
        const signal = c.req.raw.signal;
        return c.json(await embedTexts({ ctx: c.var.ctx, deps, input: c.req.valid('json'), signal }), 200);
      } finally {
        const left = (inFlight.get(key) ?? 1) - 1;
        if (left > 0) inFlight.set(key, left);
        else inFlight.delete(key);
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/models',
      tags,
      security,
      operationId: 'listModels',
      summary: 'The models /v1/embeddings accepts',
      description:
        'The active embedder under its id and under the stable alias "bole-default" (the same ' +
        'model), in the OpenAI shape.',
      responses: { 200: json(modelList, 'The models.'), ...openAiErrorResponses },
    }),
    async (c) => {
      const data = await listModels({ ctx: c.var.ctx, deps: await matching(c.var.database) });
      return c.json({ object: 'list' as const, data }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/models/{id}',
      tags,
      security,
      operationId: 'getModel',
      summary: 'One model /v1/embeddings accepts',
      description: 'The active embedder by its id or by "bole-default"; any other name is a 404.',
      request: {
        params: z.object({
          id: z
            .string()
            .min(1)
            .max(200)
            .meta({ param: { name: 'id', in: 'path' }, description: 'Model name.', example: 'bole-default' }),
        }),
      },
      responses: { 200: json(model, 'The model.'), ...openAiErrorResponses },
    }),
    async (c) => {
      const deps = await matching(c.var.database);
      return c.json(await getModel({ ctx: c.var.ctx, deps, id: c.req.valid('param').id }), 200);
    },
  );
}
