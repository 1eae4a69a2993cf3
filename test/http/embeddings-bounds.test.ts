import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Embedder } from '../../src/domain/text/embedder.ts';
import { embeddingPool, type EmbeddingPool } from '../../src/entry/embedding-pool.ts';
import type { MatchingDeps } from '../../src/services/matching/deps.ts';
import { MAX_REQUEST_CHARACTERS } from '../../src/services/matching/embeddings.ts';
import type { Database } from '../../src/storage/db.ts';
import { testApp, type TestApi } from '../support/app.ts';
import type { Problem } from '../support/bodies.ts';
import { postgresDatabase } from '../support/db.ts';
import { newTenant } from '../support/factories.ts';
import { job, profile, testMatching } from '../support/matching.ts';

/**
 * POST /v1/embeddings is CPU work (here on the serving thread, as on Workers), so one key may not crowd everyone
 * out: at most `embeddingsPerKey` of its requests run at once, one request holds a bounded number of characters,
 * and a batch reports empty inputs by their index in the whole request.
 */
describe('bounds on POST /v1/embeddings', () => {
  let database: Database;
  let api: TestApi;
  let release: () => void = () => {};
  let entered: () => void = () => {};
  let gate = Promise.resolve();
  let inside = Promise.resolve();

  beforeAll(async () => {
    database = await postgresDatabase();
    const real = await testMatching(database);
    // The embedder waits at a gate the test opens, so a request is held "in flight" for as long as needed.
    const embedder = new Proxy(real.engine.embedder, {
      get(target, prop, receiver) {
        if (prop !== 'embed') return Reflect.get(target, prop, receiver) as unknown;
        return async (texts: string[]) => {
          entered();
          await gate;
          return target.embed(texts);
        };
      },
    }) as Embedder;
    const engine = new Proxy(real.engine, {
      get: (target, prop, receiver) =>
        prop === 'embedder' ? embedder : (Reflect.get(target, prop, receiver) as unknown),
    });
    const matching: MatchingDeps = { ...real, engine };
    api = testApp(database, { matching, embeddingsPerKey: 1 });
  });
  afterAll(async () => database.close());

  it(
    'answers a second request of the same key 429 with Retry-After while its first runs; other ' + 'keys go on',
    async () => {
      const t = await newTenant(database);
      const mine = t.staff.career_office;
      const other = t.staff.admin;
      gate = new Promise((resolve) => (release = resolve));
      inside = new Promise((resolve) => (entered = resolve));
      const first = api.call('POST', '/v1/embeddings', mine, { input: 'Data analyst with SQL' });
      await inside;
      const second = await api.call<Problem>('POST', '/v1/embeddings', mine, { input: 'Python developer' });
      expect(second.status).toBe(429);
      expect(second.headers.get('retry-after')).toBe('1');
      const elsewhere = api.call('POST', '/v1/embeddings', other, { input: 'Python developer' });
      release();
      expect((await first).status).toBe(200);
      expect((await elsewhere).status).toBe(200);
      // Once the first has answered, the key may send again.
      expect((await api.call('POST', '/v1/embeddings', mine, { input: 'Nurse' })).status).toBe(200);
    },
  );

  it('refuses more characters than one request may hold, naming body.input', async () => {
    const t = await newTenant(database);
    const long = 'data '.repeat(18_000); // 90,000 characters, under the 100,000 of one input
    const res = await api.call<Problem>('POST', '/v1/embeddings', t.staff.career_office, { input: [long, long, long] });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.json)).toContain('body.input');
    expect(JSON.stringify(res.json)).toContain(String(MAX_REQUEST_CHARACTERS));
  });

  it('names an empty input by its place in the whole request, past the first batch', async () => {
    const t = await newTenant(database);
    const input = Array.from({ length: 20 }, (_, i) => (i === 12 ? 'the of and' : `SQL analyst ${i}`));
    const res = await api.call<{ errors: Array<{ path: string }> }>('POST', '/v1/embeddings', t.staff.career_office, {
      input,
    });
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e) => e.path)).toEqual(['body.input.12']);
  });
});

/**
 * The Node entry embeds in a worker-thread pool (src/entry/embedding-pool.ts), so a large request leaves the serving
 * thread free: another key's recommendations are answered while it runs, and a full queue is a 503 with Retry-After.
 */
describe('POST /v1/embeddings in worker threads', () => {
  let database: Database;
  let api: TestApi;
  let pool: EmbeddingPool;

  beforeAll(async () => {
    database = await postgresDatabase();
    const matching = await testMatching(database);
    pool = embeddingPool({ threads: 1, maxQueuedCharacters: 100_000 });
    pool.warm(matching.engine.embedder);
    api = testApp(database, { matching: { ...matching, textEmbedding: pool }, embeddingsPerKey: 2 });
  });
  afterAll(async () => {
    await pool.close();
    await database.close();
  });

  it('answers another graduate its recommendations before a large embedding request finishes', async () => {
    const t = await newTenant(database);
    const employer = await t.employer();
    for (const title of ['数据分析师', 'Data analyst', 'Python developer'])
      expect((await api.call('POST', '/v1/jobs', employer.key, job({ title }))).status).toBe(201);
    const reader = await t.graduate(profile() as never);
    const sender = await t.graduate(profile() as never);
    const recommend = () => api.call('GET', `/v1/graduates/${reader.id}/recommendations?limit=5`, reader.key);
    expect((await recommend()).status).toBe(200); // the tenant's index is built
    // Two single inputs of 100,000 characters: each is one call to the embedder, which on the serving thread held
    // every other request until it returned (about 0.5 s each at load).
    const piece = 'Data analyst with SQL and Python, 数据分析 用户增长 '.repeat(3_000).slice(0, 100_000);
    const order: string[] = [];
    const embedding = api.call('POST', '/v1/embeddings', sender.key, { input: [piece, piece] }).then((res) => {
      order.push('embeddings');
      return res;
    });
    const recommendations = recommend().then((res) => {
      order.push('recommendations');
      return res;
    });
    expect((await recommendations).status).toBe(200);
    expect((await embedding).status).toBe(200);
    expect(order).toEqual(['recommendations', 'embeddings']);
  });

  it('answers 503 with Retry-After when the shared queue is full; the requests in it are answered', async () => {
    const t = await newTenant(database);
    const keys = [t.staff.career_office, t.staff.admin, (await t.graduate(profile() as never)).key];
    const input = Array.from({ length: 10 }, () => 'data analyst SQL python '.repeat(400).slice(0, 9_000));
    // One runs, one waits (90,000 characters of the 100,000 the queue holds), the third would pass the bound.
    const running = api.call('POST', '/v1/embeddings', keys[0], { input });
    const waiting = api.call('POST', '/v1/embeddings', keys[1], { input });
    await expect.poll(() => pool.queuedCharacters()).toBe(90_000);
    const refused = await api.call<Problem>('POST', '/v1/embeddings', keys[2], { input });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect((await running).status).toBe(200);
    expect((await waiting).status).toBe(200);
  });
});
