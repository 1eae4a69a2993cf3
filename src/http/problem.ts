import { z } from 'zod';
import type { ErrorCode, FieldError } from '../domain/errors.ts';
import type { Lang } from '../domain/model/common.ts';

/** RFC 9457 problem details, as every error of this API is answered. */
export const problemSchema = z
  .object({
    type: z
      .string()
      .meta({ description: 'URI naming the kind of problem.', example: 'https://bole.dev/problems/validation_failed' }),
    title: z
      .string()
      .meta({ description: 'Short, human-readable summary of the kind of problem.', example: 'Validation failed' }),
    status: z.number().int().meta({ description: 'HTTP status code.', example: 400 }),
    detail: z
      .string()
      .meta({ description: 'What went wrong in this request.', example: 'body.education.0.degree: Invalid option' }),
    instance: z.string().optional().meta({ description: 'The request path.', example: '/v1/graduates' }),
    requestId: z.string().meta({
      description: 'Request id, also in the x-request-id header; quote it when reporting a problem.',
      example: 'b3c1e0a4-…',
    }),
    errors: z
      .array(
        z.object({
          path: z
            .string()
            .meta({ description: 'Failing field, e.g. body.education.0.degree or query.limit.', example: 'body.name' }),
          message: z.string().meta({
            description: 'Why the field failed.',
            example: 'Too small: expected string to have >=1 characters',
          }),
        }),
      )
      .optional(),
  })
  .meta({ id: 'Problem' });

export type Problem = z.infer<typeof problemSchema>;

export const codeToStatus = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
} as const satisfies Record<ErrorCode, number>;

const titles: Record<Lang, Record<number, string>> = {
  en: {
    400: 'Validation failed',
    401: 'Unauthenticated',
    403: 'Forbidden',
    404: 'Not found',
    405: 'Method not allowed',
    409: 'Conflict',
    413: 'Payload too large',
    415: 'Unsupported media type',
    422: 'Unprocessable content',
    429: 'Too many requests',
    500: 'Internal server error',
    503: 'Service unavailable',
  },
  zh: {
    400: '参数校验失败',
    401: '未认证',
    403: '无权操作',
    404: '未找到',
    405: '不支持的请求方法',
    409: '冲突',
    413: '请求体过大',
    415: '不支持的媒体类型',
    422: '无法处理的内容',
    429: '请求过于频繁',
    500: '服务器内部错误',
    503: '服务暂不可用',
  },
};

const slugs: Record<number, string> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'rate_limited',
  500: 'internal',
  503: 'unavailable',
};

type ProblemExtra = { requestId: string; instance?: string; errors?: readonly FieldError[]; [k: string]: unknown };

/** A problem body; `lang` picks the title's language (the detail is written by the caller). */
export function problem(
  status: number,
  detail: string,
  extra: ProblemExtra,
  lang: Lang = 'en',
): Problem & Record<string, unknown> {
  const { errors, ...rest } = extra;
  return {
    type: `https://bole.dev/problems/${slugs[status] ?? 'error'}`,
    title: titles[lang][status] ?? (lang === 'zh' ? '错误' : 'Error'),
    status,
    detail,
    ...rest,
    ...(errors && errors.length > 0 ? { errors: [...errors] } : {}),
  };
}

type Issue = { path: ReadonlyArray<PropertyKey>; message: string; code?: string };
const english = z.locales.en().localeError;
const chinese = z.locales.zhCN().localeError;

/** zod's Chinese text for an issue whose message is zod's own English default; a schema's own message is kept. */
function localised(issue: Issue, lang: Lang): string {
  if (lang === 'en' || issue.code === undefined) return issue.message;
  const raw = issue as unknown as Parameters<typeof english>[0];
  const asDefault = english(raw);
  if ((typeof asDefault === 'string' ? asDefault : asDefault?.message) !== issue.message) return issue.message;
  const zh = chinese(raw);
  return (typeof zh === 'string' ? zh : zh?.message) ?? issue.message;
}

/** zod issues → field errors whose paths start with where the value came from (body, query, path). */
export function zodFieldErrors(target: string, issues: readonly Issue[], lang: Lang = 'en'): FieldError[] {
  const where = target === 'json' ? 'body' : target === 'param' ? 'path' : target;
  return issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: localised(issue, lang),
  }));
}
