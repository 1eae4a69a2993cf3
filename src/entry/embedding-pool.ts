import { Worker } from 'node:worker_threads';
import { DomainError } from '../domain/errors.ts';
import { EmptyTextError, type Embedder } from '../domain/text/embedder.ts';
import { portableEmbedder } from '../services/matching/portable-embedder.ts';
import {
  batchedTextEmbedding,
  cancelled,
  observeBatches,
  type EmbeddedTexts,
  type TextEmbedding,
} from '../services/matching/text-embedding.ts';
import type { EmbeddingWorkerReply, EmbeddingWorkerRequest } from './embedding-worker.ts';

export interface EmbeddingPoolOptions {
  /** Worker threads (each holds its own copy of the embedder, and imports the supervised model's module for it). */
  threads: number;
  /**
   * Characters of requests waiting for a thread, all together; a request that would pass it is refused with 503 and
   * Retry-After, so a flood queues bounded memory (a request that finds the queue empty always waits).
   */
  maxQueuedCharacters: number;
}

export interface EmbeddingPool extends TextEmbedding {
  /** Loads `embedder` in every thread now, so the first request does not wait for it. */
  warm(embedder: Embedder): void;
  /** Characters waiting for a thread (the bound is maxQueuedCharacters). */
  queuedCharacters(): number;
  close(): Promise<void>;
}

interface Task {
  id: number;
  embedder: Embedder;
  texts: readonly string[];
  characters: number;
  cancel: Int32Array;
  resolve: (r: EmbeddedTexts) => void;
  reject: (e: Error) => void;
  done: () => void;
}

interface Slot {
  worker: Worker;
  /** Embedder ids loaded in the thread, oldest first (at most two: the serving one and a switch's). */
  loaded: string[];
  task: Task | undefined;
}

const KEPT_PER_THREAD = 2;

/**
 * POST /v1/embeddings in worker threads (node:worker_threads), each rebuilding the embedder from its portable form
 * as `npm run embed`'s pool does, so a large request costs the requests served meanwhile a share of the CPU instead
 * of the event loop. One request runs per thread at a time; the others wait in a queue bounded by characters. An
 * embedder that cannot be rebuilt in a thread (a remote or ONNX one, which does its work elsewhere) embeds here.
 */
