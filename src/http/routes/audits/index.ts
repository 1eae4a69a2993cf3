import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { auditRequest } from '../../../domain/audit-report/request.ts';
import { parseCsv } from '../../../domain/audit-report/external.ts';
import { DomainError } from '../../../domain/errors.ts';
import * as audits from '../../../services/audits/index.ts';
import { getReportPdf } from '../../../services/audits/pdf.ts';
import { publishAudit } from '../../../services/audits/publish.ts';
import { RANGE_MAX_LINKS, VERIFY_LIMITS } from '../../../services/audits/verify-chain.ts';
import type { AppEnv } from '../../env.ts';
import { errorResponses, idParam, json, pageOf, pageQuery, security } from '../../openapi.ts';
import { auditRun, chainVerdict, externalBody, externalQuery, publication } from './schemas.ts';

const tags = ['Audits'];

export function auditRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/audits',
      tags,
      security,
      operationId: 'requestAudit',
      summary: "Request a bias audit of the tenant's recommendations (career office, admin, auditor)",
      description:
        'Stored with an outbox row in one transaction and run by the audit workers; poll GET ' +
        '/v1/audits/{id}. A request made while Redis is down runs once it is back.',
      request: { body: { required: true, content: { 'application/json': { schema: auditRequest } } } },
      responses: { 202: json(auditRun, 'The queued run.'), ...errorResponses },
    }),
    async (c) => c.json(await audits.requestAudit({ ctx: c.var.ctx, input: c.req.valid('json') }), 202),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/audits',
      tags,
      security,
      operationId: 'listAudits',
      summary: "List the tenant's audit runs, newest first (career office, admin, auditor)",
      description:
        'Each run as GET /v1/audits/{id} shows it, with its links and publication; page with nextCursor. ' +
        'status narrows the list (queued and running runs are the ones still to finish).',
      request: {
        query: z.object({
          ...pageQuery,
          status: auditRun.shape.status.optional().meta({ description: 'Only runs in this state.' }),
        }),
      },
      responses: { 200: json(pageOf(auditRun, 'AuditRunPage'), 'A page of runs.'), ...errorResponses },
    }),
    async (c) => {
      const { limit, cursor, status } = c.req.valid('query');
      return c.json(await audits.listAudits({ ctx: c.var.ctx, limit, cursor, status }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/audits/verify',
      tags,
      security,
      summary: "Check the tenant's report hash chain",
      operationId: 'verifyAuditChain',
      description:
        'Without from: a bounded check — the link verified last time (the checkpoint) must still have its hash, ' +
        `the links added since are verified (up to ${VERIFY_LIMITS.newLinks} a call; complete says whether more ` +
        `remain), and a window of ${VERIFY_LIMITS.sweepLinks} older links is re-verified, the window moving on ` +
        'each call and wrapping round, so an edit to any link is found within ' +
        `⌈chain length / ${VERIFY_LIMITS.sweepLinks}⌉ calls. With from: one page of a full re-verification, from ` +
        'that link for up to limit links; follow nextFrom to the end (one such page runs at a time per ' +
        'process: 503 with Retry-After otherwise). Names the first link whose hash or link does not hold.',
      request: {
        query: z.object({
          from: z.coerce
            .number()
            .int()
            .min(1)
            .optional()
            .meta({ description: 'Re-verify in full from this link (1: the whole chain, page by page).' }),
          limit: z.coerce
            .number()
            .int()
            .min(1)
            .max(RANGE_MAX_LINKS)
            .default(100)
            .meta({ description: 'Links one page of a full re-verification checks.' }),
        }),
      },
      responses: { 200: json(chainVerdict, 'ok, or the first broken link.'), ...errorResponses },
    }),
    async (c) => {
      const { from, limit } = c.req.valid('query');
      const range = from === undefined ? undefined : { from, limit };
      return c.json(await audits.verifyAuditChain({ ctx: c.var.ctx, range }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/audits/external',
      tags,
      security,
      operationId: 'runExternalAudit',
      summary: 'Audit an uploaded decision file (JSON rows or CSV with a header row)',
      description:
        'CSV columns: subjectId, listId, rank, score, selected, outcome, optional label and ' +
        'weight, plus one column per group attribute. posLabel, referenceGroup, scoreThreshold and ' +
        'skewEpsilon set the statistics (query for CSV, body for JSON). The report is computed at ' +
        'once and chained like any other.',
      request: {
        query: externalQuery,
        // Not `required`: the JSON schema is then checked only for JSON bodies, and CSV reaches the handler.
        body: {
          required: false,
          content: {
            'application/json': { schema: externalBody },
            'text/csv': { schema: z.string().meta({ description: 'CSV with a header row.' }) },
          },
        },
      },
      responses: { 201: json(auditRun, 'The completed run, with links to its report.'), ...errorResponses },
    }),
    async (c) => {
      const type = c.req.header('content-type') ?? '';
      if (/^text\/csv/i.test(type)) {
        const q = c.req.valid('query');
        const rows = parseCsv(await c.req.text());
        return c.json(
          await audits.auditExternal({
            ctx: c.var.ctx,
            rows,
            format: 'csv',
            k: q.k,
            minGroupSize: q.minGroupSize,
            description: q.description,
            options: statOptionsOf(q),
          }),
          201,
        );
      }
      if (!/^application\/json/i.test(type))
        throw new DomainError('validation_failed', 'Send application/json or text/csv.');
      const body = c.req.valid('json');
      if (typeof body === 'string')
        throw new DomainError('validation_failed', 'A JSON body must be an object with rows.');
      return c.json(
        await audits.auditExternal({
          ctx: c.var.ctx,
          rows: body.rows,
          format: 'json',
          k: body.k,
          minGroupSize: body.minGroupSize,
          description: body.description,
          options: statOptionsOf(body),
        }),
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/audits/{id}',
      tags,
      security,
      summary: 'Status of an audit run (queued, running with progress, completed, failed with reason)',
      operationId: 'getAudit',
      description: 'Where an audit run is: queued, running (with progress), completed, or failed (with the reason).',
      request: { params: idParam },
      responses: { 200: json(auditRun, 'The run.'), ...errorResponses },
    }),
    async (c) => c.json(await audits.getAudit({ ctx: c.var.ctx, id: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/audits/{id}/report',
      tags,
      security,
      summary: 'The JSON report of a completed run (aggregates only)',
      operationId: 'getAuditReport',
      description:
        "The JSON report of a completed run: group metrics with small groups suppressed, never a person's data.",
      request: { params: idParam },
      responses: {
        200: json(
          z.record(z.string(), z.unknown()).meta({ id: 'AuditReport' }),
          'The report, with its chain position.',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { report, sha256 } = await audits.getReport({ ctx: c.var.ctx, id: c.req.valid('param').id });
      c.header('x-report-sha256', sha256);
      return c.json(report as unknown as Record<string, unknown>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/audits/{id}/report.html',
      tags,
      security,
      summary: 'The readable report page (zh/en headings, tables, inline SVG charts)',
      operationId: 'getAuditReportHtml',
      description: 'The same report as a readable HTML page with zh/en headings, tables and inline SVG charts.',
      request: { params: idParam },
      responses: {
        200: { description: 'HTML page.', content: { 'text/html': { schema: z.string() } } },
        ...errorResponses,
      },
    }),
    async (c) => c.html(await audits.getReportHtml({ ctx: c.var.ctx, id: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/audits/{id}/report.pdf',
      tags,
      security,
      summary: 'The report as a PDF (A4), printed by headless Chromium',
      operationId: 'getAuditReportPdf',
      description:
        'The readable report printed to PDF (A4, its print styles) by headless Chromium on the ' +
        'server. 503 with a clear message where Chromium is not installed.',
      request: { params: idParam },
      responses: {
        200: { description: 'PDF document.', content: { 'application/pdf': { schema: z.string() } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const pdf = await getReportPdf({ ctx: c.var.ctx, id: c.req.valid('param').id });
      return c.body(pdf.slice().buffer, 200, {
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="audit-${c.req.valid('param').id}.pdf"`,
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/audits/{id}/publish',
      tags,
      security,
      summary: 'Publish a completed audit (career office, auditor)',
      operationId: 'publishAudit',
      description:
        "Makes a completed audit of the tenant's own recommendations public: the public summary " +
        "(JSON and HTML) shows only published audits. The publication is appended to the tenant's " +
        'audit chain (naming the report by hash, checked by /v1/audits/verify) and to the operator ' +
        "log. 409 when the run is already published, not completed, an uploaded file's audit, or suppressed " +
        "groups under the tenant's threshold as it is now (minGroupSize in tenant settings).",
      request: { params: idParam },
      responses: { 201: json(publication, 'The publication and its chain link.'), ...errorResponses },
    }),
    async (c) => c.json(await publishAudit({ ctx: c.var.ctx, id: c.req.valid('param').id }), 201),
  );
}

/** The statistics options of an upload, without the keys that were not given. */
function statOptionsOf(q: {
  posLabel?: string | undefined;
  referenceGroup?: string | undefined;
  scoreThreshold?: number | undefined;
  skewEpsilon?: number | undefined;
}): audits.ExternalStatOptions {
  return {
    posLabel: q.posLabel ?? null,
    referenceGroup: q.referenceGroup ?? null,
    scoreThreshold: q.scoreThreshold ?? null,
    skewEpsilon: q.skewEpsilon ?? null,
  };
}
