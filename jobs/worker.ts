import { ConfigError, parseConfig } from '../src/config.ts';
import { describeDatabase, openConfiguredDatabase } from '../src/entry/open-database.ts';
import { createJsonLogger } from '../src/logger.ts';
import { JOB_NAMES } from '../src/queue/catalog.ts';
import { systemClock } from '../src/services/context.ts';
import { backgroundBlocker, startBackground } from './start.ts';

/**
 * `npm run worker`: the BullMQ workers and the outbox relay, without HTTP. Run it beside `npm start`
 * on a PostgreSQL database (PGlite's directory can be open in one process only). Waits for Redis if it
 * is away; SIGTERM lets the jobs in progress finish, then closes the queue and the database.
 */
async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const logger = createJsonLogger(config.LOG_LEVEL);
  const say = (line: string) => console.log(line);
  if (!config.DATABASE_URL) say('No DATABASE_URL: using the embedded PGlite directory, which `npm start` must not have open at the same time.');
  say(`Bole worker; database: ${describeDatabase(config)}`);
  const database = await openConfiguredDatabase(config);
  let running: { close(): Promise<void> } | null = null;
  let stopping = false;
  let said = '';
  const stop = (signal: string) => {
    stopping = true;
    say(`${signal}: letting current jobs finish`);
    void (running?.close() ?? Promise.resolve()).then(() => database.close()).then(() => process.exit(0));
    setTimeout(() => process.exit(1), 30_000).unref();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  while (!running && !stopping) {
    const blocker = await backgroundBlocker(config.REDIS_URL);
    if (blocker === null) running = startBackground({ database, clock: systemClock, logger, redisUrl: config.REDIS_URL });
    else {
      if (blocker !== said) say(blocker);
      said = blocker;
      await new Promise((r) => setTimeout(r, 5_000));
    }
  }
  if (running) say(`Workers running (jobs: ${JOB_NAMES.join(', ')}).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
