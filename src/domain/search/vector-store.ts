import { KernelArena, type KernelBackend, type KernelPreference } from './simd/arena.ts';
import { quantizeRow } from './vector-index-kernels.ts';

/**
 * The memory of a VectorIndex: float32 rows and their int8 copies in one KernelArena, kept dense. The
 * search over them (vector-index.ts) extends this class; the store knows nothing of queries beyond
 * reserving their scratch.
 *
 * Rows are dense: remove() moves the last row into the hole (swap-remove), so a row number is only
 * meaningful until the next remove; masks must be built against the current rows (buildMask).
 *
 * Memory (regions laid out by layoutFor): a search's scratch (the int16 query, the rows to scan, their
 * bounds, the hybrid bias) and, per row, the int8 scale, residual norm and vector norm, the int8 codes
 * (rows padded to a multiple of 16 bytes) and the float32 vector.
 */

export interface VectorIndexOptions {
  readonly initialCapacity?: number;
  /** Where the int8 scan runs (KernelPreference; default 'auto'). Results are identical on every backend. */
  readonly kernels?: KernelPreference;
}

/** Byte offsets of the arena's regions. */
export interface Layout {
  // Scratch of one search: the int16 query, the rows to scan, their bounds, the hybrid bias.
  readonly query: number;
  readonly rows: number;
  readonly lo: number;
  readonly hi: number;
  readonly bias: number;
  // Per row, kept across growth (in this order, which #grow relies on).
  readonly scales: number;
  readonly residuals: number;
  readonly norms: number;
  readonly codes: number;
  readonly data: number;
  readonly end: number;
}

const INT32_MAX = 2 ** 31 - 1;

const align16 = (x: number): number => Math.ceil(x / 16) * 16;

/** Byte offsets of the arena's regions for `capacity` rows (every region 16-byte aligned). */
function layoutFor(capacity: number, dimensions: number, stride: number): Layout {
  const query = 0;
  const rows = align16(stride * 2);
  const lo = rows + align16(capacity * 4);
  const hi = lo + capacity * 8;
  const bias = hi + capacity * 8;
  const scales = bias + capacity * 8;
  const residuals = scales + align16(capacity * 4);
  const norms = residuals + align16(capacity * 4);
  const codes = norms + align16(capacity * 4);
  const data = codes + capacity * stride;
  const end = data + align16(capacity * dimensions * 4);
  return { query, rows, lo, hi, bias, scales, residuals, norms, codes, data, end };
}

/** A store's rows as VectorStore.restore reads them back: its arena's bytes, ids and capacity. */
export interface VectorStoreSnapshot {
  readonly dimensions: number;
  readonly capacity: number;
  readonly ids: readonly string[];
  /** The arena up to its layout's end (vectors, int8 codes, scales, norms; the scratch too). */
  readonly bytes: Uint8Array;
}

export class VectorStore {
  readonly dimensions: number;
  /** Bytes per int8 row: dimensions rounded up to a multiple of 16 (the padding stays zero). */
  protected readonly stride: number;
  /** Largest int16 query code: keeps every integer dot below 2³¹ (127 · stride · qmax ≤ INT32_MAX). */
  protected readonly qmax: number;
  protected readonly arena: KernelArena;
  protected layout: Layout;
  #capacity: number;
  #size = 0;
  // Views into the arena, rebuilt whenever it grows.
  protected data = new Float32Array(0);
  protected codes = new Int8Array(0);
  protected query16 = new Int16Array(0);
  protected rowList = new Int32Array(0);
  protected lower = new Float64Array(0);
  protected upper = new Float64Array(0);
  #scales = new Float32Array(0);
  #residuals = new Float32Array(0);
  #norms = new Float32Array(0);
  #ids: string[] = [];
  readonly #rows = new Map<string, number>();

