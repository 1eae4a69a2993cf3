/**
 * npm run bench:pglite-kill -- [--rounds=30] [--min-ms=50] [--max-ms=1500] [--dir=/tmp/…]
 * Many rounds of test/faults/pglite-kill.test.ts: a process writing to an embedded (PGlite) database is killed
 * with SIGKILL at a random moment of a write burst, and the next start must open the directory, hold every
 * transaction whose commit returned and none in part. Prints each round and a summary; exits 1 on a problem.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { killRounds } from '../test/faults/pglite-kill-rounds.ts';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '30' },
    'min-ms': { type: 'string', default: '50' },
    'max-ms': { type: 'string', default: '1500' },
    dir: { type: 'string' },
  },
});
const rounds = Number(values.rounds);
const dataDir = values.dir ?? mkdtempSync(join(tmpdir(), 'bole-pglite-kill-'));
const started = performance.now();
let last = started;
const run = await killRounds({
  dataDir,
  rounds,
  minMs: Number(values['min-ms']),
  maxMs: Number(values['max-ms']),
  onRound: (r, v) => {
    const now = performance.now();
    const took = ((now - last) / 1000).toFixed(1);
    console.log(
      `round ${r.round + 1}/${rounds}: opened with ${v.batches} whole transactions and ${v.problems.length} ` +
        `problems; then ${r.committed} committed, killed ${r.killedAfterMs} ms after the first (${took} s)`,
    );
    last = now;
  },
});
const problems = run.verdicts.flatMap((v) => v.problems);
const committed = run.rounds.reduce((n, r) => n + r.committed, 0);
const final = run.verdicts.at(-1);
console.log(
  JSON.stringify(
    {
      rounds: run.rounds.length,
      opens: run.verdicts.length,
      failedToOpen: run.failedToOpen ?? null,
      committedTransactions: committed,
      transactionsFoundAtTheEnd: final?.batches ?? null,
      problems: problems.slice(0, 20),
      problemCount: problems.length,
      killedAfterMs: {
        min: Math.min(...run.rounds.map((r) => r.killedAfterMs)),
        max: Math.max(...run.rounds.map((r) => r.killedAfterMs)),
      },
      seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
      secondsPerRound: Number(((performance.now() - started) / 1000 / Math.max(1, run.rounds.length + 1)).toFixed(1)),
    },
    null,
    2,
  ),
);
if (!values.dir) rmSync(dataDir, { recursive: true, force: true });
process.exitCode = run.failedToOpen || problems.length > 0 ? 1 : 0;
