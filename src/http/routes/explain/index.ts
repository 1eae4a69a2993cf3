import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { jobType } from '../../../domain/model/common.ts';
import { explainCandidate } from '../../../services/explain/explain-candidate.ts';
import { explainRecommendation } from '../../../services/explain/explain-recommendation.ts';
import { DEFAULT_LIST_SIZE } from '../../../services/explain/scoring.ts';
import { skillAdvice } from '../../../services/explain/skill-advice.ts';
import { explainWhyNot } from '../../../services/explain/why-not.ts';
import { aiNoticeHeader, type MatchingProvider } from '../../../services/matching/deps.ts';
import type { AppEnv } from '../../env.ts';
import { errorResponses, json, security } from '../../openapi.ts';
import { problemSchema } from '../../problem.ts';
import { langQuery, pickLang } from './lang.ts';
import {
  candidateExplanationSchema,
  recommendationExplanationSchema,
  skillAdviceSchema,
  whyNotSchema,
} from './schemas.ts';

const tags = ['Explanations'];
const uuidParam = (name: string, description: string) => z.uuid().meta({ param: { name, in: 'path' }, description });
const limit = z.coerce
  .number()
  .int()
  .min(1)
  .max(100)
  .default(DEFAULT_LIST_SIZE)
  .meta({
    description: `Size of the list compared against, as in /recommendations (default ${DEFAULT_LIST_SIZE}).`,
    example: DEFAULT_LIST_SIZE,
  });
const impressionId = z
  .uuid()
  .optional()
  .meta({
    description:
      'Explain this served impression: its score, components, skills, evidence, criteria and rank exactly as ' +
      'served, with the model version and embedder that served it (404 when this pair was never served under ' +
      'this id to this key, 409 when it was served before matches were stored with impressions). Without it the ' +
      'score is computed now and the latest impression of the pair is cited.',
  });
const impressionConflict = {
  409: {
    description:
      'The impression was served before explanations were stored with impressions; ask without impressionId ' +
      '(errors names query.impressionId).',
    content: { 'application/problem+json': { schema: problemSchema } },
  },
};

export function explainRoutes(app: OpenAPIHono<AppEnv>, matching: MatchingProvider): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/graduates/{id}/recommendations/{jobId}/explanation',
      tags,
      security,
      operationId: 'explainRecommendation',
      summary:
        'Why this job was recommended: every component, the evidence, the criteria, a summary and what-if advice',
      description:
        "The graduate or the career office. The score is recomputed by the list's own code path; " +
        'the served impression is cited. Reads by anyone but the graduate are logged.',
      request: {
        params: z.object({ id: uuidParam('id', 'Graduate id.'), jobId: uuidParam('jobId', 'Job posting id.') }),
        query: z.object({ lang: langQuery, limit, impressionId }),
      },
      responses: {
        200: json(recommendationExplanationSchema, 'The explanation, with an AI notice.'),
        ...errorResponses,
        ...impressionConflict,
      },
    }),
    async (c) => {
      const deps = await matching(c.var.database);
      const { id, jobId } = c.req.valid('param');
      const q = c.req.valid('query');
      const body = await explainRecommendation({
        ctx: c.var.ctx,
        deps,
        input: {
          graduateId: id,
          postingId: jobId,
          lang: pickLang(q.lang, c.req.header('accept-language')),
          limit: q.limit,
          impressionId: q.impressionId,
        },
      });
      c.header('x-ai-notice', aiNoticeHeader(deps, body.personalized));
      return c.json(body, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/jobs/{id}/candidates/{graduateId}/explanation',
      tags,
      security,
      operationId: 'explainCandidate',
      summary: 'Why this graduate is a candidate for this posting (its employer or the career office)',
      description:
        'Only for a graduate the candidate list would show to this key. An employer does not see ' +
        "the candidate's preferences. Every read is logged.",
      request: {
        params: z.object({
          id: uuidParam('id', 'Job posting id.'),
          graduateId: uuidParam('graduateId', 'Graduate id.'),
        }),
        query: z.object({ lang: langQuery, impressionId }),
      },
      responses: {
        200: json(candidateExplanationSchema, 'The explanation, with an AI notice.'),
        ...errorResponses,
        ...impressionConflict,
      },
    }),
    async (c) => {
      const deps = await matching(c.var.database);
      const { id, graduateId } = c.req.valid('param');
      const q = c.req.valid('query');
      const body = await explainCandidate({
        ctx: c.var.ctx,
        deps,
        postingId: id,
        graduateId,
        lang: pickLang(q.lang, c.req.header('accept-language')),
        impressionId: q.impressionId,
      });
      c.header('x-ai-notice', aiNoticeHeader(deps, true));
      return c.json(body, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/graduates/{id}/skill-advice',
      tags,
      security,
      operationId: 'getSkillAdvice',
      description:
        'For each skill the graduate lacks, how much their top recommendations would gain by ' +
        'adding it, computed by re-scoring with the skill added.',
      summary:
        "The skills whose addition would raise the graduate's top recommendations most (re-scored, not estimated)",
      request: {
        params: z.object({ id: uuidParam('id', 'Graduate id.') }),
        query: z.object({
          limit: limit.meta({ description: 'How many top recommendations to consider.' }),
          n: z.coerce.number().int().min(1).max(10).default(3),
        }),
      },
      responses: { 200: json(skillAdviceSchema, 'Up to n skills, largest total gain first.'), ...errorResponses },
    }),
    async (c) => {
      const deps = await matching(c.var.database);
      const q = c.req.valid('query');
      const body = await skillAdvice({
        ctx: c.var.ctx,
        deps,
        graduateId: c.req.valid('param').id,
        limit: q.limit,
        n: q.n,
      });
      c.header('x-ai-notice', aiNoticeHeader(deps, body.personalized));
      return c.json(body, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/graduates/{id}/jobs/{jobId}/why-not',
      tags,
      security,
      operationId: 'explainWhyNot',
      summary:
        "Why a job is not in the graduate's list: the hard filter that removed it, or its rank and what held it back",
      description: 'Takes the same filters as /recommendations and answers for the list that request would return.',
      request: {
        params: z.object({ id: uuidParam('id', 'Graduate id.'), jobId: uuidParam('jobId', 'Job posting id.') }),
        query: z.object({
          limit,
          location: z.string().trim().min(1).max(60).optional().meta({ description: 'As in /recommendations.' }),
          jobType: jobType.optional(),
          salaryMin: z.coerce.number().int().min(0).max(1_000_000).optional(),
          remote: z
            .enum(['true', 'false'])
            .optional()
            .transform((v) => v === 'true'),
        }),
      },
      responses: { 200: json(whyNotSchema, 'The reason.'), ...errorResponses },
    }),
    async (c) => {
      const deps = await matching(c.var.database);
      const { id, jobId } = c.req.valid('param');
      const body = await explainWhyNot({
        ctx: c.var.ctx,
        deps,
        graduateId: id,
        postingId: jobId,
        query: c.req.valid('query'),
      });
      c.header('x-ai-notice', aiNoticeHeader(deps, body.personalized));
      return c.json(body, 200);
    },
  );
}
