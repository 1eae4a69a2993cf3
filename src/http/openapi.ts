import { z } from 'zod';
import { problemSchema } from './problem.ts';

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
});

/** The error answers every authenticated route can give. */
export const errorResponses = {
  400: problemResponse('Invalid input or an unknown query parameter; `errors` names each failing field.'),
  401: problemResponse('Missing, unknown or revoked API key.'),
  403: problemResponse("The key's role may not do this."),
  404: problemResponse('Not found, or not visible to this key.'),
  413: problemResponse('Body larger than the configured limit.'),
  500: problemResponse('Unexpected error; the body never carries internal details.'),
} as const;

export const security = [{ apiKey: [] }];

export const idParam = z.object({
  id: z.uuid().meta({
    param: { name: 'id', in: 'path' },
    description: 'Resource id.',
    example: '0193a4b2-6c1e-7d1a-9b1e-3f2a1c0d9e8f',
  }),
});

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50).meta({ description: 'Page size (1–200).', example: 50 }),
  cursor: z.string().max(500).optional().meta({
    description: 'The nextCursor of the previous page.',
    example: 'WyIyMDI2LTExLTI4VDIwOjAwOjAwLjAwMFoiLCIuLi4iXQ',
  }),
};

export const pageOf = <T extends z.ZodType>(item: T, id: string) =>
  z
    .object({
      items: z.array(item),
      nextCursor: z.string().nullable().meta({ description: 'Cursor for the next page; null on the last page.' }),
    })
    .meta({ id });
