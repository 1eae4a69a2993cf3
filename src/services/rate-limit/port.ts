import { DomainError } from '../../domain/errors.ts';

/** How many requests `limit` one subject may make in a sliding window of `windowSeconds`. */
export interface RateRule {
  limit: number;
  windowSeconds: number;
}

/**
 * Counts requests per key (sliding window, src/domain/rate-limit.ts). One port, used by every limit:
 * per key and per address by route class, failed sign-ins and keys, per app and per graduate, sign-ups.
 * Adapters: memory (one process) and Redis (shared by every instance of a deployment).
 */
export interface RateLimiter {
  /** Counts one request for `key` unless it is over `rule`; resolves to the seconds to wait (0: allowed). */
  hit(key: string, rule: RateRule): Promise<number>;
  /** The seconds `key` would have to wait, without counting anything (0: a request would be allowed). */
  peek(key: string, rule: RateRule): Promise<number>;
  /** Counts one event for `key` whatever its rate (failed authentications), so `peek` sees it. */
  record(key: string, rule: RateRule): Promise<void>;
  /** Which store counts: "memory", "redis", or "redis (memory while Redis is unreachable)". */
  describe(): string;
}

/** The 429 every limit throws: problem+json with Retry-After, naming what was limited. */
export function tooManyRequests(what: string, waitSeconds: number, extra: Record<string, unknown> = {}): DomainError {
  return new DomainError('rate_limited', `Too many requests ${what}; retry after ${waitSeconds} s.`, {
    extra: { retryAfter: waitSeconds, ...extra },
  });
}
