import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { degree, jobType } from '../../../domain/model/common.ts';
import { aiNoticeHeader, type MatchingProvider } from '../../../services/matching/deps.ts';
import { searchJobs } from '../../../services/matching/search.ts';
import type { AppEnv } from '../../env.ts';
import { jsonBytes } from '../../json-bytes.ts';
import { errorResponses, json, security } from '../../openapi.ts';
import { aiNoticeSchema, matchViewSchema } from '../matching/schemas.ts';

const tags = ['Matching'];

/** Longer queries are refused: a search box, not a document (a whole profile is what recommendations use). */
const MAX_QUERY_CHARS = 200;

const query = z.object({
  q: z
    .string()
    .trim()
    .min(1)
    .max(MAX_QUERY_CHARS)
    .meta({
      description: `What to look for, in Chinese, English or both (1–${MAX_QUERY_CHARS} characters after trimming).`,
      example: '数据分析 Python',
    }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .meta({ description: 'Hits per page (1–100).', example: 20 }),
  cursor: z.string().max(100).optional().meta({ description: 'nextCursor of the previous page.' }),
  location: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .optional()
    .meta({ description: 'Only postings in this city (remote postings too).', example: '武汉' }),
  jobType: jobType.optional(),
  minDegree: degree.optional().meta({ description: 'Only postings whose minimum degree is exactly this.' }),
  eligibleDegree: degree.optional().meta({ description: 'Only postings a holder of this degree may apply to.' }),
  employerId: z.uuid().optional().meta({ description: "Only this employer's postings." }),
});

const span = z
  .object({ start: z.number().int(), end: z.number().int() })
  .meta({ description: 'UTF-16 offsets [start, end) of a match.' });
const component = z.object({
  name: z.enum(['keywords', 'meaning', 'profile']).meta({
    description:
      'keywords: BM25F of the query on title, skills and description; meaning: cosine of the ' +
      'query and posting embeddings; profile: your own match score (personalized search only).',
  }),
  value: z.number(),
  weight: z.number(),
  contribution: z
    .number()
    .meta({ description: 'value × weight (6 decimals); contributions sum to the score exactly.' }),
});
const hit = z
  .object({
    rank: z.number().int(),
    impressionId: z.uuid(),
    posting: z.object({
      id: z.uuid(),
      title: z.string(),
      employerId: z.uuid(),
      employerName: z.string().nullable(),
      locations: z.array(z.string()),
      remote: z.boolean(),
      jobType: z.string(),
      minDegree: z.string(),
      salaryMin: z.number().optional(),
      salaryMax: z.number().optional(),
      closesAt: z.string().optional(),
    }),
    score: z.number().meta({ description: 'Search score in [0, 1].', example: 0.61 }),
    components: z.array(component),
    matchedTerms: z.array(z.string()).meta({
      description: 'Query terms found in the posting (analyzed forms), strongest first.',
      example: ['数据', '分析', 'python'],
    }),
    highlights: z.object({ title: z.array(span), description: z.array(span) }),
    profileMatch: matchViewSchema
      .nullable()
      .meta({ description: 'Your own match with the posting, when the search is personalized.' }),
  })
  .meta({ id: 'SearchHit' });
export const searchResult = z
  .object({
    listId: z.uuid(),
    query: z.object({
      q: z.string(),
      terms: z.array(z.string()).meta({ description: 'The analyzed query terms.' }),
      corrections: z.array(z.object({ from: z.string(), to: z.string() })).meta({
        description: 'English words not in the postings, replaced by the most frequent indexed word one edit away.',
      }),
    }),
    mode: z.enum(['personalized', 'non_personalized']),
    reason: z.string().nullable().meta({
      description: 'Why the ranking ignores your profile: not_a_graduate, personalization_off or ai_ranking_suspended.',
    }),
    weights: z.object({ version: z.string(), keywords: z.number(), meaning: z.number(), profileShare: z.number() }),
    items: z.array(hit),
    nextCursor: z.string().nullable(),
    ai: aiNoticeSchema,
  })
  .meta({ id: 'SearchResult' });

/** Registered before /v1/jobs/{id}, which would otherwise take "search" for an id. */
export function jobSearchRoutes(app: OpenAPIHono<AppEnv>, matching: MatchingProvider): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/jobs/search',
      tags,
      security,
      operationId: 'searchJobs',
      summary: 'Search open postings by free text',
      description:
        'BM25F keyword match (Chinese character pairs with traditional/simplified folding, English ' +
        'words with plurals folded and one-edit spelling correction) plus the meaning of the query ' +
        '(embedding cosine), over the open postings, with the filters of GET /v1/jobs. With a ' +
        "graduate key and personalization on, the graduate's own match is blended in. Every hit " +
        'carries its score components and highlights; every page is recorded.',
      request: { query },
      responses: { 200: json(searchResult, 'Hits, best first, with an AI notice.'), ...errorResponses },
    }),
    async (c) => {
      const deps = await matching(c.var.database);
      const result = await searchJobs({ ctx: c.var.ctx, deps, query: c.req.valid('query') });
      c.header('x-ai-notice', aiNoticeHeader(deps, result.mode === 'personalized'));
      return jsonBytes(c, result, 200);
    },
  );
}
