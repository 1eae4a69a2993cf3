import { configureWebhookTargets } from '../services/webhook-target.ts';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { nodeDocsAssets } from './docs-assets.ts';
import { createApp } from '../app.ts';
import { parseConfig } from '../config.ts';
import { sharedDatabase } from '../http/middleware/database.ts';
import { createJsonLogger, createSay } from '../logger.ts';
import { systemClock, systemContext } from '../services/context.ts';
import { ensureDemoData } from '../services/demo-seed.ts';
import { seedDemoActivity } from '../services/demo-activity.ts';
import { DEFAULT_WEIGHTS } from '../domain/matching/weights.ts';
import type { MatchingDeps } from '../services/matching/deps.ts';
import { loadActiveEmbedder, servingEmbedder } from '../services/matching/active-embedder.ts';
import { activeEmbedderId, setActiveEmbedder } from '../services/matching/embedder-store.ts';
import { EmbedderSwitch } from '../services/matching/embedder-switch.ts';
import { EmbedderFollower } from '../services/matching/embedder-follow.ts';
import { computePool } from './compute-pool.ts';
import { embeddingPool, type EmbeddingPool } from './embedding-pool.ts';
import { loadSupervisedOffThread } from './supervised-off-thread.ts';
import { availableParallelism } from 'node:os';
import { ERASED_SWEEP_MS, MatchingEngine, warmIndexes } from '../services/matching/engine.ts';
import { BatchedImpressionLog } from '../services/matching/impression-log.ts';
import { requestReembedding } from '../services/matching/reembed-request.ts';
import { describeDatabase, migrateFromDisk, openConfiguredDatabase, signingKeySealer } from './open-database.ts';
import type { Server } from 'node:http';
import { closeHttpServer, closeOnSignal, runMain } from './process.ts';
import { eventLoopProbe } from './load-probe.ts';
import { startupPhases } from './startup-phases.ts';
import { loadGraduatesInWorker } from './graduate-load-thread.ts';
import { roundedLoad } from '../services/matching/load-meter.ts';
import { watchLoopBlocks } from './loop-blocks.ts';
import { jobLogFields } from '../queue/job-scope.ts';
import { superviseBackground, type Supervisor } from '../../jobs/worker.ts';
import pkg from '../../package.json' with { type: 'json' };
import { memoryRateLimiter } from '../services/rate-limit/memory.ts';
import { redisRateLimiter } from '../services/rate-limit/redis.ts';
import { clientAddressFrom, rateLimitsFromConfig } from '../services/rate-limit/from-config.ts';
import { deploymentId } from '../services/deployment.ts';
import type { RateLimiter } from '../services/rate-limit/port.ts';
import { analyzeGrownTables } from '../storage/planner-statistics.repo.ts';

