import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';

/**
 * Rounds of "write, SIGKILL at a random moment, open again" on one PGlite directory, run by
 * test/faults/pglite-kill.test.ts (a few rounds) and bench/pglite-kill.ts (many). Each round starts
 * test/faults/pglite-kill-writer.ts, which first opens the directory and checks every earlier round against the
 * ledger (so round r's start is round r−1's "does it open, is everything committed there, nothing half-written");
 * a last start only checks.
 */

export interface RoundResult {
  round: number;
  /** Transactions whose commit was printed before the kill. */
  committed: number;
  /** Milliseconds between the first commit and the kill. */
  killedAfterMs: number;
}

export interface Verdict {
  problems: string[];
  batches: number;
  graduates: number;
}

export interface KillRun {
  rounds: RoundResult[];
  /** The check each start made of what the rounds before it left (the last one after the last kill). */
  verdicts: Verdict[];
  /** Set when a start failed to open or check the directory; the output of that start. */
  failedToOpen?: string;
}

interface Writer {
  child: ChildProcess;
  out: () => string;
  exited: Promise<number | null>;
}

function startWriter(dataDir: string, round: number, verifyOnly: boolean): Writer {
  const args = ['test/faults/pglite-kill-writer.ts', dataDir, String(round), ...(verifyOnly ? ['--verify-only'] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, out: () => out, exited };
}

/** Waits for `re` in the writer's output; null if it exits first. */
async function waitFor(w: Writer, re: RegExp): Promise<RegExpMatchArray | null> {
  let done = false;
  void w.exited.then(() => (done = true));
  for (;;) {
    const m = w.out().match(re);
    if (m) return m;
    if (done) return w.out().match(re);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const verdictOf = (w: Writer): Verdict | null => {
  const m = w.out().match(/^verified (.*)$/m);
  return m?.[1] ? (JSON.parse(m[1]) as Verdict) : null;
};

/**
 * `rounds` kills, each `minMs`..`maxMs` (uniform, from `random`) after the round's first commit, then one start
 * that only checks. Stops at the first start that cannot open or check the directory.
 */
export async function killRounds(options: {
  dataDir: string;
  rounds: number;
  minMs: number;
  maxMs: number;
  random?: () => number;
  onRound?: (r: RoundResult, v: Verdict) => void;
}): Promise<KillRun> {
  const random = options.random ?? Math.random;
  const ledger: { round: number; committed: number[] }[] = [];
  const run: KillRun = { rounds: [], verdicts: [] };
  for (let round = 0; round <= options.rounds; round++) {
    const last = round === options.rounds;
    const w = startWriter(options.dataDir, round, last);
    const ready = await waitFor(w, last ? /^verified / : /^committed 0$/m);
    const verdict = verdictOf(w);
    if (!ready || !verdict) {
      if (w.child.exitCode === null) w.child.kill('SIGKILL');
      run.failedToOpen = w.out().slice(-3_000);
      return run;
    }
    run.verdicts.push(verdict);
    if (last) {
      await w.exited;
      break;
    }
    const started = performance.now();
    const delay = options.minMs + random() * (options.maxMs - options.minMs);
    await new Promise((r) => setTimeout(r, delay));
    w.child.kill('SIGKILL');
    await w.exited;
    const committed = [...w.out().matchAll(/^committed (\d+)$/gm)].map((m) => Number(m[1]));
    ledger.push({ round, committed });
    writeFileSync(`${options.dataDir}/ledger.json`, JSON.stringify(ledger));
    const result = { round, committed: committed.length, killedAfterMs: Math.round(performance.now() - started) };
    run.rounds.push(result);
    options.onRound?.(result, verdict);
  }
  return run;
}
