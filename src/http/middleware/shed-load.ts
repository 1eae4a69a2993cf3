import { createMiddleware } from 'hono/factory';
import { DomainError } from '../../domain/errors.ts';
import type { AppEnv } from '../env.ts';

/** What a process tells the app about its own load (the entry measures it; the app stays runtime-neutral). */
export interface LoadProbe {
  /** Why the process should turn work away now (its event loop lags), or null. */
  busy(): string | null;
}

export interface ShedOptions {
  /** Requests answered at once; one more gets 503 straight away (0: no cap). */
  maxInFlight: number;
  probe?: LoadProbe | undefined;
}

// Probes and scrapes are never shed: a load balancer must see the process, and an operator its metrics.
const EXEMPT = new Set(['/health', '/ready', '/metrics']);

/**
 * Load shedding, as @fastify/under-pressure does it: while the event loop lags past its bound, or more than
 * `maxInFlight` requests are in the process, a new request is answered at once with 503 problem+json and
 * Retry-After instead of joining a queue whose every member would wait (and then time out). Cheap to answer,
 * so the process catches up; the client is told when to come back.
 */
export const shedLoad = (options: ShedOptions) => {
  let inFlight = 0;
  return createMiddleware<AppEnv>(async function shedLoad(c, next) {
    if (EXEMPT.has(c.req.path)) return next();
    const busy = options.probe?.busy() ?? null;
    const full = options.maxInFlight > 0 && inFlight >= options.maxInFlight;
    if (busy !== null || full)
      throw new DomainError('unavailable', 'The service is overloaded; retry shortly.', {
        extra: { retryAfter: 1, reason: busy ?? `more than ${options.maxInFlight} requests in flight` },
      });
    inFlight++;
    try {
      await next();
    } finally {
      inFlight--;
    }
  });
};
