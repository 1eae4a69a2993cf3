import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { ACCESS_ACTIONS, accessLogEntry } from '../../../domain/model/access-log.ts';
import { consentOverview } from '../../../domain/model/consent.ts';
import { graduate } from '../../../domain/model/graduate.ts';
import { ROLES } from '../../../domain/model/common.ts';
import { personalizationBody, personalizationState } from '../../../domain/model/personalization.ts';
import { review } from '../../../domain/model/review.ts';
import { graduateAlert, savedSearch } from '../../../domain/model/saved-search.ts';
import * as accessLog from '../../../services/access-log.ts';
import { exportGraduate } from '../../../services/data-export.ts';
import { resumeDraft } from '../resume/schemas.ts';
import * as personalization from '../../../services/personalization.ts';
import type { AppEnv } from '../../env.ts';
import { errorResponses, idParam, json, pageOf, pageQuery, security } from '../../openapi.ts';

const tags = ['Consent and data rights'];
const rows = z.array(z.record(z.string(), z.unknown()));

const exportSchema = z
  .object({
    exportedAt: z.iso.datetime(),
    graduateId: z.uuid(),
    profile: graduate,
    tags: z
      .array(
        z.object({
          tagId: z.string(),
          kind: z.enum(['skill', 'preference']),
          label: z.object({ en: z.string(), zh: z.string() }),
          source: z.enum(['declared', 'inferred']),
          evidence: z.record(z.string(), z.unknown()).nullable(),
        }),
      )
      .meta({
        description:
          'Every tag used about the graduate: skills declared or inferred from their text (with the ' +
          'words they were found in), and preferences.',
      }),
    deletedTags: z
      .array(z.object({ tagId: z.string(), label: z.record(z.string(), z.unknown()) }))
      .meta({ description: 'Tags the graduate deleted: never scored or inferred again.' }),
    personalizationEnabled: z.boolean(),
    consents: consentOverview,
    demographics: z
      .record(z.string(), z.unknown())
      .nullable()
      .meta({ description: "Only in the graduate's own export." }),
    withheld: z.array(z.string()).meta({ description: 'Parts left out for this caller (demographics for staff).' }),
    profileEvents: rows,
    embeddings: rows.meta({
      description: 'Stored vectors (model, dimensions, content hash); the vectors are derived from the profile.',
    }),
    impressions: rows.meta({ description: 'Every list entry shown about the graduate, with score components.' }),
    interactions: rows,
    reviews: z.array(review),
    savedSearches: z.array(savedSearch).meta({ description: 'Searches the graduate saved for alerts.' }),
    alerts: z.array(graduateAlert).meta({ description: 'Every alert raised for the graduate, read or dismissed.' }),
    alertDigests: rows.meta({ description: 'Digests of those alerts sent to the app (status, attempts, times).' }),
    listReviewNotes: z
      .array(z.object({ listId: z.uuid(), note: z.string(), reviewerRole: z.string(), reviewedAt: z.iso.datetime() }))
      .meta({
        description:
          'What reviewers wrote about candidate lists the graduate was on (cleared when the graduate is erased).',
      }),
    textNamingGraduate: z.array(z.object({ table: z.string(), column: z.string(), text: z.string() })).meta({
      description:
        'Any other free text naming the graduate (by name, email, phone or id): staff notes and ' +
        'reasons, appeals, key labels. Cleared on erasure.',
    }),
    accessLog: z.array(accessLogEntry),
    resume: z
      .object({
        drafts: z.array(resumeDraft),
        file: z
          .object({
            fileName: z.string().nullable(),
            mediaType: z.string(),
            sizeBytes: z.number().int(),
            keptAt: z.iso.datetime(),
            contentBase64: z.string().meta({ description: 'The file itself, base64.' }),
          })
          .nullable(),
      })
      .meta({ description: 'Résumé drafts, and the résumé file when the graduate asked for it to be kept.' }),
  })
  .meta({ id: 'GraduateExport' });

const accessLogPage = pageOf(accessLogEntry, 'AccessLogPage');

const adminLogQuery = z.object({
  ...pageQuery,
  graduateId: z.uuid().optional().meta({ description: "Only reads of this graduate's data." }),
  actorRole: z.enum(ROLES).optional().meta({ description: 'Only reads by this role.' }),
  action: z.enum(ACCESS_ACTIONS).optional(),
});

export function dataRightsRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/graduates/{id}/personalization',
      tags,
      security,
      summary: 'Personalization switch state and history',
      operationId: 'getPersonalization',
      description: 'Whether personalised ranking is on for the graduate, and every change with its time.',
      request: { params: idParam },
      responses: { 200: json(personalizationState, 'The switch.'), ...errorResponses },
    }),
    async (c) =>
      c.json(await personalization.getPersonalization({ ctx: c.var.ctx, graduateId: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/v1/graduates/{id}/personalization',
      tags,
      security,
      summary: 'Switch personalization on or off (the graduate only)',
      operationId: 'setPersonalization',
      description:
        "Off: recommendations are a non-personalized list (recency and the graduate's own " +
        'filters), from the next request.',
      request: {
        params: idParam,
        body: { required: true, content: { 'application/json': { schema: personalizationBody } } },
      },
      responses: { 200: json(personalizationState, 'The switch after the change.'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await personalization.setPersonalization({
          ctx: c.var.ctx,
          graduateId: c.req.valid('param').id,
          enabled: c.req.valid('json').enabled,
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/graduates/{id}/export',
      tags,
      security,
      summary: 'Everything held about a graduate, as JSON (PIPL art. 45)',
      operationId: 'exportGraduateData',
      description:
        'The graduate or the career office; a staff export is recorded in the access log and leaves out demographics.',
      request: { params: idParam },
      responses: { 200: json(exportSchema, 'The export.'), ...errorResponses },
    }),
    async (c) => c.json(await exportGraduate({ ctx: c.var.ctx, graduateId: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/graduates/{id}/access-log',
      tags,
      security,
      summary: "Who read this graduate's data",
      operationId: 'listGraduateAccessLog',
      description: "Every recorded read of this graduate's personal data: who read what, and when.",
      request: { params: idParam, query: z.object(pageQuery) },
      responses: { 200: json(accessLogPage, 'Reads by others, oldest first.'), ...errorResponses },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      return c.json(
        await accessLog.listGraduateAccessLog({ ctx: c.var.ctx, graduateId: c.req.valid('param').id, limit, cursor }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/admin/access-log',
      tags: ['Tenant administration'],
      security,
      summary: 'Every recorded read of personal data (admin)',
      operationId: 'listAccessLog',
      description: 'Every recorded read of personal data in the tenant (admin only).',
      request: { query: adminLogQuery },
      responses: { 200: json(accessLogPage, 'Reads, oldest first.'), ...errorResponses },
    }),
    async (c) => {
      const { limit, cursor, ...filters } = c.req.valid('query');
      return c.json(await accessLog.listAccessLog({ ctx: c.var.ctx, filters, limit, cursor }), 200);
    },
  );
}
