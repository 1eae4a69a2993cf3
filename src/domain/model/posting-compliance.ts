import { z } from 'zod';
import { RULE_IDS } from '../compliance/index.ts';

/**
 * ok: no findings; warnings: only warn findings (published, a reviewer may look); held_for_review: a
 * blocking finding keeps the posting a draft until a career office decides; approved / rejected: that
 * decision.
 */
const COMPLIANCE_STATUSES = ['ok', 'warnings', 'held_for_review', 'approved', 'rejected'] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];

const complianceFinding = z
  .object({
    rule: z.enum(RULE_IDS).meta({ description: 'Protected ground the text discriminates on.', example: 'gender' }),
    field: z.string().meta({
      description: 'Where: title, description or skills[i] (required skills first, then preferred).',
      example: 'description',
    }),
    span: z.object({
      start: z.number().int().meta({ description: 'UTF-16 offset in the original field text.' }),
      end: z.number().int().meta({ description: 'End offset, exclusive.' }),
      text: z.string().meta({ example: '限男性' }),
    }),
    severity: z
      .enum(['block', 'warn'])
      .meta({ description: 'block: an explicit exclusion or limit; warn: a reviewer should look.' }),
    message: z.object({ en: z.string(), zh: z.string() }),
    law: z.string().meta({ example: '就业促进法 第27条' }),
  })
  .meta({ id: 'ComplianceFinding' });

export const postingCompliance = z
  .object({
    status: z.enum(COMPLIANCE_STATUSES),
    findings: z.array(complianceFinding),
    reviewedAt: z.iso
      .datetime()
      .nullable()
      .meta({ description: 'When a career office last decided on a held posting.' }),
    reviewNote: z.string().nullable(),
  })
  .meta({ id: 'PostingCompliance' });
export type PostingCompliance = z.infer<typeof postingCompliance>;

export const complianceDecision = z
  .object({
    decision: z.enum(['approve', 'reject']).meta({
      description: 'approve publishes the posting with the status its author asked for; reject keeps it a draft.',
      example: 'approve',
    }),
    note: z
      .string()
      .trim()
      .min(1)
      .max(2_000)
      .meta({ description: 'Why; kept in the operator log.', example: '“男性优先”已删除，复核通过。' }),
  })
  .strict()
  .meta({ id: 'ComplianceDecision' });
export type ComplianceDecision = z.infer<typeof complianceDecision>;
