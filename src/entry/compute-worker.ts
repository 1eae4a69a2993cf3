/** A worker thread of compute-pool.ts: rebuilds the embedder once, then computes the batches it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { computeItems, type ComputeItem } from '../services/matching/index-compute.ts';
import { rebuildEmbedder, type PortableEmbedder } from '../services/matching/portable-embedder.ts';

const port = parentPort;
if (!port) throw new Error('compute-worker.ts runs as a worker thread (src/entry/compute-pool.ts)');
const embedder = await rebuildEmbedder(workerData as PortableEmbedder);
port.on('message', (task: { id: number; items: ComputeItem[] }) => {
  computeItems(embedder, task.items).then(
    (results) => {
      const transfer = results.flatMap((r) => (r.vector ? [r.vector.buffer as ArrayBuffer] : []));
      port.postMessage({ id: task.id, results }, transfer);
    },
    (error: unknown) =>
      port.postMessage({ id: task.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
port.postMessage({ ready: true });
