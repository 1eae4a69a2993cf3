import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, ownRedis, portAnswers, type OwnRedis } from '../support/own-services.ts';

/** Every live process in a process group (Linux /proc): what a signal to the group's leader left behind. */
function processesInGroup(pgid: number): string[] {
  const left: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid pgrp …: comm may hold spaces, so split after its closing parenthesis.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid && fields[0] !== 'Z')
        left.push(`${entry}: ${readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ')}`);
    } catch {
      /* exited meanwhile */
    }
  }
  return left;
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs an npm script in its own process group (as a supervisor would), collecting its output. */
function npm(args: string[], env: Record<string, string>): Started {
  const child = spawn('npm', args, {
    cwd: process.cwd(),
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function until(check: () => boolean, ms: number, what: string, output: () => string): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not happen within ${ms} ms; output:\n${output()}`);
}

/*
 * What a process supervisor does: signal the process it started (npm) and expect everything under it to
 * be gone. The npm scripts exec node, so npm's forwarded signal reaches the server itself.
 */
describe('shutdown on SIGTERM and SIGINT', () => {
  let redis: OwnRedis;
  let dataDir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    redis = await ownRedis();
    dataDir = mkdtempSync(join(tmpdir(), 'bole-shutdown-'));
    env = {
      DATA_DIR: dataDir,
      DEMO_DATA: 'off',
      REDIS_URL: redis.url,
      LOG_LEVEL: 'warn',
      SHUTDOWN_GRACE_SECONDS: '10',
      PORT: String(await freePort()),
    };
  });
  afterAll(async () => {
    await redis.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'npm start: SIGTERM to npm drains and exits 0, leaving no process; the CLI refuses the ' + 'held DATA_DIR',
    async () => {
      const server = npm(['start'], env);
      const pgid = server.child.pid ?? 0;
      await until(() => /background workers .* running/.test(server.output()), 150_000, 'start-up', server.output);
      expect(existsSync(join(dataDir, 'bole.lock'))).toBe(true);

      // While the server holds DATA_DIR, a CLI command refuses with a message naming the holder, exit code 1.
      const keys = spawnSync('npm', ['run', 'keys', '--', 'revoke', 'nothing'], {
        cwd: process.cwd(),
        env: { ...process.env, ...env },
        encoding: 'utf8',
      });
      expect(keys.status).toBe(1);
      expect(keys.stderr).toMatch(/DATA_DIR .* is in use by the server \(npm start\)/);

      // Requests in flight when the signal arrives are answered.
      const port = Number(env.PORT);
      const inFlight = Array.from({ length: 8 }, () =>
        fetch(`http://127.0.0.1:${port}/ready`).then(
          (r) => r.status,
          () => 0,
        ),
      );
      // The signal goes once the server is answering them: those it has accepted are answered, never cut off
      // or failed; those it has not accepted yet are refused (it stops accepting first), which is status 0 here.
      await Promise.race(inFlight);
      process.kill(pgid, 'SIGTERM');
      const answered = await Promise.all(inFlight);
      expect(answered.filter((s) => s === 200).length).toBeGreaterThan(0);
      expect(answered.filter((s) => s !== 200 && s !== 0)).toEqual([]);
      expect(await server.exited).toBe(0);
      await until(
        () => processesInGroup(pgid).length === 0,
        10_000,
        'every process gone',
        () => processesInGroup(pgid).join('\n'),
      );
      expect(server.output()).toMatch(/SIGTERM: no new requests/);
      expect(server.output()).toMatch(/\bclosed\b/);
      expect(await portAnswers(port)).toBe(false);
      expect(existsSync(join(dataDir, 'bole.lock'))).toBe(false);
    },
  );

  it('npm run worker: SIGINT drains and exits 0, leaving no process', async () => {
    const worker = npm(['run', 'worker'], env);
    const pgid = worker.child.pid ?? 0;
    await until(() => /Workers running/.test(worker.output()), 90_000, 'worker start-up', worker.output);
    process.kill(pgid, 'SIGINT');
    expect(await worker.exited).toBe(0);
    await until(
      () => processesInGroup(pgid).length === 0,
      10_000,
      'every process gone',
      () => processesInGroup(pgid).join('\n'),
    );
    expect(existsSync(join(dataDir, 'bole.lock'))).toBe(false);
  });
});
