import { describe, expect, it } from 'vitest';
import { watchLoopBlocks } from '../../../src/entry/loop-blocks.ts';
import type { Logger } from '../../../src/logger.ts';

function capture(): Logger & { lines: { event: string; fields: Record<string, unknown> }[] } {
  const lines: { event: string; fields: Record<string, unknown> }[] = [];
  const push = (event: string, fields: Record<string, unknown> = {}) => lines.push({ event, fields });
  return { lines, info: push, warn: push, error: push };
}

const holdLoop = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};
const nextTicks = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('watchLoopBlocks', () => {
  it('logs a held event loop with the statements that ran meanwhile, costliest first, literals elided', async () => {
    const logger = capture();
    const watch = watchLoopBlocks(logger, 100, 10);
    try {
      await nextTicks(30);
      watch.statement("select * from impressions where tenant_id = 'abc' limit 20", 30);
      watch.statement("select * from impressions where tenant_id = 'xyz' limit 50", 40);
      watch.statement('select 1', 5);
      holdLoop(300);
      await nextTicks(50);
    } finally {
      watch.stop();
    }
    // A loaded machine may delay a tick past the bound too: the block that held the statements is the one.
    const blocked = logger.lines.filter((l) => l.event === 'event_loop_blocked' && l.fields.statementsMs !== 0);
    expect(blocked).toHaveLength(1);
    expect(blocked[0]?.fields.lagMs).toBeGreaterThan(100);
    expect(blocked[0]?.fields).toMatchObject({
      statementsMs: 75,
      statements: [
        { sql: "select * from impressions where tenant_id = '…' limit N", count: 2, ms: 70 },
        { sql: 'select N', count: 1, ms: 5 },
      ],
    });
  });

  it('logs a statement over the bound by itself, and nothing at all when off', async () => {
    const logger = capture();
    const watch = watchLoopBlocks(logger, 100, 10);
    watch.statement('select pg_sleep(1)', 150);
    watch.stop();
    expect(logger.lines).toEqual([{ event: 'slow_statement', fields: { sql: 'select pg_sleep(N)', ms: 150 } }]);

    const quiet = capture();
    const off = watchLoopBlocks(quiet, 0);
    off.statement('select 1', 5_000);
    holdLoop(50);
    await nextTicks(20);
    off.stop();
    expect(quiet.lines).toEqual([]);
  });
});
