/**
 * `npm run bench:memory -- --url=<database url> --tenant=<id> [--copies=10]`: resident memory of one replica's
 * posting index at the tenant's size and at `copies` times it. The tenant's open postings are read with their stored
 * derivations and vectors (as a start reads them: `npm run load` then `npm run embed` fill them), indexed once into a
 * PostingIndex, then again under new ids until the index holds copies × the tenant's postings: the same texts,
 * features and vectors, so the columns, the vector arena and the BM25F postings grow as they would with that many
 * real postings (BM25F statistics aside). Prints RSS and V8 heap after a full GC at each step. Asserts nothing.
 * `--vectors=1000000` measures instead only the vector side (VectorIndex) with that many synthetic vectors.
 */
import { postingLexicalText } from '../src/domain/matching/extract.ts';
import { decodePostingDerivation, readableAnalyzerIds, type PostingDerivation } from '../src/domain/search/derived.ts';
import { PostingIndex, type IndexedPosting } from '../src/domain/search/posting-index.ts';
import { VectorIndex } from '../src/domain/search/vector-index.ts';
import { getTaxonomy } from '../src/domain/skills/index.ts';
import { isRecommendable } from '../src/services/matching/engine.ts';
import { findEmbeddings } from '../src/storage/embeddings.repo.ts';
import { findDerivations } from '../src/storage/index-derivations.repo.ts';
import { toPosting } from '../src/storage/mappers.ts';
import { openPostgres } from '../src/storage/db-postgres.ts';
import { postingsUpdatedSince } from '../src/storage/postings.repo.ts';
import { activeEmbedderId } from '../src/services/matching/embedder-store.ts';
import { loadSupervisedEmbedder } from '../src/services/matching/active-embedder.ts';
import { freemem, loadavg } from 'node:os';

const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const URL_ = arg('url') ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TENANT = arg('tenant') ?? '';
const COPIES = Number(arg('copies') ?? 10);
const DAY = 86_400_000;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (npm run bench:memory does)');

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
function report(label: string): number {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  console.log(
    `${label}: RSS ${mib(m.rss)} MiB (V8 heap ${mib(m.heapUsed)} MiB, array buffers ${mib(m.arrayBuffers)} MiB)`,
  );
  return m.rss;
}

// --vectors=N: only the vector side, in a fresh process: N synthetic unit vectors (64 dimensions) in a VectorIndex.
const VECTORS = Number(arg('vectors') ?? 0);
if (VECTORS > 0) {
  const before = report('modules loaded');
  const vectors = new VectorIndex(64);
  let seed = 42;
  const v = new Float32Array(64);
  for (let i = 0; i < VECTORS; i++) {
    let norm = 0;
    for (let c = 0; c < 64; c++) {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      v[c] = seed / 2 ** 32 - 0.5;
      norm += (v[c] ?? 0) ** 2;
    }
    for (let c = 0; c < 64; c++) v[c] = (v[c] ?? 0) / Math.sqrt(norm);
    vectors.upsert(`v${i}`, v);
  }
  const after = report(`vector-only index of ${vectors.size} rows`);
  console.log(`vectors only: ${mib(after - before)} MiB (${((after - before) / vectors.size).toFixed(0)} B a row)`);
  process.exit(0);
}

const database = await openPostgres(URL_, { max: 2 });
const start = report('modules loaded');
const rows = (await postingsUpdatedSince(database.db, TENANT, null)).filter(isRecommendable).map(toPosting);
const analyzers = readableAnalyzerIds(getTaxonomy());
// The active embedder, or (before a service first started here) the shipped default `npm run embed` stores.
const embedderId = (await activeEmbedderId(database)) ?? (await loadSupervisedEmbedder()).id;
console.log(`${rows.length} open postings of ${TENANT}; embedder ${embedderId}; analyzers ${analyzers.join(' or ')}`);
interface Source {
  indexed: IndexedPosting;
  vector: Float32Array;
  lexical: PostingDerivation['lexical'];
}
const sources: Source[] = [];
for (let i = 0; i < rows.length; i += 5_000) {
  const chunk = rows.slice(i, i + 5_000);
  const ids = chunk.map((p) => p.id);
  const [derivations, vectors] = await Promise.all([
    findDerivations(database.db, 'posting', analyzers, ids),
    findEmbeddings(database.db, 'posting', embedderId, ids),
  ]);
  for (const p of chunk) {
    const stored = derivations.get(p.id);
    const vector = vectors.get(p.id)?.vector;
    if (!stored || !vector) continue;
    const d = decodePostingDerivation(stored.derived);
    sources.push({
      indexed: {
        id: p.id,
        features: d.features,
        createdAt: Date.parse(p.createdAt),
        closesAt: p.closesAt ? Date.parse(`${p.closesAt}T00:00:00Z`) + DAY : null,
        text: postingLexicalText(p),
        employerId: p.employerId,
      },
      vector,
      lexical: d.lexical,
    });
  }
}
await database.close();
rows.length = 0;
const withSources = report(`${sources.length} postings read (rows, derivations, vectors) and held`);
const index = new PostingIndex(sources[0]?.vector.length ?? 64);
const sizes: Array<[number, number]> = [];
for (let k = 0; k < COPIES; k++) {
  // Each copy its own objects (features, text), as postings read from the database would be.
  for (const s of sources)
    index.upsert({ ...structuredClone(s.indexed), id: `${s.indexed.id}:${k}` }, s.vector, s.lexical);
  sizes.push([index.size, report(`index of ${index.size} postings`)]);
  // The machine is shared: stop growing before it runs short, and say so.
  if (freemem() < 2 * 2 ** 30 && k < COPIES - 1) {
    console.log(`stopped after ${k + 1} of ${COPIES} copies: ${mib(freemem())} MiB left free on the machine`);
    break;
  }
}
console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ')}`,
);
for (const [n, rss] of sizes) {
  const added = rss - withSources;
  console.log(
    `${n} postings: the index adds ${mib(added)} MiB to the process (${(added / n).toFixed(0)} B a posting); ` +
      `process RSS ${mib(rss)} MiB, of it ${mib(start)} MiB modules and runtime`,
  );
}
