import { describe, expect, it } from 'vitest';
import { TopK } from '../../../src/domain/search/topk.ts';
import { VectorIndex, type VectorHit } from '../../../src/domain/search/vector-index.ts';
import { mulberry32 } from '../../../src/domain/text/randomized-svd.ts';

type Gen = () => Float32Array;

function generators(d: number, seed: number): { random: Gen; clustered: Gen } {
  const rand = mulberry32(seed);
  const gauss = (): number => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const unit = (v: Float32Array): Float32Array => {
    const n = Math.hypot(...v);
    return v.map((x) => x / n);
  };
  const centers = Array.from({ length: 12 }, () => unit(Float32Array.from({ length: d }, gauss)));
  return {
    random: () => unit(Float32Array.from({ length: d }, gauss)),
    // Tight clusters: many near-ties, the hard case for a quantised first stage.
    clustered: () => {
      const c = centers[Math.floor(rand() * centers.length)] ?? new Float32Array(d);
      return unit(Float32Array.from(c, (x) => x + 0.03 * gauss()));
    },
  };
}

/** Independent reference: plain dot products, full sort by (score desc, id order of insertion). */
function bruteForce(
  rows: Map<string, Float32Array>,
  q: Float32Array,
  k: number,
  allow: (id: string) => boolean,
): string[] {
  const scored: [string, number][] = [];
  for (const [id, v] of rows) {
    if (!allow(id)) continue;
    let s = 0;
    for (let i = 0; i < v.length; i++) s += (v[i] ?? 0) * (q[i] ?? 0);
    scored.push([id, s]);
  }
  scored.sort((a, b) => b[1] - a[1]);
  return scored.slice(0, k).map(([id]) => id);
}

function recall(got: readonly VectorHit[], want: readonly string[]): number {
  const set = new Set(want);
  return want.length === 0 ? 1 : got.filter((h) => set.has(h.id)).length / want.length;
}

describe('TopK', () => {
  it('keeps the k best by (score desc, row asc) whatever the arrival order', () => {
    const top = new TopK(3);
    for (const [s, r] of [
      [0.5, 4],
      [0.9, 1],
      [0.1, 0],
      [0.9, 0],
      [0.7, 2],
      [0.5, 3],
    ] as const)
      top.push(s, r);
    const { rows, scores } = top.sorted();
    expect(Array.from(rows)).toEqual([0, 1, 2]);
    expect(Array.from(scores)).toEqual([0.9, 0.9, 0.7]);
    expect(top.threshold).toBe(0.7);
  });
});

const CASES = [
  { kind: 'random', kernels: 'wasm-simd' },
  { kind: 'clustered', kernels: 'wasm-simd' },
  { kind: 'random', kernels: 'js' },
  { kind: 'clustered', kernels: 'js' },
] as const;

