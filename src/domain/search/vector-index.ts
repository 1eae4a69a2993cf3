import type { KernelBackend } from './simd/arena.ts';
import { TopK } from './topk.ts';
import { dotF32, sumRowsF32, sumRowsI8 } from './vector-index-kernels.ts';
import { VectorStore, type VectorIndexOptions } from './vector-store.ts';

export type { VectorIndexOptions } from './vector-store.ts';

/**
 * Exact top-k by dot product (the cosine for the unit vectors every Embedder returns) over the float32
 * rows of a VectorStore, with the int8 copy of every row scanned first by a WebAssembly SIMD kernel.
 *
 * Two stages, exact by construction. (1) The query is quantised to int16 and every allowed row's int8
 * codes are multiplied with it in integers (exact), giving approx = s_q·s_r·(c_q·c_r). With q̂ = s_q·c_q,
 * e_q = q − q̂ and e_r the row's quantisation residual, Cauchy–Schwarz bounds the error:
 *   |q·r − approx| ≤ ‖q̂‖·‖e_r‖ + ‖e_q‖·‖r‖ = ε_r,
 * so every row has a lower and an upper bound on its score. θ, the k-th best lower bound, is at most the
 * k-th best exact score. (2) Rows whose upper bound reaches θ are rescored in float32 (dotF32), best upper
 * bound first, until the next upper bound falls below the k-th exact score found. No row outside could
 * enter the top k, so the answer always equals a float32 brute-force scan (same kernel, same summation
 * order, same tie rule: lower row first), whatever the data, the filter or the backend.
 *
 * Filters (for search(), a Uint8Array mask by row or a predicate on the row, applied while the scan's
 * row list is built; for searchScored(), a bias of −∞, applied inside the kernel's scan) act before
 * ranking, so a filtered query still returns the k best allowed rows, never fewer because a short list
 * was cut. Row numbers, masks and memory are the store's (vector-store.ts).
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

export interface SearchStats {
  /** Rows that passed the filter. */
  readonly allowed: number;
  /** Rows whose int8 codes were scanned (every allowed row, none when k = 0). */
  readonly scanned: number;
  /** Rows scored in float32 (dotF32). */
  readonly rescored: number;
  readonly backend: KernelBackend;
}

// Covers float rounding in the approximate score and the bound itself.
const BOUND_SLACK = 1e-6;

/**
 * searchBounded's sample, when the caller picks it in the pass that writes the upper bounds: rows to score
 * first (any rows give an exact answer; those of best upper bound give the highest θ) and the number of rows
 * with a finite bound (for lastSearch).
 */
export interface SampledRows {
  rows: Int32Array;
  allowed: number;
}

/** The `size` rows of best finite upper bound (ties: lower row) and how many rows have a finite one. */
function sampleOf(upper: Float64Array, n: number, size: number): SampledRows {
  const best = new TopK(size);
  let allowed = 0;
  let floor = best.threshold;
  for (let row = 0; row < n; row++) {
    const u = upper[row] as number;
    if (u === -Infinity) continue;
    allowed++;
    if (u >= floor && best.push(u, row)) floor = best.threshold;
  }
  return { rows: best.rows(), allowed };
}

/** The query as the int8 stage uses it: int16 codes (written into the arena) and its error terms. */
interface QuantisedQuery {
  scale: number;
  /** ‖s_q·c_q‖ and ‖q − s_q·c_q‖. */
  hatNorm: number;
  errNorm: number;
}

export class VectorIndex extends VectorStore {
  #lastStats: SearchStats;

  constructor(dimensions: number, options: VectorIndexOptions = {}) {
    super(dimensions, options);
    this.#lastStats = { allowed: 0, scanned: 0, rescored: 0, backend: this.arena.backend };
  }

  /** Statistics of the most recent search() or searchScored(). */
  get lastSearch(): SearchStats {
    return this.#lastStats;
  }

