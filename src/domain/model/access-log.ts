import { z } from 'zod';
import { id } from './common.ts';

/**
 * What was read. Profile and export reads are logged by the graduate services; explanation and audit
 * report reads are logged by their own services through recordAccess.
 */
export const ACCESS_ACTIONS = [
  'read_profile',
  'list_profiles',
  'export',
  'read_explanation',
  'read_audit_report',
] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];
const ACCESS_SUBJECTS = ['graduate', 'explanation', 'audit_report'] as const;
export type AccessSubject = (typeof ACCESS_SUBJECTS)[number];

export const accessLogEntry = z
  .object({
    id,
    actorKeyId: z.string().meta({ description: 'The API key that read the data.' }),
    actorRole: z.string().meta({ description: 'Role of that key.', example: 'career_office' }),
    action: z.enum(ACCESS_ACTIONS).meta({ description: 'What was read.', example: 'read_profile' }),
    subjectType: z.enum(ACCESS_SUBJECTS),
    subjectId: z.string().nullable(),
    graduateId: id.nullable().meta({ description: "Whose data it was, when it was one graduate's." }),
    requestId: z.string(),
    at: z.iso.datetime(),
  })
  .meta({ id: 'AccessLogEntry' });
export type AccessLogEntry = z.infer<typeof accessLogEntry>;
