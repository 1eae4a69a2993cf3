import { z } from 'zod';
import { isValidCreditCode } from '../identity/credit-code.ts';
import { id, shortText } from './common.ts';

const EMPLOYER_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type EmployerStatus = (typeof EMPLOYER_STATUSES)[number];

const creditCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidCreditCode, {
    message: 'is not a valid unified social credit code (18 characters, GB 32100-2015 check character).',
  })
  .meta({
    description: 'Unified social credit code (统一社会信用代码), 18 characters; its check character is verified.',
    example: '91350100M000100Y43',
  });

export const employerRegistrationCreate = z
  .object({
    name: shortText(200, 'Company name as registered.', '楚天智能科技有限公司'),
    creditCode,
    website: z.url().max(300).meta({ description: "The company's web site.", example: 'https://example.com' }),
    contact: z
      .object({
        name: shortText(100, 'Who the career office may contact.', '王敏'),
        email: z.email().max(200).meta({ description: 'Contact e-mail.', example: 'hr@example.com' }),
        phone: z
          .string()
          .trim()
          .max(40)
          .optional()
          .meta({ description: 'Contact phone.', example: '+86 27 8765 4321' }),
      })
      .strict(),
    keyLabel: z
      .string()
      .trim()
      .max(100)
      .optional()
      .meta({ description: "Label for the first user's key.", example: '招聘主管' }),
  })
  .strict()
  .meta({ id: 'EmployerRegistrationCreate' });
export type EmployerRegistrationCreate = z.infer<typeof employerRegistrationCreate>;

export const employerRegistration = z
  .object({
    id,
    tenantId: id,
    name: z.string(),
    creditCode: z.string(),
    website: z.string().nullable(),
    contact: z.object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }),
    status: z
      .enum(EMPLOYER_STATUSES)
      .meta({ description: 'pending until the career office approves or rejects it.', example: 'pending' }),
    decisionReason: z
      .string()
      .nullable()
      .meta({ description: "The career office's reason, once decided.", example: null }),
    decidedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'EmployerRegistration' });
export type EmployerRegistration = z.infer<typeof employerRegistration>;

export const employerRegistrationAnswer = employerRegistration
  .extend({
    key: z.string().meta({
      description: "The first user's employer key, shown only this once; it may draft postings until approval.",
    }),
    keyId: id,
  })
  .meta({ id: 'EmployerRegistrationAnswer' });

export const employerDecision = z
  .object({
    decision: z
      .enum(['approved', 'rejected'])
      .meta({ description: 'Approve or reject the pending employer.', example: 'approved' }),
    reason: z
      .string()
      .trim()
      .min(1)
      .max(1_000)
      .meta({ description: 'Why; shown to the employer.', example: '营业执照核验通过。' }),
  })
  .strict()
  .meta({ id: 'EmployerDecision' });
export type EmployerDecision = z.infer<typeof employerDecision>;
