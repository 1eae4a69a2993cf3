import { z } from 'zod';
import { city, id, shortText, withoutDefaults } from './common.ts';

const employerFields = {
  name: shortText(200, 'Employer name.', '楚天智能科技有限公司'),
  industry: z.string().trim().max(80).optional().meta({ description: 'Industry.', example: '互联网' }),
  city: city.optional(),
  size: z
    .enum(['1-49', '50-249', '250-999', '1000+'])
    .optional()
    .meta({ description: 'Head count band.', example: '50-249' }),
  website: z.url().max(300).optional().meta({ description: 'Web site.', example: 'https://example.com' }),
  description: z
    .string()
    .trim()
    .max(5_000)
    .default('')
    .meta({ description: 'About the employer.', example: '做工业视觉检测的科技公司。' }),
  externalId: z.string().trim().min(1).max(200).optional().meta({
    description: "The career office's own id for the employer (单位编号); unique in the tenant. Imports match on it.",
    example: 'emp-0042',
  }),
};

export const employerCreate = z.object(employerFields).meta({ id: 'EmployerCreate' });
export const employerUpdate = z.object(withoutDefaults(employerFields)).partial().meta({ id: 'EmployerUpdate' });
export type EmployerCreate = z.infer<typeof employerCreate>;
export type EmployerUpdate = z.infer<typeof employerUpdate>;

export const employer = z
  .object({ id, tenantId: id, ...employerFields, createdAt: z.iso.datetime(), updatedAt: z.iso.datetime() })
  .meta({ id: 'Employer' });
export type Employer = z.infer<typeof employer>;
