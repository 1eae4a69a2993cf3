/**
 * Deterministic dev/test split and sampling by (avalanched) FNV-1a hashes of a query id, so the split never depends
 * on file order, on the sample size or on which other queries exist.
 */
import { fnv1a } from '../../src/demo/random.ts';

export interface SplitRule {
  /** Salt mixed into the hash, so the split is independent of the sampling hash. */
  readonly salt: string;
  /** Share of queries that go to dev, in [0, 1]. */
  readonly devShare: number;
}

export const DEFAULT_SPLIT: SplitRule = { salt: 'bole-quality-split-v1', devShare: 0.3 };

/**
 * MurmurHash3's 32-bit finaliser (fmix32, Appleby 2011): FNV-1a alone leaves the high bits of short,
 * similar ids ("q1", "q2", …) poorly mixed (2,684 of q0…q9999 fell below 0.3), so they are avalanched.
 */
export function fmix32(h: number): number {
  let x = h >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** u(id) = fmix32(fnv1a(salt + '|' + id)) / 2^32, uniform in [0, 1). */
export function hashUnit(id: string, salt: string): number {
  return fmix32(fnv1a(`${salt}|${id}`)) / 4294967296;
}

/** 'dev' when u(id) < devShare, else 'test'. */
export function splitOf(id: string, rule: SplitRule = DEFAULT_SPLIT): 'dev' | 'test' {
  return hashUnit(id, rule.salt) < rule.devShare ? 'dev' : 'test';
}

/** The n items with the smallest sampling hash (all of them, in that order, when n ≥ length). */
export function sampleByHash<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  n: number,
  salt = 'bole-quality-sample-v1',
): T[] {
  return items
    .map((item) => ({ item, u: hashUnit(idOf(item), salt), id: idOf(item) }))
    .sort((a, b) => a.u - b.u || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, Math.max(0, n))
    .map((x) => x.item);
}

export function describeSplit(rule: SplitRule = DEFAULT_SPLIT): string {
  return `dev if fmix32(fnv1a("${rule.salt}|" + query id)) / 2^32 < ${rule.devShare}, else test`;
}
