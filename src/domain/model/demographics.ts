import { z } from 'zod';

/**
 * Protected attributes. Stored apart from the profile, written only with fairness_audit consent, read
 * only by the graduate themself and by the audit job (aggregates). Matching code may not import this.
 */
export const demographics = z.object({
  gender: z.enum(['female', 'male', 'nonbinary', 'undisclosed']).optional(),
  ethnicity: z.enum(['han', 'minority', 'undisclosed']).optional().meta({ description: 'Han or an ethnic minority.' }),
  hukouType: z.enum(['urban', 'rural', 'undisclosed']).optional(),
  regionOfOrigin: z.enum(['east', 'central', 'west', 'northeast', 'undisclosed']).optional(),
  disability: z.enum(['yes', 'no', 'undisclosed']).optional(),
  birthYear: z.number().int().min(1940).max(2015).optional(),
  schoolTier: z.enum(['985', '211', 'double_first_class', 'other', 'undisclosed']).optional().meta({ description: 'Monitored proxy for audits; never a matching input.' }),
}).meta({ id: 'Demographics' });
export type Demographics = z.infer<typeof demographics>;
