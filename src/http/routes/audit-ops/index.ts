import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute } from '@hono/zod-openapi';
import { alertWebhookInput, auditScheduleInput } from '../../../domain/model/tenant-settings.ts';
import * as alerts from '../../../services/audit-ops/alerts.ts';
import * as opsSettings from '../../../services/audit-ops/settings.ts';
import type { AppEnv } from '../../env.ts';
import { errorResponses, idParam, json, security } from '../../openapi.ts';
import { problemSchema } from '../../problem.ts';
import { alertList, alertPatch, alertsQuery, alertView, deliveries, scheduleView, webhookAnswer } from './schemas.ts';

const tags = ['Audit operations'];

/** Scheduled audits, the alert webhook and alerts (all behind the key middleware). */
export function auditOpsRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/tenant/audit-schedule',
      tags,
      security,
      summary: "The tenant's audit schedule and its latest scheduled runs (career office, admin, auditor)",
      operationId: 'getAuditSchedule',
      description: "The tenant's audit schedule and its latest scheduled runs.",
      responses: { 200: json(scheduleView, 'Schedule (null when none).'), ...errorResponses },
    }),
    async (c) => c.json(await opsSettings.getAuditSchedule({ ctx: c.var.ctx }), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/v1/tenant/audit-schedule',
      tags,
      security,
      summary: 'Set the audit schedule (career office, admin, auditor)',
      operationId: 'setAuditSchedule',
      description:
        'A cron expression (validated with cron-parser, as BullMQ reads it) in a time zone. Each ' +
        'tick records an audit run like POST /v1/audits, once per tick; takes effect without a ' +
        'restart. A tick missed while the workers were down runs once when they return.',
      request: { body: { required: true, content: { 'application/json': { schema: auditScheduleInput } } } },
      responses: { 200: json(scheduleView, 'The schedule now in force.'), ...errorResponses },
    }),
    async (c) => c.json(await opsSettings.setAuditSchedule({ ctx: c.var.ctx, input: c.req.valid('json') }), 200),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/tenant/audit-schedule',
      tags,
      security,
      summary: 'Stop scheduled audits (career office, admin, auditor)',
      operationId: 'deleteAuditSchedule',
      description: 'Stops scheduled audits for the tenant; audits already queued still run.',
      responses: { 200: json(scheduleView, 'No schedule.'), ...errorResponses },
    }),
    async (c) => c.json(await opsSettings.setAuditSchedule({ ctx: c.var.ctx, input: null }), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/tenant/alert-webhook',
      tags,
      security,
      summary: 'The alert webhook (career office, admin); the secret is never shown',
      operationId: 'getAlertWebhook',
      description: 'The URL alerts are delivered to; the signing secret is never shown again.',
      responses: { 200: json(webhookAnswer, 'Webhook (null when none).'), ...errorResponses },
    }),
    async (c) => c.json(await opsSettings.getAlertWebhook({ ctx: c.var.ctx }), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/v1/tenant/alert-webhook',
      tags,
      security,
      summary: 'Set the alert webhook (career office, admin)',
      operationId: 'setAlertWebhook',
      description:
        'Each new alert is POSTed as JSON with `X-Bole-Signature: t=<unix>,v1=<hex>`, v1 = ' +
        'HMAC-SHA256(secret, `${t}.${rawBody}`); retried with exponential backoff (2 s doubling, ' +
        '10 attempts); every attempt is listed at /v1/alerts/{id}/deliveries. https only (http for ' +
        'loopback).',
      request: { body: { required: true, content: { 'application/json': { schema: alertWebhookInput } } } },
      responses: { 200: json(webhookAnswer, 'The webhook now in force.'), ...errorResponses },
    }),
    async (c) => c.json(await opsSettings.setAlertWebhook({ ctx: c.var.ctx, input: c.req.valid('json') }), 200),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/tenant/alert-webhook',
      tags,
      security,
      summary: 'Remove the alert webhook (career office, admin)',
      operationId: 'deleteAlertWebhook',
      description: 'Removes the alert webhook; alerts are still recorded and listed.',
      responses: { 200: json(webhookAnswer, 'No webhook.'), ...errorResponses },
    }),
    async (c) => c.json(await opsSettings.setAlertWebhook({ ctx: c.var.ctx, input: null }), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/alerts',
      tags,
      security,
      summary: 'Audit alerts, newest first (career office, admin, auditor); aggregates only',
      operationId: 'listAlerts',
      description: 'Alerts raised by audits when a threshold is crossed, newest first. They carry aggregates only.',
      request: { query: alertsQuery },
      responses: { 200: json(alertList, 'Alerts.'), ...errorResponses },
    }),
    async (c) => c.json(await alerts.listAlerts({ ctx: c.var.ctx, filter: c.req.valid('query') }), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/alerts/{id}',
      tags,
      security,
      summary: 'One alert',
      operationId: 'getAlert',
      description: 'One audit alert and its status.',
      request: { params: idParam },
      responses: { 200: json(alertView, 'The alert.'), ...errorResponses },
    }),
    async (c) => c.json(await alerts.getAlert({ ctx: c.var.ctx, id: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/alerts/{id}',
      tags,
      security,
      summary: 'Acknowledge, resolve or reopen an alert with a note (career office, admin)',
      operationId: 'updateAlert',
      description: 'Acknowledges, resolves or reopens an alert; the note is kept in its history.',
      request: { params: idParam, body: { required: true, content: { 'application/json': { schema: alertPatch } } } },
      responses: {
        200: json(alertView, 'The alert after the change.'),
        ...errorResponses,
        409: {
          description: 'The alert already has that status.',
          content: { 'application/problem+json': { schema: problemSchema } },
        },
      },
    }),
    async (c) =>
      c.json(
        await alerts.updateAlert({ ctx: c.var.ctx, id: c.req.valid('param').id, input: c.req.valid('json') }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/alerts/{id}/deliveries',
      tags,
      security,
      summary: 'Every webhook delivery attempt for an alert (status code or error, duration)',
      operationId: 'listAlertDeliveries',
      description: 'Every webhook delivery attempt for the alert, with the status code or error and how long it took.',
      request: { params: idParam },
      responses: { 200: json(deliveries, 'Attempts, oldest first.'), ...errorResponses },
    }),
    async (c) => c.json(await alerts.listAlertDeliveries({ ctx: c.var.ctx, id: c.req.valid('param').id }), 200),
  );
}
