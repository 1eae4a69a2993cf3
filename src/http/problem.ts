import { z } from 'zod';
import type { ErrorCode, FieldError } from '../domain/errors.ts';

/** RFC 9457 problem details, as every error of this API is answered. */
export const problemSchema = z.object({
  type: z.string().meta({ description: 'URI naming the kind of problem.', example: 'https://bole.dev/problems/validation_failed' }),
  title: z.string().meta({ description: 'Short, human-readable summary of the kind of problem.', example: 'Validation failed' }),
  status: z.number().int().meta({ description: 'HTTP status code.', example: 400 }),
  detail: z.string().meta({ description: 'What went wrong in this request.', example: 'body.education.0.degree: Invalid option' }),
  instance: z.string().optional().meta({ description: 'The request path.', example: '/v1/graduates' }),
  requestId: z.string().meta({ description: 'Request id, also in the x-request-id header; quote it when reporting a problem.', example: 'b3c1e0a4-…' }),
  errors: z.array(z.object({
    path: z.string().meta({ description: 'Failing field, e.g. body.education.0.degree or query.limit.', example: 'body.name' }),
    message: z.string().meta({ description: 'Why the field failed.', example: 'Too small: expected string to have >=1 characters' }),
  })).optional(),
}).meta({ id: 'Problem' });

export type Problem = z.infer<typeof problemSchema>;

export const codeToStatus = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  unavailable: 503,
} as const satisfies Record<ErrorCode, number>;

const titles: Record<number, string> = {
  400: 'Validation failed', 401: 'Unauthenticated', 403: 'Forbidden', 404: 'Not found', 405: 'Method not allowed',
  409: 'Conflict', 413: 'Payload too large', 415: 'Unsupported media type', 422: 'Unprocessable content',
  500: 'Internal server error', 503: 'Service unavailable',
};

const slugs: Record<number, string> = {
  400: 'validation_failed', 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found', 405: 'method_not_allowed',
  409: 'conflict', 413: 'payload_too_large', 415: 'unsupported_media_type', 422: 'unprocessable', 500: 'internal', 503: 'unavailable',
};

export function problem(status: number, detail: string, extra: { requestId: string; instance?: string; errors?: readonly FieldError[]; [k: string]: unknown }): Problem & Record<string, unknown> {
  const { errors, ...rest } = extra;
  return {
    type: `https://bole.dev/problems/${slugs[status] ?? 'error'}`,
    title: titles[status] ?? 'Error',
    status,
    detail,
    ...rest,
    ...(errors && errors.length > 0 ? { errors: [...errors] } : {}),
  };
}

/** zod issues → field errors whose paths start with where the value came from (body, query, path). */
export function zodFieldErrors(target: string, issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): FieldError[] {
  const where = target === 'json' ? 'body' : target === 'param' ? 'path' : target;
  return issues.map((issue) => ({ path: [where, ...issue.path.map(String)].join('.'), message: issue.message }));
}
