import { KERNELS_WASM_BASE64 } from './kernels-wasm.ts';

/**
 * One growable block of memory for a matching index and the kernels that scan it: WebAssembly SIMD
 * (kernels.wat) where the runtime can compile it, else the same functions in plain JS over an
 * ArrayBuffer. Both compute the same numbers (the int8 dot products are exact integers; the bounds and
 * floors take the same operations in the same order), so which one runs changes speed, never a result.
 *
 * A small arena stays a plain ArrayBuffer: per-request indexes (explanations, why-not) would otherwise
 * each reserve a WebAssembly memory's large virtual address range. It moves into WebAssembly memory
 * once it needs WASM_MIN_BYTES.
 */

export type KernelBackend = 'wasm-simd' | 'js';

/**
 * Where an arena runs: 'auto' moves into WebAssembly once it is large enough and the runtime can compile
 * the kernels; 'js' never does; 'wasm-simd' does from the first byte and throws where WebAssembly is
 * unavailable (tests). Either leaves WebAssembly memory past WASM_MAX_BYTES.
 */
export type KernelPreference = 'auto' | 'js' | 'wasm-simd';

const PAGE = 65_536;
/** Arenas below this stay in JS memory (see the class comment). */
export const WASM_MIN_BYTES = 4 * 2 ** 20;
/** A 32-bit WebAssembly memory holds at most 65536 pages; a larger arena moves back to JS memory. */
const WASM_MAX_BYTES = 65_536 * PAGE;

interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number }) => WasmMemory;
}

/** Arguments of kernels.wat `bounds` in list mode (byte offsets, then the query's scale and error terms). */
export interface BoundsArgs {
  query: number;
  codes: number;
  stride: number;
  rows: number;
  n: number;
  scales: number;
  residuals: number;
  norms: number;
  /** Byte offset of the per-row f64 bias; null for plain dot products (no clamp, no bias). */
  bias: number | null;
  qScale: number;
  hat: number;
  err: number;
  slack: number;
  weight: number;
  lo: number;
  hi: number;
}

/** Arguments of kernels.wat `bounds` in scan mode: list mode's, over every row below n, kept above a threshold. */
export interface ScanArgs extends Omit<BoundsArgs, 'n' | 'bias'> {
  /** Rows in the index; the rows kept are written to `rows`. */
  n: number;
  bias: number;
  threshold: number;
}

interface KernelExports {
  bounds(
    query: number,
    codes: number,
    stride: number,
    rows: number,
    n: number,
    scan: number,
    scales: number,
    residuals: number,
    norms: number,
    bias: number,
    hybrid: number,
    threshold: number,
    qScale: number,
    hat: number,
    err: number,
    slack: number,
    weight: number,
    lo: number,
    hi: number,
  ): number;
  sumI8(p: number, rows: number, stride: number): number;
  sumF32(p: number, count: number): number;
  structured(...offsets: StructuredArgs): void;
}

/** kernels.wat `structured`: the row count, then byte offsets (see the .wat for the layout of each). */
export type StructuredArgs = [
  n: number,
  mask: number,
  offsets: number,
  pool: number,
  degree: number,
  remote: number,
  jobType: number,
  regions: number,
  salary: number,
  credit: number,
  majorFlags: number,
  groupFlags: number,
  cityFlags: number,
  jobTypeOk: number,
  params: number,
  out: number,
  slots: number,
  sums: number,
  lexical: number,
];

let compiled: object | null | undefined;

/** The compiled kernels module, or null where WebAssembly (or runtime compilation of it) is unavailable. */
function kernelsModule(): object | null {
  if (compiled !== undefined) return compiled;
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  try {
    compiled = api ? new api.Module(Uint8Array.from(atob(KERNELS_WASM_BASE64), (c) => c.charCodeAt(0))) : null;
  } catch {
    // Cloudflare Workers forbid compiling WebAssembly from bytes at run time: the JS kernels serve there.
    compiled = null;
  }
  return compiled;
}

/**
 * Hands the arena a kernels module compiled ahead of time (the Worker bundle imports kernels.wasm this
 * way), for runtimes that refuse to compile WebAssembly from bytes.
 */
