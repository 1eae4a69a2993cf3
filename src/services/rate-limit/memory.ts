import { waitMs, type WindowCounts } from '../../domain/rate-limit.ts';
import type { Clock } from '../context.ts';
import type { RateLimiter, RateRule } from './port.ts';

interface Slot {
  index: number;
  current: number;
  previous: number;
}

/**
 * In-process sliding windows: right for one process (the embedded default, tests, a Worker isolate);
 * with several instances each counts only its own requests, so use the Redis limiter there.
 * At most `maxKeys` keys are held; past that the oldest are dropped (they would only be let in sooner).
 */
export function memoryRateLimiter(clock: Clock, maxKeys = 100_000): RateLimiter {
  const slots = new Map<string, Slot>();
  const counts = (key: string, rule: RateRule): { slot: Slot; w: WindowCounts; windowMs: number } => {
    const windowMs = rule.windowSeconds * 1000;
    const now = clock.now().getTime();
    const index = Math.floor(now / windowMs);
    let slot = slots.get(key);
    if (!slot) {
      if (slots.size >= maxKeys) {
        const oldest = slots.keys().next();
        if (!oldest.done) slots.delete(oldest.value);
      }
      slot = { index, current: 0, previous: 0 };
      slots.set(key, slot);
    } else if (slot.index !== index) {
      slot.previous = slot.index === index - 1 ? slot.current : 0;
      slot.current = 0;
      slot.index = index;
    }
    return { slot, w: { previous: slot.previous, current: slot.current, elapsed: now - index * windowMs }, windowMs };
  };
  return {
    async hit(key, rule) {
      const { slot, w, windowMs } = counts(key, rule);
      const wait = waitMs(w, windowMs, rule.limit);
      if (wait === 0) slot.current += 1;
      return Math.ceil(wait / 1000);
    },
    async peek(key, rule) {
      const { w, windowMs } = counts(key, rule);
      return Math.ceil(waitMs(w, windowMs, rule.limit) / 1000);
    },
    async record(key, rule) {
      counts(key, rule).slot.current += 1;
    },
    describe: () => 'memory',
  };
}
