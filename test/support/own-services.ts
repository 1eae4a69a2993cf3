import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A Redis and a PostgreSQL server of a test's own, on free ports in temporary directories, for fault tests
 * that stop, kill and restart them (the shared servers on 6379 and 5432 are never touched).
 */

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export async function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitFor(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not come up within ${ms} ms`);
}

export interface OwnRedis {
  readonly url: string;
  readonly port: number;
  /** Stops it (SIGKILL: nothing saved, so it comes back empty, as a Redis without persistence does). */
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** redis-server on a free port without persistence (a restart comes back empty). */
export async function ownRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no', '--bind', '127.0.0.1'], {
      stdio: 'ignore',
    });
    await waitFor(() => portAnswers(port), 10_000, `redis-server on ${port}`);
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    async stop() {
      const c = child;
      if (!c || c.exitCode !== null) return;
      const exited = new Promise((r) => c.once('exit', r));
      c.kill('SIGKILL');
      await exited;
    },
  };
}

const PG_BIN = '/usr/lib/postgresql/15/bin';

export interface OwnPostgres {
  /** Admin URL of the `postgres` database. */
  readonly adminUrl: string;
  readonly port: number;
  urlOf(database: string): string;
  /** pg_ctl restart -m fast: every session is cut, then the server comes back on the same port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and removes its directory. */
  destroy(): Promise<void>;
}

/** A PostgreSQL 15 cluster of its own (initdb in a temp dir, trust auth), run as the `postgres` user when root. */
export async function ownPostgres(): Promise<OwnPostgres> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'bole-pg-'));
  const root = process.getuid?.() === 0;
  const asPg = (cmd: string, args: string[]) =>
    root
      ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' })
      : spawnSync(cmd, args, { encoding: 'utf8' });
  if (root) {
    chmodSync(dir, 0o700);
    const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim();
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim();
    chownSync(dir, Number(ids), Number(gid));
  }
  const data = join(dir, 'data');
  const init = asPg(`${PG_BIN}/initdb`, ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const ctl = (action: string, extra: string[] = []) => {
    const r = asPg(`${PG_BIN}/pg_ctl`, [
      action,
      '-D',
      data,
      '-w',
      '-t',
      '60',
      '-l',
      join(dir, 'log'),
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`,
      ...extra,
    ]);
    if (r.status !== 0) throw new Error(`pg_ctl ${action} failed: ${r.stderr}${r.stdout}`);
  };
  ctl('start');
  const urlOf = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    adminUrl: urlOf('postgres'),
    port,
    urlOf,
    async restart() {
      ctl('restart', ['-m', 'fast']);
    },
    async stop() {
      ctl('stop', ['-m', 'fast']);
    },
    async start() {
      ctl('start');
    },
    async destroy() {
      try {
        ctl('stop', ['-m', 'immediate']);
      } catch {
        /* already stopped */
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
