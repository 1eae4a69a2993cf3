import { z } from 'zod';
import { DEGREES } from '../../../domain/model/common.ts';
import { graduate, graduateUpdate } from '../../../domain/model/graduate.ts';

const text = (description: string, example: string) => z.string().meta({ description, example });
const maybe = (description: string, example: string) => z.string().nullable().meta({ description, example });
const evidence = text('The résumé lines it was read from.', '武汉大学 | 软件工程 | 本科 | 2022.09 - 2026.06');

const draftContent = z
  .object({
    lang: z.enum(['zh', 'en']).meta({ description: 'Main language of the résumé.', example: 'zh' }),
    name: maybe('Name, or null when not found.', '李明'),
    email: maybe('E-mail, or null.', 'liming@example.edu.cn'),
    phone: maybe('Phone (mainland mobiles as 11 digits), or null.', '13800000000'),
    education: z.array(
      z.object({
        school: maybe('School, or null.', '武汉大学'),
        degree: z.enum(DEGREES).nullable().meta({ description: 'Degree level, or null.', example: 'bachelor' }),
        major: maybe('Major as written, or null.', '软件工程'),
        graduationDate: maybe('Last day of the graduation month (June when only a year is given).', '2026-06-30'),
        startDate: maybe('First day of the start month, or null.', '2022-09-01'),
        evidence,
      }),
    ),
    experiences: z.array(
      z.object({
        title: maybe('Role, or null.', '数据分析实习生'),
        organization: maybe('Organization, or null.', '武汉某科技有限公司'),
        start: maybe('Start (first of the month), or null.', '2025-03-01'),
        end: maybe('End (last of the month); null while ongoing or not given.', '2025-08-31'),
        description: text('What was done, one line per bullet.', '使用 Python 和 SQL 搭建留存看板'),
        evidence,
      }),
    ),
    skills: z.array(
      z.object({
        name: text('The skill as the résumé wrote it.', 'Python'),
        skillId: text('Canonical skill id in the taxonomy.', 'python'),
        source: z.enum(['declared', 'inferred']).meta({
          description: 'declared: listed in a skills section; inferred: read from experience or project text.',
          example: 'inferred',
        }),
        evidence: text('The sentence it came from.', '使用 Python 和 SQL 搭建用户留存看板'),
      }),
    ),
    suppressedSkills: z.array(z.string()).meta({
      description: 'Skills found but not proposed because the graduate deleted them as tags.',
      example: ['excel'],
    }),
    languages: z.array(
      z.object({
        language: text('Language.', 'English'),
        level: z.string().optional().meta({ description: 'Level or test.', example: 'CET-6' }),
        evidence,
      }),
    ),
    certificates: z.array(
      z.object({
        name: text('Certificate.', 'CET-6'),
        skillId: z
          .string()
          .nullable()
          .meta({ description: 'Taxonomy id when the certificate is in it.', example: 'cet-6' }),
        evidence,
      }),
    ),
    summary: text('The self-evaluation or summary section.', '学习能力强，希望从事数据分析工作。'),
    missing: z
      .array(z.object({ path: text('Draft field.', 'education.0.major'), message: text('Why.', 'not found') }))
      .meta({ description: 'Fields the profile needs that the résumé did not give; fill them in when confirming.' }),
  })
  .meta({ id: 'ResumeDraftContent' });

export const resumeDraft = z
  .object({
    id: z.uuid().meta({ description: 'Draft id.', example: '0193a4b2-6c1e-7d1a-9b1e-3f2a1c0d9e8f' }),
    graduateId: z.uuid().meta({ description: 'The graduate.', example: '0193a4b2-6c1e-7d1a-9b1e-3f2a1c0d9e8e' }),
    status: z.enum(['pending', 'confirmed']).meta({
      description: 'pending until the graduate confirms it; nothing reaches the profile before.',
      example: 'pending',
    }),
    fileName: z.string().nullable().meta({ description: 'Name of the uploaded file, if sent.', example: 'cv.pdf' }),
    mediaType: text('What the file was.', 'application/pdf'),
    sizeBytes: z.number().int().meta({ description: 'File size.', example: 48213 }),
    uploadedByRole: text('Who uploaded: graduate, or career_office on their behalf.', 'graduate'),
    createdAt: z.iso.datetime().meta({ description: 'Upload time.', example: '2026-12-06T09:00:00.000Z' }),
    confirmedAt: z.iso.datetime().nullable().meta({ description: 'Confirmation time.', example: null }),
    appliedFields: z.array(z.string()).meta({ description: 'Profile fields the confirmation replaced.', example: [] }),
    draft: draftContent,
  })
  .meta({ id: 'ResumeDraft' });

export const uploadedDraft = resumeDraft
  .extend({
    fileKept: z.boolean().meta({ description: 'Whether the file itself was kept (only when asked).', example: false }),
  })
  .meta({ id: 'UploadedResumeDraft' });

export const draftList = z.object({ items: z.array(resumeDraft) }).meta({ id: 'ResumeDraftList' });

export const resumeConfirmation = graduateUpdate
  .pick({
    name: true,
    email: true,
    phone: true,
    education: true,
    experiences: true,
    skills: true,
    languages: true,
    certificates: true,
    summary: true,
  })
  .strict()
  .meta({ id: 'ResumeConfirmation' });

export const confirmedDraft = z.object({ draft: resumeDraft, profile: graduate }).meta({ id: 'ConfirmedResumeDraft' });
