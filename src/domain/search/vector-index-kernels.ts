/**
 * Hot loops of the vector index, kept tiny and monomorphic so V8 optimises them well. Every exact score
 * in the index goes through `dotF32`, so a brute-force scan and the two-stage search compute bit-identical
 * doubles for the same row.
 */

/** Σ a[aOff + i]·q[i] for i < d, in four interleaved partial sums (fixed order: deterministic). */
export function dotF32(a: Float32Array, aOff: number, q: Float32Array, d: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < d; i += 4) {
    const o = aOff + i;
    s0 += (a[o] as number) * (q[i] as number);
    s1 += (a[o + 1] as number) * (q[i + 1] as number);
    s2 += (a[o + 2] as number) * (q[i + 2] as number);
    s3 += (a[o + 3] as number) * (q[i + 3] as number);
  }
  for (; i < d; i++) s0 += (a[aOff + i] as number) * (q[i] as number);
  return s0 + s1 + (s2 + s3);
}

/**
 * Symmetric per-row int8 quantisation: scale = max|x| / 127, code = round(x / scale).
 * Writes the codes and returns the scale and ‖x − scale·code‖₂, the residual norm that bounds the
 * approximation error of any dot product with this row: |x·q − scale·(code·q)| ≤ ‖residual‖·‖q‖
 * (Cauchy–Schwarz).
 */
export function quantizeRow(
  src: Float32Array,
  srcOff: number,
  d: number,
  codes: Int8Array,
  codeOff: number,
): { scale: number; residual: number } {
  let maxAbs = 0;
  for (let i = 0; i < d; i++) maxAbs = Math.max(maxAbs, Math.abs(src[srcOff + i] as number));
  // Round the scale to float32 first: the residual must be measured against the scale actually stored.
  const scale = Math.fround(maxAbs / 127);
  let residual = 0;
  for (let i = 0; i < d; i++) {
    const x = src[srcOff + i] as number;
    const code = scale > 0 ? Math.max(-127, Math.min(127, Math.round(x / scale))) : 0;
    codes[codeOff + i] = code;
    const e = x - code * scale;
    residual += e * e;
  }
  return { scale, residual: Math.sqrt(residual) };
}

/**
 * The benchmark floor: one sequential pass that reads (sums) the same memory a scan reads, row by row
 * through a per-row kernel exactly like the scan, so both get the same JIT treatment (a single long
 * loop is only on-stack-replaced and runs about half as fast, which would flatter the scan).
 */
export function sumRowsF32(a: Float32Array, rows: number, d: number): number {
  let total = 0;
  for (let r = 0; r < rows; r++) total += sumF32(a, r * d, d);
  return total;
}

/** The int8 codes' floor: rows of `stride` bytes (the index pads rows to a multiple of 16). */
export function sumRowsI8(a: Int8Array, rows: number, stride: number): number {
  let total = 0;
  for (let r = 0; r < rows; r++) total += sumI8(a, r * stride, stride);
  return total;
}

function sumF32(a: Float32Array, off: number, d: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < d; i += 4) {
    const o = off + i;
    s0 += a[o] as number;
    s1 += a[o + 1] as number;
    s2 += a[o + 2] as number;
    s3 += a[o + 3] as number;
  }
  for (; i < d; i++) s0 += a[off + i] as number;
  return s0 + s1 + (s2 + s3);
}

function sumI8(a: Int8Array, off: number, d: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < d; i += 4) {
    const o = off + i;
    s0 += a[o] as number;
    s1 += a[o + 1] as number;
    s2 += a[o + 2] as number;
    s3 += a[o + 3] as number;
  }
  for (; i < d; i++) s0 += a[off + i] as number;
  return s0 + s1 + (s2 + s3);
}
