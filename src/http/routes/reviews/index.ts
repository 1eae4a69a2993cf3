import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { REVIEW_STATUSES, review, reviewCreate, reviewUpdate } from '../../../domain/model/review.ts';
import * as reviews from '../../../services/reviews.ts';
import type { AppEnv } from '../../env.ts';
import { errorResponses, idParam, json, pageOf, pageQuery, security } from '../../openapi.ts';
import { problemSchema } from '../../problem.ts';

const tags = ['Appeals and human review'];
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
});
const reviewPage = pageOf(review, 'ReviewPage');

const queueQuery = z.object({
  ...pageQuery,
  status: z.enum(REVIEW_STATUSES).optional().meta({ description: 'Only reviews in this status.', example: 'open' }),
  assignee: z
    .string()
    .trim()
    .min(1)
    .max(120)
    .optional()
    .meta({ description: 'Only reviews assigned to this person.', example: '张老师' }),
  unassigned: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .meta({ description: 'true: only reviews nobody is assigned to.' }),
});

export function reviewRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/graduates/{id}/reviews',
      tags,
      security,
      summary: 'Contest a recommendation or ask for human review (the graduate only)',
      operationId: 'requestReview',
      description:
        'kind=flag contests one recommendation (impressionId or postingId, reason, text); ' +
        'kind=human_review asks a person to review an automated list (listId). The answer is due ' +
        "within the tenant's reviewSlaDays.",
      request: { params: idParam, body: { required: true, content: { 'application/json': { schema: reviewCreate } } } },
      responses: { 201: json(review, 'Filed.'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await reviews.fileReview({ ctx: c.var.ctx, graduateId: c.req.valid('param').id, input: c.req.valid('json') }),
        201,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/graduates/{id}/reviews',
      tags,
      security,
      summary: "A graduate's appeals with status and reply",
      operationId: 'listGraduateReviews',
      description: "The graduate's appeals with their status and the reviewer's reply.",
      request: { params: idParam, query: z.object(pageQuery) },
      responses: { 200: json(reviewPage, 'Appeals, oldest first.'), ...errorResponses },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      return c.json(
        await reviews.listGraduateReviews({ ctx: c.var.ctx, graduateId: c.req.valid('param').id, limit, cursor }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/reviews',
      tags,
      security,
      summary: 'The review queue (career office)',
      operationId: 'listReviews',
      description: "The career office's queue of appeals, oldest first, with the SLA deadline of each.",
      request: { query: queueQuery },
      responses: { 200: json(reviewPage, 'Reviews, oldest first.'), ...errorResponses },
    }),
    async (c) => {
      const { limit, cursor, ...filters } = c.req.valid('query');
      return c.json(await reviews.listReviews({ ctx: c.var.ctx, filters, limit, cursor }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/reviews/{id}',
      tags,
      security,
      summary: 'Read one review (career office)',
      operationId: 'getReview',
      description: 'One appeal and its current status, as the career office sees it.',
      request: { params: idParam },
      responses: { 200: json(review, 'The review.'), ...errorResponses },
    }),
    async (c) => c.json(await reviews.getReview({ ctx: c.var.ctx, id: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/reviews/{id}',
      tags,
      security,
      summary: 'Assign, decide, reply, move status (career office)',
      operationId: 'updateReview',
      description:
        'Status moves open → in_review → resolved; resolving needs a decision and a reply (422 ' +
        'names what is missing); a resolved review is final (409).',
      request: { params: idParam, body: { required: true, content: { 'application/json': { schema: reviewUpdate } } } },
      responses: {
        200: json(review, 'The updated review.'),
        ...errorResponses,
        409: problem('Already resolved.'),
        422: problem('Resolution without decision or reply.'),
      },
    }),
    async (c) =>
      c.json(
        await reviews.updateReview({ ctx: c.var.ctx, id: c.req.valid('param').id, input: c.req.valid('json') }),
        200,
      ),
  );
}
