import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { LoadProbe } from '../http/middleware/shed-load.ts';

/**
 * The event loop's lag, sampled by perf_hooks: every `windowMs` the largest delay of the window just ended is
 * read and the histogram reset; while that figure is over `maxDelayMs` the process is busy. A loop blocked for
 * seconds (a long synchronous step: on PGlite every statement runs on this thread) then sheds the requests
 * that queued meanwhile instead of answering them all late. `maxDelayMs` 0: never busy.
 */
export function eventLoopProbe(maxDelayMs: number, windowMs = 500): LoadProbe & { stop(): void } {
  if (maxDelayMs <= 0) return { busy: () => null, stop: () => {} };
  const histogram = monitorEventLoopDelay({ resolution: 20 });
  histogram.enable();
  let lagMs = 0;
  let tick = performance.now();
  const timer = setInterval(() => {
    // This timer's own lateness too: after a block it may run before the histogram has recorded the block.
    const now = performance.now();
    lagMs = Math.max(histogram.max / 1e6, now - tick - windowMs);
    tick = now;
    histogram.reset();
  }, windowMs);
  timer.unref();
  return {
    busy: () => (lagMs > maxDelayMs ? `the event loop lagged ${Math.round(lagMs)} ms` : null),
    stop: () => {
      clearInterval(timer);
      histogram.disable();
    },
  };
}
