import { z } from 'zod';
import { RERANKING_DEFAULT, storedReranking } from './reranking-settings.ts';

export const COMPLIANCE_MODES = ['reject', 'hold'] as const;
export type ComplianceMode = (typeof COMPLIANCE_MODES)[number];

/** The state of the kill switch, kept in tenants.settings.aiRanking. */
export const aiRankingState = z
  .object({
    suspended: z.boolean().meta({ description: 'When true, recommendations fall back to the non-personalized list.' }),
    reason: z
      .string()
      .nullable()
      .meta({ description: 'Why it was last suspended or resumed.', example: '审计发现地区曝光比低于0.8' }),
    byKeyId: z.string().nullable().meta({ description: 'Key that last changed it.' }),
    byRole: z.string().nullable().meta({ description: 'Role of that key.', example: 'admin' }),
    at: z.iso.datetime().nullable().meta({ description: 'When it last changed.' }),
  })
  .meta({ id: 'AiRankingState' });
export type AiRankingState = z.infer<typeof aiRankingState>;

const AI_RANKING_DEFAULT: AiRankingState = {
  suspended: false,
  reason: null,
  byKeyId: null,
  byRole: null,
  at: null,
};

const reviewSlaDays = z.number().int().min(1).max(90).meta({
  description: "Days a career office has to answer an appeal or human-review request; sets each review's due date.",
  example: 7,
});
const minGroupSize = z.number().int().min(1).max(1000).meta({
  description: 'Audit groups with fewer people are suppressed; a floor no audit request can go below.',
  example: 10,
});
const complianceMode = z.enum(COMPLIANCE_MODES).meta({
  description:
    'What a blocking posting-compliance finding does: reject the posting (422) or hold it for career-office review.',
  example: 'hold',
});

/** An IANA time zone the runtime knows (Intl throws RangeError for any other). */
const isTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/**
 * PUT /v1/tenant/audit-schedule. The cron expression is checked by the service with cron-parser (the
 * parser BullMQ's job schedulers use), so what is accepted here is exactly what the scheduler runs.
 */
export const auditScheduleInput = z
  .object({
    cron: z.string().trim().min(1).max(120).meta({
      description: 'Cron expression (5 fields, or 6 with seconds first), as BullMQ job schedulers read it.',
      example: '0 3 * * 1',
    }),
    timezone: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .refine(isTimeZone, 'unknown IANA time zone')
      .default('UTC')
      .meta({ description: 'IANA time zone the cron expression is read in.', example: 'Asia/Shanghai' }),
    windowDays: z
      .number()
      .int()
      .min(1)
      .max(366)
      .default(30)
      .meta({ description: 'Each scheduled audit covers the days before its run time.', example: 30 }),
    k: z
      .number()
      .int()
      .min(1)
      .max(200)
      .default(10)
      .meta({ description: 'Top-k cut of each scheduled audit.', example: 10 }),
  })
  .strict()
  .meta({ id: 'AuditScheduleInput' });
export type AuditScheduleInput = z.infer<typeof auditScheduleInput>;

/** tenants.settings.auditSchedule: the input plus when it was set (ticks before then are never caught up). */
export const auditSchedule = z
  .object({
    cron: z.string().min(1).max(120),
    timezone: z.string().min(1).max(64),
    windowDays: z.number().int().min(1).max(366),
    k: z.number().int().min(1).max(200),
    since: z.iso.datetime().meta({ description: 'When this schedule was set; a tick before it is never caught up.' }),
  })
  .meta({ id: 'AuditSchedule' });
export type AuditSchedule = z.infer<typeof auditSchedule>;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** https only, except a loopback address (a receiver on the same machine, in development and tests). */
// zod runs this refinement even when the url check above failed, so it must not throw on a bad URL.
const webhookUrl = z
  .url({ protocol: /^https?$/ })
  .max(2_000)
  .refine((u) => {
    const url = URL.parse(u);
    return url === null || url.protocol === 'https:' || LOOPBACK.has(url.hostname);
  }, 'must be https (http only for a loopback address)');

