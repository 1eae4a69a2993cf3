import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { assignmentRequest, cancellationInput } from '../../../domain/model/job-fair.ts';
import * as assignments from '../../../services/job-fairs/assignments.ts';
import { cancel } from '../../../services/job-fairs/cancel.ts';
import { getSchedule, renderSchedule } from '../../../services/job-fairs/schedule.ts';
import type { AppEnv } from '../../env.ts';
import { errorResponses, json, security } from '../../openapi.ts';
import { cancellationResult, fairParam, runParam, runView, scheduleQuery, scheduleView } from './schemas.ts';

const tags = ['Job fairs'];

export function jobFairAssignmentRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/job-fairs/{id}/assignments',
      tags,
      security,
      operationId: 'requestJobFairAssignment',
      summary: "Plan the fair's interviews (career office)",
      description:
        'Queued as a BullMQ job (stored with an outbox row first, so a request made while Redis is ' +
        'down runs later); poll the run for progress. optimal: the maximum total of hybrid score ' +
        'plus preference bonus by min-cost flow, with floors for consented groups; stable: ' +
        'graduate-proposing deferred acceptance. Both report blocking pairs, interview rates by ' +
        'group and explanations.',
      request: {
        params: fairParam,
        body: { required: true, content: { 'application/json': { schema: assignmentRequest } } },
      },
      responses: { 202: json(runView, 'The queued run.'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await assignments.requestAssignment({
          ctx: c.var.ctx,
          fairId: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        202,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/job-fairs/{id}/assignments/{runId}',
      tags,
      security,
      operationId: 'getJobFairAssignment',
      summary: 'An assignment run: status, progress, and once completed its summary and fairness figures',
      description: 'Career office and admin keys.',
      request: { params: runParam },
      responses: { 200: json(runView, 'The run.'), ...errorResponses },
    }),
    async (c) => {
      const { id, runId } = c.req.valid('param');
      return c.json(await assignments.getRun({ ctx: c.var.ctx, fairId: id, runId }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/job-fairs/{id}/assignments/{runId}/publish',
      tags,
      security,
      operationId: 'publishJobFairAssignment',
      summary: "Publish a completed run as the fair's schedule",
      description:
        "From then on graduates see their own interviews and employers their own booths'; a run " +
        'that is not completed is a 409.',
      request: { params: runParam },
      responses: { 200: json(runView, 'The published run.'), ...errorResponses },
    }),
    async (c) => {
      const { id, runId } = c.req.valid('param');
      return c.json(await assignments.publishRun({ ctx: c.var.ctx, fairId: id, runId }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/job-fairs/{id}/schedule',
      tags,
      security,
      operationId: 'getJobFairSchedule',
      summary: 'The schedule by graduate, booth or room, as JSON, CSV or a printable HTML page',
      description:
        'Graduates get their own interviews (and why they missed booths they ranked), employers ' +
        "their own booths', staff everything (or any completed run by runId). Each interview says " +
        "why: its score components and the graduate's ranking.",
      request: { params: fairParam, query: scheduleQuery },
      responses: {
        200: {
          description: 'The schedule.',
          content: {
            'application/json': { schema: scheduleView },
            'text/csv': { schema: z.string() },
            'text/html': { schema: z.string() },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const result = await getSchedule({
        ctx: c.var.ctx,
        fairId: c.req.valid('param').id,
        view: q.view,
        runId: q.runId,
      });
      if (q.format === 'csv')
        return c.body(renderSchedule(result, 'csv'), 200, { 'content-type': 'text/csv; charset=utf-8' });
      if (q.format === 'html') return c.html(renderSchedule(result, 'html'), 200);
      return c.json(result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/job-fairs/{id}/cancellations',
      tags,
      security,
      operationId: 'cancelAtJobFair',
      summary: 'A graduate or a booth withdraws; the published plan is repaired locally',
      description:
        "Only the interviews the cancellation touches change: a withdrawn graduate's places go to " +
        "the best free graduates, a withdrawn booth's graduates get free places elsewhere at times " +
        'they are free. Graduates cancel themselves, employers their own booths, staff anything. ' +
        'An unknown booth is a 422 naming body.boothId.',
      request: {
        params: fairParam,
        body: { required: true, content: { 'application/json': { schema: cancellationInput } } },
      },
      responses: { 200: json(cancellationResult, 'What changed.'), ...errorResponses },
    }),
    async (c) =>
      c.json(await cancel({ ctx: c.var.ctx, fairId: c.req.valid('param').id, input: c.req.valid('json') }), 200),
  );
}
