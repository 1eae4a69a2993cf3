import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmptyTextError } from '../../src/domain/text/embedder.ts';
import { EmbedderHttpError } from '../../src/embedders/http.ts';
import { createOpenAiEmbedder, embeddingsUrl, type OpenAiEmbedderOptions } from '../../src/embedders/openai.ts';
import { EmbedderResponseError } from '../../src/embedders/shared.ts';
import { hashedVector, startEmbeddingServer, type EmbeddingServer } from '../support/embedder-server.ts';

const DIMS = 16;
const KEY = 'sk-test-0123456789abcdef';

function unit(v: number[]): number[] {
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

let server: EmbeddingServer;
let sleeps: number[];

beforeEach(async () => {
  server = await startEmbeddingServer({ dimensions: DIMS, apiKey: KEY });
  sleeps = [];
});
afterEach(async () => {
  await server.close();
});

function embedder(extra: Partial<OpenAiEmbedderOptions> = {}) {
  return createOpenAiEmbedder({
    baseUrl: server.baseUrl,
    model: 'test-model',
    apiKey: KEY,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...extra,
  });
}

describe('OpenAI-compatible embedder against a local server', () => {
  it('embeds in batches, in input order, as unit vectors equal to the server vectors normalised', async () => {
    const texts = [
      'Python data analysis',
      'React ReactJS frontend',
      '机器学习 工程师',
      'Excel',
      'accounting audit tax',
    ];
    const e = embedder({ batchSize: 2 });
    const vectors = await e.embed(texts);
    expect(server.requests.map((r) => r.body.input)).toEqual([texts.slice(0, 2), texts.slice(2, 4), texts.slice(4)]);
    expect(
      server.requests.every(
        (r) => r.path === '/v1/embeddings' && r.body.model === 'test-model' && r.body.encoding_format === 'float',
      ),
    ).toBe(true);
    expect(server.requests.every((r) => r.authorization === `Bearer ${KEY}`)).toBe(true);
    expect(e.id).toBe('openai:test-model');
    expect(e.dimensions).toBe(DIMS);
    texts.forEach((t, i) => {
      const got = Array.from(vectors[i] ?? []);
      const want = unit(hashedVector(t, DIMS));
      got.forEach((x, j) => expect(x).toBeCloseTo(want[j] ?? NaN, 6));
      expect(Math.hypot(...got)).toBeCloseTo(1, 6);
    });
  });

  it('learns dimensions from probe() and refuses to guess them before', async () => {
    const e = embedder();
    expect(() => e.dimensions).toThrow(/dimensions unknown until probe/);
    expect(await e.probe()).toBe(DIMS);
    expect(e.dimensions).toBe(DIMS);
    expect(server.requests).toHaveLength(1);
  });

  it('puts items back in index order when the server lists them out of order', async () => {
    server.faults.push({ reversed: true });
    const texts = ['alpha', 'beta gamma', 'delta'];
    const vectors = await embedder().embed(texts);
    texts.forEach((t, i) =>
      expect(Array.from(vectors[i] ?? [])[0]).toBeCloseTo(unit(hashedVector(t, DIMS))[0] ?? NaN, 6),
    );
  });

  it('retries a 503 with backoff, then succeeds', async () => {
    server.faults.push({ status: 503, body: 'model loading' });
    const vectors = await embedder({ retryBaseMs: 100 }).embed(['python']);
    expect(vectors).toHaveLength(1);
    expect(server.requests).toHaveLength(2);
    expect(sleeps).toEqual([100]);
  });

  it('honours Retry-After on a 429 and doubles the delay otherwise', async () => {
    server.faults.push({ status: 429, retryAfter: '2' }, { status: 500 }, { status: 502 });
    await embedder({ retryBaseMs: 100 }).embed(['python']);
    expect(sleeps).toEqual([2000, 200, 400]);
    expect(server.requests).toHaveLength(4);
  });

  it('gives up after maxRetries with an error naming the endpoint and status', async () => {
    server.faults.push({ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 });
    const error = await embedder({ maxRetries: 2, retryBaseMs: 1 })
      .embed(['python'])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbedderHttpError);
    const http = error as EmbedderHttpError;
    expect(http.status).toBe(503);
    expect(http.attempts).toBe(3);
    expect(http.message).toContain(`POST ${server.baseUrl}/v1/embeddings answered 503`);
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry a 401 and never shows the API key, even when the server echoes it', async () => {
    server.faults.push({ status: 401, body: `{"error":"Incorrect API key provided: ${KEY}"}` });
    const error = await embedder()
      .embed(['python'])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbedderHttpError);
    const http = error as EmbedderHttpError;
    expect(http.status).toBe(401);
    expect(http.retryable).toBe(false);
    expect(http.message).toContain('401');
    expect(http.message).toContain('[redacted]');
    expect(http.message).not.toContain(KEY);
    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('rejects a wrong key through the real server check as 401', async () => {
    const error = await embedder({ apiKey: 'sk-wrong' })
      .embed(['python'])
      .catch((e: unknown) => e);
    expect((error as EmbedderHttpError).status).toBe(401);
  });

  it.each([
    ['a body that is not JSON', { rawBody: 'upstream exploded' }, /not JSON: upstream exploded/],
    [
      'a non-array embedding',
      { json: { data: [{ embedding: 'x', index: 0 }] } },
      /unexpected body \(data\.0\.embedding/,
    ],
    ['no data field', { json: { embeddings: [[1, 2]] } }, /unexpected body \(data:/],
    ['too few embeddings', { json: { data: [] } }, /returned 0 embeddings for 1 inputs/],
    ['an all-zero vector', { json: { data: [{ embedding: [0, 0, 0], index: 0 }] } }, /vector 0 is all zeros/],
  ])('fails clearly on %s', async (_name, fault, pattern) => {
    server.faults.push(fault);
    const error = await embedder()
      .embed(['python'])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(pattern);
    expect((error as Error).message).toContain(server.baseUrl);
    expect(server.requests).toHaveLength(1);
  });

  it('rejects ragged rows and a size that differs from the configured one', async () => {
    server.faults.push({
      json: {
        data: [
          { embedding: [1, 0], index: 0 },
          { embedding: [1], index: 1 },
        ],
      },
    });
    await expect(embedder().embed(['a', 'b'])).rejects.toThrow(EmbedderResponseError);
    await expect(embedder({ dimensions: 8 }).embed(['python'])).rejects.toThrow(
      /returned 16-dimensional vectors, expected 8/,
    );
  });

  it('times out through AbortSignal and reports it', async () => {
    server.faults.push({ hang: true });
    await expect(embedder({ timeoutMs: 200, maxRetries: 0 }).embed(['python'])).rejects.toThrow(
      /timed out after 200 ms/,
    );
  });

  it('rejects empty and whitespace texts with their indices, before any request', async () => {
    const error = await embedder()
      .embed(['ok', '', 'fine', ' \n\t'])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmptyTextError);
    expect((error as EmptyTextError).indices).toEqual([1, 3]);
    expect(server.requests).toHaveLength(0);
  });

  it('keeps URL credentials out of messages and accepts a base URL ending in /v1', async () => {
    expect(embeddingsUrl('http://h:1/v1/')).toBe('http://h:1/v1/embeddings');
    expect(embeddingsUrl('http://h:1')).toBe('http://h:1/v1/embeddings');
    const withV1 = await embedder({ baseUrl: `${server.baseUrl}/v1` }).embed(['python']);
    expect(withV1).toHaveLength(1);
    // user:password in the URL becomes Basic auth; the server answers 401 (it wants the bearer key) and the message
    // hides it.
    const withCreds = server.baseUrl.replace('http://', 'http://user:hunter2@');
    const error = await embedder({ baseUrl: withCreds, apiKey: undefined })
      .embed(['python'])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbedderHttpError);
    expect((error as EmbedderHttpError).status).toBe(401);
    expect((error as Error).message).not.toContain('hunter2');
    expect(server.requests.at(-1)?.authorization).toBe(`Basic ${btoa('user:hunter2')}`);
    expect(() => createOpenAiEmbedder({ baseUrl: 'ftp://x', model: 'm' })).toThrow(/http\(s\) URL/);
  });
});