  /** Exact top-k by dot product through the int8 first stage (see the class comment). */
  search(query: ArrayLike<number>, k: number, filter?: RowFilter): VectorHit[] {
    const q = this.#query(query);
    const n = this.size;
    const mask = filter instanceof Uint8Array ? filter : undefined;
    const allow = typeof filter === 'function' ? filter : undefined;
    if (mask !== undefined && mask.length < n) throw new RangeError('mask is shorter than the index; rebuild it');
    const top = new TopK(Math.max(0, Math.min(Math.floor(k), n)));
    const list = this.rowList;
    let m = 0;
    for (let row = 0; row < n; row++) {
      if (mask !== undefined && mask[row] === 0) continue;
      if (allow !== undefined && !allow(row)) continue;
      list[m++] = row;
    }
    let rescored = 0;
    if (top.k > 0 && m > 0) {
      this.#bounds(this.#quantiseQuery(q), m);
      rescored = this.#refine(q, m, top, null);
    }
    this.#lastStats = { allowed: m, scanned: top.k === 0 ? 0 : m, rescored, backend: this.arena.backend };
    return this.#hits(top);
  }

  /**
   * Exact top-k of weight·clamp₀¹(q·v) + bias[row] over rows with a finite bias (−∞ excludes a row): the
   * hybrid ranking, where bias is the rest of the additive score. Every allowed row goes through the
   * int8 stage with its bias folded into both bounds (the score is monotone in the dot product for
   * weight ≥ 0), in one sequential pass of the kernel: measured, that beats first bounding the rows of
   * highest bias to skip the rest, whose scattered reads defeat the prefetcher (p99 4.5 vs 7.5 ms at
   * 100k). TopK keeps the same (score desc, row asc) top k whatever order rows arrive in. `floor`: the scan skips
   * rows with bias + weight below it unread (the top k of the rows that may reach it; none is left out when k do).
   */
  searchScored(
    query: ArrayLike<number>,
    k: number,
    scoring: { weight: number; bias: Float64Array; floor?: number },
  ): ScoredHit[] {
    const q = this.#query(query);
    const n = this.size;
    const { weight, bias, floor = -Infinity } = scoring;
    if (bias.length < n) throw new RangeError('bias is shorter than the index; rebuild it');
    if (!(weight >= 0) || !Number.isFinite(weight)) throw new RangeError('weight must be finite and non-negative');
    const top = new TopK(Math.max(0, Math.min(Math.floor(k), n)));
    if (top.k === 0) {
      this.#lastStats = { allowed: 0, scanned: 0, rescored: 0, backend: this.arena.backend };
      return [];
    }
    const dots = new Map<number, number>();
    const quantised = this.#quantiseQuery(q);
    const layout = this.layout;
    new Float64Array(this.arena.buffer, layout.bias, n).set(bias.subarray(0, n));
    const m = this.arena.boundsScan({
      query: layout.query,
      codes: layout.codes,
      stride: this.stride,
      n,
      scales: layout.scales,
      residuals: layout.residuals,
      norms: layout.norms,
      bias: layout.bias,
      threshold: floor,
      qScale: quantised.scale,
      hat: quantised.hatNorm,
      err: quantised.errNorm,
      slack: BOUND_SLACK,
      weight,
      rows: layout.rows,
      lo: layout.lo,
      hi: layout.hi,
    });
    const rescored = m === 0 ? 0 : this.#refine(q, m, top, { weight, bias, dots });
    this.#lastStats = { allowed: m, scanned: m, rescored, backend: this.arena.backend };
    const { rows, scores } = top.sorted();
    return Array.from(rows, (row, i) => ({
      id: this.idAt(row) ?? '',
      row,
      score: scores[i] ?? 0,
      dot: dots.get(row) ?? 0,
    }));
  }

