import { lexicalValue } from '../matching/components.ts';
import type { LexicalMatch, PostingFeatures, ProfileFeatures, SkillSimilarity } from '../matching/features.ts';
import { scoreMatch, type MatchScore } from '../matching/score.ts';
import { ROUNDING_MARGIN, type WeightSet } from '../matching/weights.ts';
import { degreeRank, JOB_TYPES, type Degree } from '../model/common.ts';
import { isLatinTerm, lexicalTerms } from '../text/lexical-analyzer.ts';
import { Interner } from './interner.ts';
import { packedBuffers, packInt32, unpackViews, type PackedLists } from './packed-lists.ts';
import { PooledLists } from './pooled-lists.ts';
import { ProfileStore, type ProfileStoreSnapshot } from './profile-store.ts';
import type { KernelPreference } from './simd/arena.ts';
import { correctTerm } from './spelling.ts';
import { TopK } from './topk.ts';
import { VectorIndex, type SampledRows } from './vector-index.ts';
import type { VectorStoreSnapshot } from './vector-store.ts';

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
 * Everything a GraduateIndex holds, as plain data and typed arrays (GraduateIndex.snapshot), so an index built in a
 * worker thread crosses to the serving thread with its buffers moved and only the interned strings cloned. Caches
 * (audience masks, skill credits, scratch) are not in it: a restored index builds them again as the original would.
 */
export interface GraduateIndexSnapshot {
  vectors: VectorStoreSnapshot;
  skills: string[];
  places: string[];
  majors: string[];
  terms: string[];
  slot: Int32Array<ArrayBuffer>;
  profiles: ProfileStoreSnapshot;
  /** Per slot (as the query and title terms): skills, majors, filter cities and graduation years. */
  skillIds: PackedLists<Int32Array<ArrayBuffer>>;
  majorIds: PackedLists<Int32Array<ArrayBuffer>>;
  filterCityIds: PackedLists<Int32Array<ArrayBuffer>>;
  years: PackedLists<Float64Array<ArrayBuffer>>;
  hasYear: Uint8Array<ArrayBuffer>;
  fit: Float64Array<ArrayBuffer>;
  /** The interned major sets' keys, and per set its majors and groups; the city sets likewise. */
  majorSetKeys: string[];
  majorSets: { majors: PackedLists<Int32Array>; groups: PackedLists<Int32Array> };
  citySetKeys: string[];
  citySets: PackedLists<Int32Array>;
  visibility: Uint8Array<ArrayBuffer>;
  consent: Uint8Array<ArrayBuffer>;
  createdAt: Float64Array<ArrayBuffer>;
  rowOfSlot: number[];
  freeSlots: number[];
  queryTerms: PackedLists<Int32Array<ArrayBuffer>>;
  titleTerms: PackedLists<Int32Array<ArrayBuffer>>;
  termSlots: PackedLists<Int32Array<ArrayBuffer>>;
  skillSlots: PackedLists<Int32Array<ArrayBuffer>>;
  docFreq: number[];
  den: Float64Array<ArrayBuffer>;
  denKey: string | null;
  denDirty: number[];
  version: number;
}

/** The buffers a snapshot can move to another thread instead of copying (a postMessage transfer list). */
export function snapshotTransfer(s: GraduateIndexSnapshot): ArrayBuffer[] {
  const lists = [s.skillIds, s.majorIds, s.filterCityIds, s.years, s.majorSets.majors, s.majorSets.groups];
  return [
    s.vectors.bytes.buffer as ArrayBuffer,
    s.fit.buffer,
    s.den.buffer,
    s.profiles.pool.buffer,
    s.profiles.offsets.buffer,
    s.profiles.salary.buffer,
    s.createdAt.buffer,
    s.slot.buffer,
    s.hasYear.buffer,
    s.visibility.buffer,
    s.consent.buffer,
    ...packedBuffers(...lists, s.citySets, s.queryTerms, s.titleTerms, s.termSlots, s.skillSlots),
  ];
}

const REGION_BITS: Record<string, number> = { east: 1, central: 2, west: 4, northeast: 8 };
const regionMask = (regions: readonly string[]): number => regions.reduce((m, r) => m | (REGION_BITS[r] ?? 0), 0);
const REMOTE = { any: 0, prefer: 1, only: 2, no: 3 } as const;
const VISIBILITY = { employers: 0, career_office: 1, private: 2 } as const;
const NO_IDS = new Int32Array(0);

/** The graduate skills earning credit for one wanted skill (GraduateIndex.#credits). */
interface CreditEntry {
  /** Interned skills looked at so far, and those among them with a positive credit. */
  upTo: number;
  pairs: Array<[number, number]>;
  /** The pairs by credit, highest first. */
  best: { skills: Int32Array; credits: Float64Array };
}

const EMPTY_CREDITS = { skills: new Int32Array(0), credits: new Float64Array(0) };

/**
 * Each row's structured columns, FIT doubles a row in one Float64Array (GraduateIndex.#fit): #bias reads one
 * cache line a row instead of a dozen columns and small arrays scattered over the heap (the rows it reads,
 * the sample's and those the scan keeps, are random ones). Majors and places are ids of their interned sets.
 */
