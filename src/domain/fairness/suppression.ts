import { assertCount } from './types.ts';

export interface SuppressionOptions {
  /** Groups with fewer members are suppressed (default 10). */
  minSize?: number;
  /** Groups with n / sampleSize below this share are suppressed (default 0.02, LL144 §5-301(d)). */
  minShare?: number;
  /** Denominator of the share; default the sum of the known groups' sizes (unknowns are not a category). */
  sampleSize?: number;
}

export interface ExcludedGroup {
  group: string;
  n: number;
  reason: 'below-min-size' | 'below-min-share';
}

export interface Suppressed<T> {
  published: T[];
  excluded: ExcludedGroup[];
  /** Individuals with unknown demographics: counted and reported, never in a category. */
  unknownCount: number;
  sampleSize: number;
  minSize: number;
  minShare: number;
}

/**
 * Small-group suppression for published figures. A group is excluded when n < minSize (our floor,
 * default 10, against re-identification and one-person swings, cf. the UGESP Q&A "one-person shift")
 * or n / sampleSize < minShare (NYC LL144 rules 6 RCNY §5-301(d) allow excluding a category under 2 %
 * of the data, provided the summary lists it with its n). Excluded groups are returned with their n and
 * reason so the report can list them; nothing is dropped silently. Order is preserved.
 */
export function suppressSmallGroups<T extends { group: string; n: number }>(
  groups: readonly T[],
  unknownCount: number,
  options: SuppressionOptions = {},
): Suppressed<T> {
  const minSize = options.minSize ?? 10;
  const minShare = options.minShare ?? 0.02;
  assertCount('unknownCount', unknownCount);
  for (const g of groups) assertCount(`${g.group}.n`, g.n);
  const sampleSize = options.sampleSize ?? groups.reduce((s, g) => s + g.n, 0);
  const published: T[] = [];
  const excluded: ExcludedGroup[] = [];
  for (const g of groups) {
    if (g.n < minSize) excluded.push({ group: g.group, n: g.n, reason: 'below-min-size' });
    else if (sampleSize > 0 && g.n / sampleSize < minShare)
      excluded.push({ group: g.group, n: g.n, reason: 'below-min-share' });
    else published.push(g);
  }
  return { published, excluded, unknownCount, sampleSize, minSize, minShare };
}
