import { ConfigError } from '../config.ts';

/**
 * Graceful shutdown for a long-running entry: on SIGTERM or SIGINT it says so and runs `close` (which lets
 * work in progress finish), then exits 0; if closing takes longer than `graceMs`, it exits 1 anyway.
 */
export function closeOnSignal(
  say: (line: string) => void,
  what: string,
  close: () => Promise<void>,
  graceMs: number,
): void {
  const stop = (signal: string) => {
    say(`${signal}: ${what}`);
    void close().then(() => process.exit(0));
    setTimeout(() => process.exit(1), graceMs).unref();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

/** Runs an entry's main(); a configuration error is printed as its message (it names the variables), others whole. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
}
