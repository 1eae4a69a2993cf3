import { z } from 'zod';
import { city, degree, id, isoDate, jobType, lang, salary, shortText, withoutDefaults } from './common.ts';
import { postingCompliance } from './posting-compliance.ts';

export const POSTING_STATUSES = ['draft', 'open', 'closed'] as const;
export type PostingStatus = (typeof POSTING_STATUSES)[number];

const postingSkill = z
  .object({
    name: shortText(80, 'Skill as the employer wrote it.', 'SQL'),
    skillId: z
      .string()
      .nullable()
      .optional()
      .meta({ description: 'Canonical skill id, set by Bole; null for a free tag.', example: 'sql' }),
  })
  .meta({ id: 'PostingSkill' });

/** Skills may be given as plain strings; they are stored as { name, skillId }. */
const skillList = z
  .array(z.union([shortText(80, 'Skill name.', 'SQL'), postingSkill]))
  .max(60)
  .default([]);

const postingFields = {
  title: shortText(200, 'Job title.', '数据分析师'),
  description: z
    .string()
    .trim()
    .min(1)
    .max(20_000)
    .meta({ description: 'Job description.', example: '负责用户增长数据分析，搭建指标体系。' }),
  requiredSkills: skillList.meta({ description: 'Required skills.', example: ['SQL', 'Python'] }),
  preferredSkills: skillList.meta({ description: 'Preferred skills.', example: ['Tableau'] }),
  minDegree: degree.default('bachelor'),
  acceptedMajors: z
    .array(shortText(120, 'Major.', '统计学'))
    .max(40)
    .default([])
    .meta({ description: 'Accepted majors; empty means any.', example: ['统计学', '计算机科学与技术'] }),
  locations: z
    .array(city)
    .max(20)
    .default([])
    .meta({ description: 'Work cities.', example: ['武汉'] }),
  remote: z.boolean().default(false).meta({ description: 'Whether the job can be done remotely.', example: false }),
  jobType: jobType.default('full-time'),
  salaryMin: salary.optional(),
  salaryMax: salary.optional(),
  headcount: z.number().int().min(1).max(10_000).default(1).meta({ description: 'Number of openings.', example: 3 }),
  opensAt: isoDate.optional(),
  closesAt: isoDate.optional(),
  status: z
    .enum(POSTING_STATUSES)
    .default('draft')
    .meta({ description: 'draft, open or closed. Only open postings are recommended.', example: 'open' }),
  lang: lang.default('zh'),
  externalId: z.string().trim().min(1).max(200).optional().meta({
    description: "The career office's own id for the posting (岗位编号); unique in the tenant. Imports match on it.",
    example: 'job-2026-0117',
  }),
  occupation: z
    .string()
    .trim()
    .min(1)
    .max(120)
    .optional()
    .meta({
      description:
        'The occupation the posting hires for: an O*NET-SOC code (preferred, e.g. 15-2051.00) or a ' +
        'title. Demand analytics and forecasts group on it.',
      example: '15-2051.00',
    }),
};

const checkRanges = <
  T extends {
    salaryMin?: number | undefined;
    salaryMax?: number | undefined;
    opensAt?: string | undefined;
    closesAt?: string | undefined;
  },
>(
  value: T,
  ctx: z.RefinementCtx,
): void => {
  if (value.salaryMin !== undefined && value.salaryMax !== undefined && value.salaryMin > value.salaryMax) {
    ctx.addIssue({ code: 'custom', path: ['salaryMax'], message: 'salaryMax must be at least salaryMin.' });
  }
  if (value.opensAt !== undefined && value.closesAt !== undefined && value.opensAt > value.closesAt) {
    ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'closesAt must not be before opensAt.' });
  }
};

export const postingCreate = z
  .object({
    employerId: id
      .optional()
      .meta({ description: 'Employer; implied for an employer key, required for a career-office key.' }),
    ...postingFields,
  })
  .superRefine(checkRanges)
  .meta({ id: 'PostingCreate' });
export const postingUpdate = z
  .object(withoutDefaults(postingFields))
  .partial()
  .superRefine(checkRanges)
  .meta({ id: 'PostingUpdate' });
export type PostingCreate = z.infer<typeof postingCreate>;
export type PostingUpdate = z.infer<typeof postingUpdate>;

export const posting = z
  .object({
    id,
    tenantId: id,
    employerId: id,
    ...postingFields,
    requiredSkills: z.array(postingSkill),
    preferredSkills: z.array(postingSkill),
    compliance: postingCompliance
      .optional()
      .meta({ description: 'Discrimination check of the text (就业促进法, MoE campus recruitment rules).' }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Posting' });
export type Posting = z.infer<typeof posting>;
export type PostingSkill = z.infer<typeof postingSkill>;
