import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { consentGrant, consentOverview, consentPurpose, consentTextSchema } from '../../../domain/model/consent.ts';
import { demographics } from '../../../domain/model/demographics.ts';
import * as consents from '../../../services/consents.ts';
import * as demo from '../../../services/demographics.ts';
import type { AppEnv } from '../../env.ts';
import { errorResponses, idParam, json, security } from '../../openapi.ts';
import { problemSchema } from '../../problem.ts';

const tags = ['Consent and data rights'];
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
});

const purposeParams = idParam.extend({
  purpose: consentPurpose.meta({ param: { name: 'purpose', in: 'path' } }),
});
const withdrawal = consentOverview
  .extend({
    demographicsErased: z
      .boolean()
      .meta({ description: 'Whether withdrawing fairness_audit erased stored demographics.' }),
  })
  .meta({ id: 'ConsentWithdrawal' });
const demographicsInput = demographics
  .strict()
  .meta({ id: 'DemographicsInput', description: 'The whole set; a field left out is no longer held.' });
const demographicsView = demographics.extend({ updatedAt: z.iso.datetime() }).meta({ id: 'DemographicsView' });

export function consentRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/consent-texts',
      tags,
      security,
      summary: 'The consent texts (zh and en) and their versions',
      operationId: 'listConsentTexts',
      description: 'The text a graduate consents to for each purpose, in Chinese and English, with its version.',
      responses: {
        200: json(
          z.object({ items: z.array(consentTextSchema) }).meta({ id: 'ConsentTexts' }),
          'Every version of every purpose.',
        ),
        ...errorResponses,
      },
    }),
    (c) => c.json({ items: consents.listConsentTexts() }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/graduates/{id}/consents',
      tags,
      security,
      summary: 'Consent state and history (the graduate or the career office)',
      operationId: 'listConsents',
      description: "The graduate's current consent for each purpose and every grant and withdrawal before it.",
      request: { params: idParam },
      responses: { 200: json(consentOverview, 'Current state per purpose and every change.'), ...errorResponses },
    }),
    async (c) => c.json(await consents.getConsents({ ctx: c.var.ctx, graduateId: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/graduates/{id}/consents/{purpose}',
      tags,
      security,
      summary: 'Grant consent (the graduate only)',
      operationId: 'grantConsent',
      description:
        'Records who, when and which text version was shown. 201 when a new grant was recorded, ' +
        '200 when it was already held under that version.',
      request: {
        params: purposeParams,
        body: { required: true, content: { 'application/json': { schema: consentGrant } } },
      },
      responses: {
        200: json(consentOverview, 'Already granted.'),
        201: json(consentOverview, 'Granted.'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id, purpose } = c.req.valid('param');
      const { overview, changed } = await consents.grantConsent({
        ctx: c.var.ctx,
        graduateId: id,
        purpose,
        input: c.req.valid('json'),
      });
      return changed ? c.json(overview, 201) : c.json(overview, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/graduates/{id}/consents/{purpose}',
      tags,
      security,
      summary: 'Withdraw consent (the graduate only)',
      operationId: 'withdrawConsent',
      description: 'Withdrawing fairness_audit erases the demographics in the same transaction.',
      request: { params: purposeParams },
      responses: { 200: json(withdrawal, 'Withdrawn (or was not held).'), ...errorResponses },
    }),
    async (c) => {
      const { id, purpose } = c.req.valid('param');
      const { overview, demographicsErased } = await consents.withdrawConsent({
        ctx: c.var.ctx,
        graduateId: id,
        purpose,
      });
      return c.json({ ...overview, demographicsErased }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/graduates/{id}/demographics',
      tags,
      security,
      summary: 'Read own demographics (the graduate only)',
      operationId: 'getDemographics',
      description:
        "The graduate's own protected attributes, readable only by the graduate; the scorer never sees them.",
      request: { params: idParam },
      responses: { 200: json(demographicsView, 'The stored demographics.'), ...errorResponses },
    }),
    async (c) => c.json(await demo.getDemographics({ ctx: c.var.ctx, graduateId: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/v1/graduates/{id}/demographics',
      tags,
      security,
      summary: 'Store own demographics (the graduate only, with fairness_audit consent)',
      operationId: 'setDemographics',
      description:
        'Used only by fairness audits, as aggregates; never by matching. 409 when fairness_audit consent is not held.',
      request: {
        params: idParam,
        body: { required: true, content: { 'application/json': { schema: demographicsInput } } },
      },
      responses: {
        200: json(demographicsView, 'Stored.'),
        ...errorResponses,
        409: problem('fairness_audit consent is not held (missingConsent names it).'),
      },
    }),
    async (c) =>
      c.json(
        await demo.putDemographics({ ctx: c.var.ctx, graduateId: c.req.valid('param').id, input: c.req.valid('json') }),
        200,
      ),
  );
}
