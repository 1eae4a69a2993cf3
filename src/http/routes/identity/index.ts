import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { appRegister, providerCreate, SCOPES } from '../../../domain/model/identity.ts';
import { listApps, registerApp, revokeApp } from '../../../services/identity/apps.ts';
import { addProvider, listProviders, removeProvider } from '../../../services/identity/providers.ts';
import type { AppEnv } from '../../env.ts';
import { errorResponses, idParam, json, security } from '../../openapi.ts';

const tags = ['Tenant administration'];

const appView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    clientId: z.string().meta({ example: 'app_x2Kq9aB3vT1c' }),
    scopes: z.array(z.enum(SCOPES)),
    createdAt: z.iso.datetime(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'App' });
export const registered = appView
  .extend({
    clientSecret: z.string().meta({ description: 'Shown this once: only its hash is kept.', example: 'bole_app_…' }),
  })
  .meta({ id: 'RegisteredApp' });
export const providerView = z
  .object({
    id: z.uuid(),
    issuer: z.string(),
    audience: z.string(),
    jwksUrl: z.string(),
    claim: z.string(),
    scopes: z.array(z.enum(SCOPES)),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'IdentityProvider' });

/** Apps (client credentials for graduate-scoped tokens) and trusted identity providers of a tenant. */
export function identityRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/apps',
      tags,
      security,
      operationId: 'listApps',
      summary: "The tenant's registered apps (admin, career office)",
      description:
        'Apps that may exchange their client credentials for graduate-scoped tokens at POST /v1/oauth/token.',
      responses: { 200: json(z.object({ items: z.array(appView) }), 'The apps, newest first.'), ...errorResponses },
    }),
    async (c) => c.json(await listApps({ ctx: c.var.ctx }), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/apps',
      tags,
      security,
      operationId: 'registerApp',
      summary: 'Register an app (admin, career office)',
      description:
        'Creates a client id and secret (the secret is in this answer only) and the scopes the app ' +
        'may ask for. Written to the operator log.',
      request: { body: { required: true, content: { 'application/json': { schema: appRegister } } } },
      responses: { 201: json(registered, 'The app, with its client secret shown once.'), ...errorResponses },
    }),
    async (c) => c.json(await registerApp({ ctx: c.var.ctx, input: c.req.valid('json') }), 201),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/apps/{id}',
      tags,
      security,
      operationId: 'revokeApp',
      summary: 'Revoke an app (admin, career office)',
      description:
        'The app can get no more tokens, and every token it holds is refused from the next ' +
        'request. Written to the operator log.',
      request: { params: idParam },
      responses: { 200: json(appView, 'The revoked app.'), ...errorResponses },
    }),
    async (c) => c.json(await revokeApp({ ctx: c.var.ctx, id: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/identity-providers',
      tags,
      security,
      operationId: 'listIdentityProviders',
      summary: 'Identity providers the tenant trusts (admin, career office)',
      description:
        "Providers whose ID or access tokens Bole accepts directly, each mapping a claim to a graduate's external id.",
      responses: { 200: json(z.object({ items: z.array(providerView) }), 'The providers.'), ...errorResponses },
    }),
    async (c) => c.json(await listProviders({ ctx: c.var.ctx }), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/identity-providers',
      tags,
      security,
      operationId: 'addIdentityProvider',
      summary: 'Trust an identity provider (admin, career office)',
      description:
        'Tokens with this issuer and audience, signed by a key at the JWKS URL, then act for the ' +
        'graduate whose external id is in ' +
        'the claim, with the scopes given here. Written to the operator log.',
      request: { body: { required: true, content: { 'application/json': { schema: providerCreate } } } },
      responses: {
        201: json(providerView, 'The provider.'),
        409: json(z.object({}), 'The tenant already trusts this issuer.'),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await addProvider({ ctx: c.var.ctx, input: c.req.valid('json') }), 201),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/identity-providers/{id}',
      tags,
      security,
      operationId: 'removeIdentityProvider',
      summary: 'Stop trusting an identity provider (admin, career office)',
      description: 'Its tokens are refused from the next request. Written to the operator log.',
      request: { params: idParam },
      responses: { 204: { description: 'Removed.' }, ...errorResponses },
    }),
    async (c) => {
      await removeProvider({ ctx: c.var.ctx, id: c.req.valid('param').id });
      return c.body(null, 204);
    },
  );
}
