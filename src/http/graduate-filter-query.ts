import { z } from 'zod';
import { degree } from '../domain/model/common.ts';

const year = (description: string, example: number) =>
  z.coerce.number().int().min(1950).max(2100).optional().meta({ description, example });

/** The query filters GET /v1/jobs/{id}/candidates and GET /v1/graduates share (domain/matching/graduate-filter.ts). */
export const graduateFilterQuery = {
  q: z.string().trim().min(1).max(200).optional().meta({
    description:
      'Only graduates whose profile shares a keyword with this (zh or en; one-edit English typos corrected).',
    example: '数据分析',
  }),
  major: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .optional()
    .meta({ description: 'Only graduates with this major (zh or en name or alias).', example: '统计学' }),
  degree: degree.optional().meta({ description: 'Only graduates whose highest degree is this.', example: 'master' }),
  graduationYearFrom: year('Only graduates graduating in or after this year (not after graduationYearTo).', 2026),
  graduationYearTo: year('Only graduates graduating in or before this year.', 2027),
  location: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .optional()
    .meta({ description: 'Only graduates who prefer this city.', example: '武汉' }),
  skill: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .optional()
    .meta({ description: 'Only graduates with this skill (taxonomy name or alias, zh or en).', example: 'Python' }),
};
