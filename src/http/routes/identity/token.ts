import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { DomainError, invalid } from '../../../domain/errors.ts';
import { tokenRequest } from '../../../domain/model/identity.ts';
import { issueAppToken, type TokenSettings } from '../../../services/identity/apps.ts';
import { publishedKeys } from '../../../services/identity/signing.ts';
import type { Clock } from '../../../services/context.ts';
import type { AppEnv } from '../../env.ts';
import { withDatabase, type DatabaseProvider } from '../../middleware/database.ts';
import { errorResponses, json } from '../../openapi.ts';

const tags = ['Identity'];

const tokenAnswer = z
  .object({
    access_token: z
      .string()
      .meta({ description: 'A signed JWT (ES256) acting for the graduate; send it as Authorization: Bearer.' }),
    token_type: z.literal('Bearer'),
    expires_in: z.number().int().meta({ description: 'Seconds it is valid (at most 3600).', example: 900 }),
    scope: z.string().meta({ example: 'read write' }),
  })
  .meta({ id: 'TokenAnswer' });

const jwks = z.object({ keys: z.array(z.record(z.string(), z.unknown())) }).meta({ id: 'Jwks' });

/** HTTP Basic client credentials (RFC 6749 §2.3.1), if sent. */
/** The client id and secret of an HTTP Basic header; a header that is not valid Basic is a 400 naming it. */
function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  if (!header?.toLowerCase().startsWith('basic ')) return undefined;
  try {
    const decoded = atob(header.slice(6).trim());
    const at = decoded.indexOf(':');
    if (at < 0) throw new Error('no colon');
    return { id: decodeURIComponent(decoded.slice(0, at)), secret: decodeURIComponent(decoded.slice(at + 1)) };
  } catch {
    throw invalid('header.authorization', 'is not HTTP Basic: base64 of "client_id:client_secret" (RFC 6749 §2.3.1).');
  }
}

/**
 * POST /v1/oauth/token and GET /.well-known/jwks.json: public (the app proves itself with its client
 * credentials, not a key), so registered before the /v1/* key middleware, whose handlers they never reach.
 */
export function tokenRoutes(
  app: OpenAPIHono<AppEnv>,
  deps: { database: DatabaseProvider; clock: Clock; tokens: TokenSettings },
): void {
  app.use('/v1/oauth/token', withDatabase(deps.database));
  app.use('/.well-known/jwks.json', withDatabase(deps.database));

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/oauth/token',
      tags,
      security: [],
      operationId: 'issueToken',
      summary: "Exchange an app's client credentials for a graduate-scoped token",
      description:
        'The OAuth 2.0 client-credentials grant (RFC 6749 §4.4) with the graduate the token acts ' +
        'for, by Bole id (`subject`) or ' +
        "the app's own id for them (`subject_external_id`). Client credentials in the form or as " +
        'HTTP Basic. The token is a JWT signed ' +
        "with a key published at /.well-known/jwks.json, for at most an hour; a revoked app's " +
        'tokens stop working at once. ' +
        'Wrong, unknown or revoked client credentials all get the same 401.',
      request: { body: { required: true, content: { 'application/x-www-form-urlencoded': { schema: tokenRequest } } } },
      responses: { 200: json(tokenAnswer, 'The token.'), ...errorResponses },
    }),
    async (c) => {
      const form = c.req.valid('form');
      const basic = basicCredentials(c.req.header('authorization'));
      const clientId = basic?.id ?? form.client_id;
      const clientSecret = basic?.secret ?? form.client_secret;
      if (!clientId || !clientSecret)
        throw new DomainError('unauthenticated', 'Send the client id and secret (form fields or HTTP Basic).');
      const answer = await issueAppToken(
        { database: c.var.database, clock: deps.clock, tokens: deps.tokens },
        { ...form, client_id: clientId, client_secret: clientSecret },
      );
      return c.json(answer, 200, { 'cache-control': 'no-store' });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/.well-known/jwks.json',
      tags,
      security: [],
      operationId: 'getJwks',
      summary: "Public keys that verify Bole's tokens",
      description:
        'Every key a live token may be signed with (a key signs for a day and stays here as long ' +
        'as its tokens can live).',
      responses: { 200: json(jwks, 'The JSON Web Key Set.'), 400: errorResponses[400] },
    }),
    async (c) =>
      c.json(await publishedKeys(c.var.database, deps.clock.now()), 200, { 'cache-control': 'public, max-age=300' }),
  );
}
