import { describe, expect, it } from 'vitest';
import { judge } from '../../bench/quality/evaluate.ts';
import {
  mean,
  ndcgAtK,
  pairedBootstrap,
  rankOf,
  recallAtK,
  reciprocalRank,
  topK,
} from '../../bench/quality/metrics.ts';

const scores = [0.5, 0.9, 0.5, 0.1];
const keys = [2, 0, 1, 3];

describe('rankOf / topK with tie keys', () => {
  it.each([
    [1, 1],
    [2, 2],
    [0, 3],
    [3, 4],
  ])('document %i ranks %i (0.5 tie: lower key first)', (doc, rank) => {
    expect(rankOf(scores, keys, doc)).toBe(rank);
  });
  it('top 2 is the best score, then the tie with the lower key', () => {
    expect(topK(scores, keys, 2)).toEqual([1, 2]);
    expect(topK(scores, keys, 10)).toEqual([1, 2, 0, 3]);
  });
  it('a −∞ document is left out of the top k and never outranks anything', () => {
    const s = [0.5, Number.NEGATIVE_INFINITY, 0.5, 0.1];
    expect(topK(s, keys, 2)).toEqual([2, 0]);
    expect(rankOf(s, keys, 3)).toBe(3);
  });
});

describe('reciprocal rank, recall@k, nDCG@k', () => {
  it.each([
    [[3, 5], 1 / 3],
    [[1], 1],
    [[], 0],
  ])('RR of ranks %j is %d', (ranks, rr) => {
    expect(reciprocalRank(ranks)).toBe(rr);
  });
  it('recall counts relevant documents in the top k over min(k, |relevant|)', () => {
    expect(recallAtK([1, 4, 12], 10)).toBeCloseTo(2 / 3, 12);
    expect(
      recallAtK(
        Array.from({ length: 12 }, (_, i) => i + 1),
        10,
      ),
    ).toBe(1);
    expect(recallAtK([11], 10)).toBe(0);
    expect(recallAtK([], 10)).toBe(0);
  });
  it('nDCG@3 of gains [0, 3, 1] against the pool [3, 2, 1]', () => {
    // DCG = 0/1 + 3/log2 3 + 1/2 = 2.392789; IDCG = 3 + 2/log2 3 + 1/2 = 4.761860; ratio 0.5024905.
    expect(ndcgAtK([0, 3, 1], [3, 2, 1], 3)).toBeCloseTo(0.5024905, 6);
    expect(ndcgAtK([0, 0], [], 10)).toBe(0);
  });
  it('mean of nothing is 0', () => {
    expect(mean([])).toBe(0);
    expect(mean([1, 2, 6])).toBe(3);
  });
});

describe('judge', () => {
  const query = {
    id: 'q',
    split: 'test' as const,
    gains: new Map([
      [2, 2],
      [3, 1],
    ]),
    relevant: [2],
    exclude: null,
  };
  it('ranking 1, 3, 2, 0: the relevant document is third', () => {
    const m = judge(Float64Array.from([0.2, 0.9, 0.5, 0.7]), [0, 1, 2, 3], query);
    expect(m.mrr).toBeCloseTo(1 / 3, 12);
    expect(m.recall).toBe(1);
    // DCG = 1/log2 3 + 2/log2 4 = 1.630930; IDCG = 2 + 1/log2 3 = 2.630930.
    expect(m.ndcg).toBeCloseTo(0.6199062, 6);
  });
  it('an excluded document leaves the ranking', () => {
    const m = judge(Float64Array.from([0.2, 0.9, 0.5, 0.7]), [0, 1, 2, 3], { ...query, exclude: 1 });
    expect(m.mrr).toBe(0.5);
    // DCG = 1 + 2/log2 3 = 2.261860 over 2.630930.
    expect(m.ndcg).toBeCloseTo(0.8597186, 6);
  });
});

describe('pairedBootstrap', () => {
  it('a constant difference has a zero-width interval', () => {
    expect(pairedBootstrap([1, 1], [0, 0], 50, () => 0.3)).toEqual({ delta: 1, low: 1, high: 1 });
  });
  it('percentiles of the resampled means', () => {
    // Round 1 draws index 0 twice (mean diff 1), round 2 index 1 twice (0): sorted [0, 1].
    const draws = [0, 0, 0.9, 0.9];
    let i = 0;
    const next = (): number => draws[i++ % draws.length] ?? 0;
    expect(pairedBootstrap([1, 0], [0, 0], 2, next)).toEqual({ delta: 0.5, low: 0, high: 1 });
  });
  it('refuses unpaired samples', () => {
    expect(() => pairedBootstrap([1], [1, 2], 10, () => 0)).toThrow(RangeError);
  });
});