const FIT = 8;
const F_SLOT = 0;
const F_DEGREE = 1;
const F_REMOTE = 2;
const F_REGIONS = 3;
const F_JOB_TYPES = 4;
const F_SALARY_FLOOR = 5;
const F_MAJOR_SET = 6;
const F_CITY_SET = 7;

/**
 * What #bias sums bounds by beyond the exact value: the additions run in another order (a few ulps of
 * numbers below 2), so a margin far above that and far below any score difference that matters.
 */
const BIAS_SLACK = 1e-9;

/** The posting's side of the bias, over the index's interned ids and rows (GraduateIndex.#postingTerms). */
interface PostingTerms {
  w: WeightSet['weights'];
  /** Per slot the sums of its credits for the required and the preferred skills. */
  req: Float64Array;
  pref: Float64Array;
  requiredCount: number;
  preferredCount: number;
  /**
   * Per slot the lexical numerator, denominator and 1 / denominator (0 where it is 0); null when the lexical weight is
   * 0 or no side is given.
   */
  lexical: Float64Array | null;
  den: Float64Array | null;
  inv: Float64Array | null;
  anyMajor: boolean;
  /** Flags over the interned majors (and "group:" entries) and places the posting accepts. */
  majors: Uint8Array;
  groups: Uint8Array;
  cities: Uint8Array;
  /** Per major set its major value, per city set 1 when it has no city or one accepted, 0 if not (NaN: not yet). */
  majorFit: Float64Array;
  cityFit: Float64Array;
  regions: number;
  remote: boolean;
  minDegree: number;
  jobTypeBit: number;
  salaryTop: number | null;
}

