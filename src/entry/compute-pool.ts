import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Embedder } from '../domain/text/embedder.ts';
import {
  inThreadCompute,
  type ComputeItem,
  type ComputeResult,
  type IndexCompute,
} from '../services/matching/index-compute.ts';
import { portableEmbedder } from '../services/matching/portable-embedder.ts';

type Reply = { id: number; results: ComputeResult[] } | { id: number; error: string } | { ready: true };

/**
 * Derives and embeds in `size` worker threads (default: one per core), each with its own copy of the embedder,
 * so indexing a large tenant uses every core and leaves this thread free for I/O and requests. An embedder that
 * cannot be rebuilt in a worker (a remote or ONNX one, which parallelises on its own side) computes in this thread.
 */
export async function computePool(embedder: Embedder, size = availableParallelism()): Promise<IndexCompute> {
  const portable = portableEmbedder(embedder);
  if (!portable || size < 1) return inThreadCompute(embedder);
  const pending = new Map<number, { resolve: (r: ComputeResult[]) => void; reject: (e: Error) => void }>();
  let next = 0;
  const start = (): Promise<Worker> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(new URL('./compute-worker.ts', import.meta.url), { workerData: portable });
      worker.on('message', (reply: Reply) => {
        if ('ready' in reply) return resolve(worker);
        const waiting = pending.get(reply.id);
        pending.delete(reply.id);
        if ('error' in reply) waiting?.reject(new Error(`index compute worker: ${reply.error}`));
        else waiting?.resolve(reply.results);
      });
      worker.on('error', (error) => {
        reject(error);
        for (const w of pending.values()) w.reject(error);
        pending.clear();
      });
    });
  const workers = await Promise.all(Array.from({ length: size }, start));
  const busy = new Map<Worker, number>(workers.map((w) => [w, 0]));
  return {
    parallelism: size,
    run(items: ComputeItem[]) {
      // The least busy worker: batches are of similar size, so this keeps every core fed.
      const [worker] = [...busy.entries()].sort((a, b) => a[1] - b[1])[0] ?? [];
      if (!worker) return Promise.reject(new Error('the compute pool is closed'));
      const id = next++;
      busy.set(worker, (busy.get(worker) ?? 0) + 1);
      return new Promise<ComputeResult[]>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, items });
      }).finally(() => busy.set(worker, Math.max(0, (busy.get(worker) ?? 1) - 1)));
    },
    async close() {
      busy.clear();
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
