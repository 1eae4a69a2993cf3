import { describe, expect, it } from 'vitest';
import { detConstSort } from '../../../src/domain/fairness/rerank/det-const-sort.ts';
import {
  fairAdjustedMTable,
  fairFailProbability,
  fairMTable,
} from '../../../src/domain/fairness/rerank/fair-mtable.ts';
import { fairRerank } from '../../../src/domain/fairness/rerank/fair-rerank.ts';
import { ndcgAtK } from '../../../src/domain/fairness/rerank/ndcg.ts';
import { minCountsFromShares, prefixViolations, type RankedItem } from '../../../src/domain/fairness/rerank/prefix.ts';
import { bigChoose, expectRel } from './helpers.ts';

const item = (group: string, score: number): RankedItem => ({ id: `${group}${score}`, score, group });
// 14 'a' items scoring 100..87 above 6 'b' items scoring 86..81: the unconstrained top 10 has no b.
const pool = [
  ...Array.from({ length: 14 }, (_, i) => item('a', 100 - i)),
  ...Array.from({ length: 6 }, (_, i) => item('b', 86 - i)),
];

describe('prefixViolations', () => {
  it("finds FairRankTune's infeasible output for p_b = 0.3, k = 10 (b at 5 and 8 only)", () => {
    // ⌊i·0.3⌋ for i = 1..10 = 0,0,0,1,1,1,2,2,2,3: b must have 1 in the top 4, 2 in the top 7, 3 in the top 10.
    const groups = ['a', 'a', 'a', 'a', 'b', 'a', 'a', 'b', 'a', 'a'].map((g) => ({ group: g }));
    expect(minCountsFromShares({ b: 0.3 }, 10).b).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 3]);
    expect(prefixViolations(groups, minCountsFromShares({ b: 0.3 }, 10))).toEqual([
      { prefix: 4, group: 'b', count: 0, required: 1 },
      { prefix: 7, group: 'b', count: 1, required: 2 },
      { prefix: 10, group: 'b', count: 2, required: 3 },
    ]);
  });

  it('⌊k·p⌋ is the decimal the caller meant (0.29·100 is 28.999… in binary)', () => {
    expect(minCountsFromShares({ g: 0.29 }, 100).g?.[99]).toBe(29);
  });
});

describe('DetConstSort (AIF360 behaviour)', () => {
  it('p_b = 0.3, k = 10: exact output traced by hand, every prefix feasible', () => {
    // step 2: a100; 3: a99; 4: b86 (max 4); 5: a98 bubbles above b86 (b86 may sit at 4); 6: a97 stays
    // (b86 cannot move to 5); 7: b85; 8: a96 bubbles above b85 (max 7); 9: a95; 10: a94 then b84.
    const out = detConstSort(pool, { a: 0.7, b: 0.3 }, 10);
    expect(out.map((x) => x.id)).toEqual(['a100', 'a99', 'a98', 'b86', 'a97', 'a96', 'b85', 'a95', 'a94', 'b84']);
    expect(prefixViolations(out, minCountsFromShares({ a: 0.7, b: 0.3 }, 10))).toEqual([]);
  });

  it('keeps every prefix feasible on pseudo-random pools, shares and k', () => {
    let seed = 12345;
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let trial = 0; trial < 200; trial++) {
      const shares = [rand() + 0.05, rand() + 0.05, rand() + 0.05];
      const total = shares.reduce((s, x) => s + x, 0);
      const target = { x: (shares[0] ?? 0) / total, y: (shares[1] ?? 0) / total, z: 0 };
      target.z = 1 - target.x - target.y;
      const k = 1 + Math.floor(rand() * 40);
      // Enough items of every group that none runs out.
      const items = ['x', 'y', 'z'].flatMap((g) =>
        Array.from({ length: k }, (_, i) => ({ id: `${g}${i}`, group: g, score: Math.round(rand() * 1000) / 10 })),
      );
      const out = detConstSort(items, target, k);
      expect(out).toHaveLength(k);
      expect(new Set(out.map((o) => o.id)).size).toBe(k);
      expect(prefixViolations(out, minCountsFromShares(target, k))).toEqual([]);
    }
  });

  it('a group that runs out is skipped, then the rest are appended by score; empty input is empty', () => {
    const few = [item('a', 10), item('a', 9), item('a', 8), item('b', 1)];
    expect(detConstSort(few, { a: 0.5, b: 0.5 }, 4).map((x) => x.id)).toEqual(['a10', 'b1', 'a9', 'a8']);
    expect(detConstSort([], { a: 1 }, 5)).toEqual([]);
    expect(() => detConstSort(few, { a: 0.5 }, 4)).toThrow(RangeError);
  });
});

