/**
 * `npm run bench:audit`: one audit over 1,000,000 impressions on the PostgreSQL server at 127.0.0.1:5432.
 * Creates a fresh database, migrates it, generates the data in SQL (generate_series: graduates with
 * demographics and consent events, 16,000 candidate lists of 50 and 10,000 recommendation lists of 20,
 * scores with a built-in disadvantage for some groups, and an apply → interview → offer → hire funnel),
 * then runs the audit job exactly as the worker does and prints wall time and peak memory. Asserts
 * nothing. Flags: --impressions=N (default 1000000, 80 % candidates), --keep (do not drop the database),
 * --generate-only (generate and keep, no audit), --database=NAME (audit a database kept by an earlier run instead of
 * generating one; it is kept), --chunk=N|one-pass (impressions per chunk of graduates; default: what the worker uses
 * on PostgreSQL).
 */
import postgres from 'postgres';
import { readFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { silentLogger } from '../src/logger.ts';
import { chunkingFor, type AuditChunking } from '../src/services/audits/compute.ts';
import { runAuditJob } from '../src/services/audits/run.ts';
import { systemClock, systemContext } from '../src/services/context.ts';
import { openPostgres } from '../src/storage/db-postgres.ts';
import { migrate } from '../src/storage/migrate.ts';
import { loadMigrations } from '../src/storage/migrations-fs.ts';
import { generateAuditData, keptAuditData } from './audit/generate.ts';

/** Thrown past the audit with --generate-only (the database is kept). */
class GeneratedOnly extends Error {}

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
const reuse = arg('database');
const keep = process.argv.includes('--keep') || process.argv.includes('--generate-only') || reuse !== undefined;
const chunkArg = arg('chunk');
const chunking: AuditChunking = {
  ...chunkingFor('postgres'),
  ...(chunkArg === undefined
    ? {}
    : { impressions: chunkArg === 'one-pass' ? Number.POSITIVE_INFINITY : Number(chunkArg) }),
};
const name = reuse ?? `bole_bench_audit_${process.pid}_${Date.now().toString(36)}`;
const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
if (!reuse) await admin.unsafe(`create database ${name}`);
const url = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
const database = await openPostgres(url, { max: 4 });
try {
  await migrate(database, await loadMigrations());
  let t0 = performance.now();
  const data = reuse ? await keptAuditData(database) : await generateAuditData(database, total);
  say(
    `generated ${data.impressions.toLocaleString('en')} impressions ` +
      `(${data.candidateLists.toLocaleString('en')} candidate lists, ` +
      `${data.recommendationLists.toLocaleString('en')} recommendation lists), ` +
      `${data.graduates.toLocaleString('en')} graduates, ` +
      `${data.interactions.toLocaleString('en')} interactions in ${secs(performance.now() - t0)} ` +
      `(database ${name})`,
  );

  if (process.argv.includes('--generate-only')) throw new GeneratedOnly();
  say(`chunks of ${chunking.impressions} impressions, pages of ${chunking.lists} lists`);
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
  /**
   * CPU seconds the database server's processes for this database have used (the server is on this machine):
   * with this process's own CPU, what the audit costs, whatever else the shared machine is doing.
   */
  const serverCpu = async (): Promise<number> => {
    const pids = await admin<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${name}`;
    let sum = 0;
    for (const { pid } of pids) {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      sum += (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / 100;
    }
    return sum;
  };
  const stages: string[] = [];
  const load = loadavg()[0] ?? 0;
  const serverBefore = await serverCpu();
  const cpu = process.cpuUsage();
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
    undefined,
    chunking,
  );
  const wall = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  const serverUsed = (await serverCpu()) - serverBefore;
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
  say(
    `load average ${load.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end; CPU: this process ` +
      `${secs((used.user + used.system) / 1000)}, the database server ${serverUsed.toFixed(2)} s (the wall time ` +
      'beyond their sum is waiting for a core or the disk)',
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
} catch (error) {
  if (!(error instanceof GeneratedOnly)) throw error;
} finally {
  await database.close();
  if (keep) say(`kept database ${name}`);
  else await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
