/**
 * JSON POST with a bounded retry policy and a per-attempt timeout, written against the global `fetch`
 * and `AbortSignal.timeout` so it runs unchanged on Node and on Cloudflare Workers.
 */

/** An HTTP failure. The message names the endpoint and status, never credentials. */
export class EmbedderHttpError extends Error {
  readonly endpoint: string;
  /** HTTP status, or undefined for a network failure or a timeout. */
  readonly status: number | undefined;
  readonly retryable: boolean;
  readonly attempts: number;
  constructor(endpoint: string, status: number | undefined, retryable: boolean, attempts: number, detail: string) {
    super(`POST ${endpoint} ${detail}${attempts > 1 ? ` (after ${attempts} attempts)` : ''}`);
    this.name = 'EmbedderHttpError';
    this.endpoint = endpoint;
    this.status = status;
    this.retryable = retryable;
    this.attempts = attempts;
  }
}

export interface RetryPolicy {
  /** Retries after the first attempt (so at most maxRetries + 1 requests). */
  readonly maxRetries: number;
  /**
   * Delay before retry n (0-based) is min(maxDelayMs, baseDelayMs · 2ⁿ), or Retry-After when the server sends one
   * (capped the same).
   */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly timeoutMs: number;
}

export interface PostJsonDeps {
  readonly fetch: typeof fetch;
  readonly sleep: (ms: number) => Promise<void>;
}

export const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** 408 and 429 are "try again later"; every 5xx may be transient (a loading model, a restarting pod). */
function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** Removes user:password from a URL so it can appear in messages and logs. */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return '<invalid url>';
  }
}

function retryAfterMs(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function snippet(text: string, secrets: readonly string[]): string {
  let s = text.replace(/\s+/g, ' ').trim().slice(0, 200);
  for (const secret of secrets) if (secret !== '') s = s.split(secret).join('[redacted]');
  return s === '' ? '' : `: ${s}`;
}

/**
 * POSTs `body` as JSON and returns the parsed JSON answer. Retries 408/429/5xx, network errors and
 * timeouts up to `policy.maxRetries` times; any other 4xx fails at once (retrying a 401 cannot help).
 * `secrets` are scrubbed from any response text quoted in an error (some servers echo the key back).
 */
export async function postJson(
  url: string,
  headers: Record<string, string>,
  body: unknown,
  policy: RetryPolicy,
  deps: PostJsonDeps,
  secrets: readonly string[] = [],
): Promise<unknown> {
  const endpoint = displayUrl(url);
  const payload = JSON.stringify(body);
  for (let attempt = 0; ; attempt++) {
    const attempts = attempt + 1;
    const canRetry = attempt < policy.maxRetries;
    let wait = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
    let failure: EmbedderHttpError;
    try {
      const res = await deps.fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: payload,
        signal: AbortSignal.timeout(policy.timeoutMs),
      });
      if (res.ok) {
        const text = await res.text();
        try {
          return JSON.parse(text) as unknown;
        } catch {
          throw new EmbedderHttpError(
            endpoint,
            res.status,
            false,
            attempts,
            `answered ${res.status} with a body that is not JSON${snippet(text, secrets)}`,
          );
        }
      }
      const retryable = isRetryableStatus(res.status);
      const text = await res.text().catch(() => '');
      failure = new EmbedderHttpError(
        endpoint,
        res.status,
        retryable,
        attempts,
        `answered ${res.status} ${res.statusText}${snippet(text, secrets)}`.replace(/ +:/, ':'),
      );
      const hinted = retryAfterMs(res.headers.get('retry-after'));
      if (hinted !== undefined) wait = Math.min(policy.maxDelayMs, hinted);
    } catch (error) {
      if (error instanceof EmbedderHttpError) throw error;
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      const detail = timedOut
        ? `timed out after ${policy.timeoutMs} ms`
        : `failed${snippet(error instanceof Error ? error.message : String(error), secrets)}`;
      failure = new EmbedderHttpError(endpoint, undefined, true, attempts, detail);
    }
    if (!failure.retryable || !canRetry) throw failure;
    await deps.sleep(wait);
  }
}
