import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assembleKernels, renderModule, WASM_FILE } from '../../../scripts/build-wasm.ts';
import { availableBackend, KernelArena, WASM_MIN_BYTES } from '../../../src/domain/search/simd/arena.ts';
import { mulberry32 } from '../../../src/domain/text/randomized-svd.ts';

describe('SIMD kernels module', () => {
  it(
    'is the current assembly of kernels.wat, in both committed copies (base64 for Node, .wasm ' +
      'for the Worker bundle)',
    async () => {
      const bytes = await assembleKernels();
      const committed = readFileSync(
        new URL('../../../src/domain/search/simd/kernels-wasm.ts', import.meta.url),
        'utf8',
      );
      expect(committed).toBe(renderModule(bytes));
      expect(new Uint8Array(readFileSync(WASM_FILE))).toEqual(bytes);
    },
  );

  it('compiles on Node', () => {
    expect(availableBackend()).toBe('wasm-simd');
    expect(availableBackend('js')).toBe('js');
  });
});

/** Writes each typed array's bytes at its byte offset. */
function place(bytes: Uint8Array, parts: readonly (readonly [ArrayBufferView, number])[]): void {
  for (const [view, at] of parts) bytes.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength), at);
}

/** Fills both arenas with the same bytes at the same offsets and returns what each kernel computes. */
function both(
  fill: (bytes: Uint8Array) => void,
  run: (arena: KernelArena) => number[],
): { wasm: number[]; js: number[] } {
  const out = { wasm: [] as number[], js: [] as number[] };
  for (const preference of ['wasm-simd', 'js'] as const) {
    const arena = new KernelArena(1 << 20, preference);
    expect(arena.backend).toBe(preference);
    fill(new Uint8Array(arena.buffer));
    out[preference === 'js' ? 'js' : 'wasm'] = run(arena);
  }
  return out;
}

