import { DEGREES, degreeRank, JOB_TYPES } from '../model/common.ts';
import type { PostingFeatures, ProfileFeatures, SkillSimilarity } from './features.ts';
import { skillCredit } from './components.ts';
import { Interner } from './interner.ts';
import { scoreMatch, type MatchScore } from './score.ts';
import { TopK } from './topk.ts';
import { VectorIndex } from './vector-index.ts';
import type { WeightSet } from './weights.ts';

/** One open posting as the index holds it. */
export interface IndexedPosting {
  id: string;
  features: PostingFeatures;
  /** Creation time in ms (recency order for the non-personalized list). */
  createdAt: number;
  /** Last day it accepts applications, as ms at 00:00 UTC of the next day; null: no close date. */
  closesAt: number | null;
}

/** Hard filters: a posting failing any of them is never scored (applied in the scan, not after it). */
export interface PostingFilter {
  /** Canonical city ids; a posting qualifies if it is in one of them (or remote, when remoteOk). */
  cities?: readonly string[];
  remoteOnly?: boolean;
  jobTypes?: readonly string[];
  /** Only postings whose top salary reaches this. */
  salaryAtLeast?: number;
  /** Only postings a holder of this degree may apply to. */
  eligibleDegree?: (typeof DEGREES)[number] | null;
  exclude?: ReadonlySet<string>;
  /** Time of the request, for close dates. */
  now: number;
}

export interface RankedPosting {
  id: string;
  cosine: number;
  match: MatchScore;
}

const REGION_BITS: Record<string, number> = { east: 1, central: 2, west: 4, northeast: 8 };
const regionMask = (regions: readonly string[]): number => regions.reduce((m, r) => m | (REGION_BITS[r] ?? 0), 0);

/**
 * Open postings of one tenant and one embedder: vectors in a VectorIndex, structured features in
 * row-aligned interned arrays. rank() returns the exact hybrid top k: every allowed row gets its
 * structured score from typed arrays, the int8 stage bounds the semantic part, and the final k are
 * scored by scoreMatch itself, so a listed score is always the score its explanation shows.
 */
export class PostingIndex {
  readonly vectors: VectorIndex;
  readonly #skills = new Interner();
  readonly #places = new Interner();
  readonly #majors = new Interner();
  #postings: IndexedPosting[] = [];
  #required: Int32Array[] = [];
  #preferred: Int32Array[] = [];
  #cities: Int32Array[] = [];
  #accepted: Int32Array[] = [];
  #acceptedGroups: Int32Array[] = [];
  #regions: number[] = [];

  constructor(dimensions: number) {
    this.vectors = new VectorIndex(dimensions);
  }

  get size(): number {
    return this.vectors.size;
  }

  has(id: string): boolean {
    return this.vectors.has(id);
  }

  get(id: string): IndexedPosting | undefined {
    const row = this.vectors.rowOf(id);
    return row === undefined ? undefined : this.#postings[row];
  }

  upsert(posting: IndexedPosting, vector: ArrayLike<number>): void {
    const row = this.vectors.upsert(posting.id, vector);
    const f = posting.features;
    this.#postings[row] = posting;
    this.#required[row] = this.#skills.internAll(f.requiredSkills);
    this.#preferred[row] = this.#skills.internAll(f.preferredSkills.filter((s) => !f.requiredSkills.includes(s)));
    this.#cities[row] = this.#places.internAll(f.locations);
    this.#accepted[row] = this.#majors.internAll(f.acceptedMajors);
    this.#acceptedGroups[row] = this.#majors.internAll(f.acceptedMajorGroups.map((g) => `group:${g}`));
    this.#regions[row] = regionMask(f.regions);
  }

