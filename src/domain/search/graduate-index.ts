import { lexicalValue } from '../matching/components.ts';
import type { LexicalMatch, PostingFeatures, ProfileFeatures, SkillSimilarity } from '../matching/features.ts';
import { scoreMatch, type MatchScore } from '../matching/score.ts';
import type { WeightSet } from '../matching/weights.ts';
import { degreeRank, JOB_TYPES, type Degree } from '../model/common.ts';
import { isLatinTerm, lexicalTerms } from '../text/lexical-analyzer.ts';
import { Interner } from './interner.ts';
import type { KernelPreference } from './simd/arena.ts';
import { correctTerm } from './spelling.ts';
import { VectorIndex } from './vector-index.ts';

/** One graduate as the candidate index holds it: the scorer's features and the hard filters' keys. */
export interface IndexedGraduate {
  id: string;
  features: ProfileFeatures;
  /** lexicalTerms(profile text): the query the lexical component reads, in order. */
  queryTerms: readonly string[];
  /** Terms of the majors (the q filter's title field; not scored). */
  titleTerms: readonly string[];
  visibility: 'employers' | 'career_office' | 'private';
  /** The latest profile_visible_to_employers consent event is a grant. */
  employerConsent: boolean;
  /** Year of each graduation (NaN for an unreadable date). */
  years: readonly number[];
  /** The preferred cities as the location filter compares them. */
  filterCities: readonly string[];
  /** Creation time (epoch ms): the cohort list's order, (createdAt, id). */
  createdAt: number;
}

/** Hard filters of a candidate list, resolved to canonical ids (graduate-filter.ts resolveGraduateFilters). */
export interface CandidateFilter {
  /** employer: visible to employers with consent; career_office: not private; cohort: every graduate. */
  audience: 'employer' | 'career_office' | 'cohort';
  major?: string | undefined;
  degree?: Degree | undefined;
  yearFrom?: number | undefined;
  yearTo?: number | undefined;
  city?: string | undefined;
  skillId?: string | undefined;
  /** Analyzed (and corrected) terms of q: a graduate passes with any of them in the profile or majors. */
  qTerms?: readonly string[] | undefined;
}

/** The posting's lexical side, from the posting index: each term's BM25F part, and idf (0 when df = 0). */
export interface PostingLexicalSide {
  parts: ReadonlyMap<string, number>;
  idf: (term: string) => number;
  /** Identifies the corpus statistics (same key: same idf for every term), so denominators are reused. */
  key: string | null;
}

export interface CandidateQuery {
  posting: PostingFeatures;
  vector: Float32Array;
  weights: WeightSet;
  similarity: SkillSimilarity;
  lexical: PostingLexicalSide | null;
}

export interface RankedGraduate {
  id: string;
  cosine: number;
  match: MatchScore;
}

export interface CandidateHit {
  id: string;
  /** The raw dot product of the stored vectors (the cosine scoreMatch reads). */
  cosine: number;
  /** The hybrid score before each component is rounded (within 1e-5 of the exact score). */
  approx: number;
}

/**
 * The most any exact score (round6 of each value and contribution, summed in micro-units) differs from the
 * unrounded hybrid the scan ranks by: nine components, each off by at most 0.5e-6 in its value and in its
 * contribution. A shortlist is exact when its k-th exact score clears the best score left out by twice this.
 */
export const ROUNDING_MARGIN = 1e-5;

const REGION_BITS: Record<string, number> = { east: 1, central: 2, west: 4, northeast: 8 };
const regionMask = (regions: readonly string[]): number => regions.reduce((m, r) => m | (REGION_BITS[r] ?? 0), 0);
const REMOTE = { any: 0, prefer: 1, only: 2, no: 3 } as const;
const VISIBILITY = { employers: 0, career_office: 1, private: 2 } as const;
const NO_IDS = new Int32Array(0);

/** The posting's lexical side over the interned terms (GraduateIndex.#lexicalTable). */
interface LexicalTable {
  parts: Float64Array;
  den: Float64Array;
}

