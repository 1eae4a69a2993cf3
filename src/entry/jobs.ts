import { configureWebhookTargets } from '../services/webhook-target.ts';
import { superviseBackground } from '../../jobs/worker.ts';
import { parseConfig } from '../config.ts';
import { createJsonLogger, createSay } from '../logger.ts';
import { jobLogFields } from '../queue/job-scope.ts';
import { JOB_NAMES } from '../queue/catalog.ts';
import { systemClock, systemContext } from '../services/context.ts';
import { describeDatabase, openConfiguredDatabase } from './open-database.ts';
import { closeOnSignal, runMain } from './process.ts';

/**
 * `npm run worker`: the BullMQ workers, the outbox relay and the audit schedules, without HTTP. Run it beside
 * `npm start` on a PostgreSQL database (PGlite's directory can be open in one process only). Waits for Redis
 * if it is away; SIGTERM lets the jobs in progress finish, then closes the queue and the database.
 */
async function main(): Promise<void> {
  const config = parseConfig(process.env);
  configureWebhookTargets(config.WEBHOOK_ALLOW_PRIVATE);
  const logger = createJsonLogger(config.LOG_LEVEL, undefined, jobLogFields);
  const say = createSay(config.LOG_LEVEL);
  if (!config.DATABASE_URL)
    say('No DATABASE_URL: using the embedded PGlite directory, which `npm start` must not have open at the same time.');
  say(`Bole worker; database: ${describeDatabase(config)}`, 'starting');
  const database = await openConfiguredDatabase(config, 'the worker (npm run worker)');
  const background = superviseBackground({
    ctx: systemContext({ database, clock: systemClock, logger }, 'worker'),
    redisUrl: config.REDIS_URL,
    deploymentId: config.DEPLOYMENT_ID,
    sweep: { afterMs: config.QUEUE_SWEEP_AFTER_SECONDS * 1_000 },
    stallMs: config.JOB_STALL_SECONDS * 1_000,
    retryMs: 5_000,
    say,
    onStart: async () => say(`Workers running (jobs: ${JOB_NAMES.join(', ')}).`, 'workers_running'),
  });
  closeOnSignal(
    say,
    'letting current jobs finish',
    async (graceMs) => {
      await background.close(graceMs);
      await database.close();
      say('closed', 'closed');
    },
    config.SHUTDOWN_GRACE_SECONDS * 1_000,
  );
}

runMain(main, { json: true });
