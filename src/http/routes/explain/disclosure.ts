import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import { DomainError } from '../../../domain/errors.ts';
import {
  currentDisclosure,
  getDisclosureVersion,
  listDisclosureVersions,
} from '../../../services/explain/disclosure.ts';
import { authenticate } from '../../../services/keys.ts';
import type { MatchingProvider } from '../../../services/matching/deps.ts';
import type { AppEnv } from '../../env.ts';
import { presentedKey } from '../../middleware/auth.ts';
import { withDatabase, type DatabaseProvider } from '../../middleware/database.ts';
import { problemLang } from '../../lang.ts';
import { say } from '../../messages.ts';
import { errorResponses, json } from '../../openapi.ts';
import { langQuery, pickLang } from './lang.ts';

const tags = ['Algorithm disclosure'];
/** Public: a key is optional and only adds the tenant's flags and audit headline. */
const optionalSecurity: Array<Record<string, string[]>> = [{}, { apiKey: [] }];

/** A key when one is sent (then it must be valid); none is fine. Sets only the tenant id. */
const optionalKey = createMiddleware<AppEnv & { Variables: { tenantId: string | null } }>(async (c, next) => {
  const key = presentedKey(c.req);
  let tenantId: string | null = null;
  if (key) {
    const principal = await authenticate(c.var.database, key);
    if (!principal) throw new DomainError('unauthenticated', say(problemLang(c), 'unknownKeyOptional'));
    tenantId = principal.tenantId;
  }
  c.set('tenantId', tenantId);
  await next();
});

const docSchema = z.record(z.string(), z.unknown()).meta({
  id: 'DisclosureDocument',
  description:
    'Purpose, inputs used and never used, the formula with its weights, the embedder, ' +
    'operation, known limits, quality, latest audit, user controls.',
});
const scope = z.enum(['public', 'tenant']);

/**
 * GET /v1/algorithm and its versions. Registered before the /v1/* key middleware: route handlers answer
 * without calling next(), so that middleware never runs for these paths.
 */
export function disclosureRoutes(
  app: OpenAPIHono<AppEnv>,
  database: DatabaseProvider,
  matching: MatchingProvider,
): void {
  const typed = app as unknown as OpenAPIHono<AppEnv & { Variables: { tenantId: string | null } }>;
  for (const path of ['/v1/algorithm', '/v1/algorithm/*']) typed.use(path, withDatabase(database), optionalKey);

  typed.openapi(
    createRoute({
      method: 'get',
      path: '/v1/algorithm',
      tags,
      security: optionalSecurity,
      operationId: 'getAlgorithmDisclosure',
      summary: 'The public algorithm disclosure (Algorithmic Recommendation Provisions art. 16), zh or en',
      description:
        "No key needed. With a key, the tenant's AI ranking switch, re-ranking and alert flags and " +
        'its latest audit headline are included. Each change of weights, embedder, flags or ' +
        'wording is a new version.',
      request: { query: z.object({ lang: langQuery }) },
      responses: {
        200: json(
          z
            .object({ document: docSchema, versionCreatedAt: z.string(), scope, qualityStatus: z.string() })
            .meta({ id: 'Disclosure' }),
          'The disclosure now.',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const answer = await currentDisclosure({
        database: c.var.database,
        deps: await matching(c.var.database),
        tenantId: c.var.tenantId,
        lang: pickLang(c.req.valid('query').lang, c.req.header('accept-language')),
      });
      c.header('content-language', answer.document.lang);
      return c.json({ ...answer, document: { ...answer.document } }, 200);
    },
  );

  typed.openapi(
    createRoute({
      method: 'get',
      path: '/v1/algorithm/versions',
      tags,
      security: optionalSecurity,
      summary: 'Every disclosure version served, newest first',
      operationId: 'listAlgorithmDisclosureVersions',
      description:
        'Every disclosure version that has been served, newest first, with the weights version and ' +
        "embedder it described. No key needed; with a key, the tenant's versions too.",
      responses: {
        200: json(
          z
            .object({
              items: z.array(
                z.object({
                  versionKey: z.string(),
                  scope,
                  createdAt: z.string(),
                  weightsVersion: z.string(),
                  embedderId: z.string(),
                }),
              ),
            })
            .meta({ id: 'DisclosureVersions' }),
          'Versions.',
        ),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json({ items: await listDisclosureVersions({ database: c.var.database, tenantId: c.var.tenantId }) }, 200),
  );

  typed.openapi(
    createRoute({
      method: 'get',
      path: '/v1/algorithm/versions/{key}',
      tags,
      security: optionalSecurity,
      summary: 'One disclosure version as it was first served',
      operationId: 'getAlgorithmDisclosureVersion',
      description:
        'A disclosure version exactly as it was first served, so a reader can see what they were ' +
        'told at the time. No key needed.',
      request: {
        params: z.object({
          key: z
            .string()
            .regex(/^disc-[0-9a-f]{16}$/)
            .meta({ param: { name: 'key', in: 'path' }, example: 'disc-0123456789abcdef' }),
        }),
        query: z.object({ lang: langQuery }),
      },
      responses: {
        200: json(
          z.object({ document: docSchema, createdAt: z.string(), scope }).meta({ id: 'DisclosureVersion' }),
          'The stored version.',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const version = await getDisclosureVersion({
        database: c.var.database,
        tenantId: c.var.tenantId,
        versionKey: c.req.valid('param').key,
        lang: pickLang(c.req.valid('query').lang, c.req.header('accept-language')),
      });
      return c.json({ ...version, document: { ...version.document } }, 200);
    },
  );
}