/**
 * A tenant's graduates for candidate lists, mirroring PostingIndex from the other side: vectors in a
 * VectorIndex (the kernel arena and its exact int8 bounds), structured features in row-aligned interned
 * columns, hard filters (audience, consent, major, degree, year, city, skill, q) applied while the row
 * mask is built, and the structured and lexical parts of the score for one posting computed per row as
 * the bias of VectorIndex.searchScored, which returns the exact top of weight·clamp(cosine) + bias.
 *
 * The index keeps no profile beyond these columns (100k profiles would cost far more memory than their
 * vectors): shortlist() returns the best rows by the unrounded hybrid and the best score it left out, and
 * the caller scores the shortlist with scoreMatch itself, widening it until the k-th exact score clears
 * that by ROUNDING_MARGIN twice, so the list equals a brute-force scoreMatch over every allowed graduate.
 */
export class GraduateIndex {
  readonly vectors: VectorIndex;
  readonly #skills = new Interner();
  readonly #places = new Interner();
  readonly #majors = new Interner();
  readonly #terms = new Interner();
  // Row-aligned columns (swap-remove keeps them dense, as VectorIndex does with its rows).
  #slot: number[] = [];
  /** The scorer's features, for the exact score of the rows a list keeps. */
  #features: ProfileFeatures[] = [];
  #skillIds: Int32Array[] = [];
  #majorIds: Int32Array[] = [];
  #groupIds: Int32Array[] = [];
  #cityIds: Int32Array[] = [];
  #filterCityIds: Int32Array[] = [];
  #years: Float64Array[] = [];
  #regions: number[] = [];
  #remote: number[] = [];
  #jobTypes: number[] = [];
  #salaryFloor: number[] = [];
  #degree: number[] = [];
  #visibility: number[] = [];
  #consent: number[] = [];
  #createdAt: number[] = [];
  // Per slot (stable while a graduate stays): its terms, and per term the slots holding it.
  #rowOfSlot: number[] = [];
  #freeSlots: number[] = [];
  #queryTerms: Int32Array[] = [];
  #titleTerms: Int32Array[] = [];
  #termSlots: number[][] = [];
  /** Documents (query or title terms) holding each term: the df spelling correction reads. */
  #docFreq: number[] = [];
  // Lexical denominators per slot, valid for the posting corpus #denKey; dirty slots are redone.
  #den = new Float64Array(0);
  #denKey: string | null = null;
  readonly #denDirty = new Set<number>();
  #version = 0;
  readonly #creditCache = new WeakMap<SkillSimilarity, Map<string, { upTo: number; pairs: Array<[number, number]> }>>();

  constructor(dimensions: number, options: { kernels?: KernelPreference } = {}) {
    this.vectors = new VectorIndex(dimensions, { kernels: options.kernels ?? 'auto' });
  }

  get size(): number {
    return this.vectors.size;
  }

  /** Bumped by every upsert and remove. */
  get version(): number {
    return this.#version;
  }

  has(id: string): boolean {
    return this.vectors.has(id);
  }

  ids(): string[] {
    return Array.from({ length: this.size }, (_, row) => this.vectors.idAt(row) ?? '');
  }

