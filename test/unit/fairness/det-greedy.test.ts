import { describe, expect, it } from 'vitest';
import { geyikRerank, GEYIK_VARIANTS } from '../../../src/domain/fairness/rerank/det-greedy.ts';
import { minCountsFromShares, prefixViolations, type RankedItem } from '../../../src/domain/fairness/rerank/prefix.ts';

const item = (group: string, score: number): RankedItem => ({ id: `${group}${score}`, score, group });
const ids = (xs: readonly RankedItem[]) => xs.map((x) => x.id);

/*
 * Three groups, p = (a 0.4, b 0.35, c 0.25), where the three variants part at the first position.
 * ⌊i·p⌋/⌈i·p⌉ for i = 1..5: a 0/1 0/1 1/2 1/2 2/2; b 0/1 0/1 1/2 1/2 1/2; c 0/1 0/1 0/1 1/1 1/2.
 */
const three = [item('a', 5), item('a', 4), item('a', 3), item('b', 8), item('b', 2), item('b', 1)].concat([
  item('c', 9),
  item('c', 7),
  item('c', 6),
]);
const shares3 = { a: 0.4, b: 0.35, c: 0.25 };

describe("Geyik et al. 2019's DetGreedy, DetCons and DetRelaxed (hand-traced from Algorithms 1–2)", () => {
  it('DetGreedy: best next item among belowMin, else among belowMax', () => {
    // 1: none below min, all below max → c9. 2: c at ⌈2·.25⌉ = 1 → best of a5, b8 → b8. 3: a below ⌊1.2⌋ = 1
    // → a5. 4: a, b below max (c at ⌈1.0⌉) → a4. 5: a at ⌈2.0⌉ = 2; b, c below max → c7.
    expect(ids(geyikRerank(three, shares3, 5, 'greedy'))).toEqual(['c9', 'b8', 'a5', 'a4', 'c7']);
  });

  it('DetCons: the belowMax group minimising ⌈k·p⌉/p', () => {
    // 1: keys a 2.5, b 2.857, c 4 → a5. 2: b 2.857, c 4 → b8. 3: a 5, b 5.714, c 4 → c9. 4: a 5, b 5.714
    // (c at ⌈1.0⌉) → a4. 5: b 5.714, c 8 → b2.
    expect(ids(geyikRerank(three, shares3, 5, 'conservative'))).toEqual(['a5', 'b8', 'c9', 'a4', 'b2']);
  });

  it('DetRelaxed: among belowMax minimising ⌈⌈k·p⌉/p⌉, the best next item', () => {
    // 1: keys a 3, b 3, c 4 → best of a5, b8 → b8. 2: a 3, c 4 → a5. 3: a 5, b 6, c 4 → c9. 4: a 5, b 6 → a4.
    // 5: b 6, c 8 → b2.
    expect(ids(geyikRerank(three, shares3, 5, 'relaxed'))).toEqual(['b8', 'a5', 'c9', 'a4', 'b2']);
  });

  it("AIF360's test (r 100, 90, 80, 70, 10; b 60…20; rec_size 6, ½/½): every variant gives r half the list", () => {
    const items = [
      ['r', 100],
      ['r', 90],
      ['r', 80],
      ['r', 70],
      ['b', 60],
      ['b', 50],
      ['b', 40],
      ['b', 30],
      ['b', 20],
      ['r', 10],
    ].map(([g, s]) => item(String(g), Number(s)));
    for (const v of GEYIK_VARIANTS) {
      const out = geyikRerank(items, { r: 0.5, b: 0.5 }, 6, v);
      // Traced: position 1 r100 (a tie of keys goes to the better item), 2 b60 (r at ⌈1⌉), then alternating.
      expect(out.map((x) => x.score)).toEqual([100, 60, 90, 50, 80, 40]);
    }
  });

  it('DetCons and DetRelaxed keep every prefix at ⌊i·p⌋ for two and three groups (the paper’s claim)', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16_807) % 2_147_483_647;
      return seed / 2_147_483_647;
    };
    const cases: Record<string, number>[] = [
      { a: 0.5, b: 0.5 },
      { a: 0.7, b: 0.3 },
      { a: 0.45, b: 0.35, c: 0.2 },
      { a: 0.6, b: 0.3, c: 0.1 },
    ];
    for (const shares of cases)
      for (let run = 0; run < 25; run++) {
        const items = Object.keys(shares).flatMap((g) => Array.from({ length: 30 }, (_, i) => item(g, random() + i)));
        for (const v of ['conservative', 'relaxed'] as const) {
          const out = geyikRerank(items, shares, 30, v);
          expect(prefixViolations(out, minCountsFromShares(shares, 30))).toEqual([]);
        }
      }
  });

  it('caps a group at ⌈i·p⌉ while another is below its maximum (the published methods are quotas too)', () => {
    // Every a outscores every b; with p = ½/½, a never holds more than ⌈i/2⌉ of a prefix.
    const items = [...[10, 9, 8, 7].map((s) => item('a', s)), ...[4, 3, 2, 1].map((s) => item('b', s))];
    expect(ids(geyikRerank(items, { a: 0.5, b: 0.5 }, 6, 'greedy'))).toEqual(['a10', 'b4', 'a9', 'b3', 'a8', 'b2']);
  });

  it('skips a group that ran out, then takes the best remaining item; validates its input', () => {
    const items = [item('a', 9), item('a', 8), item('a', 7), item('b', 1)];
    expect(ids(geyikRerank(items, { a: 0.5, b: 0.5 }, 4, 'conservative'))).toEqual(['a9', 'b1', 'a8', 'a7']);
    expect(geyikRerank([], { a: 1 }, 3, 'greedy')).toEqual([]);
    expect(() => geyikRerank(items, { a: 0.5 }, 2, 'greedy')).toThrow(RangeError);
    expect(() => geyikRerank(items, { a: 0.6, b: 0.6 }, 2, 'greedy')).toThrow(RangeError);
    expect(() => geyikRerank(items, { a: 0.5, b: 0.5 }, -1, 'greedy')).toThrow(RangeError);
  });
});
