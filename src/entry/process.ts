import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { ConfigError } from '../config.ts';
import { isConnectionLoss } from '../storage/postgres-js-dialect.ts';
import { DataDirBusyError } from './data-dir-lock.ts';
import type { Say } from '../logger.ts';

/** The parent's command line, to tell whether npm started this process (Linux; elsewhere unknown). */
const parentCommand = (): string => {
  try {
    return readFileSync(`/proc/${process.ppid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
};

/**
 * Graceful shutdown for a long-running entry. On SIGTERM or SIGINT (or when the npm process that started it
 * is gone, killed without a chance to pass the signal on) it says so and runs `close(graceMs)`, which stops
 * accepting work and lets work in progress finish within `graceMs`, then exits 0. A second signal, or
 * closing that overruns the deadline by 5 s, exits 1 at once.
 *
 * The npm scripts `exec` node, so the signal npm passes on reaches this process and not a shell that would
 * die without passing it further (which left the server running as an orphan).
 */
export function closeOnSignal(
  say: Say,
  what: string,
  close: (graceMs: number) => Promise<void>,
  graceMs: number,
): void {
  let stopping = false;
  const stop = (reason: string) => {
    if (stopping) {
      say(`${reason} again: exiting now`, 'shutdown_forced');
      process.exit(1);
    }
    stopping = true;
    say(`${reason}: ${what}`, 'shutdown', { reason });
    setTimeout(() => {
      say(`still closing ${graceMs / 1000 + 5} s after ${reason}: exiting`, 'shutdown_overran');
      process.exit(1);
    }, graceMs + 5_000).unref();
    close(graceMs).then(
      () => process.exit(0),
      (error: unknown) => {
        printFatal('shutdown_failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  if (/\bnpm\b|npm-cli/.test(parentCommand())) {
    const parent = process.ppid;
    setInterval(() => {
      if (process.ppid !== parent) stop('the npm process that started this one is gone');
    }, 1_000).unref();
  }
}

/** Settles when `work` does or after `ms`, whichever is first; true when the work finished in time. */
export async function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, ms));
  });
  try {
    return await Promise.race([work.then(() => true as const), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Stops an HTTP server accepting connections and lets requests in flight finish: idle keep-alive sockets
 * are closed at once, the rest when their response is sent, or cut at `ms`. True when all finished in time.
 */
export async function closeHttpServer(server: Server, ms: number): Promise<boolean> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  // A kept-alive socket whose request finishes during the drain turns idle without closing (for
  // KEEP_ALIVE_SECONDS), so idle sockets are closed again as they appear, not only once.
  const sweep = setInterval(() => server.closeIdleConnections(), 50);
  const drained = await within(closed, ms).finally(() => clearInterval(sweep));
  if (!drained) {
    server.closeAllConnections();
    await closed;
  }
  return drained;
}

/**
 * A fatal error as one JSON line on stderr: its message in `msg` (a configuration error's names the
 * variables; a held DATA_DIR's names the holder), and the stack for anything unexpected.
 */
function printFatal(event: string, error: unknown): void {
  const expected = error instanceof ConfigError || error instanceof DataDirBusyError;
  const msg = error instanceof Error ? error.message : String(error);
  const stack = !expected && error instanceof Error ? { stack: error.stack } : {};
  console.error(JSON.stringify({ time: new Date().toISOString(), level: 'error', event, msg, ...stack }));
}

/**
 * Keeps a service up through one known unhandled rejection. postgres.js 3.4 starts a new connection's
 * array-type query from a message handler without a catch (connection.js, fetchArrayTypes): when its pool is
 * ended or destroyed while that query is in flight (the driver replaces a pool after the server dropped it,
 * and ends the old one), the rejection has no handler and Node ends the process. bench:load-faults saw it
 * take the HTTP process down after "too many clients". A lost connection is already answered as a 503
 * wherever a request waited on it, so it is logged and the process goes on; any other unhandled rejection
 * is still fatal, as Node makes it by default.
 */
export function surviveConnectionLoss(): void {
  process.on('unhandledRejection', (reason) => {
    if (isConnectionLoss(reason)) {
      const code = (reason as { code: string }).code;
      const msg = `a database connection was lost outside any request (${code}); the pool reconnects`;
      console.error(JSON.stringify({ time: new Date().toISOString(), level: 'warn', event: 'connection_lost', msg }));
      return;
    }
    printFatal('unhandled_rejection', reason);
    process.exit(1);
  });
}

/**
 * Runs an entry's main() and exits 1 on failure. A service (`json`: npm start, npm run worker) prints it as
 * one JSON log line (see printFatal) and survives a lost database connection (surviveConnectionLoss); a
 * command prints the message (a configuration error's names the variables), or the whole error when
 * unexpected.
 */
export function runMain(main: () => Promise<void>, { json = false } = {}): void {
  if (json) surviveConnectionLoss();
  main().catch((error: unknown) => {
    if (json) printFatal('start_failed', error);
    else console.error(error instanceof ConfigError || error instanceof DataDirBusyError ? error.message : error);
    process.exit(1);
  });
}