  upsert(graduate: IndexedGraduate, vector: ArrayLike<number>): void {
    const existing = this.vectors.rowOf(graduate.id);
    if (existing !== undefined) this.#unlinkTerms(this.#slot[existing] as number);
    const row = this.vectors.upsert(graduate.id, vector);
    const slot =
      existing === undefined ? (this.#freeSlots.pop() ?? this.#rowOfSlot.length) : (this.#slot[row] as number);
    const f = graduate.features;
    this.#slot[row] = slot;
    this.#features[row] = f;
    this.#rowOfSlot[slot] = row;
    this.#skillIds[row] = this.#skills.internAll([...f.skills.keys()]);
    this.#majorIds[row] = this.#majors.internAll(f.majors);
    this.#groupIds[row] = this.#majors.internAll(f.majorGroups.map((g) => `group:${g}`));
    this.#cityIds[row] = this.#places.internAll(f.locations);
    this.#filterCityIds[row] = this.#places.internAll(graduate.filterCities);
    this.#years[row] = Float64Array.from(graduate.years);
    this.#regions[row] = regionMask(f.regions);
    this.#remote[row] = REMOTE[f.remote];
    this.#jobTypes[row] = f.jobTypes.reduce((m, t) => m | (1 << JOB_TYPES.indexOf(t)), 0);
    this.#salaryFloor[row] = f.salaryFloor === null || f.salaryFloor <= 0 ? -1 : f.salaryFloor;
    this.#degree[row] = f.degree === null ? -1 : degreeRank(f.degree);
    this.#visibility[row] = VISIBILITY[graduate.visibility];
    this.#consent[row] = graduate.employerConsent ? 1 : 0;
    this.#createdAt[row] = graduate.createdAt;
    const query = this.#terms.internAll(graduate.queryTerms);
    const title = this.#terms.internAll(graduate.titleTerms);
    this.#queryTerms[slot] = query;
    this.#titleTerms[slot] = title;
    for (const t of query) (this.#termSlots[t] ??= []).push(slot);
    for (const t of new Set([...query, ...title])) this.#docFreq[t] = (this.#docFreq[t] ?? 0) + 1;
    this.#denDirty.add(slot);
    this.#version++;
  }

  remove(id: string): boolean {
    const row = this.vectors.rowOf(id);
    if (row === undefined) return false;
    const last = this.vectors.size - 1;
    const slot = this.#slot[row] as number;
    this.#unlinkTerms(slot);
    this.#queryTerms[slot] = NO_IDS;
    this.#titleTerms[slot] = NO_IDS;
    this.#rowOfSlot[slot] = -1;
    this.#freeSlots.push(slot);
    this.#denDirty.delete(slot);
    this.vectors.remove(id);
    for (const arr of [
      this.#slot,
      this.#features,
      this.#skillIds,
      this.#majorIds,
      this.#groupIds,
      this.#cityIds,
      this.#filterCityIds,
      this.#years,
      this.#regions,
      this.#remote,
      this.#jobTypes,
      this.#salaryFloor,
      this.#degree,
      this.#visibility,
      this.#consent,
      this.#createdAt,
    ] as unknown[][]) {
      if (row !== last) arr[row] = arr[last];
      arr.length = last;
    }
    if (row !== last) this.#rowOfSlot[this.#slot[row] as number] = row;
    this.#version++;
    return true;
  }

  #unlinkTerms(slot: number): void {
    const query = this.#queryTerms[slot] ?? NO_IDS;
    for (const t of query) {
      const list = this.#termSlots[t];
      if (!list) continue;
      const at = list.indexOf(slot);
      if (at >= 0) {
        list[at] = list[list.length - 1] as number;
        list.length--;
      }
    }
    for (const t of new Set([...query, ...(this.#titleTerms[slot] ?? NO_IDS)]))
      this.#docFreq[t] = (this.#docFreq[t] ?? 1) - 1;
  }

  /** Graduates whose profile or majors hold the term (the df of spelling correction). */
  df(term: string): number {
    const id = this.#terms.find(term);
    return id < 0 ? 0 : (this.#docFreq[id] ?? 0);
  }

  /** q analyzed as filterGraduates does, an unseen English word corrected against these graduates' words. */
  queryTerms(q: string): string[] {
    const df = (t: string) => this.df(t);
    return [...new Set(lexicalTerms(q).map((t) => (!isLatinTerm(t) || df(t) > 0 ? t : (correctTerm(t, df) ?? t))))];
  }

  featuresOf(id: string): ProfileFeatures | undefined {
    const row = this.vectors.rowOf(id);
    return row === undefined ? undefined : this.#features[row];
  }

  /** The graduate's lexical query terms (lexicalTerms of the profile text), as indexed. */
  queryOf(id: string): string[] | undefined {
    const row = this.vectors.rowOf(id);
    if (row === undefined) return undefined;
    return Array.from(this.#queryTerms[this.#slot[row] as number] ?? NO_IDS, (t) => this.#terms.nameOf(t));
  }

  /**
   * The exact k best allowed graduates for the posting, by scoreMatch (ties: lower id first), as a
   * scoreMatch over every allowed graduate would order them: the shortlist widens until its k-th exact
   * score clears the best hybrid left out by ROUNDING_MARGIN. `lexical` is the exact lexical match of
   * a graduate's query terms against the posting (LexicalIndex.match or matchDocument).
   */
  rank(
    query: CandidateQuery,
    mask: Uint8Array,
    k: number,
    lexical: (terms: readonly string[]) => LexicalMatch,
  ): RankedGraduate[] {
    if (k <= 0) return [];
    let size = Math.max(2 * k, k + 40);
    for (;;) {
      const { hits, floor } = this.shortlist(query, mask, size);
      const scored = hits.map((hit) => {
        const row = this.vectors.rowOf(hit.id) as number;
        const terms = Array.from(this.#queryTerms[this.#slot[row] as number] ?? NO_IDS, (t) => this.#terms.nameOf(t));
        const match = scoreMatch(
          this.#features[row] as ProfileFeatures,
          query.posting,
          hit.cosine,
          query.weights,
          query.similarity,
          lexical(terms),
        );
        return { id: hit.id, cosine: hit.cosine, match };
      });
      scored.sort((a, b) => b.match.score - a.match.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const kth = scored[k - 1]?.match.score;
      if (floor === -Infinity || (kth !== undefined && kth > floor + ROUNDING_MARGIN)) return scored.slice(0, k);
      size *= 4;
    }
  }

  /** The stored vector's dot product with `vector` (the cosine a list and its explanation both use). */
  cosineOf(id: string, vector: Float32Array): number | undefined {
    const row = this.vectors.rowOf(id);
    if (row === undefined) return undefined;
    const mask = new Uint8Array(this.size);
    mask[row] = 1;
    const [hit] = this.vectors.search(vector, 1, mask);
    return hit?.score;
  }

  /** Row mask of graduates passing the hard filters. */
  mask(filter: CandidateFilter): Uint8Array {
    const n = this.size;
    const mask = new Uint8Array(n);
    const employer = filter.audience === 'employer';
    const maxVisibility = filter.audience === 'cohort' ? VISIBILITY.private : VISIBILITY.career_office;
    const major = filter.major === undefined ? undefined : this.#majors.find(filter.major);
    const city = filter.city === undefined ? undefined : this.#places.find(filter.city);
    const skill = filter.skillId === undefined ? undefined : this.#skills.find(filter.skillId);
    const degree = filter.degree === undefined ? undefined : degreeRank(filter.degree);
    const from = filter.yearFrom ?? -Infinity;
    const to = filter.yearTo ?? Infinity;
    // A filter naming something no graduate has matches nobody.
    if (major === -1 || city === -1 || skill === -1) return mask;
    let qRows: Uint8Array | null = null;
    if (filter.qTerms !== undefined) {
      qRows = new Uint8Array(n);
      const flags = new Uint8Array(this.#terms.size);
      for (const term of filter.qTerms) {
        const t = this.#terms.find(term);
        if (t < 0) continue;
        flags[t] = 1;
        for (const slot of this.#termSlots[t] ?? []) qRows[this.#rowOfSlot[slot] as number] = 1;
      }
      for (let row = 0; row < n; row++)
        if (qRows[row] === 0 && (this.#titleTerms[this.#slot[row] as number] ?? NO_IDS).some((t) => flags[t] === 1))
          qRows[row] = 1;
    }
    for (let row = 0; row < n; row++) {
      const visibility = this.#visibility[row] as number;
      if (employer ? visibility !== 0 || this.#consent[row] !== 1 : visibility > maxVisibility) continue;
      if (qRows !== null && qRows[row] === 0) continue;
      if (major !== undefined && !(this.#majorIds[row] as Int32Array).includes(major)) continue;
      if (degree !== undefined && this.#degree[row] !== degree) continue;
      if (city !== undefined && !(this.#filterCityIds[row] as Int32Array).includes(city)) continue;
      if (skill !== undefined && !(this.#skillIds[row] as Int32Array).includes(skill)) continue;
      // One graduation inside the range (and, as in filterGraduates, a graduate with none never passes).
      if (!(this.#years[row] as Float64Array).some((y) => y >= from && y <= to)) continue;
      mask[row] = 1;
    }
    return mask;
  }

  /**
   * Ids of the first `count` masked graduates in (createdAt, id) order strictly after the cursor: the cohort
   * list's page, found in one pass over the mask with a bounded sorted buffer (no sort of every match).
   */
  pageAfter(mask: Uint8Array, after: { createdAt: number; id: string } | undefined, count: number): string[] {
    const ids = this.vectors;
    const before = (a: number, b: number): boolean => {
      const ta = this.#createdAt[a] as number;
      const tb = this.#createdAt[b] as number;
      return ta < tb || (ta === tb && (ids.idAt(a) ?? '') < (ids.idAt(b) ?? ''));
    };
    const best: number[] = [];
    for (let row = 0; row < mask.length; row++) {
      if (mask[row] !== 1) continue;
      if (after !== undefined) {
        const t = this.#createdAt[row] as number;
        if (t < after.createdAt || (t === after.createdAt && (ids.idAt(row) ?? '') <= after.id)) continue;
      }
      if (best.length === count && !before(row, best[count - 1] as number)) continue;
      let lo = 0;
      let hi = best.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (before(best[mid] as number, row)) lo = mid + 1;
        else hi = mid;
      }
      best.splice(lo, 0, row);
      if (best.length > count) best.pop();
    }
    return best.map((row) => ids.idAt(row) ?? '');
  }

  /**
   * The best rows for the posting by the unrounded hybrid (at most `size`), and `floor`: the best hybrid
   * score of an allowed row left out (−∞ when none was). Exact top by that hybrid (VectorIndex.searchScored).
   */
  shortlist(query: CandidateQuery, mask: Uint8Array, size: number): { hits: CandidateHit[]; floor: number } {
    const bias = this.structuredScores(query, mask);
    const hits = this.vectors.searchScored(query.vector, size + 1, { weight: query.weights.weights.semantic, bias });
    const kept = hits.slice(0, size);
    const left = hits[size];
    return {
      hits: kept.map((h) => ({ id: h.id, cosine: h.dot, approx: h.score })),
      floor: left === undefined ? -Infinity : left.score,
    };
  }

  /**
   * Σ w_c·value_c over every component but semantic, per row (−∞ where the mask excludes it): the rules
   * of components.ts over the interned columns, the lexical value as LexicalIndex.match computes it.
   */
  structuredScores(query: CandidateQuery, mask: Uint8Array): Float64Array {
    const out = this.#structuredBase(query, mask);
    const w = query.weights.weights;
    const table = w.lexical !== 0 && query.lexical !== null ? this.#lexicalTable(query.lexical) : null;
    if (table === null) return out;
    for (let row = 0; row < out.length; row++)
      if ((out[row] as number) > -Infinity) out[row] = this.#withLexical(out[row] as number, w.lexical, table, row);
    return out;
  }

  /** base + weight × the row's lexical value: the same operations, in the same order, as the full sum. */
  #withLexical(base: number, weight: number, table: LexicalTable, row: number): number {
    const slot = this.#slot[row] as number;
    const terms = this.#queryTerms[slot] ?? NO_IDS;
    const parts = table.parts;
    // Sums run over each graduate's terms in order, as LexicalIndex.match sums them.
    let sum = 0;
    for (let j = 0; j < terms.length; j++) sum += parts[terms[j] as number] as number;
    const d = table.den[slot] as number;
    return base + weight * lexicalValue(d === 0 ? 0 : sum / d);
  }

  /**
   * Per interned term its BM25F part for the posting (0 for terms it lacks) and the denominators: a row's
   * value is then one pass over its own terms, with no walk of the posting terms' slot lists (a common term
   * lists most graduates, so that walk cost more than the sums it saved).
   */
  #lexicalTable(side: PostingLexicalSide): LexicalTable {
    const parts = new Float64Array(this.#terms.size);
    for (const [term, part] of side.parts) {
      const t = this.#terms.find(term);
      if (t >= 0) parts[t] = part;
    }
    return { parts, den: this.#denominators(side) };
  }

  /** structuredScores without the lexical component. */
  #structuredBase(query: CandidateQuery, mask: Uint8Array): Float64Array {
    const n = this.size;
    const { posting, similarity } = query;
    const w = query.weights.weights;
    const required = posting.requiredSkills;
    const preferred = posting.preferredSkills.filter((s) => !required.includes(s));
    const wanted = [...required, ...preferred];
    // Per interned graduate skill h, the wanted skills it gives credit for: wanted index pairJ[i] with credit
    // pairS[i] for i in [pairStart[h], pairStart[h + 1]) (flat arrays: the row loop allocates nothing).
    const skillCount = this.#skills.size;
    const creditLists = wanted.map((want) => this.#credits(want, similarity));
    const pairStart = new Int32Array(skillCount + 1);
    for (const list of creditLists) for (const [h] of list) pairStart[h + 1] = (pairStart[h + 1] as number) + 1;
    for (let h = 0; h < skillCount; h++) pairStart[h + 1] = (pairStart[h + 1] as number) + (pairStart[h] as number);
    const pairJ = new Int32Array(pairStart[skillCount] as number);
    const pairS = new Float64Array(pairJ.length);
    const fill = pairStart.slice(0, skillCount);
    creditLists.forEach((list, j) => {
      for (const [h, s] of list) {
        const at = fill[h] as number;
        fill[h] = at + 1;
        pairJ[at] = j;
        pairS[at] = s;
      }
    });
    const accepted = this.#flags(this.#majors, posting.acceptedMajors);
    const acceptedGroups = this.#flags(
      this.#majors,
      posting.acceptedMajorGroups.map((g) => `group:${g}`),
    );
    const postingCities = this.#flags(this.#places, posting.locations);
    const postingRegions = regionMask(posting.regions);
    const minDegree = degreeRank(posting.minDegree);
    const jobTypeBit = 1 << JOB_TYPES.indexOf(posting.jobType);
    const top = posting.salaryMax ?? posting.salaryMin;
    const credit = new Float64Array(wanted.length);
    const out = new Float64Array(n);
    const skillIds = this.#skillIds;
    const majorIds = this.#majorIds;
    const groupIds = this.#groupIds;
    const cityIds = this.#cityIds;
    const degrees = this.#degree;
    const remotes = this.#remote;
    const regions = this.#regions;
    const floors = this.#salaryFloor;
    const jobTypes = this.#jobTypes;
    for (let row = 0; row < n; row++) {
      if (mask[row] !== 1) {
        out[row] = -Infinity;
        continue;
      }
      credit.fill(0);
      const held = skillIds[row] as Int32Array;
      for (let i = 0; i < held.length; i++) {
        const h = held[i] as number;
        const end = pairStart[h + 1] as number;
        for (let p = pairStart[h] as number; p < end; p++) {
          const j = pairJ[p] as number;
          const s = pairS[p] as number;
          if (s > (credit[j] as number)) credit[j] = s;
        }
      }
      let req = 0.5;
      if (required.length > 0) {
        let sum = 0;
        for (let j = 0; j < required.length; j++) sum += credit[j] as number;
        req = sum / required.length;
      }
      let pref = 0.5;
      if (preferred.length > 0) {
        let sum = 0;
        for (let j = required.length; j < wanted.length; j++) sum += credit[j] as number;
        pref = sum / preferred.length;
      }
      const major =
        posting.acceptedMajors.length === 0 || anyFlag(majorIds[row] as Int32Array, accepted)
          ? 1
          : anyFlag(groupIds[row] as Int32Array, acceptedGroups)
            ? 0.5
            : 0;
      const rank = degrees[row] as number;
      const degree = rank >= 0 && rank >= minDegree ? 1 : 0;
      const remote = remotes[row] as number;
      const cities = cityIds[row] as Int32Array;
      const location =
        remote === REMOTE.only
          ? posting.remote
            ? 1
            : 0
          : posting.remote && remote !== REMOTE.no
            ? 1
            : cities.length === 0 || anyFlag(cities, postingCities)
              ? 1
              : ((regions[row] as number) & postingRegions) !== 0
                ? 0.5
                : 0;
      const floor = floors[row] as number;
      const salary = floor <= 0 ? 1 : top === null ? 0.5 : Math.min(1, top / floor);
      const types = jobTypes[row] as number;
      const jobType = types === 0 || (types & jobTypeBit) !== 0 ? 1 : 0;
      out[row] =
        w.requiredSkills * req +
        w.preferredSkills * pref +
        w.majorFit * major +
        w.degreeFit * degree +
        w.locationFit * location +
        w.salaryFit * salary +
        w.jobTypeFit * jobType;
    }
    return out;
  }

  /** Σ idf over each slot's query terms known to the posting corpus (LexicalIndex's denominator). */
  #denominators(side: PostingLexicalSide): Float64Array {
    const slots = this.#rowOfSlot.length;
    const fresh = side.key === null || side.key !== this.#denKey;
    if (!fresh && this.#denDirty.size === 0) return this.#den;
    const idf = new Float64Array(this.#terms.size);
    for (let t = 0; t < idf.length; t++) idf[t] = side.idf(this.#terms.nameOf(t));
    const reuse = !fresh;
    let den = reuse ? this.#den : new Float64Array(slots);
    if (reuse && den.length < slots) {
      den = new Float64Array(Math.max(slots, 2 * den.length));
      den.set(this.#den);
    }
    const redo = reuse ? [...this.#denDirty] : Array.from({ length: slots }, (_, s) => s);
    for (const slot of redo) {
      let sum = 0;
      for (const t of this.#queryTerms[slot] ?? NO_IDS) {
        const v = idf[t] as number;
        if (v > 0) sum += v;
      }
      den[slot] = sum;
    }
    if (side.key !== null) {
      this.#den = den;
      this.#denKey = side.key;
      this.#denDirty.clear();
    }
    return den;
  }

  /**
   * The interned graduate skills that earn credit for `want` (itself 1, a near skill its similarity),
   * kept across requests: a few thousand similarity calls per wanted skill once, then only for skills
   * interned since (interned ids are never reused, so the pairs stay valid).
   */
  #credits(want: string, similarity: SkillSimilarity): ReadonlyArray<readonly [number, number]> {
    let bySkill = this.#creditCache.get(similarity);
    if (!bySkill) this.#creditCache.set(similarity, (bySkill = new Map()));
    let entry = bySkill.get(want);
    if (!entry) bySkill.set(want, (entry = { upTo: 0, pairs: [] }));
    for (let h = entry.upTo; h < this.#skills.size; h++) {
      const held = this.#skills.nameOf(h);
      const s = held === want ? 1 : similarity(want, held);
      if (s > 0) entry.pairs.push([h, s]);
    }
    entry.upTo = this.#skills.size;
    return entry.pairs;
  }

  #flags(interner: Interner, names: readonly string[]): Uint8Array {
    const flags = new Uint8Array(interner.size);
    for (const name of names) {
      const id = interner.find(name);
      if (id >= 0) flags[id] = 1;
    }
    return flags;
  }
}

function anyFlag(ids: Int32Array, flags: Uint8Array): boolean {
  for (let i = 0; i < ids.length; i++) if (flags[ids[i] as number] === 1) return true;
  return false;
}
