/**
 * pgvector HNSW through PGlite (real PostgreSQL in WASM, the embedded default): the same n vectors in a
 * plain table `items (id int, embedding vector(d))`, an HNSW index with vector_cosine_ops (as the
 * migration's embeddings_hnsw_256), built after loading, and `order by embedding <=> $1 limit 10`
 * queries at several hnsw.ef_search values. Recall@10 is measured against the exact float32 top 10.
 */
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { summarize, type Summary } from './stats.ts';

export const HNSW = { m: 16, efConstruction: 64 } as const;

interface HnswRun {
  efSearch: number;
  recall: number;
  latency: Summary;
}

export interface HnswResult {
  loadMs: number;
  buildMs: number;
  runs: HnswRun[];
}

const literal = (v: Float32Array): string => `[${Array.from(v).join(',')}]`;

/**
 * `rows(i)` yields the vector of id i (0…n−1); `exact[q]` are the exact top-10 ids of `queries[q]`.
 */
export async function runHnsw(
  n: number,
  dimensions: number,
  rows: (i: number) => Float32Array,
  queries: readonly Float32Array[],
  exact: readonly number[][],
  efSearch: readonly number[],
  warmup: number,
): Promise<HnswResult> {
  const pg = await PGlite.create({ extensions: { vector } });
  try {
    await pg.exec(
      `create extension if not exists vector; create table items (id integer primary key, ` +
        `embedding vector(${dimensions}) not null);`,
    );
    let t = performance.now();
    const batch = 500;
    for (let start = 0; start < n; start += batch) {
      const values: string[] = [];
      for (let i = start; i < Math.min(n, start + batch); i++) values.push(`(${i},'${literal(rows(i))}')`);
      await pg.exec(`insert into items (id, embedding) values ${values.join(',')}`);
    }
    const loadMs = performance.now() - t;
    t = performance.now();
    await pg.exec(
      `set maintenance_work_mem = '1GB'; create index items_hnsw on items using hnsw (embedding ` +
        `vector_cosine_ops) with (m = ${HNSW.m}, ef_construction = ${HNSW.efConstruction}); ` +
        `analyze items;`,
    );
    const buildMs = performance.now() - t;
    const runs: HnswRun[] = [];
    for (const ef of efSearch) {
      await pg.exec(`set hnsw.ef_search = ${ef}`);
      const lat: number[] = [];
      let hits = 0;
      for (let i = 0; i < warmup + queries.length; i++) {
        const qi = i % queries.length;
        const q = queries[qi];
        if (!q) continue;
        const t0 = performance.now();
        const res = await pg.query<{ id: number }>('select id from items order by embedding <=> $1::vector limit 10', [
          literal(q),
        ]);
        const dt = performance.now() - t0;
        if (i < warmup) continue;
        lat.push(dt);
        const truth = new Set(exact[qi] ?? []);
        for (const r of res.rows) if (truth.has(r.id)) hits++;
      }
      runs.push({ efSearch: ef, recall: hits / (10 * queries.length), latency: summarize(lat) });
    }
    const plan = await pg.query<{ 'QUERY PLAN': string }>(
      `explain select id from items order by embedding <=> ` +
        `'${literal(queries[0] ?? new Float32Array(dimensions))}'::vector limit 10`,
    );
    if (!plan.rows.some((r) => r['QUERY PLAN'].includes('items_hnsw')))
      throw new Error('the HNSW index is not used by the query plan');
    return { loadMs, buildMs, runs };
  } finally {
    await pg.close();
  }
}