  remove(id: string): boolean {
    const row = this.vectors.rowOf(id);
    if (row === undefined) return false;
    const last = this.vectors.size - 1;
    this.vectors.remove(id);
    // Mirror VectorIndex's swap-remove so every side array stays aligned with its rows.
    for (const arr of [this.#postings, this.#required, this.#preferred, this.#cities, this.#accepted, this.#acceptedGroups, this.#regions] as unknown[][]) {
      if (row !== last) arr[row] = arr[last];
      arr.length = last;
    }
    return true;
  }

  ids(): string[] {
    return this.#postings.map((p) => p.id);
  }

  /** Row mask of postings passing the hard filters. */
  mask(filter: PostingFilter): Uint8Array {
    const n = this.vectors.size;
    const mask = new Uint8Array(n);
    const cities = filter.cities && filter.cities.length > 0 ? new Set(filter.cities.map((c) => this.#places.find(c))) : null;
    const types = filter.jobTypes && filter.jobTypes.length > 0 ? new Set(filter.jobTypes) : null;
    const maxDegree = filter.eligibleDegree === undefined ? DEGREES.length : filter.eligibleDegree === null ? 0 : degreeRank(filter.eligibleDegree);
    for (let row = 0; row < n; row++) {
      const p = this.#postings[row];
      if (!p) continue;
      const f = p.features;
      if (p.closesAt !== null && p.closesAt <= filter.now) continue;
      if (filter.exclude?.has(p.id)) continue;
      if (filter.remoteOnly && !f.remote) continue;
      if (cities && !f.remote && !(this.#cities[row] ?? []).some((c) => cities.has(c))) continue;
      if (types && !types.has(f.jobType)) continue;
      if (filter.salaryAtLeast !== undefined && (f.salaryMax ?? f.salaryMin ?? -1) < filter.salaryAtLeast) continue;
      if (degreeRank(f.minDegree) > maxDegree) continue;
      mask[row] = 1;
    }
    return mask;
  }

  /** The k best allowed postings by hybrid score (ties: lower row first). */
  rank(profile: ProfileFeatures, query: Float32Array, weights: WeightSet, similarity: SkillSimilarity, mask: Uint8Array, k: number): RankedPosting[] {
    const bias = this.#structured(profile, weights, similarity, mask);
    const shortlist = this.vectors.searchScored(query, Math.max(4 * k, k + 40), { weight: weights.weights.semantic, bias });
    const scored = shortlist.map((hit) => {
      const posting = this.#postings[hit.row];
      if (!posting) throw new Error(`row ${hit.row} has no posting`);
      return { id: posting.id, row: hit.row, cosine: hit.dot, match: scoreMatch(profile, posting.features, hit.dot, weights, similarity) };
    });
    scored.sort((a, b) => b.match.score - a.match.score || a.row - b.row);
    return scored.slice(0, k).map(({ id, cosine, match }) => ({ id, cosine, match }));
  }

  /** The k most recent allowed postings: the non-personalized list. */
  recent(mask: Uint8Array, k: number): IndexedPosting[] {
    const top = new TopK(Math.min(k, this.vectors.size));
    for (let row = 0; row < this.vectors.size; row++) if (mask[row] === 1) top.push(this.#postings[row]?.createdAt ?? 0, row);
    const { rows } = top.sorted();
    return Array.from(rows, (row) => this.#postings[row]).filter((p): p is IndexedPosting => p !== undefined);
  }

  /**
   * Σ w_c·value_c over every component except semantic, per row (−∞ for rows the mask excludes),
   * computed with the same rules as components.ts on interned ids.
   */
  #structured(profile: ProfileFeatures, weights: WeightSet, similarity: SkillSimilarity, mask: Uint8Array): Float64Array {
    const w = weights.weights;
    const n = this.vectors.size;
    const out = new Float64Array(n).fill(-Infinity);
    const credit = new Float64Array(this.#skills.size).fill(Number.NaN);
    const creditOf = (s: number): number => {
      let c = credit[s] as number;
      if (Number.isNaN(c)) {
        c = skillCredit(this.#skills.nameOf(s), profile, similarity).credit;
        credit[s] = c;
      }
      return c;
    };
    const cover = (arr: Int32Array): number => {
      if (arr.length === 0) return 0.5;
      let sum = 0;
      for (let i = 0; i < arr.length; i++) sum += creditOf(arr[i] as number);
      return sum / arr.length;
    };
    const myMajors = new Set(profile.majors.map((m) => this.#majors.find(m)).filter((m) => m >= 0));
    const myGroups = new Set(profile.majorGroups.map((g) => this.#majors.find(`group:${g}`)).filter((m) => m >= 0));
    const myCities = new Set(profile.locations.map((c) => this.#places.find(c)).filter((c) => c >= 0));
    const myRegions = regionMask(profile.regions);
    const myDegree = profile.degree === null ? -1 : degreeRank(profile.degree);
    const jobTypeOk = new Set(profile.jobTypes.length === 0 ? JOB_TYPES : profile.jobTypes);
    const floor = profile.salaryFloor;
    for (let row = 0; row < n; row++) {
      if (mask[row] !== 1) continue;
      const p = this.#postings[row];
      if (!p) continue;
      const f = p.features;
      const accepted = this.#accepted[row] ?? new Int32Array();
      const major = accepted.length === 0 ? 1
        : accepted.some((m) => myMajors.has(m)) ? 1
          : (this.#acceptedGroups[row] ?? new Int32Array()).some((g) => myGroups.has(g)) ? 0.5 : 0;
      const degree = myDegree >= 0 && myDegree >= degreeRank(f.minDegree) ? 1 : 0;
      let location: number;
      if (profile.remote === 'only') location = f.remote ? 1 : 0;
      else if (f.remote && profile.remote !== 'no') location = 1;
      else if (profile.locations.length === 0) location = 1;
      else if ((this.#cities[row] ?? new Int32Array()).some((c) => myCities.has(c))) location = 1;
      else location = ((this.#regions[row] ?? 0) & myRegions) !== 0 ? 0.5 : 0;
      const top = f.salaryMax ?? f.salaryMin;
      const salary = floor === null || floor <= 0 ? 1 : top === null ? 0.5 : Math.min(1, top / floor);
      out[row] = w.requiredSkills * cover(this.#required[row] ?? new Int32Array())
        + w.preferredSkills * cover(this.#preferred[row] ?? new Int32Array())
        + w.majorFit * major + w.degreeFit * degree + w.locationFit * location + w.salaryFit * salary
        + w.jobTypeFit * (jobTypeOk.has(f.jobType) ? 1 : 0);
    }
    return out;
  }
}
