/**
 * Scales the real corpus to n postings. Row i < base is real posting i (its own LSA vector and
 * features). Every later row is a perturbed copy of a real posting b (chosen uniformly):
 *   vector: normalise(v_b + ν·g/‖g‖), g a standard Gaussian vector, so cos(copy, v_b) ≈ 1/√(1+ν²)
 *     (ν = 0.5 → ≈ 0.89): copies stay in their posting's cluster, as more postings of the same job do;
 *   features: locations and regions of another real posting (realistic city mix), salary × U[0.85, 1.15]
 *     rounded to 500, with p = 0.2 one required skill dropped, with p = 0.3 a preferred skill borrowed
 *     from another real posting of the same occupation; degree, majors and job type kept.
 * Every row: createdAt spread over 60 days, 5 % already closed at `now` (the filter must drop them).
 */
import type { IndexedPosting } from '../../src/domain/search/posting-index.ts';
import type { PostingFeatures } from '../../src/domain/matching/features.ts';
import { createRng, type Rng } from '../../src/demo/random.ts';
import type { BasePosting } from './corpus.ts';

export const NOISE = 0.5;
export const NOW = Date.parse('2026-12-01T00:00:00Z');
const DAY = 86_400_000;

function gaussian(rng: Rng): number {
  const u = 1 - rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

/** normalise(v + ν·g/‖g‖), into out. */
function perturb(rng: Rng, v: Float32Array, nu: number, out: Float32Array): Float32Array {
  const d = v.length;
  const g = new Float64Array(d);
  let gn = 0;
  for (let i = 0; i < d; i++) {
    const x = gaussian(rng);
    g[i] = x;
    gn += x * x;
  }
  const scale = nu / Math.sqrt(gn);
  let n = 0;
  for (let i = 0; i < d; i++) {
    const x = (v[i] ?? 0) + scale * (g[i] ?? 0);
    g[i] = x;
    n += x * x;
  }
  const inv = 1 / Math.sqrt(n);
  for (let i = 0; i < d; i++) out[i] = (g[i] ?? 0) * inv;
  return out;
}

function perturbFeatures(
  rng: Rng,
  f: PostingFeatures,
  base: readonly BasePosting[],
  sameOccupation: readonly number[],
): PostingFeatures {
  const place = (rng.pick(base) as BasePosting).features;
  const jitter = 0.85 + 0.3 * rng.next();
  const pay = (x: number | null): number | null =>
    x === null ? null : Math.max(1500, Math.round((x * jitter) / 500) * 500);
  let required = f.requiredSkills;
  if (required.length > 1 && rng.chance(0.2)) {
    const drop = rng.int(0, required.length - 1);
    required = required.filter((_, i) => i !== drop);
  }
  let preferred = f.preferredSkills;
  if (rng.chance(0.3) && sameOccupation.length > 0) {
    const other = base[rng.pick(sameOccupation)]?.features.preferredSkills ?? [];
    const extra = other.length > 0 ? rng.pick(other) : undefined;
    if (extra !== undefined && !preferred.includes(extra) && !required.includes(extra))
      preferred = [...preferred, extra];
  }
  const salaryMin = pay(f.salaryMin);
  const salaryMax = pay(f.salaryMax);
  return {
    ...f,
    requiredSkills: required,
    preferredSkills: preferred,
    locations: place.locations,
    regions: place.regions,
    salaryMin,
    salaryMax: salaryMax !== null && salaryMin !== null ? Math.max(salaryMin, salaryMax) : salaryMax,
  };
}

export interface SyntheticRow {
  posting: IndexedPosting;
  vector: Float32Array;
}

/** Rows 0…n−1 in order, generated lazily so 1M rows never sit in memory twice (the vector buffer is reused). */
export function* syntheticRows(base: readonly BasePosting[], n: number, seed: string): Generator<SyntheticRow> {
  const rng = createRng(seed);
  const byOccupation = new Map<string, number[]>();
  base.forEach((p, i) => byOccupation.set(p.occupationCode, [...(byOccupation.get(p.occupationCode) ?? []), i]));
  const d = base[0]?.vector.length ?? 0;
  const buffer = new Float32Array(d);
  for (let i = 0; i < n; i++) {
    const b = i < base.length ? i : rng.int(0, base.length - 1);
    const src = base[b];
    if (!src) throw new Error('empty corpus');
    const features =
      i < base.length
        ? src.features
        : perturbFeatures(rng, src.features, base, byOccupation.get(src.occupationCode) ?? []);
    const vector = i < base.length ? src.vector : perturb(rng, src.vector, NOISE, buffer);
    const createdAt = NOW - rng.int(0, 60 * DAY);
    const closesAt = rng.chance(0.05) ? NOW - DAY : rng.chance(0.5) ? NOW + rng.int(1, 90) * DAY : null;
    // A copy keeps its posting's words: more postings of the same job say much the same.
    yield { posting: { id: postingId(i), features, createdAt, closesAt, text: src.text }, vector };
  }
}

/** A uuid-shaped id per row, so impressions can store it in their uuid column. */
export const postingId = (i: number): string => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