describe.each(CASES)('VectorIndex on $kind data, $kernels kernels', ({ kind, kernels }) => {
  const d = 48;
  const n = 3000;
  const gen = generators(d, kind === 'random' ? 1 : 2)[kind];
  const index = new VectorIndex(d, { initialCapacity: 4, kernels });
  const rows = new Map<string, Float32Array>();
  for (let i = 0; i < n; i++) {
    const v = gen();
    index.upsert(`p${i}`, v);
    rows.set(`p${i}`, v);
  }
  const queries = Array.from({ length: 25 }, gen);

  it('grows by doubling, keeping every vector', () => {
    expect(index.size).toBe(n);
    expect(index.capacity).toBe(4096);
    expect(index.backend).toBe(kernels);
    for (const [id, v] of rows) expect(index.vectorOf(id)).toEqual(v);
  });

  it('search equals the float32 scan exactly and brute force by id (recall@10 = 1.0)', () => {
    for (const q of queries) {
      const hits = index.search(q, 10);
      expect(hits).toEqual(index.searchExact(q, 10));
      expect(hits.map((h) => h.id)).toEqual(bruteForce(rows, q, 10, () => true));
      expect(
        recall(
          hits,
          bruteForce(rows, q, 10, () => true),
        ),
      ).toBe(1);
      const v = rows.get(hits[0]?.id ?? '') ?? new Float32Array(d);
      expect(hits[0]?.score).toBeCloseTo(
        v.reduce((s, x, i) => s + x * (q[i] ?? 0), 0),
        6,
      );
    }
  });

  it('applies a mask and a predicate during the scan, still returning k allowed rows', () => {
    const mask = index.buildMask((id) => Number(id.slice(1)) % 7 === 0);
    for (const q of queries) {
      const hits = index.search(q, 10, mask);
      expect(hits).toHaveLength(10);
      expect(hits.map((h) => h.id)).toEqual(bruteForce(rows, q, 10, (id) => Number(id.slice(1)) % 7 === 0));
      expect(index.search(q, 10, (row) => mask[row] === 1)).toEqual(hits);
    }
  });

  it('rescores in float32 only the rows whose bound reaches the k-th score', () => {
    for (const q of queries.slice(0, 5)) {
      index.search(q, 10);
      const stats = index.lastSearch;
      expect(stats).toMatchObject({ allowed: n, scanned: n, backend: kernels });
      expect(stats.rescored).toBeGreaterThanOrEqual(10);
      expect(stats.rescored).toBeLessThan(n / 2);
    }
  });

  it('stays exact after updates and removes', () => {
    const live = new Map(rows);
    const copy = new VectorIndex(d, { kernels });
    for (const [id, v] of live) copy.upsert(id, v);
    for (let i = 0; i < n; i += 3) {
      expect(copy.remove(`p${i}`)).toBe(true);
      live.delete(`p${i}`);
    }
    for (let i = 1; i < n; i += 5) {
      const v = gen();
      copy.upsert(`p${i}`, v);
      live.set(`p${i}`, v);
    }
    expect(copy.remove('p0')).toBe(false);
    expect(copy.size).toBe(live.size);
    for (const [id, v] of live) expect(copy.vectorOf(id)).toEqual(v);
    const mask = copy.buildMask((id) => id.endsWith('1'));
    for (const q of queries) {
      expect(copy.search(q, 10).map((h) => h.id)).toEqual(bruteForce(live, q, 10, () => true));
      expect(copy.search(q, 10, mask).map((h) => h.id)).toEqual(bruteForce(live, q, 10, (id) => id.endsWith('1')));
    }
  });
});

describe('VectorIndex edge cases', () => {
  it('handles an empty index, k larger than the allowed rows, k = 0 and bad input', () => {
    const index = new VectorIndex(3);
    expect(index.search([1, 0, 0], 5)).toEqual([]);
    index.upsert('a', [1, 0, 0]);
    index.upsert('b', [0, 1, 0]);
    index.upsert('c', [0.6, 0.8, 0]);
    expect(index.search([1, 0, 0], 10).map((h) => [h.id, h.score])).toEqual([
      ['a', 1],
      ['c', 0.6000000238418579],
      ['b', 0],
    ]);
    expect(index.search([1, 0, 0], 10, Uint8Array.from([0, 1, 0])).map((h) => h.id)).toEqual(['b']);
    expect(index.search([1, 0, 0], 0)).toEqual([]);
    expect(() => index.search([1, 0], 1)).toThrow(RangeError);
    expect(() => index.upsert('d', [Number.NaN, 0, 0])).toThrow(RangeError);
    expect(() => index.search([1, 0, 0], 1, new Uint8Array(2))).toThrow(/mask/);
  });

  it.each(['wasm-simd', 'js'] as const)('scanFloor sums the stored memory (%s arena)', (kernels) => {
    const index = new VectorIndex(2, { kernels });
    index.upsert('a', [0.5, 0.25]);
    index.upsert('b', [-1, 2]);
    index.upsert('c', [0.125, 0]);
    for (const kernel of ['js', 'simd'] as const) {
      expect(index.scanFloor('float32', kernel)).toBe(1.875);
      expect(index.scanFloor('int8', kernel)).toBe(127 + 64 - 64 + 127 + 127);
    }
  });

  it('keeps the rows when a large index moves from JS memory into WebAssembly memory', () => {
    const index = new VectorIndex(256, { initialCapacity: 16 });
    expect(index.backend).toBe('js');
    const gen = generators(256, 5).random;
    const rows = Array.from({ length: 3000 }, gen);
    rows.forEach((v, i) => index.upsert(`r${i}`, v));
    expect(index.backend).toBe('wasm-simd');
    rows.forEach((v, i) => expect(index.vectorOf(`r${i}`)).toEqual(v));
    const q = gen();
    expect(index.search(q, 10)).toEqual(index.searchExact(q, 10));
  });

  it('stays exact when quantisation is coarse (one large component per row, near-ties everywhere)', () => {
    const d = 64;
    const rand = mulberry32(9);
    const spiky = (): Float32Array => {
      const v = Float32Array.from({ length: d }, () => 0.01 * (rand() - 0.5));
      v[Math.floor(rand() * 4)] = 1;
      const norm = Math.hypot(...v);
      return v.map((x) => x / norm);
    };
    for (const kernels of ['wasm-simd', 'js'] as const) {
      const index = new VectorIndex(d, { kernels });
      const rows = new Map<string, Float32Array>();
      for (let i = 0; i < 2000; i++) {
        const v = spiky();
        index.upsert(`s${i}`, v);
        rows.set(`s${i}`, v);
      }
      for (let t = 0; t < 10; t++) {
        const q = spiky();
        expect(index.search(q, 10)).toEqual(index.searchExact(q, 10));
        expect(index.search(q, 10).map((h) => h.id)).toEqual(bruteForce(rows, q, 10, () => true));
      }
    }
  });
});

