import { z } from 'zod';

export const personalizationBody = z
  .object({
    enabled: z.boolean().meta({
      description: 'false: recommendations ignore the profile and are a non-personalized list from the next request.',
      example: false,
    }),
  })
  .strict()
  .meta({ id: 'PersonalizationUpdate' });

export const personalizationState = z
  .object({
    enabled: z.boolean(),
    history: z
      .array(
        z.object({
          enabled: z.boolean(),
          actorKeyId: z.string(),
          actorRole: z.string(),
          at: z.iso.datetime(),
        }),
      )
      .meta({ description: 'Every change, oldest first.' }),
  })
  .meta({ id: 'Personalization' });
export type PersonalizationState = z.infer<typeof personalizationState>;
