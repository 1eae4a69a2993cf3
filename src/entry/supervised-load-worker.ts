/**
 * A one-shot worker thread of supervised-off-thread.ts: imports the shipped model, checks its id and unpacks it,
 * then hands the arrays over (moved, not copied), so the serving thread never parses the 9 MB module.
 */
import { parentPort } from 'node:worker_threads';
import { supervisedArtefactId, unpackSupervised } from '../domain/text/supervised-artefact.ts';
import { lowerThreadPriority } from './thread-priority.ts';

const port = parentPort;
if (!port) throw new Error('supervised-load-worker.ts runs as a worker thread (src/entry/supervised-off-thread.ts)');
lowerThreadPriority(10); // the replica keeps serving with its current embedder meanwhile
const { SUPERVISED_EMBEDDER: artefact } = await import('../domain/text/data/supervised-model.js');
if (supervisedArtefactId(artefact) !== artefact.id)
  throw new Error(`supervised artefact content does not match its id ${artefact.id}`);
const unpacked = unpackSupervised(artefact);
const buffers = new Set([unpacked.rowOf, unpacked.scales, unpacked.input, unpacked.output].map((a) => a.buffer));
port.postMessage({ id: artefact.id, unpacked }, [...buffers] as ArrayBuffer[]);
