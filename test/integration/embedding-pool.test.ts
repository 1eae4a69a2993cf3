import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors.ts';
import { EmptyTextError } from '../../src/domain/text/embedder.ts';
import { createLsaEmbedder } from '../../src/domain/text/lsa-embedder.ts';
import { fitLsa } from '../../src/domain/text/lsa.ts';
import type { SupervisedEmbedder } from '../../src/domain/text/supervised-embedder.ts';
import { embeddingPool, type EmbeddingPool } from '../../src/entry/embedding-pool.ts';
import { loadSupervisedEmbedder } from '../../src/services/matching/active-embedder.ts';
import { skillTokens } from '../../src/services/matching/embedder-store.ts';
import { batchedTextEmbedding } from '../../src/services/matching/text-embedding.ts';

/** Whether `error` is the DomainError with `code`, as embedTexts maps it to problem+json. */
const domainCode = (error: unknown) => (error instanceof DomainError ? error.code : String(error));

/**
 * POST /v1/embeddings runs in worker threads on Node (src/entry/embedding-pool.ts): the vectors must be the ones the
 * serving thread makes, bit for bit, its queue bounded, and a cancelled request must stop.
 */
describe('the embedding pool', () => {
  let supervised: SupervisedEmbedder;
  let pool: EmbeddingPool;
  const long = 'Data analyst with SQL and Python, 数据分析 用户增长 指标体系 '.repeat(2_000).slice(0, 100_000);
  const texts = [
    'Data analyst with SQL',
    '数据分析师，熟悉 Python 和 Excel',
    'Registered nurse, ICU, 护士',
    long,
    ...Array.from({ length: 17 }, (_, i) => `backend engineer ${i} Go Kubernetes 后端开发`),
  ];

  beforeAll(async () => {
    supervised = await loadSupervisedEmbedder();
    pool = embeddingPool({ threads: 1, maxQueuedCharacters: 150_000 });
    pool.warm(supervised);
  });
  afterAll(async () => pool.close());

  it('gives the same vectors as the serving thread, bit for bit, and the same token count', async () => {
    const here = await batchedTextEmbedding.embed(supervised, texts);
    const there = await pool.embed(supervised, texts);
    expect(there.vectors).toHaveLength(texts.length);
    expect(there.tokens).toBe(here.tokens);
    there.vectors.forEach((v, i) => {
      // Exact: the same float32 bits, not merely close.
      expect(Array.from(v)).toEqual(Array.from(here.vectors[i] ?? []));
      expect(v).toEqual(supervised.embedOne(texts[i] ?? ''));
    });
  });

  it('rebuilds an LSA embedder in the thread and embeds with it bit for bit', async () => {
    const corpus = Array.from(
      { length: 60 },
      (_, i) => `${['SQL', 'Python', 'nurse', '会计'][i % 4]} analyst ${i % 7}`,
    );
    const lsa = createLsaEmbedder(fitLsa(corpus, { dimensions: 8, seed: 3, minDf: 1 }), { skillTokens });
    const input = ['SQL analyst 3', 'nurse analyst', '会计 Python'];
    const here = await batchedTextEmbedding.embed(lsa, input);
    const there = await pool.embed(lsa, input);
    expect(there.vectors.map((v) => Array.from(v))).toEqual(here.vectors.map((v) => Array.from(v)));
  });

  it('names every input with nothing to embed, across batches, as the serving thread does', async () => {
    const input = Array.from({ length: 20 }, (_, i) => (i === 2 || i === 12 ? 'the of and' : `SQL analyst ${i}`));
    const error = await pool.embed(supervised, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmptyTextError);
    expect((error as EmptyTextError).indices).toEqual([2, 12]);
  });

  it('refuses with 503 (unavailable, Retry-After) what would pass the queue bound, then takes work', async () => {
    const big = Array.from({ length: 20 }, () => long.slice(0, 9_000));
    // Called in one tick: the first takes the only thread, the second waits (an empty queue always takes one), and
    // the third would put 180,000 characters in a queue bounded at 150,000.
    const running = pool.embed(supervised, big);
    const waiting = pool.embed(supervised, big);
    const refused = await pool.embed(supervised, big).catch((e: unknown) => e);
    expect(domainCode(refused)).toBe('unavailable');
    expect((refused as DomainError).extra.retryAfter).toBe(1);
    expect(pool.queuedCharacters()).toBe(180_000);
    expect((await running).vectors).toHaveLength(20);
    expect((await waiting).vectors).toHaveLength(20);
    expect(pool.queuedCharacters()).toBe(0);
    expect((await pool.embed(supervised, big)).vectors).toHaveLength(20);
  });

  it('stops a cancelled request, waiting or running, and serves the next', async () => {
    const big = Array.from({ length: 20 }, () => long.slice(0, 5_000));
    const runningAbort = new AbortController();
    const waitingAbort = new AbortController();
    const running = pool.embed(supervised, big, runningAbort.signal).catch((e: unknown) => e);
    const waiting = pool.embed(supervised, big, waitingAbort.signal).catch((e: unknown) => e);
    waitingAbort.abort();
    expect(pool.queuedCharacters()).toBe(0);
    // Flagged before the thread reaches its first batch boundary: it stops there.
    runningAbort.abort();
    expect(domainCode(await waiting)).toBe('unavailable');
    expect(domainCode(await running)).toBe('unavailable');
    expect((await pool.embed(supervised, ['SQL analyst'])).vectors).toHaveLength(1);
  });
});
