import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { workerMatching } from '../../src/entry/worker-matching.ts';
import { ensureLsaEmbedder, setActiveEmbedder } from '../../src/services/matching/embedder-store.ts';
import type { Database } from '../../src/storage/db.ts';
import { pgliteDatabase } from '../support/db.ts';
import { startEmbeddingServer, type EmbeddingServer } from '../support/embedder-server.ts';
import { createStandInAi } from '../support/embedder-workers-ai.ts';

/*
 * The Worker entry's matching loader (the function src/entry/worker.ts hands to createApp) follows EMBEDDER
 * and its settings as on Node, unless the database records another active embedder it can run. PGlites of this
 * file's own: the active embedder is a database-wide setting, and only the first test records one.
 */

let database: Database;
let server: EmbeddingServer;

beforeAll(async () => {
  database = await pgliteDatabase();
  server = await startEmbeddingServer({ dimensions: 24 });
});
afterAll(async () => {
  await server.close();
  await database.close();
});

describe('the Worker matching loader', () => {
  it('is unavailable (503) for EMBEDDER=lsa until the Node service has activated one, then serves it', async () => {
    const own = await pgliteDatabase();
    try {
      const config = parseConfig({ EMBEDDER: 'lsa' });
      const matching = workerMatching(config, {});
      const failure = await matching(own).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(DomainError);
      expect(failure).toMatchObject({
        code: 'unavailable',
        message: expect.stringContaining('start the Node service once'),
      });
      const fitted = await ensureLsaEmbedder(own, { dimensions: 16, seed: 3, minCorpus: 200 });
      await setActiveEmbedder(own, fitted.id);
      // The failed load was forgotten: the next request loads the model the service activated.
      expect((await matching(own)).engine.embedder.id).toBe(fitted.id);
      // The default (supervised) Worker serves it too: the database's vectors are that model's.
      expect((await workerMatching(parseConfig({}), {})(own)).engine.embedder.id).toBe(fitted.id);
      // Once a Node replica has switched to the supervised model, an isolate started with EMBEDDER=lsa serves it.
      const supervised = await workerMatching(parseConfig({ EMBEDDER: 'supervised' }), {})(database);
      await setActiveEmbedder(own, supervised.engine.embedder.id);
      expect((await workerMatching(config, {})(own)).engine.embedder.id).toBe(supervised.engine.embedder.id);
    } finally {
      await own.close();
    }
  });

  it('serves the shipped supervised model by default, with nothing fitted or activated', async () => {
    const { engine } = await workerMatching(parseConfig({}), {})(database);
    expect(engine.embedder.id).toMatch(/^supervised:v1:64d:/);
    expect(await engine.embedder.embed(['数据分析师'])).toHaveLength(1);
  });

  it('uses the Workers AI binding for EMBEDDER=workers-ai, with EMBEDDER_MODEL', async () => {
    const ai = createStandInAi(384);
    const matching = workerMatching(
      parseConfig({ EMBEDDER: 'workers-ai', EMBEDDER_MODEL: '@cf/baai/bge-small-en-v1.5' }),
      { ai },
    );
    const { engine } = await matching(database);
    expect(engine.embedder.id).toBe('workers-ai:@cf/baai/bge-small-en-v1.5');
    expect(engine.embedder.dimensions).toBe(384);
    const [vector] = await engine.embedder.embed(['data analyst, SQL and Python']);
    expect(vector?.length).toBe(384);
    expect(ai.calls.map((c) => c.model)).toEqual(['@cf/baai/bge-small-en-v1.5']);
  });

  it('names the missing AI binding for EMBEDDER=workers-ai without one', async () => {
    await expect(workerMatching(parseConfig({ EMBEDDER: 'workers-ai' }), {})(database)).rejects.toThrow(
      'the AI binding is required when EMBEDDER=workers-ai',
    );
  });

  it('uses the OpenAI-compatible server at EMBEDDER_URL for EMBEDDER=openai, probing its size', async () => {
    const config = parseConfig({ EMBEDDER: 'openai', EMBEDDER_URL: server.baseUrl, EMBEDDER_MODEL: 'bge-m3' });
    const { engine } = await workerMatching(config, {})(database);
    expect(engine.embedder.id).toBe('openai:bge-m3');
    expect(engine.embedder.dimensions).toBe(24);
  });

  it('refuses EMBEDDER=onnx, which needs a model directory a Worker cannot read', async () => {
    const config = parseConfig({ EMBEDDER: 'onnx', EMBEDDER_MODEL_DIR: '/srv/models/e5', EMBEDDER_POOLING: 'mean' });
    await expect(workerMatching(config, {})(database)).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('EMBEDDER=onnx'),
    });
  });
});
