import { z } from 'zod';
import { id } from './common.ts';

/** Closed set of purposes a graduate can consent to; anything else is a 400 naming path.purpose. */
export const CONSENT_PURPOSES = ['fairness_audit', 'profile_visible_to_employers'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export interface ConsentText {
  version: string;
  zh: string;
  en: string;
  /** PIPL art. 29: sensitive personal information needs separate consent. */
  sensitive: boolean;
}

/**
 * The texts shown when consent is asked, oldest version first; the last one is current. A grant must
 * quote the current version, so the record proves which words the graduate agreed to. Never edit a
 * published version: add a new one.
 */
export const CONSENT_TEXTS: Readonly<Record<ConsentPurpose, readonly ConsentText[]>> = {
  fairness_audit: [
    {
      version: 'fairness_audit/2026-11',
      sensitive: true,
      zh:
        '我同意伯乐保存我自愿填写的性别、民族、户籍类型、生源地区、残疾情况、出生年份和学校类型，仅用于公平性审计：' +
        '这些信息单独存放，永远不参与岗位匹配打分，只以汇总形式（小于最小人数的群组不公布）出现在审计报告中。' +
        '我可以随时撤回同意，撤回后这些信息立即删除。',
      en:
        'I agree that Bole keeps the gender, ethnicity, hukou type, region of origin, disability ' +
        'status, birth year and ' +
        'school type I choose to give, only for fairness audits: they are stored apart, never used ' +
        'to score any match, and ' +
        'appear in audit reports only as aggregates (groups below the minimum size are ' +
        'suppressed). I may withdraw at any ' +
        'time; they are then erased at once.',
    },
  ],
  profile_visible_to_employers: [
    {
      version: 'profile_visible_to_employers/2026-11',
      sensitive: false,
      zh:
        '我同意本校就业指导中心和在本平台发布岗位的用人单位在候选人推荐中看到我的简历信息（不含联系方式和任何受保护属性）。' +
        '我可以随时撤回同意。',
      en:
        'I agree that my university career office and the employers posting on this platform may ' +
        'see my profile in candidate ' +
        'recommendations (without contact details or any protected attribute). I may withdraw at any time.',
    },
  ],
};

export const currentConsentText = (purpose: ConsentPurpose): ConsentText => {
  const versions = CONSENT_TEXTS[purpose];
  const last = versions[versions.length - 1];
  if (!last) throw new Error(`No consent text for ${purpose}`);
  return last;
};

export const consentPurpose = z.enum(CONSENT_PURPOSES).meta({
  description:
    'What the consent is for: fairness_audit (demographics for bias audits, sensitive) or ' +
    'profile_visible_to_employers.',
  example: 'fairness_audit',
});

export const consentGrant = z
  .object({
    textVersion: z.string().trim().min(1).max(100).meta({
      description:
        'Version of the consent text shown to the graduate (see GET /v1/consent-texts); must be the current one.',
      example: 'fairness_audit/2026-11',
    }),
  })
  .strict()
  .meta({ id: 'ConsentGrant' });
export type ConsentGrant = z.infer<typeof consentGrant>;

export const consentTextSchema = z
  .object({
    purpose: consentPurpose,
    version: z.string().meta({ example: 'fairness_audit/2026-11' }),
    current: z.boolean().meta({ description: 'Whether this is the version a new grant must quote.' }),
    sensitive: z.boolean().meta({ description: 'Sensitive personal information (PIPL art. 28-29): separate consent.' }),
    zh: z.string().meta({ description: 'Text in Chinese.' }),
    en: z.string().meta({ description: 'Text in English.' }),
  })
  .meta({ id: 'ConsentText' });

const consentEvent = z
  .object({
    id,
    purpose: consentPurpose,
    granted: z.boolean().meta({ description: 'true for a grant, false for a withdrawal.' }),
    textVersion: z.string().meta({ description: 'The consent text version shown.', example: 'fairness_audit/2026-11' }),
    actorKeyId: z.string().meta({ description: 'The API key that made the change.' }),
    actorRole: z.string().meta({ description: 'Role of that key.', example: 'graduate' }),
    at: z.iso.datetime().meta({ description: 'When the change was recorded.' }),
  })
  .meta({ id: 'ConsentEvent' });

const consentState = z
  .object({
    purpose: consentPurpose,
    granted: z.boolean(),
    textVersion: z.string().nullable().meta({ description: 'Version of the latest event; null if never asked.' }),
    since: z.iso.datetime().nullable().meta({ description: 'When the current state began; null if never asked.' }),
  })
  .meta({ id: 'ConsentState' });
export type ConsentState = z.infer<typeof consentState>;

export const consentOverview = z
  .object({
    graduateId: id,
    purposes: z.array(consentState),
    history: z.array(consentEvent).meta({ description: 'Every grant and withdrawal, oldest first.' }),
  })
  .meta({ id: 'ConsentOverview' });
export type ConsentOverview = z.infer<typeof consentOverview>;
