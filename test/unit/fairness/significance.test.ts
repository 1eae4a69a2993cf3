import { describe, expect, it } from 'vitest';
import { fisherExact, twoProportionZTest } from '../../../src/domain/fairness/significance.ts';
import { bigChoose, expectRel, ratio } from './helpers.ts';

/** Brute force: enumerate every table with the same margins, exactly, in BigInt rationals. */
function fisherByEnumeration(a: number, b: number, c: number, d: number): number {
  const n = a + b + c + d;
  const col = a + c;
  const row = a + b;
  const weight = (x: number): bigint => bigChoose(col, x) * bigChoose(n - col, row - x);
  const observed = weight(a);
  let num = 0n;
  for (let x = 0; x <= row; x++) if (weight(x) <= observed) num += weight(x);
  return ratio(num, bigChoose(n, row));
}

describe("Fisher's exact test (scipy two-sided convention)", () => {
  it('[[75,50],[25,50]]: p equals the exact enumeration (≈ 4.2033045869994e-4), odds ratio 75·50/(50·25) = 3', () => {
    const r = fisherExact([
      [75, 50],
      [25, 50],
    ]);
    const exact = fisherByEnumeration(75, 50, 25, 50);
    expectRel(exact, 4.20330458699940399e-4, 1e-15); // also = Python fractions over the same tables
    expectRel(r.pValue, exact, 1e-11);
    expect(r.oddsRatio).toBe(3);
  });

  it('small tables by hand', () => {
    // [[3,1],[1,3]]: N=8, K=4, n=4; P(x) = C(4,x)C(4,4−x)/70 = 1,16,36,16,1 (/70). Observed x=3 (16/70):
    // tables with P ≤ 16/70 are x = 0,1,3,4 → p = 34/70.
    expectRel(
      fisherExact([
        [3, 1],
        [1, 3],
      ]).pValue,
      34 / 70,
      1e-14,
    );
    expect(
      fisherExact([
        [3, 1],
        [1, 3],
      ]).oddsRatio,
    ).toBe(9);
    // [[1,1],[1,1]]: P = 1/6, 4/6, 1/6; observed is the most likely table → p = 1.
    expect(
      fisherExact([
        [1, 1],
        [1, 1],
      ]).pValue,
    ).toBeCloseTo(1, 14);
    // [[2,0],[0,2]]: observed P = 1/6 and x = 0 ties it → p = 1/3; b·c = 0 → odds ratio null.
    const z = fisherExact([
      [2, 0],
      [0, 2],
    ]);
    expectRel(z.pValue, 1 / 3, 1e-14);
    expect(z).toMatchObject({ oddsRatio: null, reason: 'zero-denominator' });
  });

  it('empty and degenerate tables have p = 1', () => {
    expect(
      fisherExact([
        [0, 0],
        [0, 0],
      ]).pValue,
    ).toBe(1);
    expect(
      fisherExact([
        [0, 5],
        [0, 7],
      ]).pValue,
    ).toBe(1);
  });

  it('agrees with brute force on a spread of tables', () => {
    for (const [a, b, c, d] of [
      [0, 10, 5, 5],
      [12, 3, 7, 9],
      [1, 19, 8, 12],
      [30, 0, 25, 4],
    ] as const) {
      expectRel(
        fisherExact([
          [a, b],
          [c, d],
        ]).pValue,
        fisherByEnumeration(a, b, c, d),
        1e-11,
      );
    }
  });
});

describe('pooled two-proportion z-test (audit-ai convention)', () => {
  it('75/100 vs 50/100: z = .25/√(.625·.375·.02) = √(40/3), p = erfc(√(20/3))', () => {
    const r = twoProportionZTest(75, 100, 50, 100);
    expect(r).toMatchObject({ p1: 0.75, p2: 0.5, pooled: 0.625, reason: null });
    expectRel(r.z, Math.sqrt(40 / 3), 1e-14); // z² = .0625/.0046875 = 40/3
    expectRel(r.pValue, 0.000260729632855316711919403288326, 1e-12); // mpmath erfc(√(20/3))
  });

  it('is antisymmetric in the groups', () => {
    const r = twoProportionZTest(50, 100, 75, 100);
    expectRel(r.z, -Math.sqrt(40 / 3), 1e-14);
  });

  it('no variation (all zero or all selected) or an empty group → null with a reason', () => {
    expect(twoProportionZTest(0, 10, 0, 20)).toMatchObject({
      z: null,
      pValue: null,
      pooled: 0,
      reason: 'zero-variance',
    });
    expect(twoProportionZTest(10, 10, 5, 5)).toMatchObject({
      z: null,
      pValue: null,
      pooled: 1,
      reason: 'zero-variance',
    });
    expect(twoProportionZTest(0, 0, 3, 5)).toMatchObject({ p1: null, p2: 0.6, z: null, reason: 'empty-group' });
  });

  it('equal rates give z = 0 and p = 1', () => {
    expect(twoProportionZTest(5, 10, 10, 20)).toMatchObject({ z: 0, pValue: 1 });
  });
});
