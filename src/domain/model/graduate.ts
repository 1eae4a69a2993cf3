import { z } from 'zod';
import { city, degree, id, isoDate, jobType, lang, salary, shortText, withoutDefaults } from './common.ts';

const SKILL_SOURCES = ['declared', 'inferred'] as const;
const VISIBILITIES = ['employers', 'career_office', 'private'] as const;

const educationEntry = z
  .object({
    school: shortText(120, 'School or university.', '华中科技大学'),
    degree,
    major: shortText(120, 'Major, in Chinese or English.', '计算机科学与技术'),
    graduationDate: isoDate.meta({
      description: 'Graduation date (expected or actual), YYYY-MM-DD.',
      example: '2026-06-30',
    }),
  })
  .meta({ id: 'EducationEntry' });

const profileSkill = z
  .object({
    name: shortText(80, 'Skill as the graduate wrote it.', 'Python'),
    source: z.enum(SKILL_SOURCES).default('declared').meta({
      description: 'declared by the graduate, or inferred by Bole from the profile text.',
      example: 'declared',
    }),
    skillId: z.string().nullable().optional().meta({
      description: 'Canonical skill id from the taxonomy, set by Bole; null for a free tag.',
      example: 'python',
    }),
  })
  .meta({ id: 'ProfileSkill' });

const languageEntry = z.object({
  language: shortText(40, 'Language.', 'English'),
  level: z.string().trim().max(40).optional().meta({ description: 'Level or certificate.', example: 'CET-6' }),
});

const certificateEntry = z.object({
  name: shortText(120, 'Certificate name.', '计算机二级'),
  issuedAt: isoDate.optional(),
});

const experienceEntry = z.object({
  title: shortText(120, 'Role title.', '数据分析实习生'),
  organization: shortText(120, 'Organization.', '武汉某科技公司'),
  start: isoDate.optional(),
  end: isoDate.optional(),
  description: z
    .string()
    .trim()
    .max(4_000)
    .default('')
    .meta({ description: 'What was done.', example: '用 Python 和 SQL 做用户留存分析' }),
});

const preferences = z
  .object({
    locations: z
      .array(city)
      .max(20)
      .default([])
      .meta({ description: 'Preferred cities; empty means anywhere.', example: ['武汉', '上海'] }),
    industries: z
      .array(shortText(60, 'Industry.', '互联网'))
      .max(20)
      .default([]),
    jobTypes: z
      .array(jobType)
      .max(3)
      .default([])
      .meta({ description: 'Wanted job types; empty means any.', example: ['full-time'] }),
    salaryFloor: salary.optional().meta({ description: 'Lowest acceptable monthly salary in CNY.', example: 8000 }),
    remote: z
      .enum(['any', 'prefer', 'only', 'no'])
      .default('any')
      .meta({ description: 'Remote work preference.', example: 'any' }),
  })
  .meta({ id: 'Preferences' });

const graduateFields = {
  name: shortText(100, 'Full name. Never used for matching.', '李明'),
  email: z
    .email()
    .max(200)
    .optional()
    .meta({ description: 'Contact e-mail. Never used for matching.', example: 'liming@example.edu.cn' }),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{5,20}$/)
    .optional()
    .meta({ description: 'Contact phone. Never used for matching.', example: '+86 138 0000 0000' }),
  externalId: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({
      description:
        "The id the tenant's app or identity provider knows the graduate by; unique in the tenant. " +
        'Never used for matching.',
      example: 'stu-2026-00417',
    }),
  education: z.array(educationEntry).max(10).default([]),
  skills: z.array(profileSkill).max(200).default([]),
  languages: z.array(languageEntry).max(20).default([]),
  certificates: z.array(certificateEntry).max(50).default([]),
  experiences: z.array(experienceEntry).max(30).default([]),
  summary: z.string().trim().max(10_000).default('').meta({
    description: 'Free-text summary in Chinese or English.',
    example: '熟悉机器学习和数据分析，希望从事数据相关工作。',
  }),
  preferences: preferences.default({ locations: [], industries: [], jobTypes: [], remote: 'any' }),
  visibility: z
    .enum(VISIBILITIES)
    .default('employers')
    .meta({
      description:
        'Who may find this profile as a candidate: employers of the tenant (and the career ' +
        'office), the career office only, or nobody.',
      example: 'employers',
    }),
  lang: lang.default('zh'),
};

export const graduateCreate = z.object(graduateFields).meta({ id: 'GraduateCreate' });
export const graduateUpdate = z.object(withoutDefaults(graduateFields)).partial().meta({ id: 'GraduateUpdate' });
export type GraduateCreate = z.infer<typeof graduateCreate>;
export type GraduateUpdate = z.infer<typeof graduateUpdate>;

export const graduate = z
  .object({
    id,
    tenantId: id,
    ...graduateFields,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Graduate' });
export type Graduate = z.infer<typeof graduate>;
