import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killRounds } from './pglite-kill-rounds.ts';

/*
 * The embedded database after kill -9 during writes: each round SIGKILLs the writing process at a random moment
 * of a burst of transactions (graduates with out-of-line summaries, updates, an audit run and its outbox row,
 * checkpoints); the next start must open the directory (taking over the stale lock), find every transaction
 * whose commit returned, and no transaction in part. Many rounds: npm run bench:pglite-kill -- --rounds 30.
 */
describe('PGlite killed with SIGKILL during writes', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bole-pglite-kill-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(
    'opens again after every kill with every committed transaction whole and nothing half-written',
    { timeout: 300_000 },
    async () => {
      const run = await killRounds({ dataDir, rounds: 3, minMs: 50, maxMs: 1_500 });
      expect(run.failedToOpen).toBeUndefined();
      expect(run.rounds).toHaveLength(3);
      expect(run.verdicts).toHaveLength(4);
      for (const v of run.verdicts) expect(v.problems).toEqual([]);
      // The checks had something to find: every round committed at least its first transaction.
      for (const r of run.rounds) expect(r.committed).toBeGreaterThan(0);
      expect(run.verdicts.at(-1)?.batches).toBeGreaterThanOrEqual(run.rounds.reduce((n, r) => n + r.committed, 0));
    },
  );
});
