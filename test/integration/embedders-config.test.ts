import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLsaEmbedder } from '../../src/domain/text/lsa-embedder.ts';
import { fitLsa } from '../../src/domain/text/lsa.ts';
import { createEmbedderFromConfig, embedderConfigSchema, type EmbedderDeps } from '../../src/embedders/from-config.ts';
import { startEmbeddingServer, type EmbeddingServer } from '../support/embedder-server.ts';
import { writeTinyModel } from '../support/embedder-onnx-model.ts';
import { createStandInAi } from '../support/embedder-workers-ai.ts';

const parse = (record: Record<string, string>) => embedderConfigSchema.parse(record);

let server: EmbeddingServer;
let root: string;
let lsaLoads = 0;
const deps: EmbedderDeps = {
  loadLsa: async () => {
    lsaLoads++;
    return createLsaEmbedder(
      fitLsa(['python data analysis', 'excel accounting', 'nurse patient care'], { dimensions: 2, minDf: 1 }),
    );
  },
  loadSupervised: () => Promise.reject(new Error('only EMBEDDER=supervised (the default) loads the supervised model')),
};

beforeAll(async () => {
  server = await startEmbeddingServer({ dimensions: 24 });
  root = await mkdtemp(join(tmpdir(), 'bole-embedder-config-'));
});
afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

describe('embedder config schema', () => {
  it('defaults to supervised and coerces numbers from environment strings', () => {
    expect(parse({})).toEqual({ EMBEDDER: 'supervised' });
    expect(
      parse({
        EMBEDDER: 'openai',
        EMBEDDER_URL: 'http://127.0.0.1:8080',
        EMBEDDER_DIMENSIONS: '768',
        EMBEDDER_BATCH_SIZE: '16',
      }),
    ).toMatchObject({
      EMBEDDER_DIMENSIONS: 768,
      EMBEDDER_BATCH_SIZE: 16,
    });
  });

  it.each([
    [{ EMBEDDER: 'bert' }, 'EMBEDDER'],
    [{ EMBEDDER_URL: 'ftp://x' }, 'EMBEDDER_URL'],
    [{ EMBEDDER_POOLING: 'max' }, 'EMBEDDER_POOLING'],
    [{ EMBEDDER_DIMENSIONS: '0' }, 'EMBEDDER_DIMENSIONS'],
  ])('rejects %j naming %s', (record, variable) => {
    const result = embedderConfigSchema.safeParse(record);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(variable);
  });
});

