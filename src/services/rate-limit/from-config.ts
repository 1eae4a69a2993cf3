import type { Config } from '../../config.ts';
import type { TokenRateLimits } from './tokens.ts';
import type { RateLimiter } from './port.ts';

/** Every limit of the API as the configuration sets it (README, "Rate limits"). */
export function rateLimitsFromConfig(config: Config, limiter: RateLimiter): TokenRateLimits {
  const windowSeconds = config.RATE_LIMIT_WINDOW_SECONDS;
  return {
    limiter,
    perApp: config.RATE_LIMIT_PER_APP,
    perGraduate: config.RATE_LIMIT_PER_GRADUATE,
    windowSeconds,
    classes: {
      windowSeconds,
      classes: {
        search: config.RATE_LIMIT_SEARCH,
        write: config.RATE_LIMIT_WRITE,
        audit: config.RATE_LIMIT_AUDIT,
        login: config.RATE_LIMIT_LOGIN,
        read: config.RATE_LIMIT_READ,
      },
      authFailures: { limit: config.AUTH_FAILURES_PER_ADDRESS, windowSeconds: config.AUTH_FAILURE_WINDOW_SECONDS },
    },
  };
}

/**
 * The client's address: the socket's peer, or with `hops` trusted proxies in front, the X-Forwarded-For
 * entry that many places from the right (the one the outermost trusted proxy saw). Entries further left
 * are set by the client and never trusted.
 */
export function clientAddressFrom(peer: string | undefined, forwardedFor: string | undefined, hops: number): string {
  if (hops > 0 && forwardedFor) {
    const chain = forwardedFor
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const entry = chain[chain.length - hops];
    if (entry) return entry;
  }
  return peer ?? 'unknown';
}