  /**
   * searchScored for a bias that is costly to compute exactly: the exact top k of weight·clamp₀¹(q·v) +
   * exact(row) over rows with a finite `upper[row]`, given upper[row] ≥ exact(row) for every row (cheap
   * bounds for all rows, the exact bias only for the few rows that may enter). First the `sample` rows of
   * best upper bias are scored exactly: the k-th best of those, θ, is at most the k-th best score overall,
   * and a row's score is at most weight + upper[row], so the int8 stage's one pass skips every row with
   * upper[row] + weight < θ without touching its codes (most rows, when a few share much with the query).
   * The rows it bounds are scored when their upper bound hi reaches the k-th exact score found, best hi
   * first, until hi falls below it. The scores are computed as searchScored's (the same dotF32 and sum), so
   * with exact(row) = bias[row] both return the same hits; TopK keeps (score desc, row asc) whatever order
   * rows are scored in. A caller that computed `upper` in its own pass may pick the sample there (SampledRows).
   */
  searchBounded(
    query: ArrayLike<number>,
    k: number,
    scoring: { weight: number; upper: Float64Array; exact: (row: number) => number; sample: number | SampledRows },
  ): ScoredHit[] {
    const q = this.#query(query);
    const n = this.size;
    const { weight, upper: upperBias, exact } = scoring;
    if (upperBias.length < n) throw new RangeError('bias is shorter than the index; rebuild it');
    if (!(weight >= 0) || !Number.isFinite(weight)) throw new RangeError('weight must be finite and non-negative');
    const top = new TopK(Math.max(0, Math.min(Math.floor(k), n)));
    if (top.k === 0) {
      this.#lastStats = { allowed: 0, scanned: 0, rescored: 0, backend: this.arena.backend };
      return [];
    }
    const d = this.dimensions;
    const data = this.data;
    const dots = new Map<number, number>();
    const score = (row: number): void => {
      const dotValue = dotF32(data, row * d, q, d);
      if (top.push(weight * Math.min(1, Math.max(0, dotValue)) + exact(row), row)) dots.set(row, dotValue);
    };
    const { rows: sampled, allowed } =
      typeof scoring.sample === 'number'
        ? sampleOf(upperBias, n, Math.max(top.k, Math.floor(scoring.sample)))
        : scoring.sample;
    // A caller's sample may hold rows the bounds exclude: they are not scored (nor answered).
    const done = new Set<number>();
    for (const row of sampled) {
      if (row < 0 || row >= n || upperBias[row] === -Infinity || done.has(row)) continue;
      score(row);
      done.add(row);
    }
    let rescored = done.size;
    const quantised = this.#quantiseQuery(q);
    const layout = this.layout;
    const area = this.biasArea();
    if (upperBias.buffer !== area.buffer || upperBias.byteOffset !== area.byteOffset)
      area.set(upperBias.subarray(0, n));
    const m = this.arena.boundsScan({
      query: layout.query,
      codes: layout.codes,
      stride: this.stride,
      n,
      scales: layout.scales,
      residuals: layout.residuals,
      norms: layout.norms,
      bias: layout.bias,
      threshold: top.threshold,
      qScale: quantised.scale,
      hat: quantised.hatNorm,
      err: quantised.errNorm,
      slack: BOUND_SLACK,
      weight,
      rows: layout.rows,
      lo: layout.lo,
      hi: layout.hi,
    });
    const list = this.rowList;
    const hi = this.upper;
    const theta = top.threshold;
    const candidates: number[] = [];
    for (let j = 0; j < m; j++) if ((hi[j] as number) >= theta && !done.has(list[j] as number)) candidates.push(j);
    candidates.sort((a, b) => (hi[b] as number) - (hi[a] as number));
    for (const j of candidates) {
      // Sorted by upper bound: once one cannot reach the k-th exact score, none of the rest can.
      if ((hi[j] as number) < top.threshold) break;
      score(list[j] as number);
      rescored++;
    }
    this.#lastStats = { allowed, scanned: m, rescored, backend: this.arena.backend };
    const { rows, scores } = top.sorted();
    return Array.from(rows, (row, i) => ({
      id: this.idAt(row) ?? '',
      row,
      score: scores[i] ?? 0,
      dot: dots.get(row) ?? 0,
    }));
  }

