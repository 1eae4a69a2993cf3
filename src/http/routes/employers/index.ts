import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { employer, employerCreate, employerUpdate } from '../../../domain/model/employer.ts';
import * as employers from '../../../services/employers.ts';
import type { AppEnv } from '../../env.ts';
import { errorResponses, idParam, json, pageOf, pageQuery, security } from '../../openapi.ts';

const tags = ['Employers'];

export function employerRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/employers',
      tags,
      security,
      summary: 'Create an employer (career office)',
      operationId: 'createEmployer',
      description: "Creates an employer in the key's tenant (career office only).",
      request: { body: { required: true, content: { 'application/json': { schema: employerCreate } } } },
      responses: { 201: json(employer, 'The created employer.'), ...errorResponses },
    }),
    async (c) => c.json(await employers.createEmployer({ ctx: c.var.ctx, input: c.req.valid('json') }), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/employers',
      tags,
      security,
      summary: "List the tenant's employers",
      operationId: 'listEmployers',
      description: "The tenant's employers, a page at a time (cursor-paged).",
      request: { query: z.object(pageQuery) },
      responses: { 200: json(pageOf(employer, 'EmployerPage'), 'A page of employers.'), ...errorResponses },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      return c.json(await employers.listEmployers({ ctx: c.var.ctx, limit, cursor }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/employers/{id}',
      tags,
      security,
      summary: 'Read an employer',
      operationId: 'getEmployer',
      description: "One employer. An employer key reads only its own; another tenant's employer answers 404.",
      request: { params: idParam },
      responses: { 200: json(employer, 'The employer.'), ...errorResponses },
    }),
    async (c) => c.json(await employers.getEmployer({ ctx: c.var.ctx, id: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/employers/{id}',
      tags,
      security,
      summary: 'Update an employer (itself or the career office)',
      operationId: 'updateEmployer',
      description: 'Partial update by the employer itself or the career office; fields not sent are kept.',
      request: {
        params: idParam,
        body: { required: true, content: { 'application/json': { schema: employerUpdate } } },
      },
      responses: { 200: json(employer, 'The updated employer.'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await employers.updateEmployer({ ctx: c.var.ctx, id: c.req.valid('param').id, input: c.req.valid('json') }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/employers/{id}',
      tags,
      security,
      summary: 'Delete an employer and its postings (career office)',
      operationId: 'deleteEmployer',
      description: 'Deletes the employer and every posting it owns (career office only).',
      request: { params: idParam },
      responses: { 204: { description: 'Deleted.' }, ...errorResponses },
    }),
    async (c) => {
      await employers.deleteEmployer({ ctx: c.var.ctx, id: c.req.valid('param').id });
      return c.body(null, 204);
    },
  );
}
