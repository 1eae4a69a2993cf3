import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { DomainError } from '../../../domain/errors.ts';
import {
  employerDecision,
  employerRegistration,
  employerRegistrationAnswer,
  employerRegistrationCreate,
} from '../../../domain/model/employer-registration.ts';
import type { Clock } from '../../../services/context.ts';
import {
  decideEmployerRegistration,
  getEmployerRegistration,
  registerEmployer,
} from '../../../services/employer-signup.ts';
import type { RateLimiter } from '../../../services/rate-limit/port.ts';
import type { AppEnv } from '../../env.ts';
import { withDatabase, type DatabaseProvider } from '../../middleware/database.ts';
import { errorResponses, idParam, json, security } from '../../openapi.ts';

const tags = ['Employers'];
/** Sign-ups a minute one tenant accepts: a public form, so a flood of fake companies is capped. */
const SIGNUPS_PER_MINUTE = 30;

const tenantParam = z.object({
  tenantId: z.uuid().meta({
    param: { name: 'tenantId', in: 'path' },
    description: 'The tenant (university or platform) to join.',
    example: '0193a4b2-6c1e-7d1a-9b1e-3f2a1c0d9e8f',
  }),
});

/** The public sign-up, registered before the /v1/* key middleware (whose handlers it never reaches). */
export function employerSignupRoutes(
  app: OpenAPIHono<AppEnv>,
  deps: { database: DatabaseProvider; clock: Clock; limiter: RateLimiter },
): void {
  app.use('/v1/tenants/:tenantId/employer-registrations', withDatabase(deps.database));
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/tenants/{tenantId}/employer-registrations',
      tags,
      security: [],
      operationId: 'registerEmployer',
      summary: 'An employer signs itself up (pending until the career office approves)',
      description:
        'Public. Registers the company (name, unified social credit code with its check character ' +
        'verified, website, contact) ' +
        "as a pending employer of the tenant and returns its first user's employer key, shown only " +
        'this once. Until the career ' +
        'office approves it the key may draft postings, but none can be opened, so none is shown ' +
        'to graduates. A code already ' +
        `registered in the tenant is a 409. At most ${SIGNUPS_PER_MINUTE} sign-ups a minute per tenant.`,
      request: {
        params: tenantParam,
        body: { required: true, content: { 'application/json': { schema: employerRegistrationCreate } } },
      },
      responses: { 201: json(employerRegistrationAnswer, 'The pending registration and its key.'), ...errorResponses },
    }),
    async (c) => {
      const { tenantId } = c.req.valid('param');
      const wait = await deps.limiter.hit(`employer-signup:${tenantId}`, {
        limit: SIGNUPS_PER_MINUTE,
        windowSeconds: 60,
      });
      if (wait > 0)
        throw new DomainError('rate_limited', `Too many sign-ups for this tenant; retry after ${wait} s.`, {
          extra: { retryAfter: wait },
        });
      const answer = await registerEmployer(
        c.var.database,
        tenantId,
        c.req.valid('json'),
        c.var.requestId,
        deps.clock.now(),
      );
      return c.json(answer, 201, { 'cache-control': 'no-store' });
    },
  );
}

/** The career office's side: read a registration (contact included) and decide it. */
export function employerRegistrationRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/employers/{id}/registration',
      tags,
      security,
      operationId: 'getEmployerRegistration',
      summary: "Read an employer's registration and its status",
      description:
        'The sign-up details (credit code, contact), the status (pending, approved, rejected) and ' +
        'the reason. Career office, ' +
        'admin, or the employer itself.',
      request: { params: idParam },
      responses: { 200: json(employerRegistration, 'The registration.'), ...errorResponses },
    }),
    async (c) => c.json(await getEmployerRegistration({ ctx: c.var.ctx, id: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/employers/{id}/decision',
      tags,
      security,
      operationId: 'decideEmployerRegistration',
      summary: 'Approve or reject a pending employer (career office)',
      description:
        'Approves or rejects a self-registered employer with a reason (career office or admin); ' +
        'written to the operator log. ' +
        'Once approved its postings may be opened. An employer already decided is a 409.',
      request: {
        params: idParam,
        body: { required: true, content: { 'application/json': { schema: employerDecision } } },
      },
      responses: { 200: json(employerRegistration, 'The decided registration.'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await decideEmployerRegistration({ ctx: c.var.ctx, id: c.req.valid('param').id, input: c.req.valid('json') }),
        200,
      ),
  );
}
