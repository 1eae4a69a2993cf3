import type { Ai } from '@cloudflare/workers-types';
import { describe, expect, it } from 'vitest';
import { EmptyTextError } from '../../src/domain/text/embedder.ts';
import { EmbedderResponseError } from '../../src/embedders/shared.ts';
import { createWorkersAiEmbedder, type WorkersAiBinding } from '../../src/embedders/workers-ai.ts';
import { hashedVector } from '../support/embedder-server.ts';
import { createStandInAi } from '../support/embedder-workers-ai.ts';

/** Compile-time check that the real binding type fits the port this adapter asks for. */
export const realBindingFits = (ai: Ai): WorkersAiBinding => ai;

describe('Workers AI embedder (stand-in binding)', () => {
  it('defaults to bge-m3 with its 1024 dimensions known before any call', () => {
    const ai = createStandInAi(1024);
    const e = createWorkersAiEmbedder({ ai });
    expect(e.id).toBe('workers-ai:@cf/baai/bge-m3');
    expect(e.dimensions).toBe(1024);
    expect(ai.calls).toHaveLength(0);
  });

  it('splits inputs into batches within the per-call limit and returns unit vectors in order', async () => {
    const ai = createStandInAi(8, 3);
    const e = createWorkersAiEmbedder({ ai, model: '@cf/test/tiny', dimensions: 8, batchSize: 3 });
    const texts = ['a b', 'c', 'd e f', 'g', 'h i', 'j', 'k'];
    const vectors = await e.embed(texts);
    expect(ai.calls.map((c) => c.text.length)).toEqual([3, 3, 1]);
    expect(ai.calls.every((c) => c.model === '@cf/test/tiny')).toBe(true);
    texts.forEach((t, i) => {
      const raw = hashedVector(t, 8);
      const norm = Math.hypot(...raw);
      Array.from(vectors[i] ?? []).forEach((x, j) => expect(x).toBeCloseTo((raw[j] ?? NaN) / norm, 6));
    });
  });

  it('learns the size of an unknown model from probe()', async () => {
    const e = createWorkersAiEmbedder({ ai: createStandInAi(12), model: '@cf/test/unknown' });
    expect(() => e.dimensions).toThrow(/dimensions unknown/);
    expect(await e.probe()).toBe(12);
    expect(e.dimensions).toBe(12);
  });

  it('rejects answers of the wrong size, count, shape or kind', async () => {
    const ai = createStandInAi(1024);
    const e = createWorkersAiEmbedder({ ai });
    ai.next.push({ data: [[1, 2, 3]] });
    await expect(e.embed(['x'])).rejects.toThrow(/returned 3-dimensional vectors, expected 1024/);
    ai.next.push({ data: [] });
    await expect(e.embed(['x'])).rejects.toThrow(/returned 0 embeddings for 1 inputs/);
    ai.next.push({ request_id: 'abc' });
    await expect(e.embed(['x'])).rejects.toThrow(/async request id/);
    ai.next.push({ response: [[1]] });
    await expect(e.embed(['x'])).rejects.toThrow(EmbedderResponseError);
  });

  it('wraps binding errors with the model name, and rejects empty text before calling', async () => {
    const ai = createStandInAi(1024);
    const e = createWorkersAiEmbedder({ ai });
    ai.next.push(new Error('AiError: 3036: account limit reached'));
    await expect(e.embed(['x'])).rejects.toThrow(
      'Workers AI model @cf/baai/bge-m3 failed: AiError: 3036: account limit reached',
    );
    const calls = ai.calls.length;
    await expect(e.embed(['', 'ok'])).rejects.toThrow(EmptyTextError);
    expect(ai.calls).toHaveLength(calls);
  });

  it('surfaces the service limit when the batch size is set above it', async () => {
    const e = createWorkersAiEmbedder({
      ai: createStandInAi(4, 2),
      model: '@cf/test/tiny',
      dimensions: 4,
      batchSize: 5,
    });
    await expect(e.embed(['a', 'b', 'c'])).rejects.toThrow(/too many inputs \(3 > 2\)/);
  });
});
