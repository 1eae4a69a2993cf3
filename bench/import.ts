/**
 * `npm run bench:import`: imports a 50,000-row graduates CSV (GB18030, Chinese headers) on the PostgreSQL server at
 * 127.0.0.1:5432, through the same importFile the API and `npm run import` use, streamed from disk. Creates a fresh
 * database, migrates it, writes the file, runs the import (a full check pass, then 100 batches of 500, one transaction
 * each), imports it again (every row unchanged), prints wall times and peak RSS, drops the database. Target: under 60 s
 * for the import, memory bounded (rows are streamed and batched). Asserts nothing. Flags: --rows=N (default 50000),
 * --batch=N (rows per transaction, default 500), --keep (keep the database and the file).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import postgres from 'postgres';
import { silentLogger } from '../src/logger.ts';
import { systemClock, systemContext, type ServiceContext } from '../src/services/context.ts';
import { importFile } from '../src/services/imports/engine.ts';
import { createTenant } from '../src/services/keys.ts';
import { openPostgres } from '../src/storage/db-postgres.ts';
import { migrate } from '../src/storage/migrate.ts';
import { loadMigrations } from '../src/storage/migrations-fs.ts';

const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ROWS = Number(arg('rows') ?? 50_000);
const keep = process.argv.includes('--keep');
const batchSize = Number(arg('batch') ?? 500);
const say = (line: string): void => console.log(line);
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/** A deterministic generator (mulberry32), so every run imports the same file. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SURNAMES = ['李', '王', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林'];
const GIVEN = ['明', '芳', '伟', '娜', '磊', '洋', '静', '杰', '婷', '涛', '欣', '浩', '雪', '宇', '晨', '佳'];
const SCHOOLS = ['华中科技大学', '武汉大学', '武汉理工大学', '华中师范大学', '中南财经政法大学', '湖北大学'];
const DEGREES = ['大专', '本科', '本科', '本科', '硕士', '博士'];
const MAJORS = [
  '计算机科学与技术',
  '软件工程',
  '统计学',
  '会计学',
  '机械工程',
  '市场营销',
  '汉语言文学',
  '电子信息工程',
];
const SKILLS = [
  'Python',
  'SQL',
  'Java',
  'Excel',
  'R',
  '机器学习',
  '数据分析',
  'C++',
  'AutoCAD',
  '财务分析',
  '新媒体运营',
  'Go',
];
const CITIES = ['武汉', '上海', '北京', '深圳', '广州', '杭州', '成都', '长沙'];
const TYPES = ['全职', '实习', '兼职'];

async function writeFile(path: string, rows: number): Promise<number> {
  const rnd = random(20_261_206);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const some = <T>(xs: readonly T[], n: number): T[] => [...new Set(Array.from({ length: n }, () => pick(xs)))];
  const out = createWriteStream(path);
  const write = (line: string) =>
    new Promise<void>((resolve) =>
      out.write(iconv.encode(`${line}\r\n`, 'gb18030')) ? resolve() : out.once('drain', resolve),
    );
  await write('学号,姓名,邮箱,学校,学历,专业,毕业日期,技能,个人简介,意向城市,意向工作类型,期望最低月薪');
  for (let i = 1; i <= rows; i++) {
    const id = `2026${String(i).padStart(6, '0')}`;
    const major = pick(MAJORS);
    const skills = some(SKILLS, 2 + Math.floor(rnd() * 4));
    await write(
      [
        id,
        pick(SURNAMES) + pick(GIVEN) + pick(GIVEN),
        `s${id}@example.edu.cn`,
        pick(SCHOOLS),
        pick(DEGREES),
        major,
        `${2025 + Math.floor(rnd() * 2)}/6/30`,
        skills.join('；'),
        `"熟悉${skills.join('、')}，希望从事${major}相关工作"`,
        some(CITIES, 1 + Math.floor(rnd() * 3)).join('；'),
        some(TYPES, 1).join('；'),
        String(4000 + Math.floor(rnd() * 16) * 500),
      ].join(','),
    );
  }
  await new Promise<void>((resolve) => out.end(resolve));
  return (await stat(path)).size;
}

say(
  `bench:import on ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), ` +
    `${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`,
);
const dir = await mkdtemp(join(tmpdir(), 'bole-bench-import-'));
const file = join(dir, 'graduates.csv');
let t0 = performance.now();
const bytes = await writeFile(file, ROWS);
say(`wrote ${ROWS.toLocaleString('en')} rows, ${mb(bytes)} GB18030 CSV in ${secs(performance.now() - t0)} (${file})`);

const name = `bole_bench_import_${process.pid}_${Date.now().toString(36)}`;
const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
/** Time per statement (its first 90 characters) during the imports, printed largest first: where the time goes. */
const statementTime = new Map<string, { ms: number; n: number }>();
const database = await openPostgres(ADMIN_URL.replace(/\/[^/]*$/, `/${name}`), {
  max: 4,
  connectTimeout: 60,
  onQuery: ({ sql, ms }) => {
    const key = sql
      .replace(/\s+/g, ' ')
      .replace(/(\$\d+, )+\$\d+/g, '…')
      .slice(0, 90);
    const t = statementTime.get(key) ?? { ms: 0, n: 0 };
    statementTime.set(key, { ms: t.ms + ms, n: t.n + 1 });
  },
});
try {
  await migrate(database, await loadMigrations());
  const { id: tenantId } = await createTenant(database, { name: 'bench:import', kind: 'university' });
  const ctx: ServiceContext = {
    ...systemContext({ database, clock: systemClock, logger: silentLogger }, 'bench-import'),
    principal: { keyId: 'bench', tenantId, role: 'admin', graduateId: null, employerId: null },
    requestId: 'bench-import',
  };
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 25);
  const baseRss = process.memoryUsage().rss;
  const source = () => createReadStream(file, { highWaterMark: 64 * 1024 });
  /**
   * CPU seconds the database's server processes for this database have used (the server is on this machine):
   * with the process's own CPU, what the import costs, whatever else the shared machine is doing.
   */
  const serverCpu = async (): Promise<Map<number, number>> => {
    const pids = await admin<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${name}`;
    const hz = 100;
    const out = new Map<number, number>();
    for (const { pid } of pids) {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(pid, (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / hz);
    }
    return out;
  };
  for (const label of ['import', 're-import']) {
    const marks: string[] = [];
    const serverBefore = await serverCpu();
    const cpu = process.cpuUsage();
    const load = loadavg()[0] ?? 0;
    t0 = performance.now();
    const report = await importFile(ctx, source, { kind: 'graduates', dryRun: false, batchSize }, async (f) => {
      if (f === 0.5 && marks.length === 0) marks.push(`check pass ${secs(performance.now() - t0)}`);
    });
    const ms = performance.now() - t0;
    const s = report.summary;
    say(
      `${label}: ${report.status} in ${secs(ms)} ` +
        `(${Math.round(s.rows / (ms / 1000)).toLocaleString('en')} rows/s; ${marks.join(', ')}): ` +
        `${s.rows} rows, ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged, ` +
        `${s.rejected} rejected; ` +
        `${report.batches.committed} batches of ${report.batches.size}; read as ` +
        `${report.file.encoding}/${report.file.delimiter}`,
    );
    const used = process.cpuUsage(cpu);
    // On a shared machine the wall time is mostly waiting: this process's own CPU time says what the import costs here.
    let server = 0;
    for (const [pid, after] of await serverCpu()) server += after - (serverBefore.get(pid) ?? 0);
    say(
      `  this process used ${secs((used.user + used.system) / 1000)} of CPU and the database server ` +
        `${secs(server * 1000)}; load average ${load.toFixed(1)} on ${availableParallelism()} cores when it started`,
    );
  }
  clearInterval(sampler);
  say('database time by statement (both imports, largest first):');
  for (const [key, t] of [...statementTime].sort((a, b) => b[1].ms - a[1].ms).slice(0, 6))
    say(`  ${secs(t.ms).padStart(9)} in ${String(t.n).padStart(5)} calls  ${key}`);
  const stored = await database.db
    .selectFrom('graduates')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  say(`graduates stored: ${Number(stored.n).toLocaleString('en')}`);
  say(
    `peak RSS ${mb(peakRss)} (sampled every 25 ms; before the import ${mb(baseRss)}; the file ` +
      `is ${mb(bytes)}); process maxRSS ${mb(process.resourceUsage().maxRSS * 1024)}`,
  );
} finally {
  await database.close();
  if (keep) say(`kept database ${name} and ${file}`);
  else {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await rm(dir, { recursive: true, force: true });
  }
  await admin.end();
}
