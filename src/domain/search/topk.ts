/**
 * Bounded top-k selection with a binary min-heap of (score, row) pairs: O(n log k) for n candidates and
 * O(k) memory. Order is total — higher score first, then lower row — so the result is exactly the first
 * k of a full sort by (score desc, row asc), whatever order candidates arrive in.
 */
export class TopK {
  readonly k: number;
  readonly #scores: Float64Array;
  readonly #rows: Int32Array;
  #size = 0;

  constructor(k: number) {
    if (!Number.isInteger(k) || k < 0) throw new RangeError('k must be a non-negative integer');
    this.k = k;
    this.#scores = new Float64Array(k);
    this.#rows = new Int32Array(k);
  }

  get size(): number {
    return this.#size;
  }

  /** The score a candidate must beat to enter once the heap is full; −∞ before that. */
  get threshold(): number {
    return this.#size < this.k ? -Infinity : (this.#scores[0] ?? -Infinity);
  }

  /** True when (a, ra) ranks below (b, rb). */
  static #worse(a: number, ra: number, b: number, rb: number): boolean {
    return a < b || (a === b && ra > rb);
  }

  /** Offers a candidate; returns true if it was kept. */
  push(score: number, row: number): boolean {
    const scores = this.#scores;
    const rows = this.#rows;
    if (this.#size < this.k) {
      let i = this.#size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        const ps = scores[parent] ?? 0;
        const pr = rows[parent] ?? 0;
        if (!TopK.#worse(score, row, ps, pr)) break;
        scores[i] = ps;
        rows[i] = pr;
        i = parent;
      }
      scores[i] = score;
      rows[i] = row;
      return true;
    }
    if (this.k === 0 || !TopK.#worse(scores[0] ?? 0, rows[0] ?? 0, score, row)) return false;
    // Replace the root and sift down.
    const n = this.#size;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      let child = left;
      if (right < n && TopK.#worse(scores[right] ?? 0, rows[right] ?? 0, scores[left] ?? 0, rows[left] ?? 0))
        child = right;
      const cs = scores[child] ?? 0;
      const cr = rows[child] ?? 0;
      if (!TopK.#worse(cs, cr, score, row)) break;
      scores[i] = cs;
      rows[i] = cr;
      i = child;
    }
    scores[i] = score;
    rows[i] = row;
    return true;
  }

  /** The kept candidates, best first. */
  sorted(): { rows: Int32Array; scores: Float64Array } {
    const order = Array.from({ length: this.#size }, (_, i) => i);
    const scores = this.#scores;
    const rows = this.#rows;
    order.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || (rows[a] ?? 0) - (rows[b] ?? 0));
    return {
      rows: Int32Array.from(order, (i) => rows[i] ?? 0),
      scores: Float64Array.from(order, (i) => scores[i] ?? 0),
    };
  }

  /** Rows currently kept, in heap order. */
  rows(): Int32Array {
    return this.#rows.slice(0, this.#size);
  }
}
