import { Worker } from 'node:worker_threads';
import type { GraduatesLoadedElsewhere, LoadGraduatesElsewhere } from '../services/matching/graduate-engine.ts';
import type { GraduateLoadJob } from './graduate-load-worker.ts';

/**
 * A tenant's first graduate load in a worker thread with its own PostgreSQL connections (graduate-load-worker.ts),
 * so that on two cores a start builds the graduate index while the serving thread builds the posting index: the
 * two together were about half each of a start's CPU at 100k + 100k (docs/scale.md). A failed thread is reported
 * and answered null: the serving thread then loads the graduates itself, as it does without this.
 */
export function loadGraduatesInWorker(
  url: string,
  embedder: { id: string; dimensions: number },
  onError: (error: unknown) => void,
): LoadGraduatesElsewhere {
  return (tenantId) =>
    new Promise((resolve) => {
      const job: GraduateLoadJob = { url, tenantId, embedder: { id: embedder.id, dimensions: embedder.dimensions } };
      const worker = new Worker(new URL('./graduate-load-worker.ts', import.meta.url), { workerData: job });
      let settled = false;
      const settle = (loaded: GraduatesLoadedElsewhere | null) => {
        if (settled) return;
        settled = true;
        resolve(loaded);
      };
      worker.once('message', (loaded: GraduatesLoadedElsewhere) => settle(loaded));
      worker.once('error', (error) => {
        onError(error);
        settle(null);
      });
      worker.once('exit', (code) => {
        if (!settled) onError(new Error(`the graduate loading thread exited with code ${code} before its index`));
        settle(null);
      });
    });
}
