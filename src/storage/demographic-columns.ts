import type { AuditAttribute } from '../domain/audit-report/attributes.ts';

/** The graduate_demographics column of each audited attribute (the attribute list is src/domain/audit-report). */
export const ATTRIBUTE_COLUMNS = {
  gender: 'gender',
  ethnicity: 'ethnicity',
  hukouType: 'hukou_type',
  regionOfOrigin: 'region_of_origin',
  disability: 'disability',
  schoolTier: 'school_tier',
} as const satisfies Record<AuditAttribute, string>;
