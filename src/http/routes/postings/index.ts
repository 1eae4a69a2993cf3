import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { degree, jobType } from '../../../domain/model/common.ts';
import { POSTING_STATUSES, posting, postingCreate, postingUpdate } from '../../../domain/model/posting.ts';
import * as postings from '../../../services/postings.ts';
import type { AppEnv } from '../../env.ts';
import { errorResponses, idParam, json, pageOf, pageQuery, security } from '../../openapi.ts';

const tags = ['Job postings'];

const filters = z.object({
  ...pageQuery,
  location: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .optional()
    .meta({ description: 'Only postings in this city.', example: '武汉' }),
  jobType: jobType.optional(),
  minDegree: degree.optional().meta({ description: 'Only postings whose minimum degree is exactly this.' }),
  eligibleDegree: degree.optional().meta({ description: 'Only postings a holder of this degree may apply to.' }),
  status: z.enum(POSTING_STATUSES).optional(),
  employerId: z.uuid().optional().meta({ description: "Only this employer's postings." }),
});

export function postingRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/jobs',
      tags,
      security,
      summary: 'Create a job posting (employer or career office)',
      operationId: 'createJob',
      description:
        "Creates a posting. Its text is checked for discriminatory requirements; the tenant's " +
        'setting decides whether a blocking finding rejects it (422) or holds it for review.',
      request: { body: { required: true, content: { 'application/json': { schema: postingCreate } } } },
      responses: { 201: json(posting, 'The created posting.'), ...errorResponses },
    }),
    async (c) => c.json(await postings.createPosting({ ctx: c.var.ctx, input: c.req.valid('json') }), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/jobs',
      tags,
      security,
      summary: 'List postings with filters',
      operationId: 'listJobs',
      description: "Employers see their own postings, graduates open ones, the career office all of its tenant's.",
      request: { query: filters },
      responses: { 200: json(pageOf(posting, 'PostingPage'), 'A page of postings.'), ...errorResponses },
    }),
    async (c) => {
      const { limit, cursor, ...rest } = c.req.valid('query');
      return c.json(await postings.listPostings({ ctx: c.var.ctx, filters: rest, limit, cursor }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/jobs/{id}',
      tags,
      security,
      summary: 'Read a posting',
      operationId: 'getJob',
      description: "One posting. Another tenant's posting answers 404.",
      request: { params: idParam },
      responses: { 200: json(posting, 'The posting.'), ...errorResponses },
    }),
    async (c) => c.json(await postings.getPosting({ ctx: c.var.ctx, id: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/jobs/{id}',
      tags,
      security,
      summary: 'Update a posting; fields not sent are kept',
      operationId: 'updateJob',
      description:
        'Partial update; fields not sent are kept. Changed text is checked for discriminatory requirements again.',
      request: {
        params: idParam,
        body: { required: true, content: { 'application/json': { schema: postingUpdate } } },
      },
      responses: { 200: json(posting, 'The updated posting.'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await postings.updatePosting({ ctx: c.var.ctx, id: c.req.valid('param').id, input: c.req.valid('json') }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/jobs/{id}',
      tags,
      security,
      summary: 'Delete a posting',
      operationId: 'deleteJob',
      description: 'Deletes the posting (its employer or the career office).',
      request: { params: idParam },
      responses: { 204: { description: 'Deleted.' }, ...errorResponses },
    }),
    async (c) => {
      await postings.deletePosting({ ctx: c.var.ctx, id: c.req.valid('param').id });
      return c.body(null, 204);
    },
  );
}
