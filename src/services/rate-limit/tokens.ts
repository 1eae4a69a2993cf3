import type { RateLimiter } from './port.ts';
import { tooManyRequests } from './port.ts';
import type { RateLimitSettings } from './classes.ts';

/** Every limit the API applies, and the limiter that counts them. */
export interface TokenRateLimits {
  limiter: RateLimiter;
  /** Requests a window one app may make, across all its graduates (issue 22). */
  perApp: number;
  /** Requests a window made for one graduate, across apps. */
  perGraduate: number;
  /** The window of perApp and perGraduate, in seconds (default 60). */
  windowSeconds?: number;
  /** Per-class limits by key and by address, and failed-authentication throttling; absent: not applied. */
  classes?: RateLimitSettings;
}

/** Throws a 429 when the app or the graduate is over its limit. */
export async function checkTokenRate(
  limits: TokenRateLimits,
  who: { keyId: string; graduateId: string | null },
): Promise<void> {
  const windowSeconds = limits.windowSeconds ?? 60;
  const app = await limits.limiter.hit(`app:${who.keyId}`, { limit: limits.perApp, windowSeconds });
  const grad = who.graduateId
    ? await limits.limiter.hit(`graduate:${who.graduateId}`, { limit: limits.perGraduate, windowSeconds })
    : 0;
  const wait = Math.max(app, grad);
  if (wait > 0) {
    const which =
      app > 0
        ? `for this app (${limits.perApp} in ${windowSeconds} s)`
        : `for this graduate (${limits.perGraduate} in ${windowSeconds} s)`;
    throw tooManyRequests(which, wait, { limit: app > 0 ? 'app' : 'graduate' });
  }
}
