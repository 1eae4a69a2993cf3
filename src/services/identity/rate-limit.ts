import { DomainError } from '../../domain/errors.ts';
import type { Clock } from '../context.ts';

/** Counts requests per key in fixed one-minute windows; a port, so a shared store can replace it. */
export interface RateLimiter {
  /** Counts one request; returns the seconds to wait when `key` is over `perMinute`, else 0. */
  hit(key: string, perMinute: number): number;
}

/**
 * In-process fixed windows: right for one Node process; with several instances each counts its own
 * requests, so the effective limit is the limit times the instances.
 */
export function memoryRateLimiter(clock: Clock, maxKeys = 100_000): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    hit(key, perMinute) {
      const now = clock.now().getTime();
      const start = now - (now % 60_000);
      let w = windows.get(key);
      if (!w || w.start !== start) {
        if (windows.size >= maxKeys) windows.clear(); // a new minute starts everyone afresh anyway
        w = { start, count: 0 };
        windows.set(key, w);
      }
      w.count += 1;
      return w.count > perMinute ? Math.ceil((start + 60_000 - now) / 1000) : 0;
    },
  };
}

export interface TokenRateLimits {
  limiter: RateLimiter;
  /** Requests a minute one app may make, across all its graduates. */
  perApp: number;
  /** Requests a minute made for one graduate, across apps. */
  perGraduate: number;
}

/** Throws a 429 when the app or the graduate is over its limit. */
export function checkTokenRate(limits: TokenRateLimits, who: { keyId: string; graduateId: string | null }): void {
  const app = limits.limiter.hit(`app:${who.keyId}`, limits.perApp);
  const grad = who.graduateId ? limits.limiter.hit(`graduate:${who.graduateId}`, limits.perGraduate) : 0;
  const wait = Math.max(app, grad);
  if (wait > 0) {
    const which = app > 0 ? `this app (${limits.perApp} a minute)` : `this graduate (${limits.perGraduate} a minute)`;
    throw new DomainError('rate_limited', `Too many requests for ${which}; retry after ${wait} s.`, {
      extra: { retryAfter: wait },
    });
  }
}