export function embeddingPool(options: EmbeddingPoolOptions): EmbeddingPool {
  const queue: Task[] = [];
  let queued = 0;
  let next = 0;
  let closed = false;
  const url = new URL('./embedding-worker.ts', import.meta.url);

  const send = (slot: Slot, message: EmbeddingWorkerRequest) => slot.worker.postMessage(message);
  const load = (slot: Slot, embedder: Embedder): boolean => {
    if (slot.loaded.includes(embedder.id)) return true;
    const portable = portableEmbedder(embedder);
    if (!portable) return false;
    const evict = slot.loaded.length >= KEPT_PER_THREAD ? slot.loaded.splice(0, slot.loaded.length - 1) : [];
    slot.loaded.push(embedder.id);
    send(slot, { type: 'load', id: embedder.id, portable, evict });
    return true;
  };

  const finish = (slot: Slot, reply: EmbeddingWorkerReply) => {
    const task = slot.task;
    slot.task = undefined;
    slot.worker.unref();
    if (task?.id === reply.task) {
      task.done();
      if ('seconds' in reply) observeBatches(task.embedder.id, reply.seconds);
      if ('vectors' in reply) {
        const d = reply.dimensions;
        const vectors = Array.from({ length: reply.vectors.length / d }, (_, i) =>
          reply.vectors.subarray(i * d, (i + 1) * d),
        );
        task.resolve({ vectors, tokens: reply.tokens });
      } else if ('empty' in reply) task.reject(new EmptyTextError(reply.empty));
      else if ('cancelled' in reply) task.reject(cancelled());
      else task.reject(new Error(`embedding worker: ${reply.error}`));
    }
    pump();
  };

  const start = (): Slot => {
    const slot: Slot = { worker: new Worker(url), loaded: [], task: undefined };
    slot.worker.unref();
    slot.worker.on('message', (reply: EmbeddingWorkerReply) => finish(slot, reply));
    // A thread that dies takes its request with it (a 500); a fresh thread takes its place.
    const replace = (why: string) => {
      const task = slot.task;
      slot.task = undefined;
      task?.done();
      task?.reject(new Error(`embedding worker: ${why}`));
      const at = slots.indexOf(slot);
      if (closed || at < 0) return;
      slots[at] = start();
      pump();
    };
    slot.worker.on('error', (error) => replace(error.message));
    slot.worker.on('exit', (code) => {
      if (slots.includes(slot)) replace(`exited with code ${code}`);
    });
    return slot;
  };
  const slots: Slot[] = [];
  // Threads start at the first warm or request, not with the pool: a start-up builds its indexes on every core first.
  const ensureStarted = () => {
    if (closed || slots.length > 0) return;
    for (let i = 0; i < Math.max(1, options.threads); i++) slots.push(start());
  };

  function pump(): void {
    while (queue.length > 0) {
      const idle = slots.filter((s) => s.task === undefined);
      const head = queue[0];
      if (!head || idle.length === 0) return;
      // A thread that already holds the request's embedder, else any idle one.
      const slot = idle.find((s) => s.loaded.includes(head.embedder.id)) ?? idle[0];
      if (!slot) return;
      queue.shift();
      queued -= head.characters;
      load(slot, head.embedder);
      slot.task = head;
      slot.worker.ref();
      send(slot, {
        type: 'embed',
        task: head.id,
        embedder: head.embedder.id,
        texts: [...head.texts],
        cancel: head.cancel,
      });
    }
  }

  return {
    warm(embedder) {
      ensureStarted();
      for (const slot of slots) load(slot, embedder);
    },
    queuedCharacters: () => queued,
    embed(embedder, texts, signal) {
      if (closed || !portableEmbedder(embedder)) return batchedTextEmbedding.embed(embedder, texts, signal);
      if (signal?.aborted) return Promise.reject(cancelled());
      ensureStarted();
      const characters = texts.reduce((sum, t) => sum + t.length, 0);
      const waits = slots.every((s) => s.task !== undefined);
      if (waits && queue.length > 0 && queued + characters > options.maxQueuedCharacters)
        return Promise.reject(
          new DomainError(
            'unavailable',
            `The embedder is busy: ${queued} characters of other requests are waiting; retry in a moment.`,
            { extra: { retryAfter: 1 } },
          ),
        );
      return new Promise<EmbeddedTexts>((resolve, reject) => {
        const cancel = new Int32Array(new SharedArrayBuffer(4));
        const onAbort = () => {
          const at = queue.indexOf(task);
          if (at >= 0) {
            queue.splice(at, 1);
            queued -= task.characters;
            task.done();
            reject(cancelled());
          } else Atomics.store(cancel, 0, 1); // running: the thread stops at its next batch
        };
        const task: Task = {
          id: next++,
          embedder,
          texts,
          characters,
          cancel,
          resolve,
          reject,
          done: () => signal?.removeEventListener('abort', onAbort),
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(task);
        queued += characters;
        pump();
      });
    },
    async close() {
      closed = true;
      for (const task of queue.splice(0)) {
        task.done();
        task.reject(new DomainError('unavailable', 'The server is shutting down.', { extra: { retryAfter: 1 } }));
      }
      queued = 0;
      const all = slots.splice(0);
      await Promise.all(all.map((s) => s.worker.terminate()));
      for (const s of all) {
        s.task?.done();
        s.task?.reject(new DomainError('unavailable', 'The server is shutting down.', { extra: { retryAfter: 1 } }));
      }
    },
  };
}
