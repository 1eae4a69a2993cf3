import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  aiRankingState,
  resumeBody,
  suspendBody,
  tenantSettings,
  tenantSettingsPatch,
} from '../../../domain/model/tenant-settings.ts';
import * as aiRanking from '../../../services/ai-ranking.ts';
import * as settings from '../../../services/tenant-settings.ts';
import type { AppEnv } from '../../env.ts';
import { errorResponses, json, security } from '../../openapi.ts';

const tags = ['Tenant administration'];

const aiRankingStatus = z
  .object({
    state: aiRankingState,
    history: z
      .array(
        z.object({
          action: z.enum(['suspend_ai_ranking', 'resume_ai_ranking']),
          reason: z.string().nullable(),
          actorKeyId: z.string(),
          actorRole: z.string(),
          at: z.iso.datetime(),
        }),
      )
      .meta({ description: 'Every suspension and resumption, oldest first.' }),
  })
  .meta({ id: 'AiRankingStatus' });

export function tenantRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/tenant/settings',
      tags,
      security,
      summary: 'Tenant settings (career office or admin)',
      operationId: 'getTenantSettings',
      description: "The tenant's settings (career office or admin), such as what a blocking compliance finding does.",
      responses: { 200: json(tenantSettings, 'Settings with defaults filled in.'), ...errorResponses },
    }),
    async (c) => c.json(await settings.getTenantSettings({ ctx: c.var.ctx }), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/tenant/settings',
      tags,
      security,
      summary: 'Change tenant settings (career office or admin)',
      operationId: 'updateTenantSettings',
      description: 'Known keys only: reviewSlaDays, complianceMode. Each change is kept in the operator log.',
      request: { body: { required: true, content: { 'application/json': { schema: tenantSettingsPatch } } } },
      responses: { 200: json(tenantSettings, 'Settings after the change.'), ...errorResponses },
    }),
    async (c) => c.json(await settings.updateTenantSettings({ ctx: c.var.ctx, input: c.req.valid('json') }), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/admin/ai-ranking',
      tags,
      security,
      summary: 'Kill switch state and history (career office or admin)',
      operationId: 'getAiRanking',
      description:
        'Whether AI ranking is suspended for the tenant, and every suspension and resumption with its reason.',
      responses: { 200: json(aiRankingStatus, 'State and history.'), ...errorResponses },
    }),
    async (c) => c.json(await aiRanking.getAiRankingStatus({ ctx: c.var.ctx }), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/admin/ai-ranking/suspend',
      tags,
      security,
      summary: 'Suspend AI ranking for the tenant at once',
      operationId: 'suspendAiRanking',
      description:
        'Recommendations fall back to the non-personalized list from the next request. Logged with who, when and why.',
      request: { body: { required: true, content: { 'application/json': { schema: suspendBody } } } },
      responses: { 200: json(aiRankingStatus, 'Suspended.'), ...errorResponses },
    }),
    async (c) => c.json(await aiRanking.suspendAiRanking({ ctx: c.var.ctx, input: c.req.valid('json') }), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/admin/ai-ranking/resume',
      tags,
      security,
      summary: 'Resume AI ranking for the tenant',
      operationId: 'resumeAiRanking',
      description: "Lists are personalised again from the next request; the change is kept in the switch's history.",
      request: { body: { required: true, content: { 'application/json': { schema: resumeBody } } } },
      responses: { 200: json(aiRankingStatus, 'Resumed.'), ...errorResponses },
    }),
    async (c) => c.json(await aiRanking.resumeAiRanking({ ctx: c.var.ctx, input: c.req.valid('json') }), 200),
  );
}