  /**
   * The arena's bias area over the current rows: an `upper` written here reaches searchBounded's scan without
   * a copy. Valid until the next upsert or remove (which may move the arena).
   */
  biasArea(): Float64Array {
    return new Float64Array(this.arena.buffer, this.layout.bias, this.size);
  }

  /** One row's exact dot product with the query: the same dotF32 the searches rescore with, so bit-identical. */
  dotRow(query: ArrayLike<number>, row: number): number {
    if (row < 0 || row >= this.size) throw new RangeError(`row ${row} is not in the index`);
    return dotF32(this.data, row * this.dimensions, this.#query(query), this.dimensions);
  }

  /** dotRow of each of `rows` (the query checked once), in their order. */
  dotRows(query: ArrayLike<number>, rows: ArrayLike<number>): Float64Array {
    const q = this.#query(query);
    const d = this.dimensions;
    const out = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as number;
      if (row < 0 || row >= this.size) throw new RangeError(`row ${row} is not in the index`);
      out[i] = dotF32(this.data, row * d, q, d);
    }
    return out;
  }

  /** Plain float32 brute force with the same kernel: the reference for tests and a fallback. */
  searchExact(query: ArrayLike<number>, k: number, filter?: RowFilter): VectorHit[] {
    const q = this.#query(query);
    const d = this.dimensions;
    const mask = filter instanceof Uint8Array ? filter : undefined;
    const allow = typeof filter === 'function' ? filter : undefined;
    const top = new TopK(Math.max(0, Math.min(Math.floor(k), this.size)));
    for (let row = 0; row < this.size; row++) {
      if (mask !== undefined && mask[row] === 0) continue;
      if (allow !== undefined && !allow(row)) continue;
      top.push(dotF32(this.data, row * d, q, d), row);
    }
    return this.#hits(top);
  }

  /**
   * The speed floor: one sequential pass summing the vector memory (the float32 rows, or the int8 copy
   * that search() scans first), in plain JS or with the arena's kernel ('simd': WebAssembly where the
   * arena runs it). Returns the sum so the work cannot be optimised away.
   */
  scanFloor(memory: 'float32' | 'int8' = 'float32', kernel: 'js' | 'simd' = 'js'): number {
    const n = this.size;
    const d = this.dimensions;
    if (kernel === 'js') {
      return memory === 'int8' ? sumRowsI8(this.codes, n, this.stride) : sumRowsF32(this.data, n, d);
    }
    if (memory === 'int8') return this.arena.sumI8(this.layout.codes, n, this.stride);
    const count = n * d;
    const body = count - (count % 4);
    let tail = 0;
    for (let i = body; i < count; i++) tail += this.data[i] as number;
    return this.arena.sumF32(this.layout.data, body) + tail;
  }

