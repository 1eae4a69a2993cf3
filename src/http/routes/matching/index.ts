import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { jobType } from '../../../domain/model/common.ts';
import { graduateCreate } from '../../../domain/model/graduate.ts';
import { interaction, interactionCreate } from '../../../domain/model/interaction.ts';
import { postingCreate } from '../../../domain/model/posting.ts';
import { candidatesForPosting } from '../../../services/matching/candidates.ts';
import { aiNoticeHeader, type MatchingProvider } from '../../../services/matching/deps.ts';
import { recordInteraction } from '../../../services/matching/interactions.ts';
import { matchProfile } from '../../../services/matching/match.ts';
import { recommendJobs } from '../../../services/matching/recommend.ts';
import { graduateFilterQuery } from '../../graduate-filter-query.ts';
import type { AppEnv } from '../../env.ts';
import { jsonBytes } from '../../json-bytes.ts';
import { errorResponses, idParam, json, security } from '../../openapi.ts';
import { candidateListSchema, matchViewSchema, recommendationListSchema } from './schemas.ts';

const tags = ['Matching'];
const limit = (max: number) =>
  z.coerce
    .number()
    .int()
    .min(1)
    .max(max)
    .default(20)
    .meta({ description: `Items to return (1–${max}).`, example: 20 });

export function matchingRoutes(app: OpenAPIHono<AppEnv>, matching: MatchingProvider): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/graduates/{id}/recommendations',
      tags,
      security,
      summary: 'Jobs recommended for a graduate, each with its score and reasons',
      operationId: 'listRecommendations',
      description:
        'Exact hybrid top-k over open postings passing the hard filters; applied or dismissed ' +
        'postings are left out. With personalization off or AI ranking suspended, the most recent ' +
        "postings under the graduate's own filters, labelled as such. Every list is recorded.",
      request: {
        params: idParam,
        query: z.object({
          limit: limit(100),
          location: z
            .string()
            .trim()
            .min(1)
            .max(60)
            .optional()
            .meta({ description: 'Only postings in this city (remote postings too).', example: '武汉' }),
          jobType: jobType.optional(),
          salaryMin: z.coerce
            .number()
            .int()
            .min(0)
            .max(1_000_000)
            .optional()
            .meta({ description: 'Only postings whose top monthly salary reaches this (CNY).', example: 8000 }),
          remote: z
            .enum(['true', 'false'])
            .optional()
            .transform((v) => v === 'true')
            .meta({ description: 'true: only remote postings.' }),
          lang: z
            .enum(['zh', 'en'])
            .default('zh')
            .meta({ description: 'Language of the item summaries.', example: 'en' }),
        }),
      },
      responses: { 200: json(recommendationListSchema, 'The list, with an AI notice.'), ...errorResponses },
    }),
    async (c) => {
      const deps = await matching(c.var.database);
      const { lang, ...query } = c.req.valid('query');
      const list = await recommendJobs({ ctx: c.var.ctx, deps, graduateId: c.req.valid('param').id, query, lang });
      c.header('x-ai-notice', aiNoticeHeader(deps, list.mode === 'personalized'));
      return jsonBytes(c, list, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/jobs/{id}/candidates',
      tags,
      security,
      summary: 'Graduates for a posting (its employer or the career office)',
      operationId: 'listCandidates',
      description:
        'Only graduates whose profile visibility (and, for employers, consent) allows it. The list ' +
        'is an automated shortlist until reviewed.',
      request: {
        params: idParam,
        query: z.object({
          limit: limit(200),
          ...graduateFilterQuery,
        }),
      },
      responses: { 200: json(candidateListSchema, 'The candidates, with an AI notice.'), ...errorResponses },
    }),
    async (c) => {
      const deps = await matching(c.var.database);
      const { limit: n, ...filters } = c.req.valid('query');
      const list = await candidatesForPosting({
        ctx: c.var.ctx,
        deps,
        postingId: c.req.valid('param').id,
        limit: n,
        filters,
      });
      c.header('x-ai-notice', aiNoticeHeader(deps, true));
      return jsonBytes(c, list, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/match',
      tags,
      security,
      summary: 'Score one given profile against given postings; nothing is stored',
      operationId: 'matchProfile',
      description:
        'Scores a profile given in the body against postings given inline or by id, with the same ' +
        'model as recommendations. Nothing is stored and no impression is recorded.',
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({
                  profile: graduateCreate
                    .omit({ name: true, email: true, phone: true })
                    .extend({ name: z.string().max(100).default('anonymous') }),
                  postings: z.array(postingCreate).max(100).optional().meta({ description: 'Postings given inline.' }),
                  postingIds: z
                    .array(z.uuid())
                    .max(100)
                    .optional()
                    .meta({ description: 'Stored postings of the tenant.' }),
                })
                .meta({ id: 'MatchRequest' }),
            },
          },
        },
      },
      responses: {
        200: json(
          z
            .object({
              modelVersion: z.string(),
              embedder: z.string(),
              stored: z.literal(false),
              results: z.array(
                matchViewSchema.extend({
                  postingId: z.string().nullable(),
                  index: z
                    .number()
                    .int()
                    .nullable()
                    .meta({ description: 'Position in `postings` for inline postings.' }),
                  title: z.string(),
                }),
              ),
            })
            .meta({ id: 'MatchResult' }),
          'Scores, best first.',
        ),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(
        await matchProfile({ ctx: c.var.ctx, deps: await matching(c.var.database), input: c.req.valid('json') }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/interactions',
      tags,
      security,
      summary: 'Record what someone did with a posting (view, save, apply, dismiss, interview, offer, hire)',
      operationId: 'createInteraction',
      description: 'Records a view, save, apply, dismiss, interview, offer or hire; audits read these outcomes.',
      request: { body: { required: true, content: { 'application/json': { schema: interactionCreate } } } },
      responses: { 201: json(interaction, 'Recorded.'), ...errorResponses },
    }),
    async (c) => c.json(await recordInteraction({ ctx: c.var.ctx, input: c.req.valid('json') }), 201),
  );
}
