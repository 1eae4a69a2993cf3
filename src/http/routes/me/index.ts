import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { ROLES } from '../../../domain/model/common.ts';
import { CREDENTIAL_KINDS, describeCaller } from '../../../services/me.ts';
import type { AppEnv } from '../../env.ts';
import { errorResponses, json, security } from '../../openapi.ts';

const caller = z
  .object({
    role: z.enum(ROLES).meta({ description: 'What the caller may do.', example: 'graduate' }),
    tenantId: z.uuid().meta({
      description: 'The tenant every request of this caller is scoped to.',
      example: '0193a4b2-6c1e-7d1a-9b1e-3f2a1c0d9e8f',
    }),
    graduateId: z.uuid().nullable().meta({
      description: 'The graduate a graduate credential is bound to; else null.',
      example: '0193a4b2-7a00-7d1a-9b1e-3f2a1c0d9e8f',
    }),
    employerId: z
      .uuid()
      .nullable()
      .meta({ description: 'The employer an employer credential is bound to; else null.', example: null }),
    credential: z.object({
      kind: z.enum(CREDENTIAL_KINDS).meta({
        description:
          "How the caller authenticated: an API key, an app token, a trusted identity provider's token or a " +
          'console session.',
        example: 'api_key',
      }),
      id: z.uuid().meta({
        description:
          'The id of the key, app, identity provider or person (never the credential itself); quote a key id to ' +
          'revoke the key.',
        example: '0193a4b2-8b00-7d1a-9b1e-3f2a1c0d9e8f',
      }),
    }),
  })
  .meta({ id: 'Caller', description: 'Who the presented credential is.' });

export function meRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/me',
      tags: ['Me'],
      security,
      operationId: 'getMe',
      summary: 'Who this credential is',
      description:
        'The role, the tenant and the graduate or employer the credential is bound to, so a client can find ' +
        'its own profile (GET /v1/graduates/{graduateId}) without being told the id.',
      responses: { 200: json(caller, 'The caller.'), ...errorResponses },
    }),
    (c) => c.json(describeCaller({ ctx: c.var.ctx }), 200),
  );
}
