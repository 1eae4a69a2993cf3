// The expression parser alone: the package index also pulls in its file parser, which needs node:fs (not in the Worker
// bundle).
import { CronExpressionParser } from 'cron-parser/dist/CronExpressionParser.js';
import { invalid } from '../../domain/errors.ts';

/**
 * Cron reading shared by validation, the scheduled-audit job and the catch-up check. It uses cron-parser,
 * the parser BullMQ's job schedulers use (a dependency of bullmq), so a pattern accepted here is one the
 * scheduler runs, with the same fields: 5 (minute first) or 6 (second first), or an @alias (@daily).
 */
const FIELDS = new Set([5, 6]);

/** Throws a 400 naming `path` unless `cron` is a pattern the scheduler can run in `timezone`. */
export function assertCron(cron: string, timezone: string, path = 'body.cron'): void {
  const fields = cron.trim().split(/\s+/).length;
  if (!cron.trim().startsWith('@') && !FIELDS.has(fields)) {
    throw invalid(
      path,
      `a cron expression has 5 fields (minute hour day-of-month month day-of-week) or 6 (seconds first); got ${fields}`,
    );
  }
  try {
    CronExpressionParser.parse(cron, { tz: timezone, currentDate: new Date() }).next();
  } catch (error) {
    throw invalid(path, `not a valid cron expression: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The latest tick at or before `at` (a tick exactly at `at` counts), or null if the pattern has none. */
export function previousTick(cron: string, timezone: string, at: Date): Date | null {
  try {
    return CronExpressionParser.parse(cron, { tz: timezone, currentDate: new Date(at.getTime() + 1) })
      .prev()
      .toDate();
  } catch {
    return null;
  }
}

/** The first tick strictly after `at`, or null. */
export function nextTick(cron: string, timezone: string, at: Date): Date | null {
  try {
    return CronExpressionParser.parse(cron, { tz: timezone, currentDate: at }).next().toDate();
  } catch {
    return null;
  }
}
