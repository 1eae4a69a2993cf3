import { z } from 'zod';

export const COMPLIANCE_MODES = ['reject', 'hold'] as const;
export type ComplianceMode = (typeof COMPLIANCE_MODES)[number];

/** The state of the kill switch, kept in tenants.settings.aiRanking. */
export const aiRankingState = z.object({
  suspended: z.boolean().meta({ description: 'When true, recommendations fall back to the non-personalized list.' }),
  reason: z.string().nullable().meta({ description: 'Why it was last suspended or resumed.', example: '审计发现地区曝光比低于0.8' }),
  byKeyId: z.string().nullable().meta({ description: 'Key that last changed it.' }),
  byRole: z.string().nullable().meta({ description: 'Role of that key.', example: 'admin' }),
  at: z.iso.datetime().nullable().meta({ description: 'When it last changed.' }),
}).meta({ id: 'AiRankingState' });
export type AiRankingState = z.infer<typeof aiRankingState>;

export const AI_RANKING_DEFAULT: AiRankingState = { suspended: false, reason: null, byKeyId: null, byRole: null, at: null };

const reviewSlaDays = z.number().int().min(1).max(90).meta({
  description: 'Days a career office has to answer an appeal or human-review request; sets each review\'s due date.', example: 7,
});
const complianceMode = z.enum(COMPLIANCE_MODES).meta({
  description: 'What a blocking posting-compliance finding does: reject the posting (422) or hold it for career-office review.', example: 'hold',
});

/** Settings as stored: tolerant of keys other features add, defaults for what is missing. */
export const storedSettings = z.object({
  reviewSlaDays: reviewSlaDays.catch(7).default(7),
  complianceMode: complianceMode.catch('hold').default('hold'),
  aiRanking: aiRankingState.catch(AI_RANKING_DEFAULT).default(AI_RANKING_DEFAULT),
});

export const tenantSettings = z.object({
  reviewSlaDays,
  complianceMode,
  aiRanking: aiRankingState.meta({ description: 'Kill switch state; changed only through /v1/admin/ai-ranking/*.' }),
}).meta({ id: 'TenantSettings' });
export type TenantSettings = z.infer<typeof tenantSettings>;

/** Only known, operator-editable keys; anything else is a 400 naming the key. */
export const tenantSettingsPatch = z.object({ reviewSlaDays: reviewSlaDays.optional(), complianceMode: complianceMode.optional() })
  .strict().meta({ id: 'TenantSettingsPatch' });
export type TenantSettingsPatch = z.infer<typeof tenantSettingsPatch>;

export const suspendBody = z.object({
  reason: z.string().trim().min(1).max(1_000).meta({ description: 'Why AI ranking is suspended; kept in the operator log.', example: '审计报告显示西部生源曝光比为0.72，暂停排序待查。' }),
}).strict().meta({ id: 'SuspendAiRanking' });
export const resumeBody = z.object({
  reason: z.string().trim().min(1).max(1_000).meta({ description: 'Why AI ranking is resumed.', example: '模型已修正并重新审计。' }),
}).strict().meta({ id: 'ResumeAiRanking' });
