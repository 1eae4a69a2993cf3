import { Worker } from 'node:worker_threads';
import type { UnpackedSupervised } from '../domain/text/supervised-artefact.ts';
import { supervisedEmbedderFrom, type SupervisedEmbedder } from '../domain/text/supervised-embedder.ts';

/**
 * The shipped supervised embedder, imported and unpacked in a worker thread: in the serving thread the import and
 * unpack held the event loop about 2.8 s (docs/scale.md), long enough for a replica following a switch to shed
 * requests with 503. The embedder is the same (same id, same arrays), built here from what the thread hands over.
 */
export function loadSupervisedOffThread(): Promise<SupervisedEmbedder> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./supervised-load-worker.ts', import.meta.url));
    let done = false;
    worker.once('message', (m: { id: string; unpacked: UnpackedSupervised }) => {
      done = true;
      resolve(supervisedEmbedderFrom(m.id, m.unpacked));
      void worker.terminate();
    });
    worker.once('error', (error) => {
      done = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!done) reject(new Error(`the supervised model's loading thread exited with code ${code}`));
    });
  });
}
