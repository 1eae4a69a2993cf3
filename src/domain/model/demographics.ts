import { z } from 'zod';
import { ATTRIBUTE_VALUES as V } from '../audit-report/attributes.ts';

/**
 * Protected attributes. Stored apart from the profile, written only with fairness_audit consent, read
 * only by the graduate themself and by the audit job (aggregates). Matching code may not import this.
 */
export const demographics = z
  .object({
    gender: z.enum([...V.gender, 'undisclosed']).optional(),
    ethnicity: z
      .enum([...V.ethnicity, 'undisclosed'])
      .optional()
      .meta({ description: 'Han or an ethnic minority.' }),
    hukouType: z.enum([...V.hukouType, 'undisclosed']).optional(),
    regionOfOrigin: z.enum([...V.regionOfOrigin, 'undisclosed']).optional(),
    disability: z.enum([...V.disability, 'undisclosed']).optional(),
    birthYear: z.number().int().min(1940).max(2015).optional(),
    schoolTier: z
      .enum([...V.schoolTier, 'undisclosed'])
      .optional()
      .meta({ description: 'Monitored proxy for audits; never a matching input.' }),
  })
  .meta({ id: 'Demographics' });
export type Demographics = z.infer<typeof demographics>;
