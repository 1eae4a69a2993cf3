import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../../env.ts';
import { problemSchema } from '../../problem.ts';
import { openAiError } from './schemas.ts';

const types: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  405: 'invalid_request_error',
  413: 'invalid_request_error',
  422: 'invalid_request_error',
  429: 'rate_limit_error',
};

interface ProblemBody {
  status?: number;
  type?: string;
  detail?: string;
  errors?: Array<{ path: string }>;
}

/** The OpenAI `error` object for a problem body: type by status, param from the first failing field. */
function openAiErrorOf(status: number, body: ProblemBody) {
  const field = body.errors?.[0]?.path.replace(/^(body|query|path)\./, '') ?? null;
  const slug = body.type?.split('/').pop() ?? null;
  const code =
    status === 401
      ? 'invalid_api_key'
      : field === 'model' || (status === 404 && field === null)
        ? 'model_not_found'
        : slug;
  return {
    message: body.detail ?? 'Error',
    type: types[status] ?? (status >= 500 ? 'server_error' : 'invalid_request_error'),
    param: field,
    code,
  };
}

/**
 * On the OpenAI-shaped routes every problem+json answer also carries `error: { message, type, param, code }`,
 * which the OpenAI SDKs and LangChain read to show the message. Registered before the key check so 401s get it.
 */
export const withOpenAiErrors = createMiddleware<AppEnv>(async function openAiErrorShape(c, next) {
  await next();
  if (!c.res.headers.get('content-type')?.startsWith('application/problem+json')) return;
  const body = (await c.res.clone().json()) as ProblemBody & Record<string, unknown>;
  const status = c.res.status;
  const headers = new Headers(c.res.headers);
  headers.delete('content-length');
  c.res = new Response(JSON.stringify({ ...body, error: openAiErrorOf(status, body) }), { status, headers });
});

const problemWithError = problemSchema.extend({ error: openAiError }).meta({ id: 'OpenAiProblem' });
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemWithError } },
});

/** The error answers of these routes, documented with the `error` object. */
export const openAiErrorResponses = {
  400: problem('Invalid input; `errors` names each failing field and `error.param` the first.'),
  401: problem('Missing, unknown or revoked API key.'),
  403: problem("The key's role may not do this."),
  404: problem('No such model.'),
  413: problem('Body larger than the configured limit.'),
  500: problem('Unexpected error; the body never carries internal details.'),
} as const;