export function provideCompiledKernels(module: object): void {
  compiled = module;
}

/** The backend a new, large arena with this preference gets on this runtime. */
export function availableBackend(preference: KernelPreference = 'auto'): KernelBackend {
  return preference !== 'js' && kernelsModule() !== null ? 'wasm-simd' : 'js';
}

export class KernelArena {
  readonly #preference: KernelPreference;
  readonly #wasmMaxBytes: number;
  #buffer: ArrayBuffer;
  #memory: WasmMemory | null = null;
  #wasm: KernelExports | null = null;

  /** wasmMaxBytes: the largest arena kept in WebAssembly memory (WASM_MAX_BYTES; lower in tests). */
  constructor(bytes: number, preference: KernelPreference = 'auto', wasmMaxBytes = WASM_MAX_BYTES) {
    this.#preference = preference;
    this.#wasmMaxBytes = Math.min(wasmMaxBytes, WASM_MAX_BYTES);
    this.#buffer = new ArrayBuffer(0);
    this.reserve(bytes);
  }

  get backend(): KernelBackend {
    return this.#wasm ? 'wasm-simd' : 'js';
  }

  /** The current memory. reserve() may replace it: build views after the last reserve(). */
  get buffer(): ArrayBuffer {
    return this.#memory ? this.#memory.buffer : this.#buffer;
  }