/** Reference for searchScored: score every row with a finite bias, full sort by (score desc, row asc). */
function hybridBruteForce(
  index: VectorIndex,
  q: Float32Array,
  k: number,
  weight: number,
  bias: Float64Array,
): { row: number; score: number }[] {
  const all = index
    .searchExact(q, index.size)
    .map((h) => ({ row: h.row, score: weight * Math.min(1, Math.max(0, h.score)) + (bias[h.row] as number) }));
  return all
    .filter((h) => h.score !== -Infinity)
    .sort((a, b) => b.score - a.score || a.row - b.row)
    .slice(0, k);
}

describe.each(['wasm-simd', 'js'] as const)('VectorIndex.searchScored (%s kernels)', (kernels) => {
  const d = 32;
  const { random, clustered } = generators(d, 3);
  const index = new VectorIndex(d, { kernels });
  for (let i = 0; i < 2500; i++) index.upsert(`h${i}`, i % 2 === 0 ? random() : clustered());
  const rand = mulberry32(4);
  // Biases on a coarse grid (many exact ties), a fifth of the rows excluded.
  const bias = Float64Array.from({ length: index.size }, () =>
    rand() < 0.2 ? -Infinity : Math.round(rand() * 8) / 20,
  );

  it('equals a brute-force hybrid ranking, scores and dot products included', () => {
    for (let t = 0; t < 15; t++) {
      const q = t % 2 === 0 ? random() : clustered();
      const exact = new Map(index.searchExact(q, index.size).map((h) => [h.row, h.score]));
      for (const [k, weight] of [
        [20, 0.4],
        [80, 0.4],
        [5, 0],
        [10, 2],
      ] as const) {
        const hits = index.searchScored(q, k, { weight, bias });
        expect(hits.map((h) => ({ row: h.row, score: h.score }))).toEqual(hybridBruteForce(index, q, k, weight, bias));
        for (const h of hits) expect(h.dot).toBe(exact.get(h.row));
        expect(index.lastSearch.backend).toBe(kernels);
      }
    }
  });

  it('returns every allowed row when k exceeds them, none for k = 0, and rejects a bad weight or a short bias', () => {
    const few = Float64Array.from({ length: index.size }, (_, row) => (row % 500 === 0 ? 0.1 : -Infinity));
    const q = random();
    expect(index.searchScored(q, 50, { weight: 0.4, bias: few }).map((h) => h.row)).toEqual(
      hybridBruteForce(index, q, 50, 0.4, few).map((h) => h.row),
    );
    expect(index.searchScored(q, 50, { weight: 0.4, bias: few })).toHaveLength(5);
    expect(index.searchScored(q, 0, { weight: 0.4, bias })).toEqual([]);
    expect(() => index.searchScored(q, 5, { weight: -1, bias })).toThrow(RangeError);
    expect(() => index.searchScored(q, 5, { weight: 0.4, bias: new Float64Array(3) })).toThrow(/bias/);
  });
});

