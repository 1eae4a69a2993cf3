import { TopK } from './topk.ts';
import { dotF32, dotI8, quantizeRow, sumRowsF32, sumRowsI8 } from './vector-index-kernels.ts';

/**
 * Exact top-k by dot product (the cosine for the unit vectors every Embedder returns) over contiguous
 * Float32Array rows, with an int8 copy scanned first.
 *
 * search(): (1) scan every allowed row's int8 codes against the float query, keeping the C best
 * approximate scores (C = max(4k, 40) by default) in a bounded heap; (2) rescore those C rows in float32;
 * (3) certify: every row outside the C has approx ≤ θₐ (the C-th approximate score) and
 * |exact − approx| ≤ ‖residual_row‖·‖q‖ ≤ εmax·‖q‖, so if θₐ + εmax·‖q‖ < the k-th exact score, no row
 * outside could enter the top k and the answer is exact. If the certificate fails, a second int8 pass
 * rescores every row whose bound reaches the k-th exact score. The result therefore always equals a
 * float32 brute-force scan (same kernel, same summation order, same tie rule: lower row first).
 *
 * Filters (a Uint8Array mask by row, or a predicate on the row) are applied inside the scan, so a
 * filtered query still returns the k best allowed rows, never fewer because a short list was cut.
 *
 * Rows are dense: remove() moves the last row into the hole (swap-remove), so a row number is only
 * meaningful until the next remove; masks must be built against the current rows (buildMask).
 */

export type RowFilter = Uint8Array | ((row: number) => boolean);

export interface VectorHit {
  readonly id: string;
  readonly row: number;
  readonly score: number;
}

export interface ScoredHit extends VectorHit {
  /** The raw dot product (cosine for unit vectors). */
  readonly dot: number;
}

export interface VectorIndexOptions {
  readonly initialCapacity?: number;
  /** Candidates rescored in float32 for a top-k query (default max(4k, 40)). */
  readonly candidates?: (k: number) => number;
}

export interface SearchStats {
  /** Rows that passed the filter. */
  readonly allowed: number;
  /** Rows rescored in float32. */
  readonly rescored: number;
  /** True when the int8 stage's bound proved the candidate set sufficient (no second pass). */
  readonly certified: boolean;
}

// Covers float rounding in the approximate score and the bound itself.
const BOUND_SLACK = 1e-6;
/** Buckets of searchScored's counting sort by bias. */
const BIAS_BUCKETS = 256;
/** Rows searchScored scores in bias order before its sequential pass (enough to set a useful threshold). */
const SEED_MIN = 256;
const SEED_PER_K = 16;

export class VectorIndex {
  readonly dimensions: number;
  #capacity: number;
  #size = 0;
  #data: Float32Array;
  #codes: Int8Array;
  #scales: Float32Array;
  #residuals: Float32Array;
  #ids: string[] = [];
  readonly #rows = new Map<string, number>();
  /** An upper bound of every stored residual norm (not lowered by removals, which keeps it valid). */
  #maxResidual = 0;
  readonly #candidates: (k: number) => number;
  #lastStats: SearchStats = { allowed: 0, rescored: 0, certified: true };

  constructor(dimensions: number, options: VectorIndexOptions = {}) {
    if (!Number.isInteger(dimensions) || dimensions < 1) throw new RangeError('dimensions must be a positive integer');
    this.dimensions = dimensions;
    this.#capacity = Math.max(1, options.initialCapacity ?? 1024);
    this.#data = new Float32Array(this.#capacity * dimensions);
    this.#codes = new Int8Array(this.#capacity * dimensions);
    this.#scales = new Float32Array(this.#capacity);
    this.#residuals = new Float32Array(this.#capacity);
    this.#candidates = options.candidates ?? ((k) => Math.max(4 * k, 40));
  }

  get size(): number {
    return this.#size;
  }

  get capacity(): number {
    return this.#capacity;
  }

