import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

/**
 * Truncated SVD of a sparse matrix by randomized subspace iteration: Halko, Martinsson & Tropp (2011),
 * "Finding structure with randomness", SIAM Review 53(2), Algorithms 4.4 (power iteration) and 5.1.
 *
 * The large products (sparse A times a dense block of l columns) are tight typed-array loops. ml-matrix only sees
 * l×l matrices (l = k + oversampling ≈ 266): orthonormalisation and the final small SVD both go through
 * the symmetric eigendecomposition of an l×l Gram matrix (Q = Y·W·Λ^{-1/2}; B·Bᵀ = W·S²·Wᵀ), which is
 * cheap and, because every product is re-orthonormalised, well conditioned. Seeded, hence deterministic.
 */

/** Compressed sparse rows: row i's entries are colIdx/values[rowPtr[i] .. rowPtr[i+1]). */
export interface CsrMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly rowPtr: Int32Array;
  readonly colIdx: Int32Array;
  readonly values: Float64Array;
}

export interface RandomizedSvdOptions {
  readonly oversampling?: number;
  readonly powerIterations?: number;
  readonly seed?: number;
}

export interface TruncatedSvd {
  /** k singular values, descending (zeros where the matrix has lower rank). */
  readonly singularValues: Float64Array;
  /** Right singular vectors, cols × k, row-major (row j = the k coordinates of column/term j). */
  readonly rightVectors: Float64Array;
  readonly k: number;
}

/** mulberry32: a tiny seeded 32-bit PRNG with good enough equidistribution for Gaussian sketches. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussianBlock(size: number, seed: number): Float64Array {
  const rand = mulberry32(seed);
  const out = new Float64Array(size);
  for (let i = 0; i < size; i += 2) {
    // Box–Muller; 1 - u keeps the log argument in (0, 1].
    const r = Math.sqrt(-2 * Math.log(1 - rand()));
    const theta = 2 * Math.PI * rand();
    out[i] = r * Math.cos(theta);
    if (i + 1 < size) out[i + 1] = r * Math.sin(theta);
  }
  return out;
}

/** A (rows×cols, sparse) · M (cols×l, row-major) → rows×l. */
export function sparseTimesDense(a: CsrMatrix, m: Float64Array, l: number): Float64Array {
  const out = new Float64Array(a.rows * l);
  for (let i = 0; i < a.rows; i++) {
    const o = i * l;
    for (let p = a.rowPtr[i] ?? 0, end = a.rowPtr[i + 1] ?? 0; p < end; p++) {
      const x = a.values[p] ?? 0;
      const src = (a.colIdx[p] ?? 0) * l;
      for (let c = 0; c < l; c++) out[o + c] = (out[o + c] ?? 0) + x * (m[src + c] ?? 0);
    }
  }
  return out;
}

/** Aᵀ (cols×rows) · M (rows×l, row-major) → cols×l. */
function sparseTransposeTimesDense(a: CsrMatrix, m: Float64Array, l: number): Float64Array {
  const out = new Float64Array(a.cols * l);
  for (let i = 0; i < a.rows; i++) {
    const src = i * l;
    for (let p = a.rowPtr[i] ?? 0, end = a.rowPtr[i + 1] ?? 0; p < end; p++) {
      const x = a.values[p] ?? 0;
      const o = (a.colIdx[p] ?? 0) * l;
      for (let c = 0; c < l; c++) out[o + c] = (out[o + c] ?? 0) + x * (m[src + c] ?? 0);
    }
  }
  return out;
}

/** Mᵀ·M for a rows×l row-major block, as an l×l ml-matrix Matrix. */
function gram(m: Float64Array, rows: number, l: number): Matrix {
  const g = new Float64Array(l * l);
  for (let r = 0; r < rows; r++) {
    const o = r * l;
    for (let i = 0; i < l; i++) {
      const x = m[o + i] ?? 0;
      if (x === 0) continue;
      const gi = i * l;
      for (let j = i; j < l; j++) g[gi + j] = (g[gi + j] ?? 0) + x * (m[o + j] ?? 0);
    }
  }
  const out = new Matrix(l, l);
  for (let i = 0; i < l; i++) {
    for (let j = i; j < l; j++) {
      const v = g[i * l + j] ?? 0;
      out.set(i, j, v);
      out.set(j, i, v);
    }
  }
  return out;
}

interface Eigen {
  readonly values: number[];
  /** eigenvectors as columns, in the same (descending) order as values */
  readonly vectors: Matrix;
}

function symmetricEigenDescending(g: Matrix): Eigen {
  const evd = new EigenvalueDecomposition(g, { assumeSymmetric: true });
  const order = evd.realEigenvalues.map((v, i) => [v, i] as const).sort((x, y) => y[0] - x[0] || x[1] - y[1]);
  const vectors = new Matrix(g.rows, order.length);
  order.forEach(([, src], dst) => {
    for (let r = 0; r < g.rows; r++) vectors.set(r, dst, evd.eigenvectorMatrix.get(r, src));
  });
  return { values: order.map(([v]) => v), vectors };
}