/** `npm start`: one database, migrations, demo data on an empty database, then HTTP until SIGTERM. */
async function main(): Promise<void> {
  const config = parseConfig(process.env);
  configureWebhookTargets(config.WEBHOOK_ALLOW_PRIVATE);
  const logger = createJsonLogger(config.LOG_LEVEL, undefined, jobLogFields);
  const say = createSay(config.LOG_LEVEL);
  const phases = startupPhases(logger);
  phases.end('modules');
  say(`Bole ${pkg.version} on Node ${process.version}; database: ${describeDatabase(config)}`, 'starting', {
    version: pkg.version,
    node: process.version,
  });
  const blocks = watchLoopBlocks(logger, config.LOG_EVENT_LOOP_BLOCK_MS);
  const database = await openConfiguredDatabase(config, 'the server (npm start)', blocks.statement);
  phases.end('open_database');
  // Registered before the slow start-up steps, so a signal during them closes what is open so far.
  const running: {
    server?: Server;
    background?: Supervisor;
    impressions?: BatchedImpressionLog;
    limiter?: { close?: () => Promise<void> };
    follow?: NodeJS.Timeout;
    erasedSweep?: NodeJS.Timeout;
    embedding?: EmbeddingPool;
  } = {};
  closeOnSignal(
    say,
    'no new requests; finishing those in flight and the jobs running, then flushing impressions',
    async (graceMs) => {
      const deadline = performance.now() + graceMs;
      clearInterval(running.follow);
      clearInterval(running.erasedSweep);
      if (running.server && !(await closeHttpServer(running.server, graceMs / 2)))
        say('requests still in flight at the deadline were cut', 'requests_cut');
      await running.background?.close(Math.max(0, deadline - performance.now()));
      await running.impressions?.flush();
      await running.embedding?.close();
      await running.limiter?.close?.();
      await database.close();
      say('closed', 'closed');
    },
    config.SHUTDOWN_GRACE_SECONDS * 1_000,
  );
  await migrateFromDisk(database, say);
  phases.end('migrate');
  if (database.kind === 'pglite')
    say(
      'embedded PGlite: one connection shared by requests and background jobs (an audit gives way to ' +
        'requests after each chunk of 1,000 impressions, so they wait a fraction of a second, not the audit); ' +
        'for one user or a demonstration (set DATABASE_URL for a service several people use)',
    );
  let freshDemo: string | undefined;
  if (config.DEMO_DATA === 'auto') {
    const demo = await ensureDemoData(database, { seed: config.DEMO_SEED, progress: say });
    if (demo) {
      say(`demo tenant: ${demo.tenantId} (${demo.summary})`, 'demo_tenant', { tenantId: demo.tenantId });
      if (demo.loaded) freshDemo = demo.tenantId;
      for (const [role, key] of Object.entries(demo.keys)) say(`${role} key: ${key}`, 'demo_key', { role });
      for (const role of demo.revoked)
        say(`${role} key: revoked (mint another with npm run keys -- mint)`, 'demo_key_revoked', { role });
      for (const [role, login] of Object.entries(demo.logins))
        say(`${role} login: ${login.email} ${login.password}`, 'demo_login', { role });
      // The ids the graduate and employer keys are bound to, so the README's curl lines work when pasted.
      if (demo.graduateId) say(`demo graduate: ${demo.graduateId}`, 'demo_graduate');
      if (demo.employerId) say(`demo employer: ${demo.employerId}`, 'demo_employer');
    }
  }
  phases.end('demo_data');
  const configured = await servingEmbedder(database, config, {
    lsa: { dimensions: config.LSA_DIMENSIONS, seed: config.LSA_SEED },
    say,
  });
  // A changed embedder whose predecessor this process can still run: the predecessor serves (its stored vectors,
  // and the queries compared with them) while the new one re-embeds in the background, then the service switches.
  const activeId = await activeEmbedderId(database);
  const predecessor = activeId !== undefined && activeId !== configured.id ? await loadActiveEmbedder(database) : null;
  const switching = predecessor !== null && !('unavailable' in predecessor);
  const embedder = switching ? predecessor : configured;
  const previous = switching ? activeId : await setActiveEmbedder(database, configured.id);
  const embedderChanged = previous !== undefined && previous !== configured.id;
  if (embedderChanged && !switching)
    say(
      `embedder changed from ${previous} to ${embedder.id}: every vector is re-embedded (a ` +
        `reembed job); vectors of the two are never compared`,
    );
  const impressions = new BatchedImpressionLog({ logger });
  running.impressions = impressions;
  // POST /v1/embeddings off the event loop: a flood costs other requests CPU, not the serving thread.
  const embedding = embeddingPool({
    threads: config.EMBEDDINGS_THREADS || Math.max(1, availableParallelism() - 1),
    maxQueuedCharacters: config.EMBEDDINGS_QUEUE_CHARACTERS,
  });
  running.embedding = embedding;
  const matchingDeps: MatchingDeps = {
    engine: new MatchingEngine(embedder, {
      onLoad: (report) => logger.info('index_load', roundedLoad(report)),
      // On PostgreSQL a worker thread loads the graduates while this thread loads the postings (PGlite is
      // this process's alone).
      ...(config.DATABASE_URL
        ? {
            loadGraduatesElsewhere: loadGraduatesInWorker(config.DATABASE_URL, embedder, (error) =>
              logger.warn('graduate_load_thread_failed', { error: String(error) }),
            ),
          }
        : {}),
    }),
    impressions,
    weights: DEFAULT_WEIGHTS,
    vectorSearch: config.VECTOR_SEARCH,
    textEmbedding: embedding,
  };
  if (config.VECTOR_SEARCH === 'pgvector' && !database.hasVector)
    say('VECTOR_SEARCH=pgvector, but this database has no pgvector: using the in-memory index.');
  say(`matching: model ${DEFAULT_WEIGHTS.version}, embedder ${embedder.id} (${embedder.dimensions} dimensions)`);
  phases.end('embedder');
  const warmed = await warmIndexes(database, matchingDeps.engine);
  phases.end('indexes', { postings: warmed.postings, graduates: warmed.graduates });
  // The embedding threads load their model after the indexes, which want both cores until then.
  embedding.warm(embedder);
  say(
    `matching: indexed ${warmed.postings} open postings and ${warmed.graduates} graduates of ` +
      `${warmed.tenants} tenants in ${warmed.seconds.toFixed(1)} s`,
  );
  if (freshDemo !== undefined) {
    // Served lists and the funnel behind them, so a fresh demo's analytics and first audit have content.
    const started = performance.now();
    const activity = await seedDemoActivity({
      database,
      deps: matchingDeps,
      tenantId: freshDemo,
      seed: config.DEMO_SEED,
      now: new Date(),
      logger,
    });
    say(
      `demo data: ${activity.lists} recommendation lists and ${activity.candidateLists} candidate lists served ` +
        `(${activity.impressions} impressions), ${activity.interactions} interactions along the funnel, ` +
        `in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  // PGlite runs no autovacuum: planner statistics of the tables the audits read, before the first request.
  if (database.kind === 'pglite') await analyzeGrownTables(database.db, async () => {});
  const limiter: RateLimiter & { close?: () => Promise<void> } =
    config.RATE_LIMIT_STORE === 'memory'
      ? memoryRateLimiter(systemClock)
      : redisRateLimiter({
          url: config.REDIS_URL,
          prefix: `bole:${await deploymentId(database, config.DEPLOYMENT_ID)}:rl:`,
          clock: systemClock,
          logger,
        });
  running.limiter = limiter;
  say(`rate limits: counted in ${config.RATE_LIMIT_STORE === 'memory' ? 'memory' : 'Redis (memory while it is down)'}`);
  const sealer = await signingKeySealer(config, say);
  const app = createApp({
    database: sharedDatabase(database),
    tokens: { issuer: 'urn:bole', audience: 'urn:bole:api', ...(sealer ? { sealer } : {}) },
    rateLimits: rateLimitsFromConfig(config, limiter),
    https: config.PUBLIC_BASE_URL?.startsWith('https:') ?? false,
    requestTimeoutMs: config.REQUEST_TIMEOUT_SECONDS * 1_000,
    shed: { maxInFlight: config.MAX_IN_FLIGHT, probe: eventLoopProbe(config.SHED_EVENT_LOOP_DELAY_MS) },
    embeddingsPerKey: config.EMBEDDINGS_CONCURRENCY_PER_KEY,
    clock: systemClock,
    logger,
    maxBodyBytes: config.MAX_BODY_BYTES,
    maxImportBytes: config.MAX_IMPORT_BYTES,
    version: pkg.version,
    // A copy per request: a switch replaces matchingDeps.engine, and a request must finish on the engine it began on
    // (a use-case reads deps.engine more than once, e.g. the profile's vector and then the tenant's index).
    matching: async () => ({ ...matchingDeps }),
    background: async () => background.health(),
    queueDepths: async () => background.queueCounts(),
    jobQueue: () => background.queue(),
    clientAddress: (c) =>
      clientAddressFrom(getConnInfo(c).remote.address, c.req.header('x-forwarded-for'), config.TRUST_PROXY_HOPS),
    docsAssets: nodeDocsAssets(),
  });
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    const base = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${info.port}`;
    phases.end('listening');
    say(`Listening on ${base}`, 'listening', { url: base });
    say(`API docs: ${base}/docs (OpenAPI: ${base}/openapi.json)`, 'listening_docs');
  });
  running.server = server as Server;
  running.server.keepAliveTimeout = config.KEEP_ALIVE_SECONDS * 1_000;
  // Headers must be allowed to arrive for longer than a kept-alive socket may idle (Node's documented pairing).
  running.server.headersTimeout = (config.KEEP_ALIVE_SECONDS + 1) * 1_000;
  if (switching) {
    const reembed = new EmbedderSwitch({
      database,
      holder: matchingDeps,
      target: configured,
      // One core is left to the requests served meanwhile.
      compute: () => computePool(configured, Math.max(1, availableParallelism() - 1)),
      say,
    });
    matchingDeps.embedderSwitch = reembed;
    void reembed.run();
  }
  // A switch another replica finishes is recorded in the database; this replica then swaps to it too.
  // The supervised model is imported and unpacked in a worker thread: in this one it held requests about 2.8 s.
  const follower = new EmbedderFollower({
    holder: matchingDeps,
    known: [configured],
    load: (db) => loadActiveEmbedder(db, loadSupervisedOffThread),
    say,
  });
  running.follow = setInterval(() => void follower.check(database), config.EMBEDDER_FOLLOW_SECONDS * 1_000);
  running.follow.unref();
  // Graduates erased through another replica leave this one's graduate indexes and profile caches within a sweep,
  // whether or not this replica serves that tenant's candidate lists meanwhile.
  running.erasedSweep = setInterval(
    () =>
      void matchingDeps.engine
        .sweepErased(database)
        .then((erased) => erased > 0 && logger.info('erased_graduates_forgotten', { erased }))
        .catch((error: unknown) => logger.warn('erased_sweep_failed', { error: String(error) })),
    ERASED_SWEEP_MS,
  );
  running.erasedSweep.unref();
  // A switch in progress stores the new embedder's vectors itself; otherwise each tenant's re-embedding is asked
  // for through the outbox (one job per tenant and embedder id: asked again on every start, it runs once).
  if (!switching) {
    const tenants = await requestReembedding(
      { database, clock: systemClock },
      embedder.id,
      embedderChanged ? 'embedder_changed' : 'manual',
    );
    say(`re-embedding with ${embedder.id} asked for ${tenants} tenants (progress: GET /v1/admin/embedder)`);
  }
  // Background work (audits, re-embedding, schedules) runs in this process once Redis answers; until then
  // audit and re-embedding requests wait in the outbox.
  const background = superviseBackground({
    ctx: systemContext({ database, clock: systemClock, logger }, 'serving-process'),
    redisUrl: config.REDIS_URL,
    deploymentId: config.DEPLOYMENT_ID,
    sweep: { afterMs: config.QUEUE_SWEEP_AFTER_SECONDS * 1_000 },
    stallMs: config.JOB_STALL_SECONDS * 1_000,
    retryMs: 15_000,
    say,
    engine: async () => matchingDeps.engine,
    onStart: async () => {
      say('background workers (audits, re-embedding): running in this process', 'workers_running');
    },
  });
  running.background = background;
  await background.firstAttempt;
}

runMain(main, { json: true });
