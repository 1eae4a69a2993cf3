import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { rerankingInput, rerankingView } from '../../../domain/model/reranking-settings.ts';
import * as mitigation from '../../../services/mitigation/settings.ts';
import type { AppEnv } from '../../env.ts';
import { errorResponses, json, security } from '../../openapi.ts';

const tags = ['Tenant administration'];

export function mitigationRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/tenant/reranking',
      tags,
      security,
      summary: 'Fairness re-ranking settings (career office or admin)',
      operationId: 'getReranking',
      description: "The tenant's fairness re-ranking settings and whether re-ranking is on.",
      responses: { 200: json(rerankingView, 'The settings; enabled false by default.'), ...errorResponses },
    }),
    async (c) => c.json(await mitigation.getReranking({ ctx: c.var.ctx }), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/v1/tenant/reranking',
      tags,
      security,
      summary: 'Switch fairness re-ranking of candidate lists on or off (career office or admin)',
      operationId: 'setReranking',
      description:
        'Replaces the settings. det_const_sort needs targetShares (groups of the attribute, ' +
        'summing to less than 1), applied as floors, never quotas; floors takes attributes (and ' +
        'intersections), optional targetShares and crossList (catch-up of groups whose selection ' +
        'over the audit window lags); det_greedy, det_cons and det_relaxed take optional ' +
        'targetShares; fa_ir needs protectedGroups, p and alpha. ' +
        'The re-ranker reads only consented demographics and only reorders scored lists; every ' +
        're-ranked list is logged and reported by the next audit. Each change is kept in the ' +
        'operator log.',
      request: { body: { required: true, content: { 'application/json': { schema: rerankingInput } } } },
      responses: { 200: json(rerankingView, 'The settings now in force.'), ...errorResponses },
    }),
    async (c) => c.json(await mitigation.putReranking({ ctx: c.var.ctx, input: c.req.valid('json') }), 200),
  );
}