  /**
   * Stage (1) of the class comment over rowList[0, m): each row's bounds on its dot product, into #lower and #upper.
   */
  #bounds(query: QuantisedQuery, m: number): void {
    const layout = this.layout;
    this.arena.boundsI8({
      query: layout.query,
      codes: layout.codes,
      stride: this.stride,
      rows: layout.rows,
      n: m,
      scales: layout.scales,
      residuals: layout.residuals,
      norms: layout.norms,
      bias: null,
      qScale: query.scale,
      hat: query.hatNorm,
      err: query.errNorm,
      slack: BOUND_SLACK,
      weight: 1,
      lo: layout.lo,
      hi: layout.hi,
    });
  }

  /**
   * Rows whose hybrid score weight·clamp₀¹(q·v) + bias[row] may reach `threshold`: every row whose upper
   * bound (the int8 stage's, one pass of the scan kernel) is at least the threshold. Rows left out
   * score below it for certain, so a count of rows above a score needs exact scores only for these.
   */
  rowsReaching(query: ArrayLike<number>, scoring: { weight: number; bias: Float64Array }, threshold: number): number[] {
    const n = this.size;
    const { weight, bias } = scoring;
    if (bias.length < n) throw new RangeError('bias is shorter than the index; rebuild it');
    if (n === 0) return [];
    new Float64Array(this.arena.buffer, this.layout.bias, n).set(bias.subarray(0, n));
    return this.rowsReachingArea(query, weight, threshold);
  }

  /**
   * rowsReaching over the bias already in biasArea(): the last rowsReaching's, or one a caller wrote there (what-if
   * variants whose bounds differ from the profile's on a few rows write those, not a copy of every row each).
   */
  rowsReachingArea(query: ArrayLike<number>, weight: number, threshold: number): number[] {
    const q = this.#query(query);
    const n = this.size;
    if (n === 0) return [];
    const quantised = this.#quantiseQuery(q);
    const layout = this.layout;
    const m = this.arena.boundsScan({
      query: layout.query,
      codes: layout.codes,
      stride: this.stride,
      n,
      scales: layout.scales,
      residuals: layout.residuals,
      norms: layout.norms,
      bias: layout.bias,
      threshold,
      qScale: quantised.scale,
      hat: quantised.hatNorm,
      err: quantised.errNorm,
      slack: BOUND_SLACK,
      weight,
      rows: layout.rows,
      lo: layout.lo,
      hi: layout.hi,
    });
    const rows: number[] = [];
    for (let j = 0; j < m; j++) if ((this.upper[j] as number) >= threshold) rows.push(this.rowList[j] as number);
    return rows;
  }

  /**
   * Stage (2) over the bounds left in #lower and #upper for rowList[0, m): pushes into `top` (empty) every row that can
   * enter it, with its exact score (raw dot, or weight·clamp(dot) + bias). Returns the float32 dot count.
   */
  #refine(
    q: Float32Array,
    m: number,
    top: TopK,
    hybrid: { weight: number; bias: Float64Array; dots: Map<number, number> } | null,
  ): number {
    const d = this.dimensions;
    const list = this.rowList;
    const lowerBounds = this.lower;
    const upper = this.upper;
    // θ: the k-th best lower bound.
    const lower = new TopK(top.k);
    let theta = lower.threshold;
    for (let j = 0; j < m; j++) {
      // A bound below the running k-th one cannot change θ: test it here rather than in TopK.push.
      const lo = lowerBounds[j] as number;
      if (lo >= theta && lower.push(lo, list[j] as number)) theta = lower.threshold;
    }
    const candidates: number[] = [];
    for (let j = 0; j < m; j++) if ((upper[j] as number) >= theta) candidates.push(j);
    candidates.sort((a, b) => (upper[b] as number) - (upper[a] as number));
    const data = this.data;
    let rescored = 0;
    for (const j of candidates) {
      // Sorted by upper bound: once one cannot reach the k-th exact score, none of the rest can.
      if ((upper[j] as number) < top.threshold) break;
      const row = list[j] as number;
      const dotValue = dotF32(data, row * d, q, d);
      rescored++;
      if (hybrid === null) top.push(dotValue, row);
      else if (top.push(hybrid.weight * Math.min(1, Math.max(0, dotValue)) + (hybrid.bias[row] as number), row))
        hybrid.dots.set(row, dotValue);
    }
    return rescored;
  }

  /** Writes the query's int16 codes into the arena; returns its scale and error terms (f64). */
  #quantiseQuery(q: Float32Array): QuantisedQuery {
    const d = this.dimensions;
    const codes = this.query16;
    let maxAbs = 0;
    for (let i = 0; i < d; i++) maxAbs = Math.max(maxAbs, Math.abs(q[i] as number));
    const scale = maxAbs / this.qmax;
    let hat = 0;
    let err = 0;
    for (let i = 0; i < d; i++) {
      const x = q[i] as number;
      const code = scale > 0 ? Math.max(-this.qmax, Math.min(this.qmax, Math.round(x / scale))) : 0;
      codes[i] = code;
      hat += (code * scale) ** 2;
      err += (x - code * scale) ** 2;
    }
    codes.fill(0, d);
    return { scale, hatNorm: Math.sqrt(hat), errNorm: Math.sqrt(err) };
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
    return Array.from(rows, (row, i) => ({ id: this.idAt(row) ?? '', row, score: scores[i] ?? 0 }));
  }
}
