import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { DomainError } from '../../../domain/errors.ts';
import { IMPORT_KINDS } from '../../../domain/imports/columns.ts';
import { EXPORT_ENCODINGS, exportRecords } from '../../../services/imports/export.ts';
import { getImportRun, requestImport } from '../../../services/imports/index.ts';
import { DELIMITERS, ENCODINGS, FORMATS } from '../../../services/imports/read.ts';
import type { AppEnv } from '../../env.ts';
import { problemLang } from '../../lang.ts';
import { errorResponses, idParam, json, security } from '../../openapi.ts';
import { problem } from '../../problem.ts';
import { importReport, importRun } from './schemas.ts';

const tags = ['Imports and exports'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const kindParam = z.object({
  kind: z.enum(IMPORT_KINDS).meta({
    param: { name: 'kind', in: 'path' },
    description:
      'What the file holds: graduates, employers, postings or outcomes (import employers before ' +
      'their postings, graduates before their outcomes; an outcome row is keyed by 学号 and its ' +
      'date).',
    example: 'graduates',
  }),
});

const flag = (description: string) =>
  z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true'))
    .meta({ description, example: 'true' });

const importQuery = z.object({
  dryRun: flag('true: check every row and report what would happen; nothing is written.'),
  format: z.enum(FORMATS).optional().meta({
    description: 'csv or xlsx; by default from the content type, then from the bytes (an XLSX is a zip).',
    example: 'csv',
  }),
  encoding: z
    .enum(ENCODINGS)
    .optional()
    .meta({
      description:
        'CSV text encoding; by default UTF-8 (BOM or not) when the bytes are valid UTF-8, UTF-16LE ' +
        'by its BOM, else GB18030 (which reads GBK).',
      example: 'gb18030',
    }),
  delimiter: z.enum(DELIMITERS).optional().meta({
    description: 'CSV separator; by default the one the header line uses most (tab, comma or semicolon).',
    example: 'tab',
  }),
  background: flag(
    'true: run as a job even when small; false: inline even when large. By default files over 512 KiB run as a job.',
  ),
});

const exportQuery = z.object({
  format: z.enum(FORMATS).optional().meta({
    description: 'csv or xlsx; by default from Accept (the XLSX media type picks xlsx), else csv.',
    example: 'xlsx',
  }),
  encoding: z.enum(EXPORT_ENCODINGS).default('utf-8').meta({
    description: 'CSV encoding: utf-8 (with a BOM, so Excel shows Chinese right) or gb18030.',
    example: 'gb18030',
  }),
  headers: z.enum(['zh', 'en']).default('zh').meta({ description: 'Header row in Chinese or English.', example: 'zh' }),
});

const fileBody = (description: string) => ({ schema: z.string().meta({ format: 'binary', description }) });

export function importRoutes(app: OpenAPIHono<AppEnv>, limits: { maxImportBytes: number }): void {
  // Files are larger than JSON bodies: this route has its own limit (the app-wide one skips it).
  app.post(
    '/v1/imports/:kind',
    bodyLimit({
      maxSize: limits.maxImportBytes,
      onError: (c) => {
        const lang = problemLang(c);
        const detail =
          lang === 'zh'
            ? `文件超过 ${limits.maxImportBytes} 字节的上限；请拆分文件或调整 MAX_IMPORT_BYTES。`
            : `The file is larger than the ${limits.maxImportBytes}-byte limit; split it or raise MAX_IMPORT_BYTES.`;
        return c.body(
          JSON.stringify(problem(413, detail, { requestId: c.var.requestId, instance: c.req.path }, lang)),
          413,
          {
            'content-type': 'application/problem+json',
          },
        );
      },
    }),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/imports/{kind}',
      tags,
      security,
      operationId: 'importFile',
      summary: 'Import graduates, employers, postings or outcomes from CSV or XLSX (career office)',
      description:
        'The body is the file itself (raw bytes, not multipart): Content-Type text/csv, text/tab-separated-values or ' +
        `${XLSX}. Headers may be Chinese or English (the README's header table). Every row is checked first; if any ` +
        'row fails nothing is written: a dry run answers 200 with status "rejected" and every ' +
        'failing row, column and ' +
        'reason, a real run answers 422 with the same report. Otherwise rows are upserted by their ' +
        'external id (outcomes: ' +
        "the graduate's 学号 and the date) in " +
        'batches of 500, one transaction each, and the summary counts created, updated and ' +
        'unchanged rows. Files over ' +
        '512 KiB run as an `import` job: 202 with the run, whose progress GET /v1/imports/runs/{id} shows.',
      request: {
        params: kindParam,
        query: importQuery,
        body: {
          required: false,
          content: {
            'text/csv': fileBody('CSV: UTF-8 with or without BOM, GB18030/GBK or UTF-16LE; comma, tab or semicolon.'),
            'text/tab-separated-values': fileBody('Tab-separated text, as Excel saves "Unicode text".'),
            [XLSX]: fileBody('An XLSX workbook; the first sheet is read.'),
            'application/octet-stream': fileBody('Either; the format is detected from the bytes.'),
          },
        },
      },
      responses: {
        200: json(importReport, 'The dry run report, or the completed import and its summary.'),
        202: json(importRun, 'A large file: queued as an import job; follow links.self for progress and the report.'),
        ...errorResponses,
        422: {
          description: 'Rows failed: nothing was written. `report.errors` names each row, column and reason.',
          content: { 'application/problem+json': { schema: z.looseObject({ report: importReport }) } },
        },
      },
    }),
    async (c) => {
      const { kind } = c.req.valid('param');
      const q = c.req.valid('query');
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.length === 0)
        throw new DomainError('validation_failed', 'body: the file is empty.', {
          errors: [{ path: 'body', message: 'is empty' }],
        });
      const answer = await requestImport({
        ctx: c.var.ctx,
        bytes,
        request: {
          kind,
          dryRun: q.dryRun ?? false,
          background: q.background,
          format: q.format,
          encoding: q.encoding,
          delimiter: q.delimiter,
          contentType: c.req.header('content-type'),
        },
      });
      if (answer.kind === 'queued') return c.json(answer.run, 202, { location: answer.run.links.self });
      const { report } = answer;
      if (report.status !== 'rejected' || report.dryRun) return c.json(report, 200);
      const shown = report.errors.slice(0, 5);
      throw new DomainError(
        'unprocessable',
        `${report.summary.rejected} row(s) failed; nothing was imported: ` +
          `${shown.map((e) => `row ${e.row}, column ${e.column}: ${e.message.en}`).join('; ')}`,
        {
          errors: report.errors.map((e) => ({ path: `row ${e.row}, column ${e.column}`, message: e.message.en })),
          extra: {
            report,
            detailZh:
              `${report.summary.rejected} 行未通过检查，未导入任何数据：` +
              `${shown.map((e) => `第 ${e.row} 行“${e.column}”列：${e.message.zh}`).join('；')}`,
            errorsZh: report.errors.map((e) => ({ path: `第 ${e.row} 行，${e.column} 列`, message: e.message.zh })),
          },
        },
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/imports/runs/{id}',
      tags,
      security,
      operationId: 'getImport',
      summary: 'Progress and report of an import job',
      description:
        'A queued, running or finished import job of the tenant: progress 0–100 and, once it ends, its report.',
      request: { params: idParam },
      responses: { 200: json(importRun, 'The import run.'), ...errorResponses },
    }),
    async (c) => c.json(await getImportRun({ ctx: c.var.ctx, id: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/exports/{kind}',
      tags,
      security,
      operationId: 'exportRecords',
      summary: 'Export graduates, employers, postings or outcomes as CSV or XLSX (career office)',
      description:
        "Every record of the kind in the header table's columns, in creation order. The file imports back as " +
        '"unchanged" for every row. CSV is UTF-8 with a BOM unless encoding=gb18030; Accept or format=xlsx gives XLSX.',
      request: { params: kindParam, query: exportQuery },
      responses: {
        200: {
          description: 'The file, as an attachment.',
          content: { 'text/csv': { schema: z.string() }, [XLSX]: { schema: z.string().meta({ format: 'binary' }) } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { kind } = c.req.valid('param');
      const q = c.req.valid('query');
      const format = q.format ?? ((c.req.header('accept') ?? '').includes('spreadsheetml') ? 'xlsx' : 'csv');
      const file = await exportRecords({
        ctx: c.var.ctx,
        request: { kind, format, encoding: q.encoding, headers: q.headers },
      });
      return c.body(file.bytes.slice().buffer, 200, {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.fileName}"`,
        'x-rows': String(file.rows),
      });
    },
  );
}
