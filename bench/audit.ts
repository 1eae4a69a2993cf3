/**
 * `npm run bench:audit`: one audit over 1,000,000 impressions on the PostgreSQL server at 127.0.0.1:5432.
 * Creates a fresh database, migrates it, generates the data in SQL (generate_series: graduates with
 * demographics and consent events, 16,000 candidate lists of 50 and 10,000 recommendation lists of 20,
 * scores with a built-in disadvantage for some groups, and an apply → interview → offer → hire funnel),
 * then runs the audit job exactly as the worker does and prints wall time and peak memory. Asserts
 * nothing. Flags: --impressions=N (default 1000000, 80 % candidates), --keep (do not drop the database).
 */
import postgres from 'postgres';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { silentLogger } from '../src/logger.ts';
import { runAuditJob } from '../src/services/audits/run.ts';
import { systemClock, systemContext } from '../src/services/context.ts';
import { openPostgres } from '../src/storage/db-postgres.ts';
import { migrate } from '../src/storage/migrate.ts';
import { loadMigrations } from '../src/storage/migrations-fs.ts';
import { generateAuditData } from './audit/generate.ts';

const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const total = Number(arg('impressions') ?? 1_000_000);
const say = (line: string): void => console.log(line);
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

say(
  `bench:audit on ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), ` +
    `${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`,
);
const name = `bole_bench_audit_${process.pid}_${Date.now().toString(36)}`;
const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const url = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
const database = await openPostgres(url, { max: 4 });
try {
  await migrate(database, await loadMigrations());
  let t0 = performance.now();
  const data = await generateAuditData(database, total);
  say(
    `generated ${data.impressions.toLocaleString('en')} impressions ` +
      `(${data.candidateLists.toLocaleString('en')} candidate lists, ` +
      `${data.recommendationLists.toLocaleString('en')} recommendation lists), ` +
      `${data.graduates.toLocaleString('en')} graduates, ` +
      `${data.interactions.toLocaleString('en')} interactions in ${secs(performance.now() - t0)} ` +
      `(database ${name})`,
  );

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 25);
  const baseRss = process.memoryUsage().rss;
  const runId = crypto.randomUUID();
  await database.db
    .insertInto('audit_runs')
    .values({
      id: runId,
      tenant_id: data.tenantId,
      source: 'impressions',
      status: 'queued',
      requested_by: 'bench',
      params: JSON.stringify({
        from: data.from.toISOString(),
        to: data.to.toISOString(),
        k: 10,
        attributes: ['gender', 'ethnicity', 'hukouType', 'regionOfOrigin', 'disability', 'schoolTier'],
        minGroupSize: 10,
      }),
    })
    .execute();
  const stages: string[] = [];
  t0 = performance.now();
  const result = await runAuditJob(
    systemContext({ database, clock: systemClock, logger: silentLogger }),
    { runId, tenantId: data.tenantId },
    {
      jobId: runId,
      attempt: 1,
      finalAttempt: true,
      progress: async (p) => {
        stages.push(`${Math.round(p)}%@${secs(performance.now() - t0)}`);
      },
    },
  );
  const wall = performance.now() - t0;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const report = await database.db
    .selectFrom('audit_reports')
    .select(['body', 'sha256'])
    .where('run_id', '=', runId)
    .executeTakeFirstOrThrow();
  const parsed = JSON.parse(report.body) as {
    flags: { grouping: string; group: string; metric: string; impactRatio: number }[];
    totals: { decisions: number };
  };
  say(
    `audit ${result.status}: wall time ${secs(wall)} for ` +
      `${data.impressions.toLocaleString('en')} impressions (target < 60 s)`,
  );
  say(`progress: ${stages.join(' ')}`);
  say(
    `peak RSS ${mb(peakRss)} (sampled every 25 ms; at start of the audit ${mb(baseRss)}); ` +
      `process maxRSS ${mb(process.resourceUsage().maxRSS * 1024)}`,
  );
  say(
    `report: ${(report.body.length / 1024).toFixed(0)} KB canonical JSON, ` +
      `${parsed.totals.decisions.toLocaleString('en')} decisions, ${parsed.flags.length} flags, ` +
      `sha256 ${report.sha256.slice(0, 16)}…`,
  );
  for (const f of parsed.flags.filter((x) => x.metric === 'selection' && !x.grouping.includes('×')).slice(0, 8))
    say(`  flag: ${f.grouping} = ${f.group}: selection impact ratio ${f.impactRatio.toFixed(3)}`);
} finally {
  await database.close();
  if (process.argv.includes('--keep')) say(`kept database ${name}`);
  else await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
