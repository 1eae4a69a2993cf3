/**
 * `npm run bench:cold-start -- --url=<database url>`: one replica's start-up indexing (warmIndexes) on a database
 * loaded and embedded before (`npm run load`, `npm run embed`), in this process: wall and CPU seconds, RSS and V8
 * heap after a full GC, and the load average. Nothing is derived or embedded when the stored rows are current.
 * Run under `node --cpu-prof` to see where the start's CPU goes (the graduates' worker thread writes a profile of
 * its own). Asserts nothing.
 */
import { loadavg } from 'node:os';
import { loadActiveEmbedder, loadSupervisedEmbedder } from '../src/services/matching/active-embedder.ts';
import { activeEmbedderId } from '../src/services/matching/embedder-store.ts';
import { MatchingEngine, warmIndexes } from '../src/services/matching/engine.ts';
import { openPostgres } from '../src/storage/db-postgres.ts';
import { loadGraduatesInWorker } from '../src/entry/graduate-load-thread.ts';
import { listTenantIds } from '../src/storage/tenants.repo.ts';

const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const url = arg('url') ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** --queries: each statement's count and summed round trips, printed after the load (postgres.js timing). */
const QUERIES = process.argv.includes('--queries');
const statements = new Map<string, { n: number; ms: number }>();
const database = await openPostgres(url, {
  ...(QUERIES
    ? {
        onQuery: ({ sql, ms }) => {
          const key = sql.replace(/\$\d+(, \$\d+)+/g, '$…').slice(0, 110);
          const s = statements.get(key) ?? { n: 0, ms: 0 };
          s.n++;
          s.ms += ms;
          statements.set(key, s);
        },
      }
    : {}),
});
// The active embedder, or (before a service first started here) the shipped default `npm run embed` uses.
const embedder = (await activeEmbedderId(database))
  ? await loadActiveEmbedder(database)
  : await loadSupervisedEmbedder();
if ('unavailable' in embedder) throw new Error(embedder.unavailable);
console.log(`embedder ${embedder.id}; load average ${load()}`);
const cpu0 = process.cpuUsage();
const thread0 = process.threadCpuUsage();
const started = performance.now();
// The service's graduates load in a worker thread on PostgreSQL; --graduates=here loads them in this thread.
const here = arg('graduates') === 'here';
const engine = new MatchingEngine(embedder, {
  onLoad: (report) => console.log(JSON.stringify(report)),
  ...(here ? {} : { loadGraduatesElsewhere: loadGraduatesInWorker(url, embedder, (e) => console.error(e)) }),
});
// --only=postings: the posting indexes alone (a database whose graduates are not all embedded yet stays unwritten).
const warmed =
  arg('only') === 'postings'
    ? await (async () => {
        const tenants = await listTenantIds(database.db);
        let postings = 0;
        for (const id of tenants) postings += (await engine.postings(database, id)).size;
        return { tenants: tenants.length, postings, graduates: 0 };
      })()
    : await warmIndexes(database, engine);
const wall = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpu0);
const thread = process.threadCpuUsage(thread0);
// The serving thread's own CPU: what bounds /ready on two cores when the graduates load in a worker meanwhile.
console.log(
  `indexed ${warmed.postings} postings and ${warmed.graduates} graduates of ${warmed.tenants} tenants: ` +
    `${wall.toFixed(1)} s wall, ${(cpu.user / 1e6).toFixed(1)} s user + ${(cpu.system / 1e6).toFixed(1)} s system ` +
    `CPU (this thread ${((thread.user + thread.system) / 1e6).toFixed(1)} s)`,
);
for (const [key, s] of [...statements].sort((a, b) => b[1].ms - a[1].ms))
  console.log(`${String(s.n).padStart(6)} × ${(s.ms / 1000).toFixed(1).padStart(7)} s  ${key}`);
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const m = process.memoryUsage();
console.log(
  `RSS ${mib(m.rss)} MiB (V8 heap ${mib(m.heapUsed)} MiB, array buffers ${mib(m.arrayBuffers)} MiB` +
    `${gc ? ', after a full GC' : ''}); load average ${load()}`,
);
// The engine is used after the reading, so the GC before it cannot collect the indexes.
console.log(`postings indexed after the reading: ${engine.indexedPostings}`);
await database.close();