/**
 * A tenant's graduates for candidate lists, mirroring PostingIndex from the other side: vectors in a
 * VectorIndex (the kernel arena and its exact int8 bounds), structured features in row-aligned interned
 * columns, hard filters (audience, consent, major, degree, year, city, skill, q) applied while the row
 * mask is built, and inverted lists from skills and terms to graduates, so the skill credits and lexical
 * numerators for one posting are summed over the graduates sharing them. Every row gets a cheap upper bound
 * of its structured and lexical parts, and VectorIndex.searchBounded computes the exact part (#bias) only for
 * rows that may enter the exact top of weight·clamp(cosine) + bias.
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
  /**
   * Typed columns, not number arrays: an array cloned from the loading thread has generic elements (a heap number
   * for each double), which the bound pass read slot by slot at 100k rows a list.
   */
  #slot = new Int32Array(0);
  /** Per slot the scorer's features, for the exact score of the rows a list keeps (decoded for those only). */
  #profiles = new ProfileStore();
  /**
   * Per slot its interned skills (the skill part walks these), majors, filter cities and graduation years: lists in
   * pools (PooledLists), not a typed array each, so 100k graduates are a few buffers to the collector.
   */
  #skillIds = PooledLists.int32();
  #majorIds = PooledLists.int32();
  #filterCityIds = PooledLists.int32();
  #years = PooledLists.float64();
  /** 1 when some graduation year is readable: the year check of a mask without a year range. */
  #hasYear = new Uint8Array(0);
  /** FIT doubles a row: slot, degree rank, remote, regions, job types, salary floor, major set, city set. */
  #fit = new Float64Array(0);
  /** Interned (majors, groups) and (cities) of the rows: few distinct ones, so #bias computes each once a list. */
  readonly #majorSetIds = new Interner();
  #majorSets: Array<{ majors: Int32Array; groups: Int32Array }> = [];
  readonly #citySetIds = new Interner();
  #citySets: Int32Array[] = [];
  #visibility = new Uint8Array(0);
  #consent = new Uint8Array(0);
  #createdAt = new Float64Array(0);
  // Per slot (stable while a graduate stays): its terms, and per term the slots holding it.
  #rowOfSlot: number[] = [];
  #freeSlots: number[] = [];
  #queryTerms = PooledLists.int32();
  #titleTerms = PooledLists.int32();
  /** Per term and per skill the slots holding it (in no particular order; a term named twice, twice). */
  #termSlots = PooledLists.int32();
  #skillSlots = PooledLists.int32();
  /** Documents (query or title terms) holding each term: the df spelling correction reads. */
  #docFreq: number[] = [];
  /** #countDocument's marks: the term was counted for the document numbered #counted (a Set a row cost more). */
  #countedIn = new Int32Array(0);
  #counted = 0;
  // Lexical denominators per slot, valid for the posting corpus #denKey; dirty slots are redone.
  #den = new Float64Array(0);
  #denKey: string | null = null;
  /** 1 / #den per slot (0 where it is 0), in step with the array #invOf (null: not computed). */
  #inv: Float64Array = new Float64Array(0);
  #invOf: Float64Array | null = null;
  readonly #denDirty = new Set<number>();
  #version = 0;
  /** allowed() of a filter of the audience alone, per audience, at the index version it was built at. */
  readonly #audienceMasks = new Map<
    CandidateFilter['audience'],
    { version: number; mask: Uint8Array; count: number; shared: boolean }
  >();
  readonly #creditCache = new WeakMap<SkillSimilarity, Map<string, CreditEntry>>();
  // Scratch of structuredScores (synchronous, so one set per index): per row the scores; per slot the sums of
  // the required and preferred credits, a mark per wanted skill and the lexical numerator.
  #out = new Float64Array(0);
  #req = new Float64Array(0);
  #pref = new Float64Array(0);
  #marks = new Int32Array(0);
  #mark = 0;
  #acc = new Float64Array(0);
  #majorFit = new Float64Array(0);
  #cityFit = new Float64Array(0);

  constructor(dimensions: number, options: { kernels?: KernelPreference } = {}) {
    this.vectors = new VectorIndex(dimensions, { kernels: options.kernels ?? 'auto' });
  }

  get size(): number {
    return this.vectors.size;
  }

  /** The index as data (GraduateIndexSnapshot); GraduateIndex.restore builds the same index from it. */
  snapshot(): GraduateIndexSnapshot {
    return {
      vectors: this.vectors.snapshot(),
      skills: this.#skills.names(),
      places: this.#places.names(),
      majors: this.#majors.names(),
      terms: this.#terms.names(),
      slot: this.#slot.slice(0, this.size),
      profiles: this.#profiles.snapshot(),
      skillIds: this.#skillIds.pack(),
      majorIds: this.#majorIds.pack(),
      filterCityIds: this.#filterCityIds.pack(),
      years: this.#years.pack(),
      hasYear: this.#hasYear.slice(0, this.size),
      fit: this.#fit.slice(),
      majorSetKeys: this.#majorSetIds.names(),
      majorSets: {
        majors: packInt32(this.#majorSets.map((m) => m.majors)),
        groups: packInt32(this.#majorSets.map((m) => m.groups)),
      },
      citySetKeys: this.#citySetIds.names(),
      citySets: packInt32(this.#citySets),
      visibility: this.#visibility.slice(0, this.size),
      consent: this.#consent.slice(0, this.size),
      createdAt: this.#createdAt.slice(0, this.size),
      rowOfSlot: this.#rowOfSlot.slice(),
      freeSlots: this.#freeSlots.slice(),
      queryTerms: this.#queryTerms.pack(),
      titleTerms: this.#titleTerms.pack(),
      termSlots: this.#termSlots.pack(),
      skillSlots: this.#skillSlots.pack(),
      docFreq: Array.from(this.#docFreq, (n) => n ?? 0),
      den: this.#den.slice(),
      denKey: this.#denKey,
      denDirty: [...this.#denDirty],
      version: this.#version,
    };
  }

  /** The index a snapshot was taken of (the per-row lists become views into the snapshot's buffers). */
  static restore(s: GraduateIndexSnapshot, options: { kernels?: KernelPreference } = {}): GraduateIndex {
    const index = new GraduateIndex(s.vectors.dimensions, options);
    index.vectors.restore(s.vectors);
    const intern = (target: Interner, names: readonly string[]) => {
      for (const name of names) target.intern(name);
    };
    intern(index.#skills, s.skills);
    intern(index.#places, s.places);
    intern(index.#majors, s.majors);
    intern(index.#terms, s.terms);
    intern(index.#majorSetIds, s.majorSetKeys);
    intern(index.#citySetIds, s.citySetKeys);
    index.#slot = s.slot;
    index.#profiles = ProfileStore.restore(s.profiles);
    const int32 = (n: number) => new Int32Array(n);
    index.#skillIds = PooledLists.from(s.skillIds, int32);
    index.#majorIds = PooledLists.from(s.majorIds, int32);
    index.#filterCityIds = PooledLists.from(s.filterCityIds, int32);
    index.#years = PooledLists.from(s.years, (n) => new Float64Array(n));
    index.#hasYear = s.hasYear;
    index.#fit = s.fit;
    const groups = unpackViews(s.majorSets.groups);
    index.#majorSets = unpackViews(s.majorSets.majors).map((majors, i) => ({ majors, groups: groups[i] ?? NO_IDS }));
    index.#citySets = unpackViews(s.citySets);
    index.#visibility = s.visibility;
    index.#consent = s.consent;
    index.#createdAt = s.createdAt;
    index.#rowOfSlot = s.rowOfSlot;
    index.#freeSlots = s.freeSlots;
    index.#queryTerms = PooledLists.from(s.queryTerms, int32);
    index.#titleTerms = PooledLists.from(s.titleTerms, int32);
    index.#termSlots = PooledLists.from(s.termSlots, int32);
    index.#skillSlots = PooledLists.from(s.skillSlots, int32);
    index.#docFreq = s.docFreq;
    index.#den = s.den;
    index.#denKey = s.denKey;
    for (const slot of s.denDirty) index.#denDirty.add(slot);
    index.#version = s.version;
    return index;
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
    if (existing !== undefined) this.#unlink(this.#slot[existing] as number);
    const row = this.vectors.upsert(graduate.id, vector);
    const slot =
      existing === undefined ? (this.#freeSlots.pop() ?? this.#rowOfSlot.length) : (this.#slot[row] as number);
    const f = graduate.features;
    this.#reserveRows(row + 1);
    this.#slot[row] = slot;
    this.#profiles.set(slot, f);
    this.#rowOfSlot[slot] = row;
    const skills = new Int32Array(f.skills.size);
    let k = 0;
    for (const skill of f.skills.keys()) skills[k++] = this.#skills.intern(skill);
    this.#skillIds.set(slot, skills);
    for (const skill of skills) this.#skillSlots.push(skill, slot);
    const majors = this.#majors.internAll(f.majors);
    const groups = this.#majors.internAll(f.majorGroups.map((g) => `group:${g}`));
    const cities = this.#places.internAll(f.locations);
    this.#majorIds.set(slot, majors);
    this.#filterCityIds.set(slot, this.#places.internAll(graduate.filterCities));
    this.#years.set(slot, graduate.years);
    this.#hasYear[row] = graduate.years.some((y) => !Number.isNaN(y)) ? 1 : 0;
    if (this.#fit.length < (row + 1) * FIT) {
      const grown = new Float64Array(Math.max(64, 2 * (row + 1)) * FIT);
      grown.set(this.#fit);
      this.#fit = grown;
    }
    const fit = this.#fit;
    const o = row * FIT;
    fit[o + F_SLOT] = slot;
    fit[o + F_DEGREE] = f.degree === null ? -1 : degreeRank(f.degree);
    fit[o + F_REMOTE] = REMOTE[f.remote];
    fit[o + F_REGIONS] = regionMask(f.regions);
    fit[o + F_JOB_TYPES] = f.jobTypes.reduce((m, t) => m | (1 << JOB_TYPES.indexOf(t)), 0);
    fit[o + F_SALARY_FLOOR] = f.salaryFloor === null || f.salaryFloor <= 0 ? -1 : f.salaryFloor;
    const majorSet = this.#majorSetIds.intern(`${majors.join(',')}|${groups.join(',')}`);
    this.#majorSets[majorSet] ??= { majors, groups };
    fit[o + F_MAJOR_SET] = majorSet;
    const citySet = this.#citySetIds.intern(cities.join(','));
    this.#citySets[citySet] ??= cities;
    fit[o + F_CITY_SET] = citySet;
    this.#visibility[row] = VISIBILITY[graduate.visibility];
    this.#consent[row] = graduate.employerConsent ? 1 : 0;
    this.#createdAt[row] = graduate.createdAt;
    const query = this.#terms.internAll(graduate.queryTerms);
    const title = this.#terms.internAll(graduate.titleTerms);
    this.#queryTerms.set(slot, query);
    this.#titleTerms.set(slot, title);
    for (const term of query) this.#termSlots.push(term, slot);
    this.#countDocument(query, title);
    this.#denDirty.add(slot);
    this.#version++;
  }

  /** Adds one to the document frequency of each distinct term among a document's query and title terms. */
  #countDocument(query: Int32Array, title: Int32Array): void {
    if (this.#countedIn.length < this.#terms.size) {
      const grown = new Int32Array(Math.max(1024, 2 * this.#terms.size));
      grown.set(this.#countedIn);
      this.#countedIn = grown;
    }
    if (this.#counted === 0x7fffffff) {
      this.#countedIn.fill(0);
      this.#counted = 0;
    }
    const mark = ++this.#counted;
    const counted = this.#countedIn;
    for (const terms of [query, title])
      for (let i = 0; i < terms.length; i++) {
        const t = terms[i] as number;
        if (counted[t] === mark) continue;
        counted[t] = mark;
        this.#docFreq[t] = (this.#docFreq[t] ?? 0) + 1;
      }
  }

  remove(id: string): boolean {
    const row = this.vectors.rowOf(id);
    if (row === undefined) return false;
    const last = this.vectors.size - 1;
    const slot = this.#slot[row] as number;
    this.#unlink(slot);
    for (const lists of [this.#queryTerms, this.#titleTerms, this.#skillIds, this.#majorIds, this.#filterCityIds])
      lists.clear(slot);
    this.#years.clear(slot);
    this.#profiles.delete(slot);
    this.#rowOfSlot[slot] = -1;
    this.#freeSlots.push(slot);
    this.#denDirty.delete(slot);
    this.vectors.remove(id);
    if (row !== last) {
      for (const column of [this.#slot, this.#hasYear, this.#visibility, this.#consent, this.#createdAt])
        column[row] = column[last] as number;
      this.#fit.copyWithin(row * FIT, last * FIT, (last + 1) * FIT);
      this.#rowOfSlot[this.#slot[row] as number] = row;
    }
    this.#version++;
    return true;
  }

  /** Room for `rows` rows in the typed row columns (grown together, so one length stands for all). */
  #reserveRows(rows: number): void {
    if (this.#slot.length >= rows) return;
    const size = Math.max(64, 2 * rows);
    const grow = <T extends Int32Array | Uint8Array | Float64Array>(column: T, make: (n: number) => T): T => {
      const grown = make(size);
      grown.set(column);
      return grown;
    };
    this.#slot = grow(this.#slot, (n) => new Int32Array(n));
    this.#hasYear = grow(this.#hasYear, (n) => new Uint8Array(n));
    this.#visibility = grow(this.#visibility, (n) => new Uint8Array(n));
    this.#consent = grow(this.#consent, (n) => new Uint8Array(n));
    this.#createdAt = grow(this.#createdAt, (n) => new Float64Array(n));
  }

  /** Takes the slot out of the inverted lists and the document frequencies (before it is rewritten or freed). */
  #unlink(slot: number): void {
    const query = this.#queryTerms.list(slot);
    for (const term of query) this.#termSlots.removeOne(term, slot);
    for (const skill of this.#skillIds.list(slot)) this.#skillSlots.removeOne(skill, slot);
    for (const t of new Set([...query, ...this.#titleTerms.list(slot)])) this.#docFreq[t] = (this.#docFreq[t] ?? 1) - 1;
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
    return row === undefined ? undefined : this.#profiles.get(this.#slot[row] as number);
  }

  /** featuresOf(id)?.degree without decoding the features (a list shows it for each of its items). */
  degreeOf(id: string): ProfileFeatures['degree'] | undefined {
    const row = this.vectors.rowOf(id);
    return row === undefined ? undefined : this.#profiles.degreeOf(this.#slot[row] as number);
  }

  /** The graduate's lexical query terms (lexicalTerms of the profile text), as indexed. */
  queryOf(id: string): string[] | undefined {
    const row = this.vectors.rowOf(id);
    if (row === undefined) return undefined;
    return this.#queryNames(this.#slot[row] as number);
  }

  #queryNames(slot: number): string[] {
    const lists = this.#queryTerms;
    const from = lists.start(slot);
    const names = new Array<string>(lists.length(slot));
    for (let i = 0; i < names.length; i++) names[i] = this.#terms.nameOf(lists.values[from + i] as number);
    return names;
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
      // Hits come by approximate score, each within ROUNDING_MARGIN of its exact one: once a hit's approximate
      // score is more than the margin below the k-th exact score found, neither it nor any after it can enter.
      const scored: RankedGraduate[] = [];
      const best: number[] = [];
      for (const hit of hits) {
        const kthSoFar = best.length >= k ? (best[k - 1] as number) : -Infinity;
        if (hit.approx + ROUNDING_MARGIN < kthSoFar) break;
        const row = this.vectors.rowOf(hit.id) as number;
        const slot = this.#slot[row] as number;
        const terms = this.#queryNames(slot);
        const match = scoreMatch(
          this.#profiles.get(slot) as ProfileFeatures,
          query.posting,
          hit.cosine,
          query.weights,
          query.similarity,
          lexical(terms),
        );
        scored.push({ id: hit.id, cosine: hit.cosine, match });
        // best: the exact scores so far, descending (insertion from the end).
        let at = best.length;
        while (at > 0 && (best[at - 1] as number) < match.score) at--;
        best.splice(at, 0, match.score);
      }
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

  /**
   * mask(filter) and the number of rows it allows. A filter of the audience alone (a list without filters) is
   * kept per audience until the next change of the index, so such lists share one pass over the rows: the mask
   * returned is then shared (`shared`: the same object until the index changes), to be read and never written.
   */
  allowed(filter: CandidateFilter): { mask: Uint8Array; count: number; shared: boolean } {
    const plain =
      filter.major === undefined &&
      filter.degree === undefined &&
      filter.yearFrom === undefined &&
      filter.yearTo === undefined &&
      filter.city === undefined &&
      filter.skillId === undefined &&
      filter.qTerms === undefined;
    const kept = plain ? this.#audienceMasks.get(filter.audience) : undefined;
    if (kept !== undefined && kept.version === this.#version) return kept;
    const mask = this.mask(filter);
    // A plain loop: reduce with a callback costs ~1 ms at 100k rows.
    let count = 0;
    for (let row = 0; row < mask.length; row++) count += mask[row] as number;
    const entry = { version: this.#version, mask, count, shared: plain };
    if (plain) this.#audienceMasks.set(filter.audience, entry);
    return entry;
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
        const from = this.#termSlots.start(t);
        const to = from + this.#termSlots.length(t);
        for (let i = from; i < to; i++) qRows[this.#rowOfSlot[this.#termSlots.values[i] as number] as number] = 1;
      }
      const title = this.#titleTerms;
      for (let row = 0; row < n; row++) {
        if (qRows[row] === 1) continue;
        const from = title.start(this.#slot[row] as number);
        const to = from + title.length(this.#slot[row] as number);
        for (let i = from; i < to; i++) if (flags[title.values[i] as number] === 1) qRows[row] = 1;
      }
    }
    const anyYear = filter.yearFrom === undefined && filter.yearTo === undefined;
    const visibilities = this.#visibility;
    const consents = this.#consent;
    const hasYear = this.#hasYear;
    for (let row = 0; row < n; row++) {
      const visibility = visibilities[row] as number;
      if (employer ? visibility !== 0 || consents[row] !== 1 : visibility > maxVisibility) continue;
      if (qRows !== null && qRows[row] === 0) continue;
      const slot = this.#slot[row] as number;
      if (major !== undefined && !this.#majorIds.includes(slot, major)) continue;
      if (degree !== undefined && this.#fit[row * FIT + F_DEGREE] !== degree) continue;
      if (city !== undefined && !this.#filterCityIds.includes(slot, city)) continue;
      if (skill !== undefined && !this.#skillIds.includes(slot, skill)) continue;
      // One graduation inside the range (and, as in filterGraduates, a graduate with none never passes).
      if (anyYear) {
        mask[row] = hasYear[row] as number;
        continue;
      }
      const years = this.#years.values;
      const first = this.#years.start(slot);
      const end = first + this.#years.length(slot);
      let inRange = false;
      for (let i = first; i < end && !inRange; i++)
        inRange = (years[i] as number) >= from && (years[i] as number) <= to;
      if (inRange) mask[row] = 1;
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
   * score of an allowed row left out (−∞ when none was). Exact top by that hybrid: VectorIndex.searchBounded
   * with, per row, an upper bound of the bias (the skill and lexical parts exact, every other component at
   * its weight), so only the rows that may enter are given their exact bias (#bias, as structuredScores).
   */
  shortlist(query: CandidateQuery, mask: Uint8Array, size: number): { hits: CandidateHit[]; floor: number } {
    const terms = this.#postingTerms(query);
    const { upper, sample } = this.#upperBias(terms, mask, 4 * (size + 1));
    const hits = this.vectors.searchBounded(query.vector, size + 1, {
      weight: query.weights.weights.semantic,
      upper,
      exact: (row) => this.#bias(terms, row),
      sample,
    });
    const kept = hits.slice(0, size);
    const left = hits[size];
    return {
      hits: kept.map((h) => ({ id: h.id, cosine: h.dot, approx: h.score })),
      floor: left === undefined ? -Infinity : left.score,
    };
  }

  /**
   * Σ w_c·value_c over every component but semantic, per row (−∞ where the mask excludes it): the rules
   * of components.ts over the interned columns (#bias), for every row. shortlist() computes it only for
   * the rows that may enter; this is its reference. The result is a view valid until the next call.
   */
  structuredScores(query: CandidateQuery, mask: Uint8Array): Float64Array {
    const terms = this.#postingTerms(query);
    const out = this.#out.subarray(0, this.size);
    for (let row = 0; row < out.length; row++) out[row] = mask[row] === 1 ? this.#bias(terms, row) : -Infinity;
    return out;
  }

  /**
   * The posting's side of every row's bias. The skill credits and the lexical numerators are summed term
   * at a time over the inverted lists of the posting's skills and terms, so a row costs only the ids it
   * shares with the posting (a few on average) rather than a pass over all of its skills and terms.
   *
   * The skill part is bit-identical to a row-by-row sum (each row's credits are added in the wanted skills'
   * order, and skipped zeros change no double). The lexical numerator sums the same parts in the posting's
   * term order instead of the graduate's, so it may differ from LexicalIndex.match in the last bits
   * (relative error below 1e-13 for positive parts): far inside the 1e-6 that ROUNDING_MARGIN leaves above
   * the nine roundings.
   */
  #postingTerms(query: CandidateQuery): PostingTerms {
    const n = this.size;
    this.#reserve(n);
    const { posting } = query;
    const w = query.weights.weights;
    const required = posting.requiredSkills;
    const preferred = posting.preferredSkills.filter((s) => !required.includes(s));
    const wanted = [...required, ...preferred];
    const slots = this.#rowOfSlot.length;
    const req = this.#req.subarray(0, slots).fill(0);
    const pref = this.#pref.subarray(0, slots).fill(0);
    wanted.forEach((want, j) =>
      this.#addCredits(this.#credits(want, query.similarity), j < required.length ? req : pref),
    );
    const side = w.lexical !== 0 ? query.lexical : null;
    const denominators = side === null ? null : this.#denominators(side);
    return {
      w,
      req,
      pref,
      requiredCount: required.length,
      preferredCount: preferred.length,
      lexical: side === null ? null : this.#lexicalNumerators(side),
      den: denominators === null ? null : denominators.den,
      inv: denominators === null ? null : denominators.inv,
      anyMajor: posting.acceptedMajors.length === 0,
      majors: this.#flags(this.#majors, posting.acceptedMajors),
      groups: this.#flags(
        this.#majors,
        posting.acceptedMajorGroups.map((g) => `group:${g}`),
      ),
      cities: this.#flags(this.#places, posting.locations),
      majorFit: this.#majorFit.subarray(0, this.#majorSetIds.size).fill(NaN),
      cityFit: this.#cityFit.subarray(0, this.#citySetIds.size).fill(NaN),
      regions: regionMask(posting.regions),
      remote: posting.remote,
      minDegree: degreeRank(posting.minDegree),
      jobTypeBit: 1 << JOB_TYPES.indexOf(posting.jobType),
      salaryTop: posting.salaryMax ?? posting.salaryMin,
    };
  }

  /** One row's bias: the rules of components.ts over the row's columns, summed in scoreMatch's component order. */
  #bias(p: PostingTerms, row: number): number {
    const w = p.w;
    const fit = this.#fit;
    const o = row * FIT;
    const slot = fit[o + F_SLOT] as number;
    const req = p.requiredCount > 0 ? (p.req[slot] as number) / p.requiredCount : 0.5;
    const pref = p.preferredCount > 0 ? (p.pref[slot] as number) / p.preferredCount : 0.5;
    const major = p.anyMajor ? 1 : this.#majorFitOf(p, fit[o + F_MAJOR_SET] as number);
    const rank = fit[o + F_DEGREE] as number;
    const degree = rank >= 0 && rank >= p.minDegree ? 1 : 0;
    const remote = fit[o + F_REMOTE] as number;
    const location =
      remote === REMOTE.only
        ? p.remote
          ? 1
          : 0
        : p.remote && remote !== REMOTE.no
          ? 1
          : this.#cityFitOf(p, fit[o + F_CITY_SET] as number) === 1
            ? 1
            : ((fit[o + F_REGIONS] as number) & p.regions) !== 0
              ? 0.5
              : 0;
    const floor = fit[o + F_SALARY_FLOOR] as number;
    const salary = floor <= 0 ? 1 : p.salaryTop === null ? 0.5 : Math.min(1, p.salaryTop / floor);
    const types = fit[o + F_JOB_TYPES] as number;
    const jobType = types === 0 || (types & p.jobTypeBit) !== 0 ? 1 : 0;
    const base =
      w.requiredSkills * req +
      w.preferredSkills * pref +
      w.majorFit * major +
      w.degreeFit * degree +
      w.locationFit * location +
      w.salaryFit * salary +
      w.jobTypeFit * jobType;
    return p.lexical === null ? base : base + w.lexical * this.#lexicalOf(p, slot);
  }

  /** A major set's major value for the posting (1 accepted major, 0.5 accepted group, else 0), once a list. */
  #majorFitOf(p: PostingTerms, set: number): number {
    let value = p.majorFit[set] as number;
    if (value !== value) {
      const { majors, groups } = this.#majorSets[set] as { majors: Int32Array; groups: Int32Array };
      value = anyFlag(majors, p.majors) ? 1 : anyFlag(groups, p.groups) ? 0.5 : 0;
      p.majorFit[set] = value;
    }
    return value;
  }

  /** 1 when a city set is empty or holds a city the posting accepts, else 0; once a list. */
  #cityFitOf(p: PostingTerms, set: number): number {
    let value = p.cityFit[set] as number;
    if (value !== value) {
      const cities = this.#citySets[set] as Int32Array;
      value = cities.length === 0 || anyFlag(cities, p.cities) ? 1 : 0;
      p.cityFit[set] = value;
    }
    return value;
  }

  /** The slot's lexical value (clamped), from the numerators and denominators of #postingTerms. */
  #lexicalOf(p: PostingTerms, slot: number): number {
    const d = p.den?.[slot] ?? 0;
    return lexicalValue(d === 0 ? 0 : ((p.lexical?.[slot] ?? 0) as number) / d);
  }

  /**
   * Per row an upper bound of #bias (−∞ where the mask excludes it): the skill parts as #bias computes them, the
   * lexical value unclamped (numerator × 1 / denominator: the numerator is not negative, and a multiplication costs
   * far less than the division and the clamp did, half of this pass), each other component at its weight (its value is
   * at most 1, weights are in [0, 1]), and BIAS_SLACK for the roundings and the different order of the additions.
   * Only the skill and lexical parts vary much between graduates, and they are the parts term-at-a-time sums give
   * cheaply. `upper` is the vector index's bias
   * area (VectorIndex.biasArea), valid until its next search; `sample` the `size` allowed rows of best bound
   * (ties: lower row), as searchBounded would pick them, found in the same pass.
   */
  #upperBias(p: PostingTerms, mask: Uint8Array, size: number): { upper: Float64Array; sample: SampledRows } {
    const n = this.size;
    const w = p.w;
    const rest = w.majorFit + w.degreeFit + w.locationFit + w.salaryFit + w.jobTypeFit + BIAS_SLACK;
    const reqScale = p.requiredCount > 0 ? w.requiredSkills / p.requiredCount : 0;
    const prefScale = p.preferredCount > 0 ? w.preferredSkills / p.preferredCount : 0;
    const fixed =
      rest + (p.requiredCount > 0 ? 0 : 0.5 * w.requiredSkills) + (p.preferredCount > 0 ? 0 : 0.5 * w.preferredSkills);
    // Written where searchBounded's scan reads it (no copy of 100k doubles a list).
    const out = this.vectors.biasArea();
    const { req, pref, lexical, inv } = p;
    const lexicalWeight = w.lexical;
    const slots = this.#slot;
    const best = new TopK(size);
    let floor = best.threshold;
    let allowed = 0;
    for (let row = 0; row < n; row++) {
      if (mask[row] !== 1) {
        out[row] = -Infinity;
        continue;
      }
      const slot = slots[row] as number;
      let bound = fixed + reqScale * (req[slot] as number) + prefScale * (pref[slot] as number);
      if (lexical !== null && inv !== null)
        bound += lexicalWeight * ((lexical[slot] as number) * (inv[slot] as number));
      out[row] = bound;
      allowed++;
      if (bound >= floor && best.push(bound, row)) floor = best.threshold;
    }
    return { upper: out, sample: { rows: best.rows(), allowed } };
  }

  /** Grows the scratch arrays to n rows and the slots in use. */
  #reserve(n: number): void {
    if (this.#out.length < n) this.#out = new Float64Array(Math.max(n, 2 * this.#out.length));
    const majorSets = this.#majorSetIds.size;
    if (this.#majorFit.length < majorSets)
      this.#majorFit = new Float64Array(Math.max(majorSets, 2 * this.#majorFit.length));
    const citySets = this.#citySetIds.size;
    if (this.#cityFit.length < citySets) this.#cityFit = new Float64Array(Math.max(citySets, 2 * this.#cityFit.length));
    const slots = this.#rowOfSlot.length;
    if (this.#acc.length < slots) {
      const size = Math.max(slots, 2 * this.#acc.length);
      this.#acc = new Float64Array(size);
      this.#req = new Float64Array(size);
      this.#pref = new Float64Array(size);
      this.#marks = new Int32Array(size);
      this.#mark = 0;
    }
  }

  /**
   * into[slot] += the slot's credit for one wanted skill: the best credit among the skills it holds. Pairs
   * come best first, so the first pair reaching a slot is its credit and a mark per slot skips the rest.
   * Summed by slot, as the lists hold them: no look-up of the row for each of the ~120k entries of a list.
   */
  #addCredits(entry: CreditEntry, into: Float64Array): void {
    if (this.#mark >= 0x3fffffff) {
      this.#marks.fill(0);
      this.#mark = 0;
    }
    const mark = ++this.#mark;
    const marks = this.#marks;
    const { skills, credits } = entry.best;
    const lists = this.#skillSlots;
    const slots = lists.values;
    for (let p = 0; p < skills.length; p++) {
      const s = credits[p] as number;
      const from = lists.start(skills[p] as number);
      const to = from + lists.length(skills[p] as number);
      for (let i = from; i < to; i++) {
        const slot = slots[i] as number;
        if (marks[slot] === mark) continue;
        marks[slot] = mark;
        into[slot] = (into[slot] as number) + s;
      }
    }
  }

  /**
   * Per slot Σ parts(t) over its query terms (the lexical value's numerator), summed over the posting's terms'
   * slot lists: only slots sharing a term are touched. Valid until the next call.
   */
  #lexicalNumerators(side: PostingLexicalSide): Float64Array {
    const acc = this.#acc.fill(0);
    for (const [term, part] of side.parts) {
      const t = this.#terms.find(term);
      if (t < 0 || part === 0) continue;
      const lists = this.#termSlots;
      const slots = lists.values;
      const to = lists.start(t) + lists.length(t);
      for (let i = lists.start(t); i < to; i++) {
        const slot = slots[i] as number;
        acc[slot] = (acc[slot] as number) + part;
      }
    }
    return acc;
  }

  /**
   * Σ idf over each slot's query terms known to the posting corpus (LexicalIndex's denominator), and its inverse
   * (0 where it is 0), kept with it.
   */
  #denominators(side: PostingLexicalSide): { den: Float64Array; inv: Float64Array } {
    const slots = this.#rowOfSlot.length;
    const fresh = side.key === null || side.key !== this.#denKey;
    if (!fresh && this.#denDirty.size === 0) {
      if (this.#invOf !== this.#den) {
        this.#inv = inverses(this.#den);
        this.#invOf = this.#den;
      }
      return { den: this.#den, inv: this.#inv };
    }
    const idf = new Float64Array(this.#terms.size);
    for (let t = 0; t < idf.length; t++) idf[t] = side.idf(this.#terms.nameOf(t));
    const reuse = !fresh;
    let den = reuse ? this.#den : new Float64Array(slots);
    if (reuse && den.length < slots) {
      den = new Float64Array(Math.max(slots, 2 * den.length));
      den.set(this.#den);
    }
    const redo = reuse ? [...this.#denDirty] : Array.from({ length: slots }, (_, s) => s);
    // The inverses kept are for this very array: only the slots redone need theirs redone.
    const inStep = reuse && this.#invOf === den;
    for (const slot of redo) {
      let sum = 0;
      const terms = this.#queryTerms;
      const to = terms.start(slot) + terms.length(slot);
      for (let i = terms.start(slot); i < to; i++) {
        const v = idf[terms.values[i] as number] as number;
        if (v > 0) sum += v;
      }
      den[slot] = sum;
      if (inStep) this.#inv[slot] = sum === 0 ? 0 : 1 / sum;
    }
    const inv = inStep ? this.#inv : inverses(den);
    if (side.key !== null) {
      this.#den = den;
      this.#denKey = side.key;
      this.#denDirty.clear();
      this.#inv = inv;
      this.#invOf = den;
    }
    return { den, inv };
  }

  /**
   * The interned graduate skills that earn credit for `want` (itself 1, a near skill its similarity),
   * kept across requests: a few thousand similarity calls per wanted skill once, then only for skills
   * interned since (interned ids are never reused, so the pairs stay valid). `best` lists them by credit,
   * highest first (ties by id), redone when skills were added.
   */
  #credits(want: string, similarity: SkillSimilarity): CreditEntry {
    let bySkill = this.#creditCache.get(similarity);
    if (!bySkill) this.#creditCache.set(similarity, (bySkill = new Map()));
    let entry = bySkill.get(want);
    if (!entry) bySkill.set(want, (entry = { upTo: 0, pairs: [], best: EMPTY_CREDITS }));
    if (entry.upTo === this.#skills.size) return entry;
    for (let h = entry.upTo; h < this.#skills.size; h++) {
      const held = this.#skills.nameOf(h);
      const s = held === want ? 1 : similarity(want, held);
      if (s > 0) entry.pairs.push([h, s]);
    }
    entry.upTo = this.#skills.size;
    const order = [...entry.pairs].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    entry.best = {
      skills: Int32Array.from(order, ([h]) => h),
      credits: Float64Array.from(order, ([, s]) => s),
    };
    return entry;
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

/** 1 / d of each denominator (0 for 0): the bound pass multiplies where it would divide. */
function inverses(den: Float64Array): Float64Array {
  const inv = new Float64Array(den.length);
  for (let i = 0; i < den.length; i++) {
    const d = den[i] as number;
    inv[i] = d === 0 ? 0 : 1 / d;
  }
  return inv;
}

function anyFlag(ids: Int32Array, flags: Uint8Array): boolean {
  for (let i = 0; i < ids.length; i++) if (flags[ids[i] as number] === 1) return true;
  return false;
}
