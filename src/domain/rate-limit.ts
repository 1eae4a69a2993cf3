/**
 * Sliding-window counter (the approximation Cloudflare and Upstash use): requests are counted in fixed
 * windows of `windowMs`, and the rate at time t is estimated as
 *   estimate = previous × (windowMs − elapsed) / windowMs + current
 * where `elapsed` is the time since the current window began. A request is allowed when estimate + 1 ≤
 * limit; refused requests are not counted, so a client that keeps knocking is let in as soon as its rate
 * falls below the limit. Both the memory and the Redis limiter decide with these functions.
 */
export interface WindowCounts {
  previous: number;
  current: number;
  /** Milliseconds since the current window began (0 ≤ elapsed < windowMs). */
  elapsed: number;
}

export const estimate = (w: WindowCounts, windowMs: number): number =>
  (w.previous * (windowMs - w.elapsed)) / windowMs + w.current;

export const allows = (w: WindowCounts, windowMs: number, limit: number): boolean => estimate(w, windowMs) + 1 <= limit;

/** Milliseconds until one more request would be allowed (0 when it is allowed now). */
export function waitMs(w: WindowCounts, windowMs: number, limit: number): number {
  if (allows(w, windowMs, limit)) return 0;
  if (w.current + 1 <= limit && w.previous > 0) {
    // Still in this window: the previous window's weight decays by previous/windowMs each millisecond.
    const at = windowMs - ((limit - 1 - w.current) * windowMs) / w.previous;
    return Math.max(1, Math.ceil(at - w.elapsed));
  }
  // Only in the next window, where this window's count becomes the decaying one.
  const into = limit <= 1 ? windowMs : Math.max(0, windowMs * (1 - (limit - 1) / Math.max(w.current, 1)));
  return Math.max(1, Math.ceil(windowMs - w.elapsed + into));
}