describe('KernelArena', () => {
  const stride = 64;
  const rowCount = 300;
  const QUERY = 0;
  const ROWS = 256;
  const CODES = 8192;

  it(
    'boundsI8: exact integer dots turned into score bounds, the same from WebAssembly and JS, ' + 'at the extremes too',
    () => {
      const rand = mulberry32(11);
      const codes = Int8Array.from({ length: rowCount * stride }, (_, i) =>
        i < stride ? 127 : i < 2 * stride ? -127 : Math.round(254 * rand()) - 127,
      );
      const query = Int16Array.from({ length: stride }, (_, i) =>
        i < 2 ? 32_767 : Math.round(65_534 * rand()) - 32_767,
      );
      query.fill(32_767, 0, stride / 2);
      const list = Int32Array.from([
        0,
        1,
        299,
        5,
        5,
        17,
        ...Array.from({ length: 100 }, () => Math.floor(rand() * rowCount)),
      ]);
      const perRow = (f: () => number): Float32Array => Float32Array.from({ length: rowCount }, f);
      const scales = perRow(() => rand() / 100);
      const residuals = perRow(() => rand() / 50);
      const norms = perRow(() => 0.9 + rand() / 5);
      const bias = Float64Array.from({ length: rowCount }, () => rand() / 2);
      const at = { scales: 40_000, residuals: 42_000, norms: 44_000, bias: 46_000, lo: 50_000, hi: 52_000 };
      const fill = (bytes: Uint8Array): void =>
        place(bytes, [
          [query, QUERY],
          [list, ROWS],
          [codes, CODES],
          [scales, at.scales],
          [residuals, at.residuals],
          [norms, at.norms],
          [bias, at.bias],
        ]);
      const dot = (row: number): number => {
        let s = 0;
        for (let i = 0; i < stride; i++) s += (codes[row * stride + i] as number) * (query[i] as number);
        return s;
      };
      expect(dot(0)).toBe(127 * query.reduce((a, b) => a + b, 0));
      expect(dot(0)).toBeGreaterThan(2 ** 24); // beyond float32's exact integers: the dot must stay in i32
      const [qScale, hat, err, slack] = [3e-5, 0.98, 0.004, 1e-6];
      for (const [hybrid, weight] of [
        [false, 1],
        [true, 0.4],
        [true, 0],
      ] as const) {
        const { wasm, js } = both(fill, (arena) => {
          arena.boundsI8({
            query: QUERY,
            codes: CODES,
            stride,
            rows: ROWS,
            n: list.length,
            scales: at.scales,
            residuals: at.residuals,
            norms: at.norms,
            bias: hybrid ? at.bias : null,
            qScale,
            hat,
            err,
            slack,
            weight,
            lo: at.lo,
            hi: at.hi,
          });
          return [
            ...new Float64Array(arena.buffer, at.lo, list.length),
            ...new Float64Array(arena.buffer, at.hi, list.length),
          ];
        });
        const clamp = (x: number): number => Math.min(1, Math.max(0, x));
        const reference = (sign: number): number[] =>
          Array.from(list, (row) => {
            const approx = qScale * (scales[row] as number) * dot(row);
            const eps = hat * (residuals[row] as number) + err * (norms[row] as number) + slack;
            return hybrid ? weight * clamp(approx + sign * eps) + (bias[row] as number) : approx + sign * eps;
          });
        expect(wasm).toEqual([...reference(-1), ...reference(1)]);
        expect(js).toEqual(wasm);
      }
    },
  );

  it('boundsScan: the rows that can reach the threshold, in order, with the bounds boundsI8 gives them', () => {
    const rand = mulberry32(13);
    const codes = Int8Array.from({ length: rowCount * stride }, () => Math.round(254 * rand()) - 127);
    const query = Int16Array.from({ length: stride }, () => Math.round(65_534 * rand()) - 32_767);
    const perRow = (f: () => number): Float32Array => Float32Array.from({ length: rowCount }, f);
    const scales = perRow(() => rand() / 100);
    const residuals = perRow(() => rand() / 50);
    const norms = perRow(() => 0.9 + rand() / 5);
    const bias = Float64Array.from({ length: rowCount }, (_, row) => (row % 7 === 0 ? -Infinity : rand() / 2));
    const at = { rows: 38_000, scales: 40_000, residuals: 42_000, norms: 44_000, bias: 46_000, lo: 50_000, hi: 53_000 };
    const fill = (bytes: Uint8Array): void =>
      place(bytes, [
        [query, QUERY],
        [codes, CODES],
        [scales, at.scales],
        [residuals, at.residuals],
        [norms, at.norms],
        [bias, at.bias],
      ]);
    const common = {
      query: QUERY,
      codes: CODES,
      stride,
      scales: at.scales,
      residuals: at.residuals,
      norms: at.norms,
      qScale: 3e-5,
      hat: 0.98,
      err: 0.004,
      slack: 1e-6,
      weight: 0.4,
      lo: at.lo,
      hi: at.hi,
    };
    for (const threshold of [-Infinity, 0.45, 0.7, 2]) {
      const { wasm, js } = both(fill, (arena) => {
        const m = arena.boundsScan({ ...common, n: rowCount, bias: at.bias, threshold, rows: at.rows });
        return [
          m,
          ...new Int32Array(arena.buffer, at.rows, m),
          ...new Float64Array(arena.buffer, at.lo, m),
          ...new Float64Array(arena.buffer, at.hi, m),
        ];
      });
      expect(js).toEqual(wasm);
      const kept = Array.from(bias.keys()).filter(
        (row) => bias[row] !== -Infinity && (bias[row] as number) + 0.4 >= threshold,
      );
      expect(wasm.slice(0, 1 + kept.length)).toEqual([kept.length, ...kept]);
      // The same bounds as boundsI8 over the same rows.
      const viaList = both(
        (bytes) => {
          fill(bytes);
          bytes.set(new Uint8Array(Int32Array.from(kept).buffer), at.rows);
        },
        (arena) => {
          arena.boundsI8({ ...common, n: kept.length, rows: at.rows, bias: at.bias });
          return [
            ...new Float64Array(arena.buffer, at.lo, kept.length),
            ...new Float64Array(arena.buffer, at.hi, kept.length),
          ];
        },
      );
      expect(wasm.slice(1 + kept.length)).toEqual(viaList.wasm);
    }
  });

  it('sumI8 and sumF32: the same sums from WebAssembly and JS', () => {
    const rand = mulberry32(12);
    const codes = Int8Array.from({ length: rowCount * stride }, () => Math.round(254 * rand()) - 127);
    const floats = Float32Array.from({ length: 4000 }, () => rand() - 0.3);
    const FLOATS = CODES + codes.length;
    const fill = (bytes: Uint8Array): void =>
      place(bytes, [
        [codes, CODES],
        [floats, FLOATS],
      ]);
    const { wasm, js } = both(fill, (arena) => [
      arena.sumI8(CODES, rowCount, stride),
      arena.sumF32(FLOATS, floats.length),
    ]);
    expect(wasm).toEqual(js);
    expect(wasm[0]).toBe(codes.reduce((a, b) => a + b, 0));
    expect(wasm[1]).toBeCloseTo(
      floats.reduce((a, b) => a + b, 0),
      2,
    );
  });

  it('keeps its contents as it grows, and moves into WebAssembly memory once large enough', () => {
    const arena = new KernelArena(1024);
    expect(arena.backend).toBe('js');
    new Uint8Array(arena.buffer).set([1, 2, 3], 1000);
    arena.reserve(WASM_MIN_BYTES + 1);
    expect(arena.backend).toBe('wasm-simd');
    expect(Array.from(new Uint8Array(arena.buffer, 1000, 3))).toEqual([1, 2, 3]);
    arena.reserve(3 * WASM_MIN_BYTES);
    expect(arena.buffer.byteLength).toBeGreaterThanOrEqual(3 * WASM_MIN_BYTES);
    expect(Array.from(new Uint8Array(arena.buffer, 1000, 3))).toEqual([1, 2, 3]);
    const small = new KernelArena(WASM_MIN_BYTES * 2, 'js');
    expect(small.backend).toBe('js');
  });

  it('moves back to JS memory, contents kept, when it outgrows what a WebAssembly memory may hold', () => {
    const arena = new KernelArena(WASM_MIN_BYTES, 'auto', 2 * WASM_MIN_BYTES);
    expect(arena.backend).toBe('wasm-simd');
    new Uint8Array(arena.buffer).set([7, 8, 9], WASM_MIN_BYTES - 3);
    arena.reserve(2 * WASM_MIN_BYTES);
    expect(arena.backend).toBe('wasm-simd');
    arena.reserve(2 * WASM_MIN_BYTES + 1);
    expect(arena.backend).toBe('js');
    expect(Array.from(new Uint8Array(arena.buffer, WASM_MIN_BYTES - 3, 3))).toEqual([7, 8, 9]);
    expect(arena.buffer.byteLength).toBeGreaterThan(2 * WASM_MIN_BYTES);
    // Too large from the start: never WebAssembly, even when asked for it.
    expect(new KernelArena(3 * WASM_MIN_BYTES, 'wasm-simd', 2 * WASM_MIN_BYTES).backend).toBe('js');
  });
});
