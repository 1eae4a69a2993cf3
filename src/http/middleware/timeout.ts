import { createMiddleware } from 'hono/factory';
import { DomainError } from '../../domain/errors.ts';
import type { AppEnv } from '../env.ts';

/**
 * A request still unanswered after `ms` gets 503 problem+json with Retry-After instead of holding the
 * client (and its connection) open: a slow database or a stuck dependency shows as an answer. The work
 * itself is not cancelled (a use-case runs to the end of its transaction); only the wait is bounded.
 * Imports are exempt: a 50 MB upload legitimately takes longer than any request.
 */
export const requestTimeout = (ms: number) =>
  createMiddleware<AppEnv>(async function requestTimeout(c, next) {
    if (c.req.method === 'POST' && c.req.path.startsWith('/v1/imports/')) return next();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const seconds = Math.round(ms / 100) / 10;
        reject(
          new DomainError('unavailable', `The request took longer than ${seconds} s and was abandoned; retry later.`, {
            extra: { retryAfter: 5, timeoutSeconds: seconds },
          }),
        );
      }, ms);
    });
    try {
      await Promise.race([next(), expired]);
    } finally {
      clearTimeout(timer);
    }
  });
