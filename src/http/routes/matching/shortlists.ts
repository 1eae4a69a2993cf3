import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { exportShortlist, reviewShortlist } from '../../../services/matching/shortlists.ts';
import type { AppEnv } from '../../env.ts';
import { errorResponses, json, security } from '../../openapi.ts';

const tags = ['Matching'];
const listParam = z.object({
  listId: z
    .uuid()
    .meta({ param: { name: 'listId', in: 'path' }, description: 'The listId of a served candidate list.' }),
});
const shortlist = z
  .object({
    listId: z.uuid(),
    postingId: z.uuid(),
    servedAt: z.string().nullable(),
    modelVersion: z.string().nullable(),
    automated: z.boolean().meta({
      description: 'True until a person has reviewed this list: treat it as a machine ranking, not a decision.',
    }),
    humanReview: z.object({ reviewerRole: z.string(), note: z.string(), reviewedAt: z.string() }).nullable(),
    items: z.array(z.object({ rank: z.number().int(), graduateId: z.uuid(), score: z.number() })),
  })
  .meta({ id: 'ShortlistExport' });

export function shortlistRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/candidate-lists/{listId}',
      tags,
      security,
      summary: 'Export a served candidate list, marked automated until a person has reviewed it',
      operationId: 'getCandidateList',
      description: 'A served candidate list as an export, marked automated until a person has reviewed it.',
      request: { params: listParam },
      responses: { 200: json(shortlist, 'The list as served.'), ...errorResponses },
    }),
    async (c) => c.json(await exportShortlist({ ctx: c.var.ctx, listId: c.req.valid('param').listId }), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/candidate-lists/{listId}/human-review',
      tags,
      security,
      summary: 'Record that a person reviewed a candidate list',
      operationId: 'reviewCandidateList',
      description: 'Records that a person reviewed the list; its export then stops being marked automated.',
      request: {
        params: listParam,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.object({
                note: z
                  .string()
                  .trim()
                  .min(1)
                  .max(2_000)
                  .meta({ description: 'What the reviewer checked or changed.', example: '逐一核对了技能与岗位要求' }),
              }),
            },
          },
        },
      },
      responses: { 200: json(shortlist, 'The list, now marked reviewed.'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await reviewShortlist({ ctx: c.var.ctx, listId: c.req.valid('param').listId, note: c.req.valid('json').note }),
        200,
      ),
  );
}
