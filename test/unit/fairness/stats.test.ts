import { describe, expect, it } from 'vitest';
import { erf, erfc, normalCdf, normalQuantile, normalSf } from '../../../src/domain/fairness/stats/normal.ts';
import { exactChoose, logChoose, logFactorial, logGamma } from '../../../src/domain/fairness/stats/gamma.ts';
import { binomCdf, binomPmf, binomPpf, hypergeomPmf } from '../../../src/domain/fairness/stats/discrete.ts';
import { regularizedBeta, studentTCdf, studentTQuantile } from '../../../src/domain/fairness/stats/student-t.ts';
import { bigChoose, expectRel, ratio } from './helpers.ts';

describe('erfc and the normal tails', () => {
  // Reference values from mpmath at 30–40 significant digits.
  it.each([
    [0.5, 0.479500122186953462317253346108],
    [1.99, 0.0048885868003830027617],
    [3, 0.0000220904969985854413727761295823],
    [5, 1.53745979442803485018834348538e-12],
    [10, 2.08848758376254475700078629496e-45],
    [26, 5.66319240885614284647572789693e-296],
  ])('erfc(%d) to 1e-12 relative', (x, expected) => {
    expectRel(erfc(x), expected, 1e-12);
  });

  it('erfc(0) = 1, erfc(−x) = 2 − erfc(x), erf(x) = 1 − erfc(x), erfc(∞-ish) = 0', () => {
    expect(erfc(0)).toBe(1);
    expect(erfc(-1.5)).toBeCloseTo(2 - erfc(1.5), 15);
    expect(erf(0.7) + erfc(0.7)).toBeCloseTo(1, 15);
    expect(erfc(30)).toBe(0);
  });

  it.each([
    [0.5, 0.308537538725986896362295389392],
    [1.96, 0.0249978951482204362128236923956],
    [10, 7.619853024160526066e-24],
    [30, 4.9067139271481870595e-198],
    [37, 5.7255712225245768227e-300],
  ])('normalSf(%d) = normalCdf(−z) to 1e-12 relative', (z, expected) => {
    expectRel(normalSf(z), expected, 1e-12);
    expectRel(normalCdf(-z), expected, 1e-12);
  });

  it('normalCdf(0) = ½ and the quantile inverts the CDF', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalQuantile(0.5)).toBe(0);
    expectRel(normalQuantile(0.975), 1.959963984540054, 1e-14);
    expectRel(normalQuantile(1e-10), -6.361340902404056, 1e-13);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(2)).toBeNaN();
  });
});

describe('log-gamma and combinatorics', () => {
  it('matches closed forms', () => {
    expect(logGamma(1)).toBe(0);
    expect(logGamma(2)).toBe(0);
    expectRel(logGamma(0.5), Math.log(Math.sqrt(Math.PI)), 1e-14); // Γ(½) = √π
    expectRel(logGamma(-0.5), Math.log(2 * Math.sqrt(Math.PI)), 1e-14); // Γ(−½) = −2√π
    expectRel(logGamma(6), Math.log(120), 1e-14); // Γ(6) = 5!
    expect(logGamma(0)).toBe(Infinity);
    expectRel(logFactorial(300), logGamma(301), 1e-14);
    expectRel(logChoose(10, 3), Math.log(120), 1e-14);
    expect(logChoose(3, 4)).toBe(-Infinity);
  });

  it('exactChoose is exact while it fits 2^53 and null beyond', () => {
    expect(exactChoose(10, 3)).toBe(120);
    expect(exactChoose(52, 5)).toBe(2598960);
    expect(exactChoose(50, 25)).toBe(Number(bigChoose(50, 25))); // 126410606437752 < 2^53
    expect(exactChoose(60, 30)).toBeNull(); // 118264581564861424 > 2^53
    expect(exactChoose(70, 35)).toBeNull();
  });
});

describe('binomial and hypergeometric', () => {
  it('pmf by hand: C(4,2)/16 = 0.375; edges p = 0, 1 and outside the support', () => {
    expect(binomPmf(2, 4, 0.5)).toBe(0.375);
    expect(binomPmf(0, 5, 0)).toBe(1);
    expect(binomPmf(5, 5, 1)).toBe(1);
    expect(binomPmf(6, 5, 0.3)).toBe(0);
  });

  it('CDF(3; 20, ¼) equals the exact rational Σ C(20,x)·3^(20−x) / 4^20', () => {
    let num = 0n;
    for (let x = 0; x <= 3; x++) num += bigChoose(20, x) * 3n ** BigInt(20 - x);
    expectRel(binomCdf(3, 20, 0.25), ratio(num, 4n ** 20n), 1e-14);
    expect(binomCdf(-1, 20, 0.25)).toBe(0);
    expect(binomCdf(20, 20, 0.25)).toBe(1);
  });

  it('large n stays finite (log space)', () => {
    const v = binomPmf(5000, 10000, 0.5);
    expect(v).toBeGreaterThan(0);
    expectRel(v, Math.exp(logChoose(10000, 5000) - 10000 * Math.LN2), 1e-10);
  });

  it('ppf follows scipy: smallest x with CDF(x) ≥ q, exact at CDF = q', () => {
    expect(binomPpf(1 / 32, 5, 0.5)).toBe(0); // CDF(0) = 1/32 exactly
    expect(binomPpf(1 / 32 + 1e-12, 5, 0.5)).toBe(1);
    expect(binomPpf(0, 5, 0.5)).toBe(-1);
    expect(binomPpf(1, 5, 0.5)).toBe(5);
  });

  it('hypergeometric pmf by hand: C(4,1)·C(6,2)/C(10,3) = 4·15/120 = ½', () => {
    expect(hypergeomPmf(1, 10, 4, 3)).toBe(0.5);
    expect(hypergeomPmf(5, 10, 4, 3)).toBe(0);
  });
});

describe('Student t', () => {
  it('quantiles match the closed forms for 1 and 2 degrees of freedom', () => {
    // df = 1 is Cauchy: t_q = tan(π(q − ½)); df = 2: t_q = (2q − 1)/√(2q(1 − q)).
    expectRel(studentTQuantile(0.975, 1), Math.tan(Math.PI * 0.475), 1e-13);
    expectRel(studentTQuantile(0.975, 2), 0.95 / Math.sqrt(2 * 0.975 * 0.025), 1e-13);
    expectRel(studentTQuantile(0.025, 2), -0.95 / Math.sqrt(2 * 0.975 * 0.025), 1e-13);
    expect(studentTQuantile(0.5, 7)).toBe(0);
  });

  it('CDF at the quantile returns q, and I_x(1,1) = x', () => {
    expectRel(studentTCdf(studentTQuantile(0.975, 9), 9), 0.975, 1e-13);
    expect(regularizedBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
  });
});
