import { describe, expect, it } from 'vitest';
import { TopK } from '../../../src/domain/matching/topk.ts';
import { VectorIndex, type VectorHit } from '../../../src/domain/matching/vector-index.ts';
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
function bruteForce(rows: Map<string, Float32Array>, q: Float32Array, k: number, allow: (id: string) => boolean): string[] {
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
    for (const [s, r] of [[0.5, 4], [0.9, 1], [0.1, 0], [0.9, 0], [0.7, 2], [0.5, 3]] as const) top.push(s, r);
    const { rows, scores } = top.sorted();
    expect(Array.from(rows)).toEqual([0, 1, 2]);
    expect(Array.from(scores)).toEqual([0.9, 0.9, 0.7]);
    expect(top.threshold).toBe(0.7);
  });
});

describe.each(['random', 'clustered'] as const)('VectorIndex on %s data', (kind) => {
  const d = 48;
  const n = 3000;
  const gen = generators(d, kind === 'random' ? 1 : 2)[kind];
  const index = new VectorIndex(d, { initialCapacity: 4 });
  const rows = new Map<string, Float32Array>();
  for (let i = 0; i < n; i++) {
    const v = gen();
    index.upsert(`p${i}`, v);
    rows.set(`p${i}`, v);
  }
  const queries = Array.from({ length: 25 }, gen);

  it('grows by doubling', () => {
    expect(index.size).toBe(n);
    expect(index.capacity).toBe(4096);
  });

  it('search equals the float32 scan exactly and brute force by id (recall@10 = 1.0)', () => {
    for (const q of queries) {
      const hits = index.search(q, 10);
      expect(hits).toEqual(index.searchExact(q, 10));
      expect(hits.map((h) => h.id)).toEqual(bruteForce(rows, q, 10, () => true));
      expect(recall(hits, bruteForce(rows, q, 10, () => true))).toBe(1);
      const v = rows.get(hits[0]?.id ?? '') ?? new Float32Array(d);
      expect(hits[0]?.score).toBeCloseTo(v.reduce((s, x, i) => s + x * (q[i] ?? 0), 0), 6);
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

  it('stays exact when the candidate list is too short to certify (second pass)', () => {
    const tight = new VectorIndex(d, { candidates: (k) => k });
    for (const [id, v] of rows) tight.upsert(id, v);
    let uncertified = 0;
    for (const q of queries) {
      expect(tight.search(q, 10).map((h) => h.id)).toEqual(bruteForce(rows, q, 10, () => true));
      if (!tight.lastSearch.certified) uncertified++;
    }
    expect(uncertified).toBeGreaterThan(0);
  });

  it('stays exact after updates and removes', () => {
    const live = new Map(rows);
    const copy = new VectorIndex(d);
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
    expect(index.search([1, 0, 0], 10).map((h) => [h.id, h.score])).toEqual([['a', 1], ['c', 0.6000000238418579], ['b', 0]]);
    expect(index.search([1, 0, 0], 10, Uint8Array.from([0, 1, 0])).map((h) => h.id)).toEqual(['b']);
    expect(index.search([1, 0, 0], 0)).toEqual([]);
    expect(() => index.search([1, 0], 1)).toThrow(RangeError);
    expect(() => index.upsert('d', [Number.NaN, 0, 0])).toThrow(RangeError);
    expect(() => index.search([1, 0, 0], 1, new Uint8Array(2))).toThrow(/mask/);
  });

  it('scanFloor sums the stored memory', () => {
    const index = new VectorIndex(2);
    index.upsert('a', [0.5, 0.25]);
    index.upsert('b', [-1, 2]);
    expect(index.scanFloor()).toBe(1.75);
    expect(index.scanFloor('int8')).toBe(127 + 64 - 64 + 127);
  });
});
