/**
 * Helpers shared by the embedding adapters (HTTP, ONNX, Workers AI): input checks, batching and
 * turning a provider's raw rows into the unit vectors the `Embedder` port promises.
 */
import { EmptyTextError, normalizeInPlace } from '../domain/text/embedder.ts';

/** A provider answered with something that breaks the contract (wrong count, ragged rows, NaN, zero vector). */
export class EmbedderResponseError extends Error {
  readonly source: string;
  constructor(source: string, detail: string) {
    super(`${source}: ${detail}`);
    this.name = 'EmbedderResponseError';
    this.source = source;
  }
}

/**
 * Neural models will happily embed "" into some vector, but it carries no meaning, so the port's rule
 * applies: reject texts that are empty or only whitespace, naming every offending index at once.
 */
function rejectEmptyTexts(texts: readonly string[]): void {
  const empty: number[] = [];
  texts.forEach((t, i) => {
    if (t.trim() === '') empty.push(i);
  });
  if (empty.length > 0) throw new EmptyTextError(empty);
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function positiveInt(name: string, value: number | undefined, fallback: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < 1) throw new RangeError(`${name} must be a positive integer, got ${String(v)}`);
  return v;
}

/**
 * Converts provider rows to unit Float32Arrays, checking that every row has `dimensions` finite
 * entries and a non-zero norm (a zero vector has no direction, so it cannot honour the unit-norm contract).
 */
export function toUnitVectors(
  source: string,
  rows: readonly (readonly number[] | Float32Array)[],
  dimensions: number,
): Float32Array[] {
  return rows.map((row, i) => {
    if (row.length !== dimensions) {
      throw new EmbedderResponseError(source, `vector ${i} has ${row.length} dimensions, expected ${dimensions}`);
    }
    const v = Float32Array.from(row);
    for (let j = 0; j < v.length; j++) {
      if (!Number.isFinite(v[j])) throw new EmbedderResponseError(source, `vector ${i} has a non-finite value at ${j}`);
    }
    if (normalizeInPlace(v) === 0) throw new EmbedderResponseError(source, `vector ${i} is all zeros`);
    return v;
  });
}

/**
 * Holds a provider's dimension count: given up front or learnt from the first answer. Reading it
 * before either throws, because a guessed size would be silently wrong in every stored vector.
 */
export class DimensionSlot {
  private value: number | undefined;
  private readonly source: string;
  constructor(source: string, initial: number | undefined) {
    if (initial !== undefined) positiveInt('dimensions', initial, initial);
    this.source = source;
    this.value = initial;
  }
  get known(): number | undefined {
    return this.value;
  }
  get(): number {
    if (this.value === undefined)
      throw new Error(`${this.source}: dimensions unknown until probe() or the first embed() has run`);
    return this.value;
  }
  /** Records the size of a first answer, or checks later answers against it. */
  settle(observed: number): number {
    if (this.value === undefined) {
      if (observed < 1) throw new EmbedderResponseError(this.source, 'returned empty vectors');
      this.value = observed;
    } else if (observed !== this.value) {
      throw new EmbedderResponseError(this.source, `returned ${observed}-dimensional vectors, expected ${this.value}`);
    }
    return this.value;
  }
}

/** Rejects empty texts, then embeds in batches of `batchSize`, in order. */
export async function embedInBatches(
  texts: readonly string[],
  batchSize: number,
  embedBatch: (batch: string[]) => Promise<Float32Array[]>,
): Promise<Float32Array[]> {
  rejectEmptyTexts(texts);
  const out: Float32Array[] = [];
  for (const batch of chunk(texts, batchSize)) out.push(...(await embedBatch(batch)));
  return out;
}
