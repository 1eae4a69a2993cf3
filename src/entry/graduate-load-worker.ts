/**
 * A one-shot worker thread of graduate-load-thread.ts: a tenant's first graduate load (loadCurrentGraduates) on
 * connections of its own, while the serving thread loads the postings; the index goes back as a snapshot whose
 * buffers are moved, and the graduates it could not index without the embedder go back by id.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadCurrentGraduates, type GraduatesLoadedElsewhere } from '../services/matching/graduate-engine.ts';
import { snapshotTransfer } from '../domain/search/graduate-index.ts';
import { openPostgres } from '../storage/db-postgres.ts';

/** What the serving thread hands over (graduate-load-thread.ts). */
export interface GraduateLoadJob {
  url: string;
  tenantId: string;
  embedder: { id: string; dimensions: number };
}

const port = parentPort;
if (!port) throw new Error('graduate-load-worker.ts runs as a worker thread (src/entry/graduate-load-thread.ts)');
const job = workerData as GraduateLoadJob;
// Two pages read ahead, three statements each.
const database = await openPostgres(job.url, { max: 6, detectVector: false });
try {
  const loaded = await loadCurrentGraduates(database, job.tenantId, job.embedder);
  const snapshot = loaded.index.snapshot();
  // Since the thread started: its module loading too.
  const cpu = process.threadCpuUsage();
  const message: GraduatesLoadedElsewhere = {
    snapshot,
    since: loaded.since,
    deferred: loaded.deferred,
    // This thread's CPU (the meter counts the whole process's, which the serving thread shares meanwhile).
    report: { ...loaded.report, cpuMs: (cpu.user + cpu.system) / 1000, thread: 'worker' },
  };
  port.postMessage(message, snapshotTransfer(snapshot));
} finally {
  await database.close();
}