  constructor(dimensions: number, options: VectorIndexOptions = {}) {
    if (!Number.isInteger(dimensions) || dimensions < 1) throw new RangeError('dimensions must be a positive integer');
    this.dimensions = dimensions;
    this.stride = align16(dimensions);
    this.qmax = Math.min(32_767, Math.floor(INT32_MAX / (127 * this.stride)));
    this.#capacity = Math.max(1, options.initialCapacity ?? 1024);
    this.layout = layoutFor(this.#capacity, dimensions, this.stride);
    this.arena = new KernelArena(this.layout.end, options.kernels ?? 'auto');
    this.#views();
  }

  get size(): number {
    return this.#size;
  }

  get capacity(): number {
    return this.#capacity;
  }

  /** Bytes of memory the store holds: its arena (vectors, int8 codes, scan scratch), grown by doubling. */
  get bytes(): number {
    return this.arena.buffer.byteLength;
  }

  /** Where the int8 scan runs now ('js' for small indexes and where WebAssembly cannot be compiled). */
  get backend(): KernelBackend {
    return this.arena.backend;
  }

  has(id: string): boolean {
    return this.#rows.has(id);
  }

  rowOf(id: string): number | undefined {
    return this.#rows.get(id);
  }

  idAt(row: number): string | undefined {
    return row >= 0 && row < this.#size ? this.#ids[row] : undefined;
  }

  /** A copy of the stored vector of `id`. */
  vectorOf(id: string): Float32Array | undefined {
    const row = this.#rows.get(id);
    if (row === undefined) return undefined;
    return this.data.slice(row * this.dimensions, (row + 1) * this.dimensions);
  }

  /** Inserts or replaces the vector of `id`; returns its row. */
  upsert(id: string, vector: ArrayLike<number>): number {
    const d = this.dimensions;
    if (vector.length !== d) throw new RangeError(`vector has ${vector.length} dimensions, index has ${d}`);
    for (let i = 0; i < d; i++) {
      if (!Number.isFinite(vector[i])) throw new RangeError(`vector component ${i} is not finite`);
    }
    let row = this.#rows.get(id);
    if (row === undefined) {
      if (this.#size === this.#capacity) this.#grow(this.#capacity * 2);
      row = this.#size++;
      this.#rows.set(id, row);
      this.#ids[row] = id;
    }
    const stride = this.stride;
    this.data.set(vector, row * d);
    const { scale, residual } = quantizeRow(this.data, row * d, d, this.codes, row * stride);
    // The arena may hold stale bytes past the end of a moved region: the padding must read as zero.
    this.codes.fill(0, row * stride + d, (row + 1) * stride);
    let norm = 0;
    for (let i = 0; i < d; i++) norm += (this.data[row * d + i] as number) ** 2;
    this.#scales[row] = scale;
    // Stored as float32, rounded up so that each stays an upper bound (the search's slack covers the rest).
    this.#residuals[row] = Math.fround(residual) * (1 + 1e-6);
    this.#norms[row] = Math.fround(Math.sqrt(norm)) * (1 + 1e-6);
    return row;
  }

  /** Removes `id` (the last row moves into its place); returns false if it was absent. */
  remove(id: string): boolean {
    const row = this.#rows.get(id);
    if (row === undefined) return false;
    const last = this.#size - 1;
    const d = this.dimensions;
    const stride = this.stride;
    if (row !== last) {
      const lastId = this.#ids[last] ?? '';
      this.data.copyWithin(row * d, last * d, (last + 1) * d);
      this.codes.copyWithin(row * stride, last * stride, (last + 1) * stride);
      this.#scales[row] = this.#scales[last] ?? 0;
      this.#residuals[row] = this.#residuals[last] ?? 0;
      this.#norms[row] = this.#norms[last] ?? 0;
      this.#ids[row] = lastId;
      this.#rows.set(lastId, row);
    }
    this.#rows.delete(id);
    this.#ids.length = last;
    this.#size = last;
    return true;
  }

  /** A row mask for search(), from a predicate over (id, row) — build it after the last upsert/remove. */
  buildMask(predicate: (id: string, row: number) => boolean): Uint8Array {
    const mask = new Uint8Array(this.#size);
    for (let row = 0; row < this.#size; row++) mask[row] = predicate(this.#ids[row] ?? '', row) ? 1 : 0;
    return mask;
  }

  /** A copy of the rows (bytes copied out of the arena, which another thread cannot share). */
  snapshot(): VectorStoreSnapshot {
    return {
      dimensions: this.dimensions,
      capacity: this.#capacity,
      ids: this.#ids.slice(0, this.#size),
      bytes: new Uint8Array(this.arena.buffer, 0, this.layout.end).slice(),
    };
  }

  /** Makes this empty store hold a snapshot's rows exactly as the store it was taken from held them. */
  restore(snapshot: VectorStoreSnapshot): void {
    if (this.#size !== 0) throw new Error('restore() needs an empty store');
    if (snapshot.dimensions !== this.dimensions)
      throw new RangeError(`snapshot has ${snapshot.dimensions} dimensions, store has ${this.dimensions}`);
    if (snapshot.capacity !== this.#capacity) this.#grow(snapshot.capacity);
    if (snapshot.bytes.byteLength !== this.layout.end) throw new RangeError('snapshot bytes do not fit its layout');
    new Uint8Array(this.arena.buffer).set(snapshot.bytes);
    const ids = snapshot.ids;
    for (let row = 0; row < ids.length; row++) {
      const id = ids[row] as string;
      this.#ids[row] = id;
      this.#rows.set(id, row);
    }
    this.#size = ids.length;
  }

  #views(): void {
    const buffer = this.arena.buffer;
    const { query, rows, lo, hi, scales, residuals, norms, codes, data } = this.layout;
    const cap = this.#capacity;
    this.query16 = new Int16Array(buffer, query, this.stride);
    this.rowList = new Int32Array(buffer, rows, cap);
    this.lower = new Float64Array(buffer, lo, cap);
    this.upper = new Float64Array(buffer, hi, cap);
    this.#scales = new Float32Array(buffer, scales, cap);
    this.#residuals = new Float32Array(buffer, residuals, cap);
    this.#norms = new Float32Array(buffer, norms, cap);
    this.codes = new Int8Array(buffer, codes, cap * this.stride);
    this.data = new Float32Array(buffer, data, cap * this.dimensions);
  }

  #grow(capacity: number): void {
    const old = this.layout;
    const next = layoutFor(capacity, this.dimensions, this.stride);
    this.arena.reserve(next.end);
    // Every kept region moves up (each one before it grows): move the highest first, so nothing is
    // overwritten before it is read. copyWithin handles the overlap within one region.
    const bytes = new Uint8Array(this.arena.buffer);
    const n = this.#size;
    bytes.copyWithin(next.data, old.data, old.data + n * this.dimensions * 4);
    bytes.copyWithin(next.codes, old.codes, old.codes + n * this.stride);
    for (const region of ['norms', 'residuals', 'scales'] as const) {
      bytes.copyWithin(next[region], old[region], old[region] + n * 4);
    }
    this.layout = next;
    this.#capacity = capacity;
    this.#views();
  }
}
