import { expect } from 'vitest';

/** |actual − expected| ≤ tol·|expected| (relative), for values spanning hundreds of orders of magnitude. */
export function expectRel(actual: number | null | undefined, expected: number, tol = 1e-12): void {
  expect(actual).not.toBeNull();
  expect(actual).not.toBeUndefined();
  const a = actual ?? Number.NaN;
  expect(Math.abs(a - expected)).toBeLessThanOrEqual(tol * Math.abs(expected));
}

/** Exact binomial coefficient with BigInt, for independent checks. */
export function bigChoose(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let c = 1n;
  for (let i = 1; i <= k; i++) c = (c * BigInt(n - k + i)) / BigInt(i);
  return c;
}

/** num/den as a double, both BigInt, to ~1e-17 relative. */
export function ratio(num: bigint, den: bigint): number {
  const scale = 10n ** 30n;
  return Number((num * scale) / den) / 1e30;
}