/** out (rows×l) = M (rows×l) · T (l×l, given as Float64Array row-major). */
function denseTimesSmall(m: Float64Array, rows: number, l: number, t: Float64Array, outCols: number): Float64Array {
  const out = new Float64Array(rows * outCols);
  for (let r = 0; r < rows; r++) {
    const o = r * outCols;
    const src = r * l;
    for (let j = 0; j < l; j++) {
      const x = m[src + j] ?? 0;
      if (x === 0) continue;
      const tj = j * outCols;
      for (let c = 0; c < outCols; c++) out[o + c] = (out[o + c] ?? 0) + x * (t[tj + c] ?? 0);
    }
  }
  return out;
}

const RELATIVE_RANK_TOLERANCE = 1e-12;

/** Orthonormal basis of the column space of M (rows×l): Q = M·W·Λ^{-1/2}; null directions become zero columns. */
function orthonormalize(m: Float64Array, rows: number, l: number): Float64Array {
  const { values, vectors } = symmetricEigenDescending(gram(m, rows, l));
  const top = Math.max(values[0] ?? 0, 0);
  const t = new Float64Array(l * l);
  for (let c = 0; c < l; c++) {
    const lambda = values[c] ?? 0;
    if (!(lambda > top * RELATIVE_RANK_TOLERANCE) || lambda <= 0) continue;
    const s = 1 / Math.sqrt(lambda);
    for (let r = 0; r < l; r++) t[r * l + c] = vectors.get(r, c) * s;
  }
  return denseTimesSmall(m, rows, l, t, l);
}

export function randomizedSvd(a: CsrMatrix, k: number, options: RandomizedSvdOptions = {}): TruncatedSvd {
  const oversampling = options.oversampling ?? 10;
  const q = options.powerIterations ?? 2;
  const l = Math.max(1, Math.min(k + oversampling, a.rows, a.cols));
  // Only the document side (rows) is ever orthonormalised or multiplied densely: every term-side
  // (cols) quantity is reached through a sparse product, so the cost is O(nnz·l + rows·l²), not cols·l².
  let y = orthonormalize(sparseTimesDense(a, gaussianBlock(a.cols * l, options.seed ?? 1), l), a.rows, l);
  for (let it = 0; it < q; it++) {
    y = orthonormalize(sparseTimesDense(a, sparseTransposeTimesDense(a, y, l), l), a.rows, l);
  }
  // A second pass restores orthogonality lost to rounding in the Gram route.
  y = orthonormalize(y, a.rows, l);
  // B = Qᵀ·A; B·Bᵀ = Qᵀ·A·(Aᵀ·Q) = W·S²·Wᵀ gives the singular values, and V = Bᵀ·W·S⁻¹ = Aᵀ·(Q·W·S⁻¹).
  const c = sparseTimesDense(a, sparseTransposeTimesDense(a, y, l), l);
  const { values, vectors } = symmetricEigenDescending(crossGram(y, c, a.rows, l));
  const keep = Math.min(k, l);
  const singularValues = new Float64Array(k);
  const t = new Float64Array(l * k);
  const top = Math.max(values[0] ?? 0, 0);
  for (let col = 0; col < keep; col++) {
    const lambda = values[col] ?? 0;
    if (!(lambda > top * RELATIVE_RANK_TOLERANCE) || lambda <= 0) continue;
    const s = Math.sqrt(lambda);
    singularValues[col] = s;
    for (let r = 0; r < l; r++) t[r * k + col] = vectors.get(r, col) / s;
  }
  const rightVectors = sparseTransposeTimesDense(a, denseTimesSmall(y, a.rows, l, t, k), k);
  fixSigns(rightVectors, a.cols, k);
  return { singularValues, rightVectors, k };
}

/** Xᵀ·Y for two rows×l row-major blocks, symmetrised (used where Xᵀ·Y is symmetric in exact arithmetic). */
function crossGram(x: Float64Array, y: Float64Array, rows: number, l: number): Matrix {
  const g = new Float64Array(l * l);
  for (let r = 0; r < rows; r++) {
    const o = r * l;
    for (let i = 0; i < l; i++) {
      const xi = x[o + i] ?? 0;
      if (xi === 0) continue;
      const gi = i * l;
      for (let j = 0; j < l; j++) g[gi + j] = (g[gi + j] ?? 0) + xi * (y[o + j] ?? 0);
    }
  }
  const out = new Matrix(l, l);
  for (let i = 0; i < l; i++) {
    for (let j = 0; j < l; j++) out.set(i, j, ((g[i * l + j] ?? 0) + (g[j * l + i] ?? 0)) / 2);
  }
  return out;
}

/** Singular vectors are defined up to sign; make each column's largest-magnitude entry positive. */
function fixSigns(v: Float64Array, rows: number, k: number): void {
  for (let c = 0; c < k; c++) {
    let best = 0;
    for (let r = 0; r < rows; r++) {
      const x = v[r * k + c] ?? 0;
      if (Math.abs(x) > Math.abs(best)) best = x;
    }
    if (best < 0) for (let r = 0; r < rows; r++) v[r * k + c] = -(v[r * k + c] ?? 0);
  }
}
