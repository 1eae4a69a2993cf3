import { z } from 'zod';
import { AUDIT_ATTRIBUTES } from './attributes.ts';

/** POST /v1/audits body: every field has a default, so `{}` asks for the standard 30-day audit. */
export const auditRequest = z
  .object({
    from: z.iso.datetime({ offset: true }).optional().meta({
      description: 'Window start (inclusive); default: 30 days before `to`.',
      example: '2026-10-29T00:00:00Z',
    }),
    to: z.iso
      .datetime({ offset: true })
      .optional()
      .meta({ description: 'Window end (exclusive); default: now.', example: '2026-11-28T00:00:00Z' }),
    k: z
      .number()
      .int()
      .min(1)
      .max(200)
      .default(10)
      .meta({ description: 'Top-k cut for selection and skew.', example: 10 }),
    attributes: z
      .array(z.enum(AUDIT_ATTRIBUTES))
      .min(1)
      .optional()
      .meta({
        description: 'Attributes to report (default all); intersections are formed from the protected ones chosen.',
        example: ['gender', 'hukouType'],
      }),
    minGroupSize: z
      .number()
      .int()
      .min(1)
      .max(1000)
      .default(10)
      .meta({ description: 'Groups with fewer people are suppressed and listed as excluded.', example: 10 }),
  })
  .refine((r) => r.from === undefined || r.to === undefined || Date.parse(r.from) < Date.parse(r.to), {
    message: 'from must be before to',
    path: ['from'],
  })
  .meta({ id: 'AuditRequest' });
export type AuditRequest = z.infer<typeof auditRequest>;

/** What a run stores as its params (the resolved window). */
export const auditParams = z.object({
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  k: z.number().int(),
  attributes: z.array(z.enum(AUDIT_ATTRIBUTES)),
  minGroupSize: z.number().int(),
});
export type AuditParams = z.infer<typeof auditParams>;

const DEFAULT_WINDOW_DAYS = 30;

export function resolveParams(input: AuditRequest, now: Date): AuditParams {
  const to = input.to ? new Date(input.to) : now;
  const from = input.from ? new Date(input.from) : new Date(to.getTime() - DEFAULT_WINDOW_DAYS * 86_400_000);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    k: input.k,
    attributes: [...(input.attributes ?? AUDIT_ATTRIBUTES)],
    minGroupSize: input.minGroupSize,
  };
}
