/**
 * A worker thread of embedding-pool.ts: holds the embedders it is told to load (by their portable form; the pool says
 * which to drop) and embeds one request's texts at a time, in the batches the
 * serving thread would use, stopping between batches when the request is cancelled.
 */
import { parentPort } from 'node:worker_threads';
import type { Embedder } from '../domain/text/embedder.ts';
import { rebuildEmbedder, type PortableEmbedder } from '../services/matching/portable-embedder.ts';
import { embedInBatches } from '../services/matching/text-embedding.ts';
import { lowerThreadPriority } from './thread-priority.ts';

export type EmbeddingWorkerRequest =
  | { type: 'load'; id: string; portable: PortableEmbedder; evict: string[] }
  | { type: 'embed'; task: number; embedder: string; texts: string[]; cancel: Int32Array };

export type EmbeddingWorkerReply =
  | { task: number; vectors: Float32Array; dimensions: number; tokens: number; seconds: number[] }
  | { task: number; empty: number[]; seconds: number[] }
  | { task: number; cancelled: true }
  | { task: number; error: string };

const port = parentPort;
if (!port) throw new Error('embedding-worker.ts runs as a worker thread (src/entry/embedding-pool.ts)');
// Below the serving thread: one client's bulk embedding takes the CPU that serving leaves.
lowerThreadPriority(10);
const embedders = new Map<string, Promise<Embedder>>();

class Cancelled extends Error {}

async function embed(m: Extract<EmbeddingWorkerRequest, { type: 'embed' }>): Promise<EmbeddingWorkerReply> {
  const embedder = await embedders.get(m.embedder);
  if (!embedder) return { task: m.task, error: `embedder ${m.embedder} was not loaded in this thread` };
  try {
    const { vectors, tokens, empty, seconds } = await embedInBatches(embedder, m.texts, () => {
      if (Atomics.load(m.cancel, 0) !== 0) throw new Cancelled();
    });
    if (empty.length > 0) return { task: m.task, empty, seconds };
    // One buffer for every vector, moved (not copied) to the serving thread.
    const flat = new Float32Array(vectors.length * embedder.dimensions);
    vectors.forEach((v, i) => flat.set(v, i * embedder.dimensions));
    return { task: m.task, vectors: flat, dimensions: embedder.dimensions, tokens, seconds };
  } catch (error) {
    if (error instanceof Cancelled) return { task: m.task, cancelled: true };
    throw error;
  }
}

port.on('message', (m: EmbeddingWorkerRequest) => {
  if (m.type === 'load') {
    const loading = rebuildEmbedder(m.portable);
    loading.catch(() => {}); // reported by the embed that awaits it
    for (const id of m.evict) embedders.delete(id);
    embedders.set(m.id, loading);
    return;
  }
  embed(m).then(
    (reply) => port.postMessage(reply, 'vectors' in reply ? [reply.vectors.buffer as ArrayBuffer] : []),
    (error: unknown) =>
      port.postMessage({ task: m.task, error: error instanceof Error ? error.message : String(error) }),
  );
});
