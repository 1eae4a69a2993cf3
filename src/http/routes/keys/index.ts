import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { ROLES } from '../../../domain/model/common.ts';
import { listKeys, mintKeyFor, revokeKeyFor } from '../../../services/keys.ts';
import type { AppEnv } from '../../env.ts';
import { errorResponses, idParam, json, security } from '../../openapi.ts';

const tags = ['Tenant administration'];

const keyView = z
  .object({
    id: z.uuid(),
    prefix: z
      .string()
      .meta({ description: 'The first 12 characters of the key, to recognise it by.', example: 'bole_Xq3v9aB' }),
    role: z.enum(ROLES),
    graduateId: z.uuid().nullable(),
    employerId: z.uuid().nullable(),
    label: z.string(),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso
      .datetime()
      .nullable()
      .meta({ description: 'After this the key is refused (401); null never expires.' }),
    lastUsedAt: z.iso
      .datetime()
      .nullable()
      .meta({ description: 'Last request made with the key (recorded at most once a minute).' }),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ApiKey' });

const minted = keyView
  .extend({
    key: z
      .string()
      .meta({ description: 'The secret, shown this once: only its hash is kept.', example: 'bole_Xq3v9aB…' }),
  })
  .meta({ id: 'MintedApiKey' });

const mintBody = z
  .object({
    role: z.enum(ROLES).meta({
      description: 'The career office mints graduate and employer keys; an admin any role.',
      example: 'graduate',
    }),
    graduateId: z.uuid().optional().meta({ description: 'Required for a graduate key: the one graduate it acts for.' }),
    employerId: z.uuid().optional().meta({ description: 'Required for an employer key: the employer it acts for.' }),
    label: z
      .string()
      .trim()
      .max(200)
      .default('')
      .meta({ description: 'What the key is for.', example: 'career fair kiosk' }),
    expiresAt: z.iso
      .datetime({ offset: true })
      .optional()
      .meta({ description: 'When the key stops working (in the future).', example: '2027-06-30T00:00:00Z' }),
  })
  .strict()
  .meta({ id: 'MintApiKey' });

const listQuery = z.object({
  includeRevoked: z.enum(['true', 'false']).default('false').meta({ description: 'Also list revoked keys.' }),
});

export function keyRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/keys',
      tags,
      security,
      operationId: 'listKeys',
      summary: "The tenant's API keys (admin, career office)",
      description:
        'Every key of the tenant with its role, binding, label, expiry and last use; never the secret or its hash.',
      request: { query: listQuery },
      responses: { 200: json(z.object({ items: z.array(keyView) }), 'The keys, newest first.'), ...errorResponses },
    }),
    async (c) =>
      c.json(await listKeys({ ctx: c.var.ctx, includeRevoked: c.req.valid('query').includeRevoked === 'true' }), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/keys',
      tags,
      security,
      operationId: 'mintKey',
      summary: 'Mint an API key (admin, career office)',
      description:
        'Creates a key with a role, a binding (graduate or employer), a label and an optional ' +
        'expiry. The secret is in ' +
        'this answer only. Written to the operator log. The career office may mint graduate and employer keys only.',
      request: { body: { required: true, content: { 'application/json': { schema: mintBody } } } },
      responses: { 201: json(minted, 'The key, with its secret shown once.'), ...errorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const input = { ...body, expiresAt: body.expiresAt ? new Date(body.expiresAt) : undefined };
      return c.json(await mintKeyFor({ ctx: c.var.ctx, input }), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/keys/{id}',
      tags,
      security,
      operationId: 'revokeKey',
      summary: 'Revoke an API key (admin, career office)',
      description:
        'The key is refused from the next request to the process that revoked it, and within a second by every ' +
        'other replica. Revoking a revoked key answers it as it is. ' +
        'Written to the operator log.',
      request: { params: idParam },
      responses: { 200: json(keyView, 'The revoked key.'), ...errorResponses },
    }),
    async (c) => c.json(await revokeKeyFor({ ctx: c.var.ctx, id: c.req.valid('param').id }), 200),
  );
}
