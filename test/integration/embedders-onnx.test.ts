import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmptyTextError } from '../../src/domain/text/embedder.ts';
import { createOnnxEmbedder } from '../../src/embedders/onnx.ts';
import { inspectModelDir } from '../../src/embedders/onnx-model-dir.ts';
import { poolTokens } from '../../src/embedders/pooling.ts';
import { writeTinyModel, type TinyModel } from '../support/embedder-onnx-model.ts';

const WORDS = ['python', 'data', 'analysis', 'java', 'react', 'query', ':'];

/** transformers.js is a dependency; a failed import here is a broken install, and the tests say so. */
const transformers: unknown = await import('@huggingface/transformers');
const loadRuntime = async () => transformers;

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'bole-onnx-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('ONNX model directory checks', () => {
  it('names every missing file', async () => {
    const dir = join(root, 'empty');
    await mkdir(dir);
    await expect(inspectModelDir(dir)).rejects.toThrow(
      `ONNX model directory ${dir}: missing config.json, tokenizer.json, tokenizer_config.json, ` +
        `onnx/model.onnx or onnx/model_quantized.onnx`,
    );
    await expect(inspectModelDir(join(root, 'nope'))).rejects.toThrow(/nope: does not exist or is not a directory/);
  });

  it('falls back to quantized weights, detects external data and reads hidden_size', async () => {
    const q = await writeTinyModel(join(root, 'quant'), WORDS, 4, 'model_quantized.onnx');
    expect(await inspectModelDir(q.dir)).toMatchObject({
      weights: 'model_quantized.onnx',
      dtype: 'q8',
      externalData: false,
      hiddenSize: 4,
    });
    const f = await writeTinyModel(join(root, 'fp32'), WORDS);
    await writeFile(join(f.dir, 'onnx', 'model.onnx_data'), new Uint8Array(8));
    expect(await inspectModelDir(f.dir)).toMatchObject({ weights: 'model.onnx', dtype: 'fp32', externalData: true });
    await expect(inspectModelDir(q.dir, 'model.onnx')).rejects.toThrow(/missing onnx\/model\.onnx$/);
  });

  it('rejects a config.json that is not JSON or has no model_type', async () => {
    const m = await writeTinyModel(join(root, 'badconfig'), WORDS);
    await writeFile(join(m.dir, 'config.json'), '{ nope');
    await expect(inspectModelDir(m.dir)).rejects.toThrow(/config\.json is not valid JSON/);
    await writeFile(join(m.dir, 'config.json'), '{"hidden_size": 4}');
    await expect(inspectModelDir(m.dir)).rejects.toThrow(/config\.json has no model_type/);
  });

  it('says which package is missing when the runtime cannot be loaded', async () => {
    const m = await writeTinyModel(join(root, 'noruntime'), WORDS);
    const failing = () => Promise.reject(new Error('Cannot find package'));
    await expect(createOnnxEmbedder({ modelDir: m.dir, pooling: 'mean', loadRuntime: failing })).rejects.toThrow(
      'the ONNX embedder needs @huggingface/transformers (npm install ' +
        '@huggingface/transformers); it could not be loaded',
    );
    await expect(
      createOnnxEmbedder({ modelDir: m.dir, pooling: 'mean', loadRuntime: async () => ({}) }),
    ).rejects.toThrow(/does not export env, AutoTokenizer and AutoModel/);
  });
});

describe('pooling', () => {
  // 2 texts × 3 tokens × width 2; the second text has one padding token.
  const hidden = { dims: [2, 3, 2], data: new Float32Array([1, 2, 3, 4, 5, 6, 10, 0, 0, 10, 99, 99]) };
  const mask = { dims: [2, 3], data: new BigInt64Array([1n, 1n, 1n, 1n, 1n, 0n]) };
  it('mean averages only unmasked tokens', () => {
    expect(poolTokens(hidden, mask, 'mean').map((v) => Array.from(v))).toEqual([
      [3, 4],
      [5, 5],
    ]);
  });
  it('cls takes the first token', () => {
    expect(poolTokens(hidden, mask, 'cls').map((v) => Array.from(v))).toEqual([
      [1, 2],
      [10, 0],
    ]);
  });
  it('rejects mismatched shapes', () => {
    expect(() => poolTokens(hidden, { dims: [2, 2], data: [1, 1, 1, 1] }, 'mean')).toThrow(/does not match/);
    expect(() => poolTokens({ dims: [2, 6], data: hidden.data }, mask, 'mean')).toThrow(/\[batch, sequence, width\]/);
  });
});