describe.each(['wasm-simd', 'js'] as const)('VectorIndex.searchBounded (%s kernels)', (kernels) => {
  const d = 32;
  const { random, clustered } = generators(d, 8);
  const index = new VectorIndex(d, { kernels });
  const first: Float32Array[] = [];
  for (let i = 0; i < 2000; i++) {
    // Every fourth row repeats an earlier vector: equal dot products, ties broken by row.
    const v = i % 4 === 3 ? (first[Math.floor(i / 8)] as Float32Array) : i % 2 === 0 ? random() : clustered();
    first.push(v);
    index.upsert(`b${i}`, v);
  }
  const rand = mulberry32(9);
  // The exact bias on a coarse grid (many exact ties), a fifth of the rows excluded.
  const bias = Float64Array.from({ length: index.size }, () =>
    rand() < 0.2 ? -Infinity : Math.round(rand() * 8) / 20,
  );
  // Upper bounds: exact for some rows, a little above for most, far above for a few.
  const slack = Float64Array.from({ length: index.size }, () => {
    const r = rand();
    return r < 0.3 ? 0 : r < 0.9 ? rand() * 0.05 : 0.5 + rand();
  });
  const upper = Float64Array.from(bias, (b, row) => b + (slack[row] as number));

  it('equals searchScored with the exact bias: rows, scores and dot products, for every k and sample', () => {
    for (let t = 0; t < 8; t++) {
      const q = t % 2 === 0 ? random() : clustered();
      for (const [k, weight, sample] of [
        [1, 0.4, 0],
        [20, 0.4, 1],
        [20, 0.4, 80],
        [61, 0.3, 244],
        [200, 2, 10],
        [5, 0, 20],
        [2000, 0.4, 50],
      ] as const) {
        let calls = 0;
        const exact = (row: number): number => {
          calls++;
          return bias[row] as number;
        };
        const got = index.searchBounded(q, k, { weight, upper, exact, sample });
        const stats = index.lastSearch;
        expect(got).toEqual(index.searchScored(q, k, { weight, bias }));
        // Each row scored at most once, and far fewer than the allowed rows when k is small.
        expect(calls).toBe(stats.rescored);
        if (k <= 61) expect(calls).toBeLessThan(stats.allowed / 2);
      }
    }
  });

  it("is exact with the caller's own sample, whichever rows it holds (SampledRows)", () => {
    const allowed = upper.filter((u) => u !== -Infinity).length;
    const rows = Array.from({ length: index.size }, (_, row) => row);
    const shares = [0.05, 0.01, 0];
    for (let t = 0; t < 6; t++) {
      const q = t % 2 === 0 ? random() : clustered();
      const share = shares[t % 3] ?? 0;
      // Random rows, excluded ones among them (their bias is −∞ too) and one twice, or none at all.
      const picked = Int32Array.from(rows.filter(() => rand() < share));
      if (picked.length > 1) picked[1] = picked[0] ?? 0;
      for (const [k, weight] of [
        [1, 0.4],
        [61, 0.3],
        [300, 2],
        [allowed + 5, 0.4],
      ] as const) {
        const exact = (row: number): number => bias[row] as number;
        const got = index.searchBounded(q, k, { weight, upper, exact, sample: { rows: picked, allowed } });
        expect(got).toEqual(index.searchScored(q, k, { weight, bias }));
        expect(index.lastSearch.allowed).toBe(allowed);
      }
    }
  });

  it('returns every allowed row when k exceeds them and none for k = 0', () => {
    const few = Float64Array.from({ length: index.size }, (_, row) => (row % 400 === 0 ? 0.1 : -Infinity));
    const q = random();
    const exact = (row: number): number => few[row] as number;
    const got = index.searchBounded(q, 50, { weight: 0.4, upper: few, exact, sample: 3 });
    expect(got).toEqual(index.searchScored(q, 50, { weight: 0.4, bias: few }));
    expect(got).toHaveLength(5);
    expect(index.searchBounded(q, 0, { weight: 0.4, upper, exact, sample: 10 })).toEqual([]);
    expect(() => index.searchBounded(q, 5, { weight: -1, upper, exact, sample: 10 })).toThrow(RangeError);
  });
});

describe('VectorIndex backends', () => {
  it('give identical hits and identical work counts', () => {
    const { clustered } = generators(40, 6);
    const wasm = new VectorIndex(40, { kernels: 'wasm-simd' });
    const js = new VectorIndex(40, { kernels: 'js' });
    for (let i = 0; i < 1500; i++) {
      const v = clustered();
      wasm.upsert(`x${i}`, v);
      js.upsert(`x${i}`, v);
    }
    for (let t = 0; t < 10; t++) {
      const q = clustered();
      expect(wasm.search(q, 15)).toEqual(js.search(q, 15));
      expect({ ...wasm.lastSearch, backend: 'js' }).toEqual(js.lastSearch);
    }
  });
});