describe('FA*IR m-table and fail probability', () => {
  it('m(i) = smallest x with F(x; i, ¼) ≥ 0.1, checked against exact rationals', () => {
    const table = fairMTable(20, 0.25, 0.1);
    expect(table).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3]);
    for (let i = 1; i <= 20; i++) {
      // F(x; i, ¼) = Σ_{j ≤ x} C(i, j)·3^(i−j) / 4^i; F ≥ 0.1 ⇔ 10·Σ ≥ 4^i.
      let num = 0n;
      let x = 0;
      for (; x <= i; x++) {
        num += bigChoose(i, x) * 3n ** BigInt(i - x);
        if (10n * num >= 4n ** BigInt(i)) break;
      }
      expect(table[i - 1]).toBe(x);
    }
  });

  it(
    'exact fail probability over all 20 positions = 0.146887188699; over the first 19 = ' +
      '0.11517506930977106 (fairsearchcore)',
    () => {
      const table = fairMTable(20, 0.25, 0.1);
      // Independent brute force: all 2^20 protected/non-protected sequences, weighted p^c(1−p)^(i−c).
      const bruteForce = (m: readonly number[]): number => {
        let fail = 0;
        for (let mask = 0; mask < 1 << m.length; mask++) {
          let c = 0;
          let bad = false;
          for (let i = 0; i < m.length && !bad; i++) {
            if (mask & (1 << i)) c++;
            if (c < (m[i] ?? 0)) bad = true;
          }
          if (bad) {
            const ones = mask.toString(2).replaceAll('0', '').length;
            fail += 0.25 ** ones * 0.75 ** (m.length - ones);
          }
        }
        return fail;
      };
      expectRel(fairFailProbability(table, 0.25), 0.146887188699, 1e-11);
      expectRel(bruteForce(table), 0.146887188699, 1e-11);
      expectRel(fairFailProbability(table.slice(0, 19), 0.25), 0.11517506930977106, 1e-13);
      expect(fairFailProbability([0, 0, 0], 0.25)).toBe(0);
      expect(fairFailProbability([1], 0.25)).toBe(0.75); // first item non-protected
    },
  );

  it('adjusted α: the most demanding table with fail probability ≤ α; the next table exceeds α', () => {
    const adj = fairAdjustedMTable(20, 0.25, 0.1);
    expect(adj.failProbability).toBeLessThanOrEqual(0.1);
    expect(adj.failProbability).toBe(fairFailProbability(adj.mtable, 0.25));
    expect(adj.mtable).toEqual(fairMTable(20, 0.25, adj.adjustedAlpha));
    expect(adj.adjustedAlpha).toBeLessThan(0.1);
    const next = fairMTable(20, 0.25, adj.adjustedAlpha * (1 + 1e-12));
    expect(next).not.toEqual(adj.mtable);
    expect(fairFailProbability(next, 0.25)).toBeGreaterThan(0.1);
  });

  it('rejects out-of-range parameters', () => {
    expect(() => fairMTable(0, 0.5, 0.1)).toThrow(RangeError);
    expect(() => fairMTable(10, 1, 0.1)).toThrow(RangeError);
    expect(() => fairMTable(10, 0.5, 0)).toThrow(RangeError);
  });
});

describe('FA*IR re-ranking', () => {
  const n = Array.from({ length: 10 }, (_, i) => item('n', 100 - i));
  const p = Array.from({ length: 10 }, (_, i) => item('p', 90 - i));

  it('k = 10, p = ¼, α = .1 unadjusted: m = 0×8,1,1 (.75^8 ≥ .1 > .75^9), so p90 is pulled up to 9', () => {
    const r = fairRerank([...n, ...p], { k: 10, p: 0.25, alpha: 0.1, protectedGroups: ['p'], adjust: false });
    expect(r.mtable).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
    expect(r.ranking.map((x) => x.id)).toEqual(['n100', 'n99', 'n98', 'n97', 'n96', 'n95', 'n94', 'n93', 'p90', 'n92']);
    expect(r.violations).toEqual([]);
    expect(r.alphaUsed).toBe(0.1);
  });

  it('ties go to the protected item; the adjusted table is the default', () => {
    const r = fairRerank([item('n', 5), item('p', 5)], { k: 2, p: 0.5, alpha: 0.1, protectedGroups: ['p'] });
    expect(r.ranking.map((x) => x.group)).toEqual(['p', 'n']);
    expect(r.failProbability).toBeLessThanOrEqual(0.1);
  });

  it('when protected items run out the list is still filled and the shortfall reported', () => {
    const r = fairRerank(n, { k: 10, p: 0.25, alpha: 0.1, protectedGroups: ['p'], adjust: false });
    expect(r.ranking).toHaveLength(10);
    expect(r.violations.map((v) => v.prefix)).toEqual([9, 10]);
  });
});

describe('nDCG@k (linear gain)', () => {
  it('ideal order → 1; a swap by hand; all-zero gains → null', () => {
    expect(ndcgAtK([3, 2, 1], 3).value).toBe(1);
    const l3 = Math.log2(3);
    expectRel(ndcgAtK([2, 3, 1], 3).value, (2 + 3 / l3 + 0.5) / (3 + 2 / l3 + 0.5), 1e-15);
    // Ideal from a larger pool: top-2 of [5, 4, 1] is 5 + 4/log2 3.
    expectRel(ndcgAtK([4, 1], 2, [5, 4, 1]).value, (4 + 1 / l3) / (5 + 4 / l3), 1e-15);
    expect(ndcgAtK([0, 0], 2)).toEqual({ value: null, reason: 'zero-ideal-gain' });
    expect(ndcgAtK([], 0)).toEqual({ value: null, reason: 'zero-ideal-gain' });
  });

  it('measures DetConstSort loss on the p_b = 0.3 example', () => {
    const out = detConstSort(pool, { a: 0.7, b: 0.3 }, 10);
    const dcg = (xs: number[]): number => xs.reduce((s, x, i) => s + x / Math.log2(i + 2), 0);
    const expected = dcg([100, 99, 98, 86, 97, 96, 85, 95, 94, 84]) / dcg([100, 99, 98, 97, 96, 95, 94, 93, 92, 91]);
    expectRel(
      ndcgAtK(
        out.map((x) => x.score),
        10,
        pool.map((x) => x.score),
      ).value,
      expected,
      1e-15,
    );
    expect(expected).toBeLessThan(1);
  });
});
