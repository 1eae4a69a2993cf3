/**
 * Embedder for any OpenAI-compatible `POST /v1/embeddings` endpoint: OpenAI itself, Hugging Face TEI,
 * Ollama, vLLM, LocalAI. Request `{ input: string[], model, encoding_format: 'float' }`; answer
 * `{ data: [{ embedding: number[], index }] }`.
 */
import { z } from 'zod';
import type { Embedder } from '../domain/text/embedder.ts';
import { defaultSleep, displayUrl, postJson, type RetryPolicy } from './http.ts';
import { DimensionSlot, EmbedderResponseError, positiveInt, toUnitVectors, embedInBatches } from './shared.ts';

export interface OpenAiEmbedderOptions {
  /**
   * Server root, e.g. `http://127.0.0.1:8080` (TEI) or `http://localhost:11434` (Ollama); `/v1/embeddings` is appended.
   */
  readonly baseUrl: string;
  readonly model: string;
  /** Sent as `Authorization: Bearer …`; never appears in errors. */
  readonly apiKey?: string;
  /** Expected vector size; learnt from the first answer when omitted (see `probe`). */
  readonly dimensions?: number;
  /** Texts per request (default 32; TEI's default max-client-batch-size is 32). */
  readonly batchSize?: number;
  /** Per-request timeout (default 30 000 ms). */
  readonly timeoutMs?: number;
  /** Retries after a 408/429/5xx/network error/timeout (default 3). */
  readonly maxRetries?: number;
  /** First backoff delay (default 500 ms, doubling, capped at 8 s or Retry-After). */
  readonly retryBaseMs?: number;
  /** Overrides the recorded embedder id (default `openai:<model>`). */
  readonly id?: string;
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface OpenAiEmbedder extends Embedder {
  /** Sends one short request to learn (or check) the vector size; returns it. */
  probe(): Promise<number>;
}

const responseSchema = z.object({
  data: z.array(
    z.object({
      embedding: z.array(z.number()),
      index: z.number().int().nonnegative().optional(),
    }),
  ),
});

/** Text used by `probe()`: any non-empty text gives the vector size. */
const PROBE_TEXT = 'dimension probe';

/** Joins base and path without doubling `/v1` when the base already ends with it (a common way to write it). */
export function embeddingsUrl(baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  return /\/v1$/.test(base) ? `${base}/embeddings` : `${base}/v1/embeddings`;
}

export function createOpenAiEmbedder(options: OpenAiEmbedderOptions): OpenAiEmbedder {
  if (options.model.trim() === '') throw new Error('OpenAI embedder: model must not be empty');
  const rawUrl = embeddingsUrl(options.baseUrl);
  const parsed = URL.canParse(rawUrl) ? new URL(rawUrl) : undefined;
  if (parsed === undefined || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new Error(`OpenAI embedder: baseUrl must be an http(s) URL, got ${displayUrl(options.baseUrl)}`);
  }
  // fetch refuses URLs with user:password; a proxy protected that way gets them as Basic auth instead.
  const user = decodeURIComponent(parsed.username);
  const password = decodeURIComponent(parsed.password);
  const url = displayUrl(rawUrl);
  const endpoint = url;
  const source = `embeddings endpoint ${endpoint} (model ${options.model})`;
  const batchSize = positiveInt('batchSize', options.batchSize, 32);
  const policy: RetryPolicy = {
    maxRetries: Math.max(0, Math.floor(options.maxRetries ?? 3)),
    baseDelayMs: options.retryBaseMs ?? 500,
    maxDelayMs: 8_000,
    timeoutMs: positiveInt('timeoutMs', options.timeoutMs, 30_000),
  };
  // Wrapped, not stored bare: Workers throw "Illegal invocation" when the global fetch is called as a method.
  const deps = {
    fetch: options.fetch ?? ((input: Parameters<typeof fetch>[0], init?: RequestInit) => fetch(input, init)),
    sleep: options.sleep ?? defaultSleep,
  };
  const headers: Record<string, string> = {};
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
  else if (user !== '' || password !== '') headers.authorization = `Basic ${btoa(`${user}:${password}`)}`;
  const secrets = [options.apiKey ?? '', password].filter((s) => s !== '');
  const dims = new DimensionSlot(source, options.dimensions);

  async function embedBatch(texts: string[]): Promise<Float32Array[]> {
    const json = await postJson(
      url,
      headers,
      { input: texts, model: options.model, encoding_format: 'float' },
      policy,
      deps,
      secrets,
    );
    const result = responseSchema.safeParse(json);
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'unexpected shape';
      throw new EmbedderResponseError(source, `answered with an unexpected body (${where})`);
    }
    const data = result.data.data;
    if (data.length !== texts.length) {
      throw new EmbedderResponseError(source, `returned ${data.length} embeddings for ${texts.length} inputs`);
    }
    // Servers may return items out of order; `index` is authoritative when present on every item.
    const rows: (number[] | undefined)[] = new Array<number[] | undefined>(texts.length);
    data.forEach((item, position) => {
      const i = item.index ?? position;
      if (i >= texts.length || rows[i] !== undefined)
        throw new EmbedderResponseError(source, `returned a duplicate or out-of-range index ${i}`);
      rows[i] = item.embedding;
    });
    const ordered = rows.map((r) => r ?? []);
    const first = ordered[0]?.length ?? 0;
    if (ordered.some((r) => r.length !== first))
      throw new EmbedderResponseError(source, 'returned embeddings of different lengths');
    return toUnitVectors(source, ordered, dims.settle(first));
  }

  return {
    id: options.id ?? `openai:${options.model}`,
    get dimensions() {
      return dims.get();
    },
    embed: (texts) => embedInBatches(texts, batchSize, embedBatch),
    async probe() {
      const [v] = await embedBatch([PROBE_TEXT]);
      return v?.length ?? dims.get();
    },
  };
}
