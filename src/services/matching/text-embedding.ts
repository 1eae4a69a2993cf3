import { DomainError } from '../../domain/errors.ts';
import { EmptyTextError, type Embedder } from '../../domain/text/embedder.ts';
import { analyze } from '../../domain/text/tokenize.ts';
import { processMetrics } from '../metrics.ts';

/**
 * Where a request's bulk embedding of user text runs (POST /v1/embeddings): on Node in a pool of worker threads
 * (src/entry/embedding-pool.ts), so a flood costs other requests a share of the CPU rather than the event loop; on
 * Workers, which have no threads, in this thread in batches that give the event loop back (batchedTextEmbedding).
 * Both embed with the same embedder in the same batches, so their vectors are bit-identical.
 */
export interface TextEmbedding {
  /**
   * One vector per text, in order. Rejects with EmptyTextError naming every input (of the whole request) with
   * nothing to embed, with a DomainError 'unavailable' (Retry-After) when the work cannot be queued, and with
   * `cancelled()` once `signal` aborts. `tokens` counts the words of every input (the response's usage), counted
   * where the embedding runs because tokenising 200,000 characters is CPU work too.
   */
  embed(embedder: Embedder, texts: readonly string[], signal?: AbortSignal): Promise<EmbeddedTexts>;
}

export interface EmbeddedTexts {
  vectors: Float32Array[];
  tokens: number;
}

/** One call to the embedder per batch into bole_embedder_duration_seconds, wherever the batches ran. */
export function observeBatches(embedderId: string, seconds: readonly number[]): void {
  for (const s of seconds) processMetrics.embedSeconds.observe({ embedder: embedderId }, s);
}

const EMBED_BATCH = 8;
/**
 * Characters one batch holds (one input more when a single input is longer): the event loop is given back between
 * batches, so this bounds how long a large request holds everyone else's requests at each step (about 20 ms on a busy
 * machine; batches of 8 inputs of 10,000 characters held it for 400 ms, and recommendations waited at every await).
 */
const EMBED_BATCH_CHARACTERS = 4_000;

/** Consecutive [from, to) ranges of `texts`: at most EMBED_BATCH inputs and EMBED_BATCH_CHARACTERS, never empty. */
export function batches(texts: readonly string[]): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  let characters = 0;
  for (let i = 0; i < texts.length; i++) {
    const n = texts[i]?.length ?? 0;
    if (i > from && (i - from >= EMBED_BATCH || characters + n > EMBED_BATCH_CHARACTERS)) {
      out.push([from, i]);
      from = i;
      characters = 0;
    }
    characters += n;
  }
  if (texts.length > from) out.push([from, texts.length]);
  return out;
}

/** The error a cancelled embedding rejects with (its client has gone; nobody reads the answer). */
export const cancelled = (): DomainError =>
  new DomainError('unavailable', 'The embedding request was cancelled by its client.', { extra: { retryAfter: 1 } });

/**
 * Embeds `texts` batch by batch, calling `between` before every batch but the first (to yield, or to stop when
 * cancelled), and collects the inputs with nothing to embed across the whole request instead of stopping at the first.
 * `seconds` is how long each call to the embedder took (for the metric, observed by the caller's thread).
 */
export async function embedInBatches(
  embedder: Embedder,
  texts: readonly string[],
  between: () => Promise<void> | void,
): Promise<EmbeddedTexts & { empty: number[]; seconds: number[] }> {
  const vectors: Float32Array[] = [];
  const empty: number[] = [];
  const seconds: number[] = [];
  let tokens = 0;
  for (const [from, to] of batches(texts)) {
    if (from > 0) await between();
    for (let i = from; i < to; i++) tokens += analyze(texts[i] ?? '').length;
    const started = performance.now();
    try {
      vectors.push(...(await embedder.embed(texts.slice(from, to))));
    } catch (error) {
      if (!(error instanceof EmptyTextError)) throw error;
      empty.push(...error.indices.map((i) => from + i));
    } finally {
      seconds.push((performance.now() - started) / 1000);
    }
  }
  return { vectors, tokens, empty, seconds };
}

/** In this thread, giving the event loop back between batches: the Workers path and the fallback on Node. */
export const batchedTextEmbedding: TextEmbedding = {
  async embed(embedder, texts, signal) {
    if (signal?.aborted) throw cancelled();
    const { vectors, tokens, empty, seconds } = await embedInBatches(embedder, texts, async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (signal?.aborted) throw cancelled();
    });
    observeBatches(embedder.id, seconds);
    if (empty.length > 0) throw new EmptyTextError(empty);
    return { vectors, tokens };
  },
};
