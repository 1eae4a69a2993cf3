import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  graduateAlert,
  graduateAlertPatch,
  MAX_SAVED_SEARCHES,
  savedSearch,
  savedSearchCreate,
  savedSearchUpdate,
} from '../../../domain/model/saved-search.ts';
import { alertWebhookInput } from '../../../domain/model/tenant-settings.ts';
import * as feed from '../../../services/alerts/feed.ts';
import * as searches from '../../../services/alerts/saved-searches.ts';
import * as webhook from '../../../services/alerts/webhook-setting.ts';
import type { AppEnv } from '../../env.ts';
import { problemSchema } from '../../problem.ts';
import { webhookAnswer } from '../audit-ops/schemas.ts';
import { errorResponses, idParam, json, security } from '../../openapi.ts';

const tags = ['Alerts'];
const uuidParam = (name: string, description: string) =>
  z.uuid().meta({ param: { name, in: 'path' }, description, example: '0193a4b2-6c1e-7d1a-9b1e-3f2a1c0d9e8f' });
const searchParams = z.object({
  id: idParam.shape.id,
  searchId: uuidParam('searchId', 'Saved search id.'),
});
const alertParams = z.object({ id: idParam.shape.id, alertId: uuidParam('alertId', 'Alert id.') });
const searchList = z
  .object({
    items: z.array(savedSearch),
    limit: z.number().int().meta({ description: 'How many saved searches a graduate may keep.', example: 20 }),
  })
  .meta({ id: 'SavedSearchList' });
const flag = (description: string) =>
  z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .meta({ description });
const feedQuery = z.object({
  unread: flag('Only alerts not read yet.'),
  includeDismissed: flag('Also alerts the graduate dismissed.'),
  limit: z.coerce.number().int().min(1).max(100).default(20).meta({ description: 'Page size (1–100).', example: 20 }),
  cursor: z.string().max(200).optional().meta({ description: 'nextCursor of the previous page.' }),
});
const feedPage = z
  .object({
    items: z.array(graduateAlert),
    unread: z.number().int().meta({ description: 'Alerts neither read nor dismissed, in all pages.', example: 3 }),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'GraduateAlertFeed' });
const conflict = {
  409: {
    description:
      'A saved search of that name exists (errors names body.name), or the graduate keeps ' +
      `${MAX_SAVED_SEARCHES} already (errors names body).`,
    content: { 'application/problem+json': { schema: problemSchema } },
  },
};