describe('createEmbedderFromConfig', () => {
  it('defaults to the supervised embedder', async () => {
    await expect(createEmbedderFromConfig(parse({}), deps)).rejects.toThrow('only EMBEDDER=supervised');
  });

  it('lsa: returns the injected, fitted LSA embedder', async () => {
    const before = lsaLoads;
    const e = await createEmbedderFromConfig(parse({ EMBEDDER: 'lsa' }), deps);
    expect(lsaLoads).toBe(before + 1);
    expect(e.id).toMatch(/^lsa/);
    expect(e.dimensions).toBeGreaterThan(0);
  });

  it('openai: probes the size at start-up unless it is configured', async () => {
    const e = await createEmbedderFromConfig(
      parse({ EMBEDDER: 'openai', EMBEDDER_URL: server.baseUrl, EMBEDDER_MODEL: 'bge-m3' }),
      deps,
    );
    expect(e.id).toBe('openai:bge-m3');
    expect(e.dimensions).toBe(24);
    expect(server.requests).toHaveLength(1);
    const configured = await createEmbedderFromConfig(
      parse({ EMBEDDER: 'openai', EMBEDDER_URL: server.baseUrl, EMBEDDER_MODEL: 'bge-m3', EMBEDDER_DIMENSIONS: '24' }),
      deps,
    );
    expect(configured.dimensions).toBe(24);
    expect(server.requests).toHaveLength(1);
    const [v] = await configured.embed(['python']);
    expect(v).toHaveLength(24);
  });

  it('openai: a wrong size or an unreachable server fails at start-up', async () => {
    const wrong = await createEmbedderFromConfig(
      parse({ EMBEDDER: 'openai', EMBEDDER_URL: server.baseUrl, EMBEDDER_MODEL: 'm', EMBEDDER_DIMENSIONS: '8' }),
      deps,
    );
    await expect(wrong.embed(['x'])).rejects.toThrow(/expected 8/);
    server.faults.push({ status: 404, body: 'model "m" not found' });
    await expect(
      createEmbedderFromConfig(parse({ EMBEDDER: 'openai', EMBEDDER_URL: server.baseUrl, EMBEDDER_MODEL: 'm' }), deps),
    ).rejects.toThrow(/answered 404 Not Found: model "m" not found/);
  });

  it.each([
    [{ EMBEDDER: 'openai', EMBEDDER_MODEL: 'm' }, 'EMBEDDER_URL is required when EMBEDDER=openai'],
    [{ EMBEDDER: 'openai', EMBEDDER_URL: 'http://127.0.0.1:9' }, 'EMBEDDER_MODEL is required when EMBEDDER=openai'],
    [{ EMBEDDER: 'onnx', EMBEDDER_POOLING: 'cls' }, 'EMBEDDER_MODEL_DIR is required when EMBEDDER=onnx'],
    [{ EMBEDDER: 'onnx', EMBEDDER_MODEL_DIR: '/x' }, 'EMBEDDER_POOLING is required when EMBEDDER=onnx'],
    [{ EMBEDDER: 'workers-ai' }, 'the AI binding is required when EMBEDDER=workers-ai'],
  ])('names what is missing for %j', async (record, message) => {
    await expect(createEmbedderFromConfig(parse(record), deps)).rejects.toThrow(message);
  });

  it('onnx: checks the model directory before loading anything', async () => {
    const dir = join(root, 'half-copied');
    await writeTinyModel(dir, ['python']);
    await rm(join(dir, 'tokenizer.json'));
    await expect(
      createEmbedderFromConfig(parse({ EMBEDDER: 'onnx', EMBEDDER_MODEL_DIR: dir, EMBEDDER_POOLING: 'mean' }), deps),
    ).rejects.toThrow(`ONNX model directory ${dir}: missing tokenizer.json`);
  });

  it('onnx: names the install command when the optional @huggingface/transformers is not installed', async () => {
    const dir = join(root, 'no-runtime');
    await writeTinyModel(dir, ['python']);
    // A real import that fails as it does without the package (ERR_MODULE_NOT_FOUND), through the injectable loader.
    const absent: string = '@huggingface/transformers-absent';
    const loadTransformers = async (): Promise<unknown> => import(absent);
    await expect(
      createEmbedderFromConfig(parse({ EMBEDDER: 'onnx', EMBEDDER_MODEL_DIR: dir, EMBEDDER_POOLING: 'mean' }), {
        ...deps,
        loadTransformers,
      }),
    ).rejects.toThrow(
      'the ONNX embedder needs @huggingface/transformers (npm install ' +
        '@huggingface/transformers); it could not be loaded: it is an optional peer dependency and ' +
        'is not installed',
    );
  });

  it('workers-ai: uses bge-m3 by default and probes unknown models', async () => {
    const ai = createStandInAi(1024);
    const e = await createEmbedderFromConfig(parse({ EMBEDDER: 'workers-ai' }), { ...deps, ai });
    expect(e.id).toBe('workers-ai:@cf/baai/bge-m3');
    expect(e.dimensions).toBe(1024);
    expect(ai.calls).toHaveLength(0);
    const small = createStandInAi(32);
    const other = await createEmbedderFromConfig(parse({ EMBEDDER: 'workers-ai', EMBEDDER_MODEL: '@cf/test/other' }), {
      ...deps,
      ai: small,
    });
    expect(other.dimensions).toBe(32);
    expect(small.calls).toHaveLength(1);
  });
});
