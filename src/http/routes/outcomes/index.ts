import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { outcome, outcomeInput } from '../../../domain/model/outcome.ts';
import * as outcomes from '../../../services/outcomes.ts';
import type { AppEnv } from '../../env.ts';
import { errorResponses, idParam, json, pageOf, pageQuery, security } from '../../openapi.ts';

const tags = ['Outcomes'];
const uuidExample = '0193a4b2-6c1e-7d1a-9b1e-3f2a1c0d9e8f';
const outcomeParam = idParam.extend({
  outcomeId: z
    .uuid()
    .meta({ param: { name: 'outcomeId', in: 'path' }, description: 'The outcome record.', example: uuidExample }),
});
const written = z
  .object({
    outcome,
    change: z.enum(['created', 'updated', 'unchanged']).meta({
      description: 'A new date, a replacement of the same date, or the same content written again.',
      example: 'created',
    }),
  })
  .meta({ id: 'OutcomeWritten' });

/** Graduate outcomes (毕业去向): each graduate's history, written by the career office or the graduate. */
export function outcomeRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/graduates/{id}/outcomes',
      tags,
      security,
      operationId: 'recordOutcome',
      summary: "Record a graduate's outcome (career office, or the graduate)",
      description:
        'One record per graduate and date (`asOf`): writing a date again replaces its record, and ' +
        'the same content again ' +
        'changes nothing. The latest date is the current outcome. Employment details (employer, occupation, city, ' +
        'industry, salary band, job type) belong to an `employed` record only; on another status ' +
        'they are a 400 naming ' +
        'the field. The source (career_office or graduate) and the time are recorded. 201 for a ' +
        'new date, 200 otherwise.',
      request: {
        params: idParam,
        body: { required: true, content: { 'application/json': { schema: outcomeInput } } },
      },
      responses: {
        201: json(written, 'A new record.'),
        200: json(written, 'The record of that date, replaced or unchanged.'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const result = await outcomes.recordOutcome({
        ctx: c.var.ctx,
        graduateId: c.req.valid('param').id,
        input: c.req.valid('json'),
      });
      return result.change === 'created' ? c.json(result, 201) : c.json(result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/graduates/{id}/outcomes',
      tags,
      security,
      operationId: 'listGraduateOutcomes',
      summary: "A graduate's outcome history",
      description: "Newest date first. A graduate key reads only its own; another tenant's graduate answers 404.",
      request: { params: idParam },
      responses: {
        200: json(z.object({ items: z.array(outcome) }).meta({ id: 'OutcomeList' }), 'The records.'),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(await outcomes.listGraduateOutcomes({ ctx: c.var.ctx, graduateId: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/graduates/{id}/outcomes/{outcomeId}',
      tags,
      security,
      operationId: 'deleteOutcome',
      summary: 'Delete a wrong outcome record',
      description: 'Whoever may write the graduate’s outcomes may delete one record; the other dates stay.',
      request: { params: outcomeParam },
      responses: { 204: { description: 'Deleted.' }, ...errorResponses },
    }),
    async (c) => {
      const { id, outcomeId } = c.req.valid('param');
      await outcomes.removeOutcome({ ctx: c.var.ctx, graduateId: id, outcomeId });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/outcomes',
      tags,
      security,
      operationId: 'listOutcomes',
      summary: 'Every outcome record of the tenant (career office)',
      description: 'All records of all graduates, oldest written first, a page at a time (cursor-paged).',
      request: { query: z.object(pageQuery) },
      responses: { 200: json(pageOf(outcome, 'OutcomePage'), 'A page of records.'), ...errorResponses },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      return c.json(await outcomes.listOutcomes({ ctx: c.var.ctx, limit, cursor }), 200);
    },
  );
}