  /**
   * Makes the arena at least `bytes` long, keeping its contents (new bytes are zero). Past what a
   * WebAssembly memory can hold (or when it cannot grow), the arena moves to JS memory for good.
   */
  reserve(bytes: number): void {
    const current = this.buffer.byteLength;
    if (bytes <= current) return;
    const size = Math.ceil(bytes / PAGE) * PAGE;
    if (this.#memory) {
      if (size <= this.#wasmMaxBytes) {
        try {
          this.#memory.grow((size - current) / PAGE);
          return;
        } catch {
          // The engine could not commit the pages: go on in JS memory.
        }
      }
      const next = new ArrayBuffer(size);
      new Uint8Array(next).set(new Uint8Array(this.#memory.buffer));
      this.#memory = null;
      this.#wasm = null;
      this.#buffer = next;
      return;
    }
    const wanted =
      size <= this.#wasmMaxBytes &&
      (this.#preference === 'wasm-simd' || (this.#preference === 'auto' && size >= WASM_MIN_BYTES));
    const module = wanted ? kernelsModule() : null;
    if (wanted && this.#preference === 'wasm-simd' && module === null)
      throw new Error('WebAssembly SIMD kernels are not available on this runtime');
    const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
    if (module && api) {
      const memory = new api.Memory({ initial: size / PAGE });
      const instance = new api.Instance(module, { env: { memory } });
      new Uint8Array(memory.buffer).set(new Uint8Array(this.#buffer));
      this.#memory = memory;
      this.#wasm = instance.exports as unknown as KernelExports;
      this.#buffer = new ArrayBuffer(0);
      return;
    }
    const next = new ArrayBuffer(size);
    new Uint8Array(next).set(new Uint8Array(this.#buffer));
    this.#buffer = next;
  }

  /**
   * kernels.wat `bounds` in list mode: for each listed row, its int8·int16 dot (exact: the caller keeps
   * 127 · stride · max|query| below 2³¹) scaled to an approximate score, and lower and upper bounds
   * of its exact score, into lo[j] and hi[j]. The JS path performs the same f64 operations in the same
   * order, so both return identical bounds.
   */
  boundsI8(a: BoundsArgs): void {
    this.#bounds(a, a.rows, a.n, false, a.bias, -Infinity);
  }

  /**
   * kernels.wat `bounds` in scan mode: the hybrid bounds of every row below n, in row order, whose bias
   * is finite and bias + weight ≥ threshold, written compactly into rows, lo and hi. Returns how many.
   */
  boundsScan(a: ScanArgs): number {
    return this.#bounds(a, a.rows, a.n, true, a.bias, a.threshold);
  }

  #bounds(
    a: Omit<BoundsArgs, 'n' | 'rows' | 'bias'>,
    rowsAt: number,
    n: number,
    scan: boolean,
    biasAt: number | null,
    threshold: number,
  ): number {
    if (this.#wasm) {
      return this.#wasm.bounds(
        a.query,
        a.codes,
        a.stride,
        rowsAt,
        n,
        scan ? 1 : 0,
        a.scales,
        a.residuals,
        a.norms,
        biasAt ?? 0,
        biasAt === null ? 0 : 1,
        threshold,
        a.qScale,
        a.hat,
        a.err,
        a.slack,
        a.weight,
        a.lo,
        a.hi,
      );
    }
    const rows = new Int32Array(this.buffer, rowsAt, n);
    const bias = biasAt === null ? null : new Float64Array(this.buffer, biasAt, n);
    const bounds = this.#jsRowBounds(a, biasAt);
    if (!scan) {
      for (let j = 0; j < n; j++) bounds(rows[j] as number, j);
      return n;
    }
    let m = 0;
    for (let row = 0; row < n; row++) {
      const b = bias?.[row] as number;
      if (b === -Infinity || !(b + a.weight >= threshold)) continue;
      rows[m] = row;
      bounds(row, m++);
    }
    return m;
  }

  /** The JS mirror of one row of kernels.wat `bounds`: the same f64 operations in the same order. */
  #jsRowBounds(a: Omit<BoundsArgs, 'n' | 'rows' | 'bias'>, biasAt: number | null): (row: number, j: number) => void {
    const buffer = this.buffer;
    const c = new Int8Array(buffer);
    const q = new Int16Array(buffer, a.query, a.stride);
    const scales = new Float32Array(buffer, a.scales);
    const residuals = new Float32Array(buffer, a.residuals);
    const norms = new Float32Array(buffer, a.norms);
    const bias = biasAt === null ? null : new Float64Array(buffer, biasAt);
    const lo = new Float64Array(buffer, a.lo);
    const hi = new Float64Array(buffer, a.hi);
    const { stride, qScale, hat, err, slack, weight } = a;
    return (row, j) => {
      const p = a.codes + row * stride;
      let dot = 0;
      for (let i = 0; i < stride; i++) dot += (c[p + i] as number) * (q[i] as number);
      const approx = qScale * (scales[row] as number) * dot;
      const eps = hat * (residuals[row] as number) + err * (norms[row] as number) + slack;
      if (bias === null) {
        lo[j] = approx - eps;
        hi[j] = approx + eps;
      } else {
        const b = bias[row] as number;
        lo[j] = weight * Math.min(1, Math.max(0, approx - eps)) + b;
        hi[j] = weight * Math.min(1, Math.max(0, approx + eps)) + b;
      }
    };
  }

  /** Σ of `rows` rows of int8 codes from byte p (stride bytes each), exactly. */
  sumI8(p: number, rows: number, stride: number): number {
    if (this.#wasm) return this.#wasm.sumI8(p, rows, stride);
    const c = new Int8Array(this.buffer, p, rows * stride);
    let total = 0;
    for (let r = 0; r < rows; r++) {
      let s = 0;
      for (let i = r * stride; i < (r + 1) * stride; i++) s += c[i] as number;
      total += s;
    }
    return total;
  }

  /**
   * The structured part of the hybrid score per row (kernels.wat `structured`). WebAssembly only: its JS
   * reference is PostingIndex's own loop over its columns, which a test holds bit-identical to this.
   */
  structured(...args: StructuredArgs): void {
    if (!this.#wasm) throw new Error('the structured kernel runs in WebAssembly only');
    this.#wasm.structured(...args);
  }

  /** Σ of `count` float32 values from byte p (count a multiple of 4), in four float32 lanes as the SIMD pass. */
  sumF32(p: number, count: number): number {
    if (this.#wasm) return this.#wasm.sumF32(p, count);
    const a = new Float32Array(this.buffer, p, count);
    const lanes = [0, 0, 0, 0];
    for (let i = 0; i < count; i++) lanes[i & 3] = Math.fround((lanes[i & 3] as number) + (a[i] as number));
    const [l0 = 0, l1 = 0, l2 = 0, l3 = 0] = lanes;
    return l0 + l1 + (l2 + l3);
  }
}
