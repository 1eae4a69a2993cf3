import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute } from '@hono/zod-openapi';
import { posting } from '../../../domain/model/posting.ts';
import { complianceDecision } from '../../../domain/model/posting-compliance.ts';
import { reviewPostingCompliance } from '../../../services/posting-compliance.ts';
import type { AppEnv } from '../../env.ts';
import { errorResponses, idParam, json, security } from '../../openapi.ts';
import { problemSchema } from '../../problem.ts';

const tags = ['Job postings'];

export function postingComplianceRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/jobs/{id}/compliance-review',
      tags,
      security,
      summary: 'Approve or reject a posting held for compliance review (career office)',
      operationId: 'reviewJobCompliance',
      description:
        'A posting with a blocking compliance finding is held as a draft (never recommended) until ' +
        'this decision. Logged in the operator log.',
      request: {
        params: idParam,
        body: { required: true, content: { 'application/json': { schema: complianceDecision } } },
      },
      responses: {
        200: json(posting, 'The posting after the decision.'),
        ...errorResponses,
        409: {
          description: 'The posting is not held.',
          content: { 'application/problem+json': { schema: problemSchema } },
        },
      },
    }),
    async (c) =>
      c.json(
        await reviewPostingCompliance({ ctx: c.var.ctx, id: c.req.valid('param').id, input: c.req.valid('json') }),
        200,
      ),
  );
}
