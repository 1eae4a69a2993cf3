/**
 * The shipped form of a trained supervised embedder: only the feature rows some training text used,
 * each quantised to int8 with its own scale (max |x| / 127), and the label rows in float32, base64
 * encoded so the artefact is a plain module that Node and the Workers bundle import alike.
 */
import { base64ToBytes, base64ToFloat32, bytesToBase64, float32ToBase64 } from './base64.ts';
import { createFnv1a } from './hash.ts';
import type { TrainedWeights } from './supervised-train.ts';

const SUPERVISED_ARTEFACT_VERSION = 1;

export interface SupervisedArtefact {
  readonly version: number;
  /** `supervised:<fnv1a of the content>`, recorded on every vector it makes. */
  readonly id: string;
  readonly dimensions: number;
  readonly buckets: number;
  readonly labels: number;
  /** Softmax temperature of the label mixture an embedding is made of. */
  readonly temperature: number;
  /** Sorted bucket ids that have a row (Uint32 little-endian, base64). */
  readonly rows: string;
  /** One float32 scale per row (base64). */
  readonly scales: string;
  /** rows × dimensions int8 values (base64). */
  readonly input: string;
  /** labels × dimensions float32 (base64). */
  readonly output: string;
  readonly attribution: string;
}

export type SupervisedArtefactContent = Omit<SupervisedArtefact, 'id'>;

export function supervisedArtefactId(content: SupervisedArtefactContent): string {
  const h = createFnv1a();
  for (const part of [content.version, content.dimensions, content.buckets, content.labels, content.temperature])
    h.updateString(String(part));
  for (const part of [content.rows, content.scales, content.input, content.output]) h.updateString(part);
  return `supervised:v${content.version}:${content.dimensions}d:${h.hex()}`;
}

export interface PackOptions {
  /** Keep a bucket's row only when at least this many training texts used it (smaller artefact). */
  readonly minUses: number;
  readonly temperature: number;
  readonly attribution: string;
}

export function packSupervised(weights: TrainedWeights, options: PackOptions): SupervisedArtefact {
  const d = weights.dimensions;
  const kept: number[] = [];
  for (let b = 0; b < weights.buckets; b++) if ((weights.bucketUses[b] ?? 0) >= options.minUses) kept.push(b);
  const rows = Uint32Array.from(kept);
  const scales = new Float32Array(rows.length);
  const input = new Int8Array(rows.length * d);
  rows.forEach((b, r) => {
    let max = 0;
    for (let c = 0; c < d; c++) max = Math.max(max, Math.abs(weights.input[b * d + c] ?? 0));
    const scale = max > 0 ? max / 127 : 1;
    scales[r] = scale;
    for (let c = 0; c < d; c++) input[r * d + c] = Math.round((weights.input[b * d + c] ?? 0) / scale);
  });
  const content: SupervisedArtefactContent = {
    version: SUPERVISED_ARTEFACT_VERSION,
    dimensions: d,
    buckets: weights.buckets,
    labels: weights.labels,
    temperature: options.temperature,
    rows: bytesToBase64(new Uint8Array(rows.buffer)),
    scales: float32ToBase64(scales),
    input: bytesToBase64(new Uint8Array(input.buffer)),
    output: float32ToBase64(weights.output),
    attribution: options.attribution,
  };
  return { ...content, id: supervisedArtefactId(content) };
}

export interface UnpackedSupervised {
  readonly dimensions: number;
  readonly buckets: number;
  readonly labels: number;
  readonly temperature: number;
  /** bucket → row index, −1 where the bucket has no row. */
  readonly rowOf: Int32Array;
  readonly scales: Float32Array;
  readonly input: Int8Array;
  readonly output: Float32Array;
}

export function unpackSupervised(artefact: SupervisedArtefact): UnpackedSupervised {
  if (artefact.version !== SUPERVISED_ARTEFACT_VERSION)
    throw new Error(`unsupported supervised artefact version ${artefact.version}`);
  const rowBytes = base64ToBytes(artefact.rows);
  const view = new DataView(rowBytes.buffer, rowBytes.byteOffset, rowBytes.byteLength);
  const rowOf = new Int32Array(artefact.buckets).fill(-1);
  for (let r = 0; r < rowBytes.length / 4; r++) {
    const bucket = view.getUint32(r * 4, true);
    if (bucket >= artefact.buckets) throw new Error('supervised artefact row outside its buckets');
    rowOf[bucket] = r;
  }
  const inputBytes = base64ToBytes(artefact.input);
  const input = new Int8Array(inputBytes.buffer, inputBytes.byteOffset, inputBytes.byteLength);
  const scales = base64ToFloat32(artefact.scales);
  const output = base64ToFloat32(artefact.output);
  if (scales.length * artefact.dimensions !== input.length || output.length !== artefact.labels * artefact.dimensions) {
    throw new Error('supervised artefact arrays do not match its dimensions');
  }
  return {
    dimensions: artefact.dimensions,
    buckets: artefact.buckets,
    labels: artefact.labels,
    temperature: artefact.temperature,
    rowOf,
    scales,
    input,
    output,
  };
}
