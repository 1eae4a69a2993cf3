import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import * as resume from '../../../services/resume/index.ts';
import type { AppEnv } from '../../env.ts';
import { problemLang } from '../../lang.ts';
import { errorResponses, idParam, json, security } from '../../openapi.ts';
import { problem } from '../../problem.ts';
import { confirmedDraft, draftList, resumeConfirmation, resumeDraft, uploadedDraft } from './schemas.ts';

const tags = ['Résumés'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const UPLOAD_PATH = '/v1/graduates/:id/resume';

const draftParams = idParam.extend({
  draftId: z.uuid().meta({
    param: { name: 'draftId', in: 'path' },
    description: 'Draft id.',
    example: '0193a4b2-6c1e-7d1a-9b1e-3f2a1c0d9e8f',
  }),
});

const uploadQuery = z.object({
  keepFile: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .meta({
      description:
        'true: keep the file itself (the graduate only), exported and erased with them and never shown to employers.',
      example: 'false',
    }),
  fileName: z.string().trim().min(1).max(200).optional().meta({
    description: 'The file name to remember with the draft.',
    example: 'liming-cv.pdf',
  }),
});

const fileBody = (description: string) => ({ schema: z.string().meta({ format: 'binary', description }) });

/** POST /v1/graduates/{id}/resume carries a file: its own limit, not the JSON one (app.ts lets it through). */
export const isResumeUpload = (method: string, path: string): boolean =>
  method === 'POST' && /^\/v1\/graduates\/[^/]+\/resume$/.test(path);

export function resumeRoutes(app: OpenAPIHono<AppEnv>): void {
  app.post(
    UPLOAD_PATH,
    bodyLimit({
      maxSize: resume.MAX_RESUME_BYTES,
      onError: (c) => {
        const lang = problemLang(c);
        const detail =
          lang === 'zh'
            ? `body：文件超过 ${resume.MAX_RESUME_BYTES} 字节（5 MiB）的上限。`
            : `body: the file is larger than the ${resume.MAX_RESUME_BYTES}-byte (5 MiB) limit.`;
        const body = problem(413, detail, { requestId: c.var.requestId, instance: c.req.path }, lang);
        return c.body(JSON.stringify({ ...body, errors: [{ path: 'body', message: detail }] }), 413, {
          'content-type': 'application/problem+json',
        });
      },
    }),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/graduates/{id}/resume',
      tags,
      security,
      operationId: 'uploadResume',
      summary: 'Upload a résumé and get a profile draft (the graduate, or the career office on their behalf)',
      description:
        'The body is the file itself (raw bytes, not multipart), at most 5 MiB: a PDF with a text layer, a DOCX or ' +
        'plain text (UTF-8, UTF-16 with BOM or GB18030), in Chinese or English. Bole reads education, experience, ' +
        'skills mapped to the taxonomy (each with its sentence; inferred ones marked), languages, certificates, ' +
        'contact details and the summary into a pending draft. Nothing is written to the profile: the graduate ' +
        'reviews the draft and confirms it with PUT. Skills the graduate deleted as tags are never proposed. A ' +
        'scanned PDF without text is a 422; another file type, or a Content-Type the bytes contradict, a 400 naming ' +
        'the field; a failed upload leaves everything as it was.',
      request: {
        params: idParam,
        query: uploadQuery,
        body: {
          required: true,
          content: {
            'application/pdf': fileBody('A PDF with a text layer.'),
            [DOCX]: fileBody('A Word document (.docx).'),
            'text/plain': fileBody('Plain text.'),
            'application/octet-stream': fileBody('Any of them; the type is read from the bytes.'),
          },
        },
      },
      responses: {
        201: json(uploadedDraft, 'The draft to review.'),
        ...errorResponses,
        422: {
          description: 'No text could be read (a scanned image, a damaged or password-protected file).',
          content: { 'application/problem+json': { schema: z.looseObject({}) } },
        },
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const q = c.req.valid('query');
      const draft = await resume.uploadResume({
        ctx: c.var.ctx,
        graduateId: id,
        bytes: new Uint8Array(await c.req.arrayBuffer()),
        contentType: c.req.header('content-type'),
        fileName: q.fileName,
        keepFile: q.keepFile,
      });
      return c.json(draft, 201, { location: `/v1/graduates/${id}/resume/drafts/${draft.id}` });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/graduates/{id}/resume/drafts',
      tags,
      security,
      operationId: 'listResumeDrafts',
      summary: "A graduate's résumé drafts, newest first",
      description: 'Pending and confirmed drafts of the graduate (the graduate or the career office).',
      request: { params: idParam },
      responses: { 200: json(draftList, 'The drafts.'), ...errorResponses },
    }),
    async (c) => c.json(await resume.listDrafts({ ctx: c.var.ctx, graduateId: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/graduates/{id}/resume/drafts/{draftId}',
      tags,
      security,
      operationId: 'getResumeDraft',
      summary: 'Read a résumé draft',
      description: 'One draft with what was read and the sentence behind each item.',
      request: { params: draftParams },
      responses: { 200: json(resumeDraft, 'The draft.'), ...errorResponses },
    }),
    async (c) => {
      const { id, draftId } = c.req.valid('param');
      return c.json(await resume.getDraft({ ctx: c.var.ctx, graduateId: id, draftId }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/v1/graduates/{id}/resume/drafts/{draftId}',
      tags,
      security,
      operationId: 'confirmResumeDraft',
      summary: 'Confirm a draft: write the accepted fields to the profile (the graduate only)',
      description:
        'The body holds the fields the graduate accepts, as reviewed and edited (the same shapes as the profile). ' +
        'Each field sent replaces the profile field; fields not sent are kept. An inferred skill the graduate had ' +
        'deleted as a tag is refused (declare it to use it again). Every field is checked as on PATCH ' +
        '/v1/graduates/{id}; a bad one is a 400 naming it and nothing is written.',
      request: {
        params: draftParams,
        body: { required: true, content: { 'application/json': { schema: resumeConfirmation } } },
      },
      responses: { 200: json(confirmedDraft, 'The confirmed draft and the updated profile.'), ...errorResponses },
    }),
    async (c) => {
      const { id, draftId } = c.req.valid('param');
      return c.json(
        await resume.confirmDraft({ ctx: c.var.ctx, graduateId: id, draftId, input: c.req.valid('json') }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/graduates/{id}/resume/drafts/{draftId}',
      tags,
      security,
      operationId: 'discardResumeDraft',
      summary: 'Discard a résumé draft',
      description: 'Deletes the draft and what it holds; the profile is untouched. A kept file stays until deleted.',
      request: { params: draftParams },
      responses: { 204: { description: 'Discarded.' }, ...errorResponses },
    }),
    async (c) => {
      const { id, draftId } = c.req.valid('param');
      await resume.discardDraft({ ctx: c.var.ctx, graduateId: id, draftId });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/graduates/{id}/resume/file',
      tags,
      security,
      operationId: 'getResumeFile',
      summary: 'Download the kept résumé file (the graduate or the career office)',
      description: 'The file kept at the graduate’s request, as uploaded. Employers never reach it.',
      request: { params: idParam },
      responses: {
        200: {
          description: 'The file.',
          content: {
            'application/pdf': fileBody('PDF.'),
            [DOCX]: fileBody('DOCX.'),
            'text/plain': fileBody('Text.'),
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const file = await resume.getResumeFile({ ctx: c.var.ctx, graduateId: c.req.valid('param').id });
      const name = encodeURIComponent(file.fileName ?? 'resume');
      return c.body(file.content.slice().buffer, 200, {
        'content-type': file.mediaType,
        'content-disposition': `attachment; filename*=UTF-8''${name}`,
        'cache-control': 'no-store',
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/graduates/{id}/resume/file',
      tags,
      security,
      operationId: 'deleteResumeFile',
      summary: 'Delete the kept résumé file',
      description: 'Deletes the kept file; drafts and the profile are untouched.',
      request: { params: idParam },
      responses: { 204: { description: 'Deleted.' }, ...errorResponses },
    }),
    async (c) => {
      await resume.deleteResumeFile({ ctx: c.var.ctx, graduateId: c.req.valid('param').id });
      return c.body(null, 204);
    },
  );
}
