import { configDefaults, defineConfig } from 'vitest/config';

const GLOBAL_SETUP = 'test/support/global-setup.ts';

/**
 * The one unhandled rejection the service's entries survive (src/entry/process.ts, surviveConnectionLoss):
 * postgres.js 3.4 runs a new connection's array-type query (pg_catalog.pg_type) from a message handler without a
 * catch, so PostgreSQL restarting while a connection opens rejects it with no handler. The fault tests restart
 * PostgreSQL on purpose and run the app in the test process, which lacks the entry's handler; any other unhandled
 * error still fails the run.
 */
const arrayTypeQueryCut = (error: { code?: unknown; query?: unknown }): boolean =>
  ['CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED'].includes(String(error.code)) &&
  String(error.query).includes('pg_catalog.pg_type');

export default defineConfig({
  test: {
    // Integration tests share one PostgreSQL server and one Redis; each test owns its tenant/queue,
    // but two workers on two cores is what this machine has.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // expect.poll waits for something a real server or browser will do: on a busy machine (CI runs on two
    // cores) that can take well over the default second, and a poll that passes returns as soon as it does.
    expect: { poll: { timeout: 20_000 } },
    onUnhandledError: (error) => !arrayTypeQueryCut(error as { code?: unknown; query?: unknown }),
    projects: [
      {
        // Pure tests: no global setup, so they run (npm run test:unit) with neither PostgreSQL nor Redis.
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'] },
      },
      {
        // Everything else gets one fresh migrated database on the PostgreSQL server per run.
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/unit/**', 'test/faults/**'],
          globalSetup: [GLOBAL_SETUP],
        },
      },
      {
        // Fault tests start their own Redis and PostgreSQL on free ports and stop, kill and restart them
        // (never the shared 6379 and 5432); slow, so they can also run alone: npm run test:faults.
        extends: true,
        test: { name: 'faults', include: ['test/faults/**/*.test.ts'] },
      },
    ],
  },
});