/** Saved searches, the alert feed they fill, and the tenant's digest webhook. */
export function alertRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/graduates/{id}/saved-searches',
      tags,
      security,
      operationId: 'createSavedSearch',
      summary: 'Save a search for alerts (the graduate)',
      description:
        `Saves q and the filters of GET /v1/jobs/search under a name. Every alert pass (a background job, every 15 ` +
        `minutes by default) runs it over the postings opened or changed since its last pass, ranked as the search ` +
        `ranks them, and adds the hits that contain a query term to the alert feed. With profileMatch instead of ` +
        `query, new postings whose match with the graduate's profile (the recommendation score) reaches minScore ` +
        `are alerted, while personalization is on and AI ranking is not suspended. At most ${MAX_SAVED_SEARCHES} ` +
        'per graduate.',
      request: {
        params: idParam,
        body: { required: true, content: { 'application/json': { schema: savedSearchCreate } } },
      },
      responses: { 201: json(savedSearch, 'The saved search.'), ...errorResponses, ...conflict },
    }),
    async (c) =>
      c.json(
        await searches.createSavedSearch({
          ctx: c.var.ctx,
          graduateId: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        201,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/graduates/{id}/saved-searches',
      tags,
      security,
      operationId: 'listSavedSearches',
      summary: "A graduate's saved searches",
      description: 'Oldest first. The graduate reads their own, the career office those of its graduates.',
      request: { params: idParam },
      responses: { 200: json(searchList, 'The saved searches.'), ...errorResponses },
    }),
    async (c) => c.json(await searches.listSavedSearches({ ctx: c.var.ctx, graduateId: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/graduates/{id}/saved-searches/{searchId}',
      tags,
      security,
      operationId: 'getSavedSearch',
      summary: 'One saved search',
      description: 'The search with its query, frequency and how far its alerts have looked.',
      request: { params: searchParams },
      responses: { 200: json(savedSearch, 'The saved search.'), ...errorResponses },
    }),
    async (c) => {
      const { id, searchId } = c.req.valid('param');
      return c.json(await searches.getSavedSearch({ ctx: c.var.ctx, graduateId: id, searchId }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/graduates/{id}/saved-searches/{searchId}',
      tags,
      security,
      operationId: 'updateSavedSearch',
      summary: 'Rename a saved search, change its frequency or its query (the graduate)',
      description:
        'Only the fields given change. A new query starts its alerts afresh from postings opened or changed after now.',
      request: {
        params: searchParams,
        body: { required: true, content: { 'application/json': { schema: savedSearchUpdate } } },
      },
      responses: { 200: json(savedSearch, 'The saved search as changed.'), ...errorResponses, ...conflict },
    }),
    async (c) => {
      const { id, searchId } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await searches.updateSavedSearch({ ctx: c.var.ctx, graduateId: id, searchId, input }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/graduates/{id}/saved-searches/{searchId}',
      tags,
      security,
      operationId: 'deleteSavedSearch',
      summary: 'Delete a saved search and its alerts (the graduate)',
      description: 'No further alerts come from it; the alerts it raised leave the feed.',
      request: { params: searchParams },
      responses: { 204: { description: 'Deleted.' }, ...errorResponses },
    }),
    async (c) => {
      const { id, searchId } = c.req.valid('param');
      await searches.deleteSavedSearch({ ctx: c.var.ctx, graduateId: id, searchId });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/graduates/{id}/alerts',
      tags,
      security,
      operationId: 'listGraduateAlerts',
      summary: "The graduate's alert feed",
      description:
        'New postings that matched a saved search, newest first, each with the one line on why it matched and the ' +
        'impression recorded when it was raised. Dismissed alerts are left out unless asked for.',
      request: { params: idParam, query: feedQuery },
      responses: { 200: json(feedPage, 'A page of the feed.'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await feed.listAlerts({ ctx: c.var.ctx, graduateId: c.req.valid('param').id, query: c.req.valid('query') }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/graduates/{id}/alerts/{alertId}',
      tags,
      security,
      operationId: 'updateGraduateAlert',
      summary: 'Mark an alert read or unread, dismiss it or bring it back (the graduate)',
      description: 'read: true records when it was read, false clears it; dismissed likewise hides it from the feed.',
      request: {
        params: alertParams,
        body: { required: true, content: { 'application/json': { schema: graduateAlertPatch } } },
      },
      responses: { 200: json(graduateAlert, 'The alert as changed.'), ...errorResponses },
    }),
    async (c) => {
      const { id, alertId } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await feed.updateAlert({ ctx: c.var.ctx, graduateId: id, alertId, input }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/tenant/graduate-alert-webhook',
      tags,
      security,
      operationId: 'getGraduateAlertWebhook',
      summary: "The app's webhook for alert digests (career office, admin); the secret is never shown",
      description: 'Where the digests of graduates’ saved-search alerts are POSTed, or null.',
      responses: { 200: json(webhookAnswer, 'Webhook (null when none).'), ...errorResponses },
    }),
    async (c) => c.json(await webhook.getGraduateAlertWebhook({ ctx: c.var.ctx }), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/v1/tenant/graduate-alert-webhook',
      tags,
      security,
      operationId: 'setGraduateAlertWebhook',
      summary: "Set the app's webhook for alert digests (career office, admin)",
      description:
        'Each graduate with new alerts gets at most one digest per day (per week when all their searches are ' +
        'weekly): a JSON POST of type graduate.alert_digest, signed in X-Bole-Signature as t=<unix>,v1=' +
        'HMAC-SHA256(secret, "<t>.<body>"), retried with backoff until a 2xx. Receivers de-duplicate on digest.id. ' +
        'Only alerts raised after the webhook is set are sent.',
      request: { body: { required: true, content: { 'application/json': { schema: alertWebhookInput } } } },
      responses: { 200: json(webhookAnswer, 'The webhook now in force.'), ...errorResponses },
    }),
    async (c) => c.json(await webhook.setGraduateAlertWebhook({ ctx: c.var.ctx, input: c.req.valid('json') }), 200),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/tenant/graduate-alert-webhook',
      tags,
      security,
      operationId: 'deleteGraduateAlertWebhook',
      summary: "Remove the app's webhook for alert digests (career office, admin)",
      description: 'No more digests are made; alerts still fill the in-app feed.',
      responses: { 200: json(webhookAnswer, 'No webhook.'), ...errorResponses },
    }),
    async (c) => c.json(await webhook.setGraduateAlertWebhook({ ctx: c.var.ctx, input: null }), 200),
  );
}