/** Expected vector: mean (or first) of the table rows for the given token ids, L2-normalised. */
function expected(model: TinyModel, tokens: string[], pooling: 'mean' | 'cls'): number[] {
  const ids = tokens.map((t) => model.vocab.indexOf(t));
  expect(ids.every((i) => i >= 0)).toBe(true);
  const used = pooling === 'cls' ? ids.slice(0, 1) : ids;
  const v = new Array<number>(model.hidden).fill(0);
  for (const id of used)
    for (let c = 0; c < model.hidden; c++) v[c] = (v[c] ?? 0) + (model.table[id * model.hidden + c] ?? 0) / used.length;
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

function expectVector(got: Float32Array | undefined, want: number[]): void {
  expect(got?.length).toBe(want.length);
  want.forEach((w, i) => expect(got?.[i]).toBeCloseTo(w, 5));
}

describe('ONNX embedder through transformers.js on a hand-built model', () => {
  let model: TinyModel;
  beforeAll(async () => {
    model = await writeTinyModel(join(root, 'tiny-bert'), WORDS);
  });

  it('loads from the directory without any network call and mean-pools over real tokens only', async () => {
    const realFetch = globalThis.fetch;
    const fetched: string[] = [];
    globalThis.fetch = (async (input: Parameters<typeof fetch>[0]) => {
      fetched.push(String(input));
      throw new Error('network disabled in this test');
    }) as typeof fetch;
    try {
      const e = await createOnnxEmbedder({ modelDir: model.dir, pooling: 'mean', normalize: true, loadRuntime });
      expect(e.id).toBe('onnx:tiny-bert/model.onnx:mean');
      expect(e.dimensions).toBe(4);
      // Batched together, so the first (shorter) text is padded: padding must not enter its mean.
      const [a, b] = await e.embed(['Python data', 'react JAVA unknownword']);
      expectVector(a, expected(model, ['[CLS]', 'python', 'data', '[SEP]'], 'mean'));
      expectVector(b, expected(model, ['[CLS]', 'react', 'java', '[UNK]', '[SEP]'], 'mean'));
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(fetched).toEqual([]);
  });

  it('applies cls pooling, the prefix, truncation and batching', async () => {
    const cls = await createOnnxEmbedder({ modelDir: model.dir, pooling: 'cls', loadRuntime });
    expectVector((await cls.embed(['data']))[0], expected(model, ['[CLS]'], 'cls'));
    const e5 = await createOnnxEmbedder({
      modelDir: model.dir,
      pooling: 'mean',
      prefix: 'query: ',
      maxLength: 4,
      batchSize: 1,
      loadRuntime,
    });
    expect(e5.id).toBe('onnx:tiny-bert/model.onnx:mean:"query: "');
    // maxLength 4 cuts both texts to their first 4 tokens. transformers.js (4.3) truncates after adding
    // [CLS]/[SEP], so [SEP] is cut too (Python tokenizers would keep it); either way the texts now agree.
    const [short, long] = await e5.embed(['python', 'python data analysis']);
    expectVector(short, expected(model, ['[CLS]', 'query', ':', 'python'], 'mean'));
    expectVector(long, expected(model, ['[CLS]', 'query', ':', 'python'], 'mean'));
    const wide = await createOnnxEmbedder({ modelDir: model.dir, pooling: 'mean', prefix: 'query: ', loadRuntime });
    expectVector(
      (await wide.embed(['python']))[0],
      expected(model, ['[CLS]', 'query', ':', 'python', '[SEP]'], 'mean'),
    );
  });

  it('loads quantized-only directories and rejects empty text', async () => {
    const q = await writeTinyModel(join(root, 'tiny-q8'), WORDS, 4, 'model_quantized.onnx');
    const e = await createOnnxEmbedder({ modelDir: q.dir, pooling: 'mean', loadRuntime });
    expect(e.id).toBe('onnx:tiny-q8/model_quantized.onnx:mean');
    expectVector((await e.embed(['java']))[0], expected(q, ['[CLS]', 'java', '[SEP]'], 'mean'));
    await expect(e.embed(['java', '  '])).rejects.toThrow(EmptyTextError);
  });

  it('turns a corrupt model file into an error naming the directory', async () => {
    const bad = await writeTinyModel(join(root, 'corrupt'), WORDS);
    await writeFile(join(bad.dir, 'onnx', 'model.onnx'), new Uint8Array([1, 2, 3, 4]));
    await expect(createOnnxEmbedder({ modelDir: bad.dir, pooling: 'mean', loadRuntime })).rejects.toThrow(
      `could not load the ONNX model in ${bad.dir}`,
    );
  });
});
