import { describe, expect, it } from 'vitest';
import { allows, estimate, waitMs } from '../../src/domain/rate-limit.ts';
import { memoryRateLimiter } from '../../src/services/rate-limit/memory.ts';

describe('sliding-window rate limit', () => {
  it('weighs the previous window by the part of it still inside the sliding window', () => {
    expect(estimate({ previous: 10, current: 2, elapsed: 15_000 }, 60_000)).toBe(9.5);
    expect(allows({ previous: 10, current: 2, elapsed: 15_000 }, 60_000, 10)).toBe(false);
    expect(allows({ previous: 10, current: 2, elapsed: 30_000 }, 60_000, 10)).toBe(true);
  });

  it('waits until the estimate leaves room for one more request, in this window or the next', () => {
    // 10 from the previous window, 2 now, limit 10: room when 10·(60 − t)/60 + 2 + 1 ≤ 10, i.e. t ≥ 18 s.
    expect(waitMs({ previous: 10, current: 2, elapsed: 15_000 }, 60_000, 10)).toBe(3_000);
    // The window itself is full: next window, where 10·(60 − s)/60 + 1 ≤ 10 from s = 6 s on.
    expect(waitMs({ previous: 0, current: 10, elapsed: 40_000 }, 60_000, 10)).toBe(26_000);
    expect(waitMs({ previous: 0, current: 1, elapsed: 0 }, 60_000, 1)).toBe(120_000);
    expect(waitMs({ previous: 3, current: 0, elapsed: 0 }, 60_000, 10)).toBe(0);
  });

  it('memory limiter: refuses past the limit, does not count refusals, and lets in again as time passes', async () => {
    let now = Date.UTC(2026, 11, 6, 9, 0, 0);
    const limiter = memoryRateLimiter({ now: () => new Date(now) });
    const rule = { limit: 3, windowSeconds: 60 };
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) waits.push(await limiter.hit('k', rule));
    expect(waits.slice(0, 3)).toEqual([0, 0, 0]);
    expect(waits[3]).toBeGreaterThan(0);
    expect(await limiter.peek('k', rule)).toBe(waits[4]);
    expect(await limiter.hit('other', rule)).toBe(0);
    now += 60_000 + 40_000; // next window, 40 s in: 3 × 20/60 = 1 remains, so one more fits
    expect(await limiter.hit('k', rule)).toBe(0);
    expect(await limiter.hit('k', rule)).toBe(0);
    expect(await limiter.hit('k', rule)).toBeGreaterThan(0);
  });

  it('record counts whatever the rate, so peek refuses once failures pass the limit', async () => {
    const limiter = memoryRateLimiter({ now: () => new Date(0) });
    const rule = { limit: 2, windowSeconds: 600 };
    await limiter.record('f', rule);
    expect(await limiter.peek('f', rule)).toBe(0);
    await limiter.record('f', rule);
    expect(await limiter.peek('f', rule)).toBeGreaterThan(0);
  });
});
