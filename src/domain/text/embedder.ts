/**
 * The embedding port. Every provider (the built-in LSA embedder, an OpenAI-compatible endpoint, a local
 * ONNX model, Workers AI) implements it; `id` is recorded on every stored vector so vectors of two
 * embedders are never compared.
 *
 * Contract: `embed` returns one vector per input text, each of length `dimensions` and L2 norm 1
 * (to float32 precision), so a dot product is a cosine similarity. A text with nothing to embed (empty,
 * whitespace, only stop words or punctuation) has no meaningful direction: `embed` rejects with
 * `EmptyTextError` naming the offending indices instead of inventing a vector, so callers can answer
 * 400 or drop those items and retry.
 */
export interface Embedder {
  readonly id: string;
  readonly dimensions: number;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

export class EmptyTextError extends Error {
  readonly indices: readonly number[];
  constructor(indices: readonly number[]) {
    super(`nothing to embed in text${indices.length === 1 ? '' : 's'} at index ${indices.join(', ')}`);
    this.name = 'EmptyTextError';
    this.indices = indices;
  }
}

/** Scales `v` to unit L2 norm in place and returns its former norm (0 leaves `v` unchanged). */
export function normalizeInPlace(v: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < v.length; i++) {
    const x = v[i] ?? 0;
    sum += x * x;
  }
  const norm = Math.sqrt(sum);
  if (norm > 0) {
    const inv = 1 / norm;
    for (let i = 0; i < v.length; i++) v[i] = (v[i] ?? 0) * inv;
  }
  return norm;
}

/** Dot product of two equal-length vectors (the cosine when both are unit vectors). */
export function dot(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new Error(`dimension mismatch: ${a.length} vs ${b.length}`);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}
