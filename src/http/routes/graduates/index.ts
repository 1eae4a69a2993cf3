import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { graduate, graduateCreate, graduateUpdate } from '../../../domain/model/graduate.ts';
import * as graduates from '../../../services/graduates.ts';
import type { MatchingProvider } from '../../../services/matching/deps.ts';
import type { AppEnv } from '../../env.ts';
import { graduateFilterQuery } from '../../graduate-filter-query.ts';
import { errorResponses, idParam, json, pageOf, pageQuery, security } from '../../openapi.ts';

const tags = ['Graduates'];

export function graduateRoutes(app: OpenAPIHono<AppEnv>, matching?: MatchingProvider): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/graduates',
      tags,
      security,
      summary: 'Create a graduate profile (career office)',
      operationId: 'createGraduate',
      description: "Creates a graduate profile in the key's tenant (career office only).",
      request: { body: { required: true, content: { 'application/json': { schema: graduateCreate } } } },
      responses: { 201: json(graduate, 'The created profile.'), ...errorResponses },
    }),
    async (c) => c.json(await graduates.createGraduate({ ctx: c.var.ctx, input: c.req.valid('json') }), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/graduates',
      tags,
      security,
      summary: "List the tenant's graduates (career office)",
      operationId: 'listGraduates',
      description:
        "The tenant's graduates, oldest first, a page at a time (cursor-paged on creation time and id). The filters " +
        'combine (all must hold) and page with the same cursor: each matching graduate appears ' +
        'exactly once across the pages. ' +
        'q keeps graduates whose profile text (majors, skills, summary, experience; deleted tags ' +
        'left out) shares a keyword with ' +
        "it (one-edit English corrections against the cohort's words); it filters and does not " +
        'reorder. The filters run over ' +
        "the tenant's in-memory graduate index (the candidate lists' own), so a filtered page " +
        'costs one scan of it and ' +
        'one read of the rows shown. graduationYearFrom after graduationYearTo is a 400.',
      request: { query: z.object({ ...pageQuery, ...graduateFilterQuery }) },
      responses: { 200: json(pageOf(graduate, 'GraduatePage'), 'A page of profiles.'), ...errorResponses },
    }),
    async (c) => {
      const { limit, cursor, ...filters } = c.req.valid('query');
      const deps = matching && (() => matching(c.var.database));
      return c.json(await graduates.listGraduates({ ctx: c.var.ctx, limit, cursor, filters, matching: deps }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/graduates/{id}',
      tags,
      security,
      summary: 'Read a profile (the graduate or the career office)',
      operationId: 'getGraduate',
      description: "One profile. A graduate key reads only its own; another tenant's graduate answers 404.",
      request: { params: idParam },
      responses: { 200: json(graduate, 'The profile.'), ...errorResponses },
    }),
    async (c) => c.json(await graduates.getGraduate({ ctx: c.var.ctx, id: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/graduates/{id}',
      tags,
      security,
      summary: 'Update a profile; fields not sent are kept',
      operationId: 'updateGraduate',
      description: 'Partial update: fields sent replace the stored ones, fields not sent are kept.',
      request: {
        params: idParam,
        body: { required: true, content: { 'application/json': { schema: graduateUpdate } } },
      },
      responses: { 200: json(graduate, 'The updated profile.'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await graduates.updateGraduate({ ctx: c.var.ctx, id: c.req.valid('param').id, input: c.req.valid('json') }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/graduates/{id}',
      tags,
      security,
      summary: 'Delete a profile',
      operationId: 'deleteGraduate',
      description:
        'Erases the profile and its personal data; impressions and interactions are pseudonymised ' +
        'so audit counts stay right.',
      request: { params: idParam },
      responses: { 204: { description: 'Deleted.' }, ...errorResponses },
    }),
    async (c) => {
      await graduates.deleteGraduate({ ctx: c.var.ctx, id: c.req.valid('param').id, matching });
      return c.body(null, 204);
    },
  );
}
