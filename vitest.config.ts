import { configDefaults, defineConfig } from 'vitest/config';

const GLOBAL_SETUP = 'test/support/global-setup.ts';

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