export const alertWebhookInput = z
  .object({
    url: webhookUrl.meta({
      description: 'Receives a POST per alert, JSON body, signed in X-Bole-Signature.',
      example: 'https://ops.example.edu.cn/bole-alerts',
    }),
    secret: z.string().min(16).max(256).meta({
      description: 'HMAC-SHA256 key; never shown again after it is set.',
      example: 'whsec_3f9a6c1e0b7d4a2e8c5f',
    }),
  })
  .strict()
  .meta({ id: 'AlertWebhookInput' });
export type AlertWebhookInput = z.infer<typeof alertWebhookInput>;

/** tenants.settings.alertWebhook as stored (with its secret). */
const alertWebhook = z.object({
  url: z.string().min(1).max(2_000),
  secret: z.string().min(16).max(256),
  since: z.iso.datetime(),
});

/** The webhook as any API answer shows it: the secret is never echoed. */
export const alertWebhookView = z
  .object({
    url: z.string(),
    secretSet: z.literal(true).meta({ description: 'A secret is stored (it is never shown).' }),
    since: z.iso.datetime(),
  })
  .meta({ id: 'AlertWebhook' });
export type AlertWebhookView = z.infer<typeof alertWebhookView>;

/** Settings as stored: tolerant of keys other features add, defaults for what is missing. */
export const storedSettings = z.object({
  reviewSlaDays: reviewSlaDays.catch(7).default(7),
  complianceMode: complianceMode.catch('hold').default('hold'),
  minGroupSize: minGroupSize.catch(10).default(10),
  aiRanking: aiRankingState.catch(AI_RANKING_DEFAULT).default(AI_RANKING_DEFAULT),
  reranking: storedReranking.catch(RERANKING_DEFAULT).default(RERANKING_DEFAULT),
  auditSchedule: auditSchedule.nullable().catch(null).default(null),
  alertWebhook: alertWebhook.nullable().catch(null).default(null),
  graduateAlertWebhook: alertWebhook.nullable().catch(null).default(null),
});
export type StoredTenantSettings = z.infer<typeof storedSettings>;

export const tenantSettings = z
  .object({
    reviewSlaDays,
    complianceMode,
    minGroupSize,
    aiRanking: aiRankingState.meta({ description: 'Kill switch state; changed only through /v1/admin/ai-ranking/*.' }),
    reranking: storedReranking.meta({
      description: 'Fairness-aware re-ranking of candidate lists; changed only through PUT /v1/tenant/reranking.',
    }),
    auditSchedule: auditSchedule
      .nullable()
      .meta({ description: 'Scheduled audits; changed through /v1/tenant/audit-schedule.' }),
    alertWebhook: alertWebhookView
      .nullable()
      .meta({ description: 'Where alerts are sent; changed through /v1/tenant/alert-webhook.' }),
    graduateAlertWebhook: alertWebhookView.nullable().meta({
      description: "Where graduates' saved-search digests go; changed through /v1/tenant/graduate-alert-webhook.",
    }),
  })
  .meta({ id: 'TenantSettings' });
export type TenantSettings = z.infer<typeof tenantSettings>;

/** Only known, operator-editable keys; anything else is a 400 naming the key. */
export const tenantSettingsPatch = z
  .object({
    reviewSlaDays: reviewSlaDays.optional(),
    complianceMode: complianceMode.optional(),
    minGroupSize: minGroupSize.optional(),
  })
  .strict()
  .meta({ id: 'TenantSettingsPatch' });
export type TenantSettingsPatch = z.infer<typeof tenantSettingsPatch>;

export const suspendBody = z
  .object({
    reason: z.string().trim().min(1).max(1_000).meta({
      description: 'Why AI ranking is suspended; kept in the operator log.',
      example: '审计报告显示西部生源曝光比为0.72，暂停排序待查。',
    }),
  })
  .strict()
  .meta({ id: 'SuspendAiRanking' });
export const resumeBody = z
  .object({
    reason: z
      .string()
      .trim()
      .min(1)
      .max(1_000)
      .meta({ description: 'Why AI ranking is resumed.', example: '模型已修正并重新审计。' }),
  })
  .strict()
  .meta({ id: 'ResumeAiRanking' });
