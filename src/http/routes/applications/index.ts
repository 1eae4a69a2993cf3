import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  APPLICATION_STATUSES,
  application,
  applicationCreate,
  applicationUpdate,
} from '../../../domain/model/application.ts';
import * as applications from '../../../services/applications.ts';
import type { AppEnv } from '../../env.ts';
import { problemSchema } from '../../problem.ts';
import { errorResponses, idParam, json, security } from '../../openapi.ts';

const tags = ['Applications'];
const written = z
  .object({
    application,
    change: z.enum(['created', 'updated', 'unchanged']).meta({
      description: 'A new application, a saved posting applied to, or the same request again.',
      example: 'created',
    }),
  })
  .meta({ id: 'ApplicationWritten' });
const list = z.object({ items: z.array(application) }).meta({ id: 'ApplicationList' });
const statusQuery = z.object({
  status: z
    .enum(APPLICATION_STATUSES)
    .optional()
    .meta({ description: 'Only applications in this status.', example: 'interviewing' }),
});
const conflict = {
  409: {
    description: 'The status cannot move there from where it is; `errors` names `body.status`.',
    content: { 'application/problem+json': { schema: problemSchema } },
  },
};

/** Applications: the graduate saves and applies, the posting's employer moves them on, staff read. */
export function applicationRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/graduates/{id}/applications',
      tags,
      security,
      operationId: 'applyToPosting',
      summary: 'Save or apply to a posting (the graduate)',
      description:
        'One application per graduate and posting: applying again, or saving what is already saved or further ' +
        'along, changes nothing (200, `unchanged`); applying to a saved posting moves it to applied. A withdrawn ' +
        'application cannot be reopened (409). Each step writes the matching interaction (save, apply) to the ' +
        'funnel, linked to `impressionId` when given. 201 for a new application.',
      request: {
        params: idParam,
        body: { required: true, content: { 'application/json': { schema: applicationCreate } } },
      },
      responses: {
        201: json(written, 'A new application.'),
        200: json(written, 'An existing application, moved on or unchanged.'),
        ...errorResponses,
        ...conflict,
      },
    }),
    async (c) => {
      const result = await applications.applyToPosting({
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
      path: '/v1/graduates/{id}/applications',
      tags,
      security,
      operationId: 'listGraduateApplications',
      summary: "A graduate's applications with their status and history",
      description:
        'Most recently changed first, each with its full history (time, actor role, reason). The graduate reads ' +
        "their own, the career office any graduate's of the tenant; anyone else gets 404.",
      request: { params: idParam, query: statusQuery },
      responses: { 200: json(list, 'The applications.'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await applications.listGraduateApplications({
          ctx: c.var.ctx,
          graduateId: c.req.valid('param').id,
          status: c.req.valid('query').status,
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/applications/{id}',
      tags,
      security,
      operationId: 'getApplication',
      summary: 'One application with its history',
      description:
        "Visible to its graduate, to the posting's employer once it was sent (a saved posting is the graduate's " +
        'own bookmark), and to the career office; 404 to anyone else.',
      request: { params: idParam },
      responses: { 200: json(application, 'The application.'), ...errorResponses },
    }),
    async (c) =>
      c.json(await applications.getApplication({ ctx: c.var.ctx, applicationId: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/applications/{id}',
      tags,
      security,
      operationId: 'updateApplicationStatus',
      summary: "Move an application's status",
      description:
        'The graduate applies (from saved) or withdraws; the employer of the posting moves it to interviewing, ' +
        'offer, hired or rejected. Another role setting a status is a 403 naming `body.status`; a move the ' +
        'current status does not allow (hired, rejected and withdrawn are final) is a 409 naming `body.status`. ' +
        'Each change is kept in the history with its time, actor and reason, and writes the matching funnel ' +
        'interaction (apply, interview, offer, hire). Another employer gets 404.',
      request: {
        params: idParam,
        body: { required: true, content: { 'application/json': { schema: applicationUpdate } } },
      },
      responses: { 200: json(application, 'The application after the change.'), ...errorResponses, ...conflict },
    }),
    async (c) =>
      c.json(
        await applications.updateApplication({
          ctx: c.var.ctx,
          applicationId: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/jobs/{id}/applications',
      tags,
      security,
      operationId: 'listPostingApplications',
      summary: 'Applications to a posting (its employer, or the career office)',
      description:
        'Applications sent to the posting, oldest first, with their history; postings saved but never applied to ' +
        "are not shown. Another employer's posting answers 404.",
      request: { params: idParam, query: statusQuery },
      responses: { 200: json(list, 'The applications.'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await applications.listPostingApplications({
          ctx: c.var.ctx,
          postingId: c.req.valid('param').id,
          status: c.req.valid('query').status,
        }),
        200,
      ),
  );
}
