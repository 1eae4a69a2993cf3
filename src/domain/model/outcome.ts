import { z } from 'zod';
import { city, id, isoDate, jobType, shortText } from './common.ts';

/**
 * Graduate outcomes (毕业去向), in the categories career offices report to the Ministry of Education:
 * employed under a contract, further study (升学, at home or abroad), civil service or public institutions
 * (考公/选调), starting a business, flexible employment (灵活就业), not yet placed, not seeking work.
 */
export const OUTCOME_STATUSES = [
  'employed',
  'further_study',
  'civil_service',
  'entrepreneurship',
  'flexible',
  'not_placed',
  'not_seeking',
] as const;
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];

/** The statuses that count as placed (去向落实) in a placement rate; not_placed and not_seeking do not. */
export const PLACED_STATUSES: readonly OutcomeStatus[] = [
  'employed',
  'further_study',
  'civil_service',
  'entrepreneurship',
  'flexible',
];

/** Monthly salary bands in CNY (a band, never the figure: it is what graduates are willing to report). */
export const SALARY_BANDS = ['lt5k', '5k-8k', '8k-12k', '12k-20k', '20k+'] as const;
export type SalaryBand = (typeof SALARY_BANDS)[number];

export const OUTCOME_SOURCES = ['career_office', 'graduate', 'import'] as const;
export type OutcomeSource = (typeof OUTCOME_SOURCES)[number];

/** The fields only an `employed` record carries. */
export const EMPLOYMENT_FIELDS = [
  'employerName',
  'employerId',
  'occupation',
  'city',
  'industry',
  'salaryBand',
  'jobType',
] as const;

const outcomeFields = {
  status: z.enum(OUTCOME_STATUSES).meta({
    description:
      'employed, further_study, civil_service, entrepreneurship, flexible (灵活就业), not_placed or not_seeking.',
    example: 'employed',
  }),
  asOf: isoDate.meta({
    description:
      'The date the outcome holds from; one record per graduate and date (writing the same date replaces it).',
    example: '2026-09-01',
  }),
  employerName: shortText(200, 'Employer (employed only).', '楚天智能科技有限公司').optional(),
  employerId: id.optional().meta({ description: "The employer's id in this tenant, when it is one (employed only)." }),
  occupation: shortText(120, 'Occupation: an O*NET-SOC code or a title (employed only).', '15-2051.00').optional(),
  city: city.optional().meta({ description: 'Work city (employed only).', example: '武汉' }),
  industry: shortText(80, 'Industry (employed only).', '互联网').optional(),
  salaryBand: z
    .enum(SALARY_BANDS)
    .optional()
    .meta({ description: 'Monthly salary band in CNY (employed only).', example: '8k-12k' }),
  jobType: jobType.optional().meta({ description: 'Kind of job (employed only).', example: 'full-time' }),
};

export const outcomeInput = z
  .object(outcomeFields)
  .strict()
  .superRefine((v, ctx) => {
    if (v.status === 'employed') return;
    for (const field of EMPLOYMENT_FIELDS)
      if (v[field] !== undefined)
        ctx.addIssue({ code: 'custom', path: [field], message: `only an employed outcome has ${field}.` });
  })
  .meta({ id: 'OutcomeInput' });
export type OutcomeInput = z.infer<typeof outcomeInput>;

export const outcome = z
  .object({
    id,
    graduateId: id,
    status: z.enum(OUTCOME_STATUSES),
    asOf: isoDate,
    employerName: z.string().nullable(),
    employerId: id.nullable(),
    occupation: z.string().nullable(),
    city: z.string().nullable(),
    industry: z.string().nullable(),
    salaryBand: z.enum(SALARY_BANDS).nullable(),
    jobType: jobType.nullable(),
    source: z
      .enum(OUTCOME_SOURCES)
      .meta({ description: 'Who wrote it: the career office, the graduate, or an import.' }),
    recordedBy: z.string().meta({ description: 'Role of the key that wrote it.', example: 'career_office' }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime().meta({ description: 'When it was last written.' }),
  })
  .meta({ id: 'Outcome' });
export type Outcome = z.infer<typeof outcome>;
