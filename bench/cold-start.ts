/**
 * `npm run bench:cold-start -- --url=<database url>`: one replica's start-up indexing (warmIndexes) on a database
 * loaded and embedded before (`npm run load`, `npm run embed`), in this process: wall and CPU seconds, RSS and V8
 * heap after a full GC, and the load average. Nothing is derived or embedded when the stored rows are current.
 * Run under `node --cpu-prof` to see where the start's CPU goes. Asserts nothing.
 */
import { loadavg } from 'node:os';
import { loadActiveEmbedder, loadSupervisedEmbedder } from '../src/services/matching/active-embedder.ts';
import { activeEmbedderId } from '../src/services/matching/embedder-store.ts';
import { MatchingEngine, warmIndexes } from '../src/services/matching/engine.ts';
import { openPostgres } from '../src/storage/db-postgres.ts';

const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const url = arg('url') ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const database = await openPostgres(url);
// The active embedder, or (before a service first started here) the shipped default `npm run embed` uses.
const embedder = (await activeEmbedderId(database))
  ? await loadActiveEmbedder(database)
  : await loadSupervisedEmbedder();
if ('unavailable' in embedder) throw new Error(embedder.unavailable);
console.log(`embedder ${embedder.id}; load average ${load()}`);
const cpu0 = process.cpuUsage();
const started = performance.now();
const engine = new MatchingEngine(embedder);
const warmed = await warmIndexes(database, engine);
const wall = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpu0);
console.log(
  `indexed ${warmed.postings} postings and ${warmed.graduates} graduates of ${warmed.tenants} tenants: ` +
    `${wall.toFixed(1)} s wall, ${(cpu.user / 1e6).toFixed(1)} s user + ${(cpu.system / 1e6).toFixed(1)} s system CPU`,
);
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