  /** Statistics of the most recent search(). */
  get lastSearch(): SearchStats {
    return this.#lastStats;
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
    return this.#data.slice(row * this.dimensions, (row + 1) * this.dimensions);
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
    this.#data.set(vector, row * d);
    const { scale, residual } = quantizeRow(this.#data, row * d, d, this.#codes, row * d);
    this.#scales[row] = scale;
    this.#residuals[row] = residual;
    this.#maxResidual = Math.max(this.#maxResidual, Math.fround(residual) * (1 + 1e-6));
    return row;
  }

  /** Removes `id` (the last row moves into its place); returns false if it was absent. */
  remove(id: string): boolean {
    const row = this.#rows.get(id);
    if (row === undefined) return false;
    const last = this.#size - 1;
    const d = this.dimensions;
    if (row !== last) {
      const lastId = this.#ids[last] ?? '';
      this.#data.copyWithin(row * d, last * d, (last + 1) * d);
      this.#codes.copyWithin(row * d, last * d, (last + 1) * d);
      this.#scales[row] = this.#scales[last] ?? 0;
      this.#residuals[row] = this.#residuals[last] ?? 0;
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

  /** Exact top-k through the int8 first stage (see the class comment). */
  search(query: ArrayLike<number>, k: number, filter?: RowFilter): VectorHit[] {
    const q = this.#query(query);
    const d = this.dimensions;
    const n = this.#size;
    const mask = filter instanceof Uint8Array ? filter : undefined;
    const allow = typeof filter === 'function' ? filter : undefined;
    if (mask !== undefined && mask.length < n) throw new RangeError('mask is shorter than the index; rebuild it');
    const kk = Math.max(0, Math.min(Math.floor(k), n));
    const stage1 = new TopK(Math.max(kk, Math.min(n, Math.floor(this.#candidates(kk)))));
    const codes = this.#codes;
    const scales = this.#scales;
    let allowed = 0;
    for (let row = 0; row < n; row++) {
      if (mask !== undefined && mask[row] === 0) continue;
      if (allow !== undefined && !allow(row)) continue;
      allowed++;
      const approx = dotI8(codes, row * d, q, d) * (scales[row] as number);
      if (approx >= stage1.threshold) stage1.push(approx, row);
    }
    const final = new TopK(kk);
    const candidates = stage1.rows();
    const data = this.#data;
    for (const row of candidates) final.push(dotF32(data, row * d, q, d), row);
    let qNorm = 0;
    for (let i = 0; i < d; i++) qNorm += (q[i] as number) * (q[i] as number);
    qNorm = Math.sqrt(qNorm);
    const kth = final.threshold;
    const everyAllowedRescored = stage1.size === allowed;
    const certified = everyAllowedRescored || kk === 0
      || stage1.threshold + this.#maxResidual * qNorm + BOUND_SLACK < kth;
    let rescored = candidates.length;
    if (!certified) {
      const seen = new Uint8Array(n);
      for (const row of candidates) seen[row] = 1;
      const residuals = this.#residuals;
      for (let row = 0; row < n; row++) {
        if (seen[row] === 1) continue;
        if (mask !== undefined && mask[row] === 0) continue;
        if (allow !== undefined && !allow(row)) continue;
        const approx = dotI8(codes, row * d, q, d) * (scales[row] as number);
        if (approx + (residuals[row] as number) * qNorm + BOUND_SLACK >= final.threshold) {
          final.push(dotF32(data, row * d, q, d), row);
          rescored++;
        }
      }
    }
    this.#lastStats = { allowed, rescored, certified };
    return this.#hits(final);
  }

  /**
   * Exact top-k of weight·clamp₀¹(q·v) + bias[row] over rows with a finite bias (−∞ excludes a row): the
   * hybrid ranking, where bias is the rest of the additive score. Since clamp(q·v) ≤ 1, a row whose
   * bias + weight cannot beat the current k-th score is skipped without computing its dot product.
   * Rows are visited in descending bias buckets (a counting sort into BIAS_BUCKETS equal-width buckets),
   * so the k-th score rises early and the scan stops at the first bucket whose top bias + weight falls
   * below it: only rows with bias ≥ (final k-th score − weight) pay for a dot product. The visiting order
   * changes no result: TopK keeps the same (score desc, row asc) top k whatever order rows arrive in.
   */
  searchScored(query: ArrayLike<number>, k: number, scoring: { weight: number; bias: Float64Array }): ScoredHit[] {
    const q = this.#query(query);
    const d = this.dimensions;
    const n = this.#size;
    const { weight, bias } = scoring;
    if (bias.length < n) throw new RangeError('bias is shorter than the index; rebuild it');
    const top = new TopK(Math.max(0, Math.min(Math.floor(k), n)));
    const dots = new Map<number, number>();
    const data = this.#data;
    let lo = Infinity;
    let hi = -Infinity;
    let allowed = 0;
    for (let row = 0; row < n; row++) {
      const b = bias[row] as number;
      if (b === -Infinity) continue;
      allowed++;
      if (b < lo) lo = b;
      if (b > hi) hi = b;
    }
    // Bucket of a bias: monotone in b, top bucket holds hi. Width 0 (all equal) puts every row in bucket 0.
    const width = hi > lo ? (hi - lo) / BIAS_BUCKETS : 0;
    const bucketOf = (b: number): number => (width === 0 ? 0 : Math.min(BIAS_BUCKETS - 1, Math.floor((b - lo) / width)));
    const starts = new Int32Array(BIAS_BUCKETS + 1);
    for (let row = 0; row < n; row++) {
      const b = bias[row] as number;
      if (b !== -Infinity) starts[bucketOf(b) + 1] = (starts[bucketOf(b) + 1] as number) + 1;
    }
    for (let j = 0; j < BIAS_BUCKETS; j++) starts[j + 1] = (starts[j + 1] as number) + (starts[j] as number);
    const order = new Int32Array(allowed);
    const fill = starts.slice(0, BIAS_BUCKETS);
    for (let row = 0; row < n; row++) {
      const b = bias[row] as number;
      if (b === -Infinity) continue;
      const j = bucketOf(b);
      order[fill[j] as number] = row;
      fill[j] = (fill[j] as number) + 1;
    }
    let computed = 0;
    const seen = new Uint8Array(n);
    const visit = (row: number, b: number): void => {
      const dotValue = dotF32(data, row * d, q, d);
      computed++;
      seen[row] = 1;
      const score = weight * Math.min(1, Math.max(0, dotValue)) + b;
      if (top.push(score, row)) dots.set(row, dotValue);
    };
    // Phase 1, in descending bias: the most promising rows set a high threshold early.
    const seed = Math.max(SEED_MIN, SEED_PER_K * top.k);
    seeding: for (let j = BIAS_BUCKETS - 1; j >= 0; j--) {
      const start = starts[j] as number;
      const end = starts[j + 1] as number;
      if (start === end) continue;
      // Every bias in bucket j is < lo + (j+1)·width (≤ hi for the top bucket); the slack covers rounding.
      const bucketTop = j === BIAS_BUCKETS - 1 ? hi : lo + (j + 1) * width + BOUND_SLACK;
      if (bucketTop + weight < top.threshold) break;
      for (let o = start; o < end; o++) {
        const row = order[o] as number;
        const b = bias[row] as number;
        if (b + weight < top.threshold) continue;
        visit(row, b);
        if (computed >= seed) break seeding;
      }
    }
    // Phase 2, in row order: memory is read sequentially, so a query whose threshold prunes little costs
    // about one pass over the rows instead of a random walk through them. Skips stay exact: the threshold
    // only rises, so a row skipped here could never have entered the top k.
    for (let row = 0; row < n; row++) {
      if (seen[row] === 1) continue;
      const b = bias[row] as number;
      if (b === -Infinity || b + weight < top.threshold) continue;
      visit(row, b);
    }
    this.#lastStats = { allowed, rescored: computed, certified: true };
    const { rows, scores } = top.sorted();
    return Array.from(rows, (row, i) => ({ id: this.#ids[row] ?? '', row, score: scores[i] ?? 0, dot: dots.get(row) ?? 0 }));
  }

  /** Plain float32 brute force with the same kernel: the reference for tests and a fallback. */
  searchExact(query: ArrayLike<number>, k: number, filter?: RowFilter): VectorHit[] {
    const q = this.#query(query);
    const d = this.dimensions;
    const mask = filter instanceof Uint8Array ? filter : undefined;
    const allow = typeof filter === 'function' ? filter : undefined;
    const top = new TopK(Math.max(0, Math.min(Math.floor(k), this.#size)));
    for (let row = 0; row < this.#size; row++) {
      if (mask !== undefined && mask[row] === 0) continue;
      if (allow !== undefined && !allow(row)) continue;
      top.push(dotF32(this.#data, row * d, q, d), row);
    }
    return this.#hits(top);
  }

  /**
   * The speed floor: one sequential pass summing the vector memory (float32 rows, or the int8 copy that
   * search() scans first). Returns the sum so the work cannot be optimised away.
   */
  scanFloor(memory: 'float32' | 'int8' = 'float32'): number {
    return memory === 'int8'
      ? sumRowsI8(this.#codes, this.#size, this.dimensions)
      : sumRowsF32(this.#data, this.#size, this.dimensions);
  }

  #query(query: ArrayLike<number>): Float32Array {
    if (query.length !== this.dimensions) {
      throw new RangeError(`query has ${query.length} dimensions, index has ${this.dimensions}`);
    }
    const q = query instanceof Float32Array ? query : Float32Array.from(query);
    for (let i = 0; i < q.length; i++) if (!Number.isFinite(q[i])) throw new RangeError('query is not finite');
    return q;
  }

  #hits(top: TopK): VectorHit[] {
    const { rows, scores } = top.sorted();
    return Array.from(rows, (row, i) => ({ id: this.#ids[row] ?? '', row, score: scores[i] ?? 0 }));
  }

  #grow(capacity: number): void {
    const d = this.dimensions;
    const data = new Float32Array(capacity * d);
    data.set(this.#data.subarray(0, this.#size * d));
    const codes = new Int8Array(capacity * d);
    codes.set(this.#codes.subarray(0, this.#size * d));
    const scales = new Float32Array(capacity);
    scales.set(this.#scales.subarray(0, this.#size));
    const residuals = new Float32Array(capacity);
    residuals.set(this.#residuals.subarray(0, this.#size));
    this.#data = data;
    this.#codes = codes;
    this.#scales = scales;
    this.#residuals = residuals;
    this.#capacity = capacity;
  }
}
