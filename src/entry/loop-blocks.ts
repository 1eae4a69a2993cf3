import type { Logger } from '../logger.ts';

/** What one statement cost, as the database adapter reports it (PGlite runs each on this thread). */
export type StatementObserver = (sql: string, ms: number) => void;

interface Spent {
  ms: number;
  count: number;
}

/** A statement's text as a stable label: whitespace folded, literal lists and numbers elided, cut at 100 chars. */
const labelOf = (sql: string) =>
  sql
    .replace(/\s+/g, ' ')
    .replace(/'[^']*'/g, "'…'")
    .replace(/\b\d+\b/g, 'N')
    .trim()
    .slice(0, 100);

/**
 * Finds what holds the event loop: a timer that should fire every `tickMs` notices when it fired late by more
 * than `thresholdMs` and logs `event_loop_blocked` with the lag and the statements that ran meanwhile (their total
 * time and the three costliest, by text), so the remainder is JavaScript of the handlers and jobs. A single
 * statement over the threshold is logged as `slow_statement` too. `thresholdMs` 0: off (no timer, no records).
 */
export function watchLoopBlocks(
  logger: Logger,
  thresholdMs: number,
  tickMs = 50,
): { statement: StatementObserver; stop(): void } {
  if (thresholdMs <= 0) return { statement: () => {}, stop: () => {} };
  let spent = new Map<string, Spent>();
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    const lagMs = now - last - tickMs;
    last = now;
    const statements = spent;
    spent = new Map();
    if (lagMs <= thresholdMs) return;
    const top = [...statements].sort((a, b) => b[1].ms - a[1].ms);
    logger.warn('event_loop_blocked', {
      lagMs: Math.round(lagMs),
      statementsMs: Math.round(top.reduce((sum, [, s]) => sum + s.ms, 0)),
      statements: top.slice(0, 3).map(([sql, s]) => ({ sql, count: s.count, ms: Math.round(s.ms) })),
    });
  }, tickMs);
  timer.unref();
  return {
    statement(sql, ms) {
      const label = labelOf(sql);
      const s = spent.get(label);
      if (s) {
        s.ms += ms;
        s.count++;
      } else spent.set(label, { ms, count: 1 });
      if (ms > thresholdMs) logger.warn('slow_statement', { sql: label, ms: Math.round(ms) });
    },
    stop: () => clearInterval(timer),
  };
}
