import { z } from 'zod';

const text = z.string().min(1).max(100_000);

export const embeddingsRequest = z
  .object({
    input: z.union([text, z.array(text).min(1).max(256)]).meta({
      description: 'A text or up to 256 texts.',
      example: ['熟悉 Python 和机器学习', 'Data analyst with SQL'],
    }),
    model: z
      .string()
      .max(200)
      .optional()
      .meta({
        description:
          'The active embedder\'s id or the stable alias "bole-default" (GET /v1/models lists both); ' +
          'any other name is a 400.',
        example: 'bole-default',
      }),
    encoding_format: z.enum(['float', 'base64']).optional().meta({
      description: 'float (default): arrays of numbers; base64: little-endian float32 bytes, as OpenAI sends them.',
      example: 'float',
    }),
    dimensions: z.number().int().min(1).max(8192).optional().meta({
      description:
        "Must equal the active embedder's size when sent (vectors are never truncated); another value is a 400.",
      example: 256,
    }),
    user: z
      .string()
      .max(256)
      .optional()
      .meta({ description: 'Accepted for compatibility and not used.', example: 'user-42' }),
  })
  .meta({ id: 'EmbeddingsRequest' });

export const embeddingsResponse = z
  .object({
    object: z.literal('list'),
    model: z.string().meta({
      description: 'The embedder that computed the vectors (its id, also for the alias).',
      example: 'lsa-256-7fd2c3ac',
    }),
    data: z.array(
      z.object({
        object: z.literal('embedding'),
        index: z.number().int().meta({ description: 'Position of the text in `input`.', example: 0 }),
        embedding: z.union([z.array(z.number()), z.string()]).meta({
          description:
            'A unit vector: numbers for encoding_format float, a base64 string of little-endian float32 for base64.',
        }),
      }),
    ),
    usage: z.object({ prompt_tokens: z.number().int(), total_tokens: z.number().int() }),
  })
  .meta({ id: 'EmbeddingsResponse' });

export const model = z
  .object({
    id: z.string().meta({ description: 'Model name to send as `model`.', example: 'bole-default' }),
    object: z.literal('model'),
    created: z.number().int().meta({
      description: 'Unix seconds when the embedder was registered here (0 if it never was).',
      example: 1764979200,
    }),
    owned_by: z.string().meta({ example: 'bole' }),
  })
  .meta({ id: 'Model' });

export const modelList = z.object({ object: z.literal('list'), data: z.array(model) }).meta({ id: 'ModelList' });

/** The `error` object the OpenAI SDKs read, carried beside the problem+json fields on these routes. */
export const openAiError = z
  .object({
    message: z
      .string()
      .meta({ description: 'The problem detail.', example: 'body.model: unknown model "x"; this server accepts …' }),
    type: z.string().meta({ description: 'OpenAI error type.', example: 'invalid_request_error' }),
    param: z.string().nullable().meta({ description: 'The failing request field, if one.', example: 'model' }),
    code: z.string().nullable().meta({ description: 'A machine-readable code.', example: 'model_not_found' }),
  })
  .meta({ id: 'OpenAiError' });
