import { lexicalValue } from '../matching/components.ts';
import type { PostingFeatures, ProfileFeatures, SkillSimilarity } from '../matching/features.ts';
import { scoreMatch, type MatchScore } from '../matching/score.ts';
import { ROUNDING_MARGIN, type WeightSet } from '../matching/weights.ts';
import { degreeRank, JOB_TYPES, type DEGREES } from '../model/common.ts';
import type { Posting } from '../model/posting.ts';
import { Interner } from './interner.ts';
import { andInto, clearRows, MaskCache } from './row-masks.ts';
import {
  EMPTY_QUERY,
  LexicalIndex,
  type AnalyzedDocument,
  type LexicalDocument,
  type LexicalQuery,
} from './lexical-index.ts';
import { availableBackend, WASM_MIN_BYTES, type KernelPreference } from './simd/arena.ts';
import { StructuredKernel, type NarrowMask, type StructuredInputs } from './structured-kernel.ts';
import { TopK } from './topk.ts';
import { VariantBounds, VariantScratch } from './variant-bounds.ts';
import { VectorIndex } from './vector-index.ts';

/** One open posting as the index holds it. */
export interface IndexedPosting {
  id: string;
  features: PostingFeatures;
  /** Creation time in ms (recency order for the non-personalized list). */
  createdAt: number;
  /** Last day it accepts applications, as ms at 00:00 UTC of the next day; null: no close date. */
  closesAt: number | null;
  /** The texts the lexical (BM25F) channel indexes; absent: the posting has no lexical evidence. */
  text?: LexicalDocument;
  employerId?: string;
  /** What a served list shows of the posting, as stored: lists read it here instead of re-reading the row. */
  listing?: PostingListing;
}

/** The posting's fields a list item shows, as toPosting maps the row. */
export type PostingListing = Readonly<
  Pick<
    Posting,
    | 'title'
    | 'employerId'
    | 'locations'
    | 'remote'
    | 'jobType'
    | 'minDegree'
    | 'salaryMin'
    | 'salaryMax'
    | 'closesAt'
    | 'createdAt'
  >
>;

const NO_TEXT: LexicalDocument = { title: '', skills: '', description: '' };
const NO_NAMES: readonly never[] = Object.freeze([]);

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
  /** Only rows set (1; a mask holds 0 or 1) in this mask: a narrower filter over a list's own rows. */
  within?: Uint8Array;
  /** Time of the request, for close dates. */
  now: number;
}

/** The two tiers of a graduate's list (PostingIndex.tiers), with each tier's hybrid bias once it is computed. */
export interface RankTiers {
  readonly profile: ProfileFeatures;
  readonly weights: WeightSet;
  readonly similarity: SkillSimilarity;
  readonly lexical: LexicalQuery;
  readonly mask: Uint8Array;
  /** Rows of `mask` meeting the stated preferences. */
  readonly preferred: Uint8Array;
  first: Float64Array | null;
  rest: Float64Array | null;
  /** How each tier's bias was cut for its shortlist (#narrowing). */
  firstCut: TierCut;
  restCut: TierCut;
  /** Which tiers() of the index made these biases (its buffers hold only the latest). */
  of: number;
}

/**
 * How a tier's bias was cut (PostingIndex.#narrowing): the rows a top `serves` (or any shorter one) never scores
 * exactly are left out (−∞), and every row it scores has a hybrid of at least `floor` (−∞ when nothing was cut).
 */
export interface TierCut {
  serves: number;
  floor: number;
}

export interface RankedPosting {
  id: string;
  cosine: number;
  match: MatchScore;
}

/** How many hits #rankBiased takes from the scan for k: the shortlist it scores exactly. */
const shortlistSize = (k: number): number => Math.max(4 * k, k + 40);

/** A tier's sample (#narrowing): the rows of best lexical value, this many times the shortlist, scored exactly. */
const SAMPLE_PER_SHORTLIST = 4;
/** Covers the floating-point error of a row's bound and of the sample's scores (sums of ten terms ≤ 1 each). */
const NARROW_SLACK = 1e-9;

/** The interned skills similar to one held skill (PostingIndex.#similarTo), for ids below `upTo`. */
interface SimilarSkills {
  upTo: number;
  ids: Int32Array;
  values: Float64Array;
}

/** How many held skills' lists #similarTo keeps (a few KB each at most; free tags add one each). */
const SIMILAR_TO_HELD = 20_000;

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
  /** BM25F over the postings' title, skills and description, in step with the rows. */
  readonly lexical = new LexicalIndex();
  readonly #skills = new Interner();
  readonly #places = new Interner();
  readonly #majors = new Interner();
  /** Strings the held postings share (#held). */
  readonly #words = new Interner();
  #postings: IndexedPosting[] = [];
  /** Per row: required skills, preferred-only skills, cities, accepted majors, accepted major groups. */
  readonly #lists = new RowLists();
  #regions: number[] = [];
  // Scalar columns read per row by mask() and #structured() (plain number arrays stay packed and monomorphic).
  #degree: number[] = [];
  #remote: number[] = [];
  #jobType: number[] = [];
  /** Top of the salary range (max, else min); −1 when the posting gives none (salaries are never negative). */
  #salaryTop: number[] = [];
  /** closesAt, or +∞ when there is no close date. */
  #closes: number[] = [];
  /** Reused per rank() call: rank is synchronous, so one buffer per index is enough. */
  #bias = new Float64Array(0);
  /** The biases of the latest tiers() (first and rest), and a count of tiers() made. */
  readonly #tierBias: [Float64Array, Float64Array] = [new Float64Array(0), new Float64Array(0)];
  #tiersMade = 0;
  readonly #kernels: KernelPreference;
  /** The structured kernel's memory (StructuredKernel), made when the index is first ranked in WebAssembly. */
  #kernel: StructuredKernel | null = null;
  /** Bumped by every upsert and remove, so the kernel knows when its copy of the columns is stale. */
  #version = 0;
  /** Per lexical slot (LexicalIndex.slotOf), its row: addLexical reads it instead of an id lookup per posting. */
  #rowOfLexicalSlot: number[] = [];
  /** Per row, its lexical slot: the structured kernel adds each row's lexical value by it (hybridBias). */
  #lexicalSlot: number[] = [];
  /** Masks of single hard filters (mask()), for the current version. */
  readonly #filterMasks = new MaskCache();
  /** The rows open at any time in [from, until), for `version` (#openAt). */
  #open: { version: number; from: number; until: number; mask: Uint8Array } | null = null;
  /** Per interned skill, the rows that want it (required or preferred), built once per version of the index. */
  #skillRows: { version: number; starts: Int32Array; rows: Int32Array } | null = null;
  /** #similarTo's lists, for one similarity function. */
  #similar: { similarity: SkillSimilarity; byHeld: Map<string, SimilarSkills> } | null = null;
  /** #narrowing's list of a tier's rows and their lexical values, reused. */
  #tierRows = new Int32Array(0);
  #tierValues = new Float64Array(0);
  /** variantBounds' arrays, reused: a few MB a call at 100k rows would otherwise be garbage for a full collection. */
  readonly #variantScratch = new VariantScratch();

  constructor(dimensions: number, options: { kernels?: KernelPreference } = {}) {
    this.#kernels = options.kernels ?? 'auto';
    this.vectors = new VectorIndex(dimensions, { kernels: this.#kernels });
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

  /** Adds or replaces a posting; `analyzed` is its text's stored analysis (analyzeLexicalDocument), when read back. */
  upsert(posting: IndexedPosting, vector: ArrayLike<number>, analyzed?: AnalyzedDocument): void {
    const row = this.vectors.upsert(posting.id, vector);
    const f = posting.features;
    this.#postings[row] = this.#held(posting);
    this.#lists.set(row, [
      this.#skills.internAll(f.requiredSkills),
      this.#skills.internAll(f.preferredSkills.filter((s) => !f.requiredSkills.includes(s))),
      this.#places.internAll(f.locations),
      this.#majors.internAll(f.acceptedMajors),
      this.#majors.internAll(f.acceptedMajorGroups.map((g) => `group:${g}`)),
    ]);
    this.#regions[row] = regionMask(f.regions);
    this.#degree[row] = degreeRank(f.minDegree);
    this.#remote[row] = f.remote ? 1 : 0;
    this.#jobType[row] = JOB_TYPES.indexOf(f.jobType);
    this.#salaryTop[row] = f.salaryMax ?? f.salaryMin ?? -1;
    this.#closes[row] = posting.closesAt ?? Infinity;
    if (analyzed) this.lexical.upsertAnalyzed(posting.id, analyzed);
    else this.lexical.upsert(posting.id, posting.text ?? NO_TEXT);
    const slot = this.lexical.slotOf(posting.id) as number;
    this.#rowOfLexicalSlot[slot] = row;
    this.#lexicalSlot[row] = slot;
    this.#version++;
  }

  /**
   * The posting as the index holds it: the strings its features and listing repeat across postings (skill, major
   * and city ids, regions, job types, degrees, employers, close dates) shared through #words, and empty lists
   * through one, so 100k rows hold each once instead of a copy a row: about twenty fewer heap objects a row for
   * every major collection to mark. The words are never dropped; they are bounded by the vocabulary.
   */
  #held(p: IndexedPosting): IndexedPosting {
    const words = this.#words;
    const word = <T extends string>(name: T): T => words.nameOf(words.intern(name)) as T;
    const list = <T extends string>(names: readonly T[]): readonly T[] =>
      names.length === 0 ? NO_NAMES : names.map(word);
    const f = p.features;
    const features: PostingFeatures = {
      requiredSkills: list(f.requiredSkills),
      preferredSkills: list(f.preferredSkills),
      minDegree: word(f.minDegree),
      acceptedMajors: list(f.acceptedMajors),
      acceptedMajorGroups: list(f.acceptedMajorGroups),
      locations: list(f.locations),
      regions: list(f.regions),
      remote: f.remote,
      jobType: word(f.jobType),
      salaryMin: f.salaryMin,
      salaryMax: f.salaryMax,
    };
    const held: IndexedPosting = { ...p, features };
    if (p.employerId !== undefined) held.employerId = word(p.employerId);
    const l = p.listing;
    if (l !== undefined)
      held.listing = {
        ...l,
        employerId: word(l.employerId),
        locations: l.locations.length === 0 ? l.locations : l.locations.map(word),
        jobType: word(l.jobType),
        minDegree: word(l.minDegree),
        ...(l.closesAt === undefined ? {} : { closesAt: word(l.closesAt) }),
      };
    return held;
  }

  remove(id: string): boolean {
    const row = this.vectors.rowOf(id);
    if (row === undefined) return false;
    const last = this.vectors.size - 1;
    this.vectors.remove(id);
    const slot = this.lexical.slotOf(id);
    if (slot !== undefined) this.#rowOfLexicalSlot[slot] = -1;
    this.lexical.remove(id);
    const moved = row === last ? undefined : this.#postings[last];
    const movedSlot = moved === undefined ? undefined : this.lexical.slotOf(moved.id);
    if (movedSlot !== undefined) this.#rowOfLexicalSlot[movedSlot] = row;
    // Mirror VectorIndex's swap-remove so every side array stays aligned with its rows.
    this.#lists.remove(row, last);
    for (const arr of [
      this.#postings,
      this.#regions,
      this.#degree,
      this.#remote,
      this.#jobType,
      this.#salaryTop,
      this.#closes,
      this.#lexicalSlot,
    ] as unknown[][]) {
      if (row !== last) arr[row] = arr[last];
      arr.length = last;
    }
    this.#version++;
    return true;
  }

  ids(): string[] {
    return this.#postings.map((p) => p.id);
  }

  /**
   * Row mask of postings passing the hard filters: the rows open at `now`, intersected with a mask of each other
   * filter given. Those masks are kept for the index's version (#filterMasks; open rows for as long as no close
   * date falls between two requests' times), so a list's filters cost a few word-wide ANDs, not a pass testing
   * every row.
   */
  mask(filter: PostingFilter): Uint8Array {
    const n = this.vectors.size;
    const mask = new Uint8Array(n);
    const { within } = filter;
    if (within === undefined) mask.set(this.#openAt(filter.now));
    else {
      mask.set(within.subarray(0, n));
      andInto(mask, this.#openAt(filter.now));
    }
    const version = this.#version;
    const masks = this.#filterMasks;
    const remote = this.#remote;
    if (filter.remoteOnly === true)
      andInto(
        mask,
        masks.get(version, 'remote', () => this.#rowsWhere((row) => remote[row] === 1)),
      );
    const { cities, jobTypes, salaryAtLeast, eligibleDegree } = filter;
    if (cities && cities.length > 0) {
      const key = `cities\u0000${cities.join('\u0000')}`;
      andInto(
        mask,
        masks.get(version, key, () => {
          const flags = this.#flags(this.#places, cities);
          const pool = this.#lists.pool;
          const offsets = this.#lists.offsets;
          // Remote postings pass a city filter.
          const inCity = this.#rowsWhere((row) => {
            const o = offsets[row] as number;
            const from = o + LIST_COUNT + (pool[o] as number) + (pool[o + 1] as number);
            return anyFlag(pool, from, from + (pool[o + 2] as number), flags);
          });
          for (let row = 0; row < n; row++) if (remote[row] === 1) inCity[row] = 1;
          return inCity;
        }),
      );
    }
    if (jobTypes && jobTypes.length > 0) {
      const types = Uint8Array.from(JOB_TYPES, (t) => (jobTypes.includes(t) ? 1 : 0));
      const jobType = this.#jobType;
      andInto(
        mask,
        masks.get(version, `types\u0000${types.join('')}`, () =>
          this.#rowsWhere((row) => types[jobType[row] as number] === 1),
        ),
      );
    }
    if (salaryAtLeast !== undefined) {
      const salaryTop = this.#salaryTop;
      // A posting without a salary has top −1, so any salary filter drops it.
      andInto(
        mask,
        masks.get(version, `salary\u0000${salaryAtLeast}`, () =>
          this.#rowsWhere((row) => !((salaryTop[row] as number) < salaryAtLeast)),
        ),
      );
    }
    if (eligibleDegree !== undefined) {
      const maxDegree = eligibleDegree === null ? 0 : degreeRank(eligibleDegree);
      const degree = this.#degree;
      andInto(
        mask,
        masks.get(version, `degree\u0000${maxDegree}`, () =>
          this.#rowsWhere((row) => !((degree[row] as number) > maxDegree)),
        ),
      );
    }
    // Excluded ids are looked up once each, not once per row.
    for (const id of filter.exclude ?? []) {
      const row = this.vectors.rowOf(id);
      if (row !== undefined) mask[row] = 0;
    }
    return mask;
  }

  /** A mask of the rows passing `test` (made once per version and filter, so a callback per row is affordable). */
  #rowsWhere(test: (row: number) => boolean): Uint8Array {
    const n = this.vectors.size;
    const rows = new Uint8Array(n);
    for (let row = 0; row < n; row++) if (test(row)) rows[row] = 1;
    return rows;
  }

  /**
   * The rows open at `now` (no close date, or one after it), kept with the span of times it holds for: from the
   * latest close date at or before `now` to the earliest after it, so requests between two close dates share it.
   */
  #openAt(now: number): Uint8Array {
    const held = this.#open;
    if (held !== null && held.version === this.#version && now >= held.from && now < held.until) return held.mask;
    const n = this.vectors.size;
    const closes = this.#closes;
    const mask = new Uint8Array(n);
    let from = -Infinity;
    let until = Infinity;
    for (let row = 0; row < n; row++) {
      const closesAt = closes[row] as number;
      if (closesAt <= now) {
        if (closesAt > from) from = closesAt;
      } else {
        mask[row] = 1;
        if (closesAt < until) until = closesAt;
      }
    }
    this.#open = { version: this.#version, from, until, mask };
    return mask;
  }

  /**
   * The k best allowed postings by hybrid score (ties: lower row first). `lexical` is the profile's text
   * as a lexical query (this.lexical.query); its BM25F value per row joins the structured bias, so the
   * lexical component takes part in the exact top k like every other component.
   */
  rank(
    profile: ProfileFeatures,
    query: Float32Array,
    weights: WeightSet,
    similarity: SkillSimilarity,
    mask: Uint8Array,
    k: number,
    lexical: LexicalQuery = EMPTY_QUERY,
  ): RankedPosting[] {
    const bias = this.hybridBias(profile, weights, similarity, mask, lexical);
    return this.#rankBiased(profile, query, weights, similarity, bias, k, lexical);
  }

  /**
   * rank() over a hybrid bias already computed (structuredScores and addLexical; −∞ for rows left out). `floor`: the
   * hybrid every hit the loop below scores reaches (a TierCut's), so the scan skips the rows whose bias cannot.
   */
  #rankBiased(
    profile: ProfileFeatures,
    query: Float32Array,
    weights: WeightSet,
    similarity: SkillSimilarity,
    bias: Float64Array,
    k: number,
    lexical: LexicalQuery,
    floor = -Infinity,
  ): RankedPosting[] {
    const shortlist = this.vectors.searchScored(query, shortlistSize(k), {
      weight: weights.weights.semantic,
      bias,
      floor,
    });
    // The k best of the shortlist by exact score (ties: lower row). Hits come by unrounded hybrid, each within
    // ROUNDING_MARGIN of its exact score: once one is more than the margin below the k-th exact score so far,
    // neither it nor any after it can enter, so the rest are never given a scoreMatch (the same k, in the same
    // order, as scoring all of them).
    const best: Array<{ id: string; row: number; cosine: number; match: MatchScore }> = [];
    for (const hit of shortlist) {
      const kth = best.length >= k ? (best[k - 1]?.match.score ?? -Infinity) : -Infinity;
      if (hit.score + ROUNDING_MARGIN < kth) break;
      const posting = this.#postings[hit.row];
      if (!posting) throw new Error(`row ${hit.row} has no posting`);
      const match = scoreMatch(
        profile,
        posting.features,
        hit.dot,
        weights,
        similarity,
        this.lexical.matchSlot(this.#lexicalSlot[hit.row] as number, lexical),
      );
      // Insertion from the end keeps `best` in (score desc, row asc) order.
      let at = best.length;
      while (at > 0) {
        const above = best[at - 1] as { row: number; match: MatchScore };
        if (above.match.score > match.score || (above.match.score === match.score && above.row < hit.row)) break;
        at--;
      }
      if (at < k) best.splice(at, 0, { id: posting.id, row: hit.row, cosine: hit.dot, match });
      if (best.length > k) best.length = k;
    }
    return best.map(({ id, cosine, match }) => ({ id, cosine, match }));
  }

  /**
   * One row's match exactly as rank() scores it (the same dot product, features and lexical match), without a
   * pass over the index: an explanation scores its one posting, and a bounded count its few reaching rows.
   */
  scoreRow(
    profile: ProfileFeatures,
    query: Float32Array,
    weights: WeightSet,
    similarity: SkillSimilarity,
    row: number,
    lexical: LexicalQuery = EMPTY_QUERY,
  ): MatchScore {
    const posting = this.#postings[row];
    if (!posting) throw new Error(`row ${row} has no posting`);
    const dot = this.vectors.dotRow(query, row);
    const match = this.lexical.matchSlot(this.#lexicalSlot[row] as number, lexical);
    return scoreMatch(profile, posting.features, dot, weights, similarity, match);
  }

  /**
   * Row mask of the rows of `mask` whose hybrid score (as rank() computes it) may exceed `threshold`: an
   * upper bound from the int8 stage, less the rounding margin (scoreMatch rounds each component), so
   * every row whose exact score is at or above the threshold is in it. A bounded count: only these rows
   * need exact scores to know how many postings outrank a score.
   */
  reaching(
    profile: ProfileFeatures,
    query: Float32Array,
    weights: WeightSet,
    similarity: SkillSimilarity,
    mask: Uint8Array,
    threshold: number,
    lexical: LexicalQuery = EMPTY_QUERY,
  ): Uint8Array {
    const bias = this.hybridBias(profile, weights, similarity, mask, lexical);
    const out = new Uint8Array(this.size);
    for (const row of this.reachingRows(query, weights, bias, threshold)) out[row] = 1;
    return out;
  }

  /** reaching()'s rows as a list, over a hybrid bias already computed (or an upper bound of it, row by row). */
  reachingRows(query: Float32Array, weights: WeightSet, bias: Float64Array, threshold: number): number[] {
    return this.vectors.rowsReaching(query, { weight: weights.weights.semantic, bias }, threshold - ROUNDING_MARGIN);
  }

  /**
   * reachingRows of a what-if variant (`profile`, `lexical`, its vector) over its bounds from `bounds`, `except` left
   * out. `held`: the scan's memory holds the base's bias (the last reachingRows was over bounds.bias, or the last call
   * here answered held); then a variant bounded from it writes only the rows it changes there, and puts them back
   * after the scan, instead of every row's bias. Answers the rows and whether the memory holds the base's bias after.
   */
  variantReachingRows(
    bounds: VariantBounds,
    variant: { profile: ProfileFeatures; lexical: LexicalQuery; vector: Float32Array },
    weights: WeightSet,
    threshold: number,
    options: { except?: number | undefined; held: boolean },
  ): { rows: number[]; held: boolean } {
    const scanned = threshold - ROUNDING_MARGIN;
    const semantic = weights.weights.semantic;
    // A row whose bias is below this cannot reach the scan's threshold whatever its dot product (a clamped cosine
    // is at most 1), so its bound need not be exact.
    const below = scanned - semantic - NARROW_SLACK;
    const changes = bounds.changes(variant.profile, variant.lexical, below, options.except);
    if (changes === null) {
      const bias = bounds.of(variant.profile, variant.lexical, options.except);
      return { rows: this.reachingRows(variant.vector, weights, bias, threshold), held: false };
    }
    const area = this.vectors.biasArea();
    if (!options.held) area.set(bounds.bias);
    const { rows, values } = changes;
    for (let i = 0; i < rows.length; i++) area[rows[i] as number] = values[i] as number;
    try {
      return { rows: this.vectors.rowsReachingArea(variant.vector, semantic, scanned), held: true };
    } finally {
      for (const row of rows) area[row] = bounds.bias[row] as number;
    }
  }

  /**
   * The hybrid bias of a profile over `mask` (structuredScores, then addLexical: what reaching() bounds with), in an
   * array of its own, and an upper bound of the bias of each what-if variant of that profile (the same profile with
   * skills added), the base's own doubles on every row the variant cannot raise (VariantBounds). Valid while the index
   * is not changed, and until the next call (it works in the index's scratch memory).
   */
  variantBounds(
    profile: ProfileFeatures,
    weights: WeightSet,
    similarity: SkillSimilarity,
    mask: Uint8Array,
    lexical: LexicalQuery,
    floor = -Infinity,
  ): VariantBounds {
    const n = this.size;
    const scratch = this.#variantScratch;
    const inputs = this.#structuredInputs(profile, similarity);
    const weight = weights.weights.lexical;
    const summed = weight === 0 || lexical.terms.length === 0 ? null : this.lexical.sumsBySlot(lexical);
    let base: { sums: Float64Array; denominator: number } | null = null;
    if (summed) {
      base = { sums: scratch.f64(2, summed.sums.length), denominator: summed.denominator };
      base.sums.set(summed.sums);
    }
    const w = weights.weights;
    // Any profile's structured bias is at most this (a coverage is at most 1, every other value too).
    const structuredCeiling =
      w.requiredSkills + w.preferredSkills + w.majorFit + w.degreeFit + w.locationFit + w.salaryFit + w.jobTypeFit;
    // A row whose semantic and structured parts at their most, with its lexical value, stay under `floor` cannot be
    // reached by the profile, nor by a variant unless it raises the row's lexical value (VariantBounds sees to those):
    // its bias is left −∞, unscored.
    const cut = floor - ROUNDING_MARGIN - NARROW_SLACK - w.semantic - structuredCeiling;
    const slots = this.#lexicalSlot;
    const narrow: NarrowMask | undefined =
      floor === -Infinity || !(weight >= 0)
        ? undefined
        : (rows) => {
            for (let row = 0; row < n; row++) {
              if (rows[row] !== 1) continue;
              const slot = slots[row] as number;
              const sum = base === null || slot < 0 ? 0 : (base.sums[slot] as number);
              if (weight * lexicalValue(sum / (base?.denominator ?? 1)) < cut) rows[row] = 0;
            }
          };
    const structured = scratch.f64(0, n);
    structured.set(this.#structuredWith(inputs, weights, mask, EMPTY_QUERY, narrow).subarray(0, n));
    const bias = scratch.f64(1, n);
    bias.set(structured);
    if (base) this.#addSums(bias, base.sums, base.denominator, weight);
    return new VariantBounds({
      n,
      mask,
      weights,
      similarity,
      profile,
      inputs,
      structured,
      bias,
      lexical: base,
      query: lexical,
      extra: scratch.f64(4, this.#rowOfLexicalSlot.length).fill(0),
      out: scratch.f64(3, n),
      touched: scratch.touched(n),
      exact: scratch.f64(5, n),
      raised: scratch.f64(6, n).fill(0),
      slotOfRow: scratch.slotOfRow(n, this.#version, this.#rowOfLexicalSlot),
      similarTo: (skill) => this.#similarTo(skill, similarity),
      skillId: (skill) => this.#skills.find(skill),
      inputsOf: (variant, credit) => this.#structuredInputs(variant, similarity, credit),
      structuredOf: (variant, rows) => this.#structuredWith(variant, weights, rows),
      structuredRows: (variant, rows) =>
        this.#structuredJs(variant, weights, mask, rows, new Float64Array(rows.length)),
      sumsOf: (query) => this.lexical.sumsBySlot(query),
      denominatorOf: (query) => this.lexical.denominator(query),
      termParts: (term) => this.lexical.termParts(term),
      rowsWithSkill: (skill) => this.#rowsWithSkill(skill),
      rowOfSlot: this.#rowOfLexicalSlot,
      structuredCeiling,
    });
  }

  #rowsWithSkill(skill: number): Int32Array {
    if (this.#skillRows?.version !== this.#version) {
      const n = this.size;
      const pool = this.#lists.pool;
      const offsets = this.#lists.offsets;
      const starts = new Int32Array(this.#skills.size + 1);
      const span = (row: number): [number, number] => {
        const o = offsets[row] as number;
        return [o + LIST_COUNT, o + LIST_COUNT + (pool[o] as number) + (pool[o + 1] as number)];
      };
      for (let row = 0; row < n; row++) {
        const [from, to] = span(row);
        for (let i = from; i < to; i++) {
          const at = (pool[i] as number) + 1;
          starts[at] = (starts[at] as number) + 1;
        }
      }
      for (let s = 0; s < this.#skills.size; s++) starts[s + 1] = (starts[s + 1] as number) + (starts[s] as number);
      const fill = starts.slice(0, this.#skills.size);
      const rows = new Int32Array(starts[this.#skills.size] as number);
      for (let row = 0; row < n; row++) {
        const [from, to] = span(row);
        for (let i = from; i < to; i++) {
          const skill = pool[i] as number;
          const at = fill[skill] as number;
          rows[at] = row;
          fill[skill] = at + 1;
        }
      }
      this.#skillRows = { version: this.#version, starts, rows };
    }
    const { starts, rows } = this.#skillRows;
    return rows.subarray(starts[skill] ?? 0, starts[skill + 1] ?? 0);
  }

  /** Clears the rows of `mask` whose posting fails `keep` (filters the columns do not hold). */
  refine(mask: Uint8Array, keep: (posting: IndexedPosting) => boolean): Uint8Array {
    for (let row = 0; row < mask.length; row++) {
      const posting = this.#postings[row];
      if (mask[row] === 1 && (posting === undefined || !keep(posting))) mask[row] = 0;
    }
    return mask;
  }

  /** bias[row] += weight × the row's lexical value, for rows still allowed (finite bias). */
  addLexical(bias: Float64Array, lexical: LexicalQuery, weight: number): void {
    if (weight === 0 || lexical.terms.length === 0) return;
    const summed = this.lexical.sumsBySlot(lexical);
    if (summed === null) return;
    this.#addSums(bias, summed.sums, summed.denominator, weight);
  }

  #addSums(bias: Float64Array, sums: Float64Array, denominator: number, weight: number): void {
    // scoreEachSlot's values (sum ÷ denominator) without a call per document.
    const rowOf = this.#rowOfLexicalSlot;
    for (let slot = 0; slot < sums.length; slot++) {
      const sum = sums[slot] as number;
      if (sum === 0) continue;
      const row = rowOf[slot] ?? -1;
      if (row >= 0 && (bias[row] as number) > -Infinity)
        bias[row] = (bias[row] as number) + weight * lexicalValue(sum / denominator);
    }
  }

  /**
   * Stated preferences first: the k best rows of `preferred` (a subset of `mask`), then, only when fewer
   * than k rows meet the preferences, the best of the rest. Each tier is an exact top k of its rows.
   */
  rankTiered(
    profile: ProfileFeatures,
    query: Float32Array,
    weights: WeightSet,
    similarity: SkillSimilarity,
    mask: Uint8Array,
    preferred: Uint8Array,
    k: number,
    lexical: LexicalQuery = EMPTY_QUERY,
  ): Array<RankedPosting & { preferred: boolean }> {
    return this.rankTiers(this.tiers(profile, weights, similarity, mask, preferred, lexical), query, k);
  }

  /**
   * The tiers of rankTiered, for a caller ranking them more than once (a list widening its fetch): each tier's
   * bias (one structured pass and one BM25F sum) is computed the first time it is ranked and kept for the next.
   * Valid while the index is not changed (no await between the mask and the last rankTiers).
   */
  tiers(
    profile: ProfileFeatures,
    weights: WeightSet,
    similarity: SkillSimilarity,
    mask: Uint8Array,
    preferred: Uint8Array,
    lexical: LexicalQuery = EMPTY_QUERY,
  ): RankTiers {
    return {
      profile,
      weights,
      similarity,
      lexical,
      mask,
      preferred,
      first: null,
      rest: null,
      firstCut: { serves: 0, floor: -Infinity },
      restCut: { serves: 0, floor: -Infinity },
      of: ++this.#tiersMade,
    };
  }

  /** rankTiered over tiers() (the same k, in the same order). */
  rankTiers(tiers: RankTiers, query: Float32Array, k: number): Array<RankedPosting & { preferred: boolean }> {
    const { profile, weights, similarity, lexical } = tiers;
    // The biases live in two buffers of the index, for the latest tiers() only: an older one is recomputed.
    if (tiers.of !== this.#tiersMade) {
      tiers.first = null;
      tiers.rest = null;
      tiers.firstCut = { serves: 0, floor: -Infinity };
      tiers.restCut = { serves: 0, floor: -Infinity };
      tiers.of = ++this.#tiersMade;
    }
    // Each tier's bias covers only the rows a top k may score (#narrowing); a later call for a larger k (a list
    // widening its fetch) computes it again for that k.
    const biasOf = (rows: Uint8Array, tier: 0 | 1, cut: TierCut): Float64Array => {
      const inputs = this.#structuredInputs(profile, similarity);
      const bias = this.#structuredWith(inputs, weights, rows, lexical, this.#narrowing(inputs, weights, query, cut));
      // hybridBias reuses its buffer on the next call: the tier keeps a copy in its own.
      let own = this.#tierBias[tier];
      if (own.length < bias.length)
        own = this.#tierBias[tier] = new Float64Array(Math.max(bias.length, 2 * own.length));
      own.set(bias);
      return own.subarray(0, bias.length);
    };
    if (tiers.first === null || tiers.firstCut.serves < k) {
      tiers.firstCut = { serves: k, floor: -Infinity };
      tiers.first = biasOf(tiers.preferred, 0, tiers.firstCut);
    }
    const { first: firstBias, firstCut } = tiers;
    const first = this.#rankBiased(profile, query, weights, similarity, firstBias, k, lexical, firstCut.floor).map(
      (r) => ({
        ...r,
        preferred: true,
      }),
    );
    if (first.length >= k) return first;
    if (tiers.rest === null || tiers.restCut.serves < k - first.length) {
      const { mask, preferred } = tiers;
      const rest = mask.slice();
      clearRows(rest, preferred);
      tiers.restCut = { serves: k - first.length, floor: -Infinity };
      tiers.rest = biasOf(rest, 1, tiers.restCut);
    }
    const { rest: restBias, restCut } = tiers;
    return [
      ...first,
      ...this.#rankBiased(profile, query, weights, similarity, restBias, k - first.length, lexical, restCut.floor).map(
        (r) => ({
          ...r,
          preferred: false,
        }),
      ),
    ];
  }

  /** The k most recent allowed postings: the non-personalized list. */
  recent(mask: Uint8Array, k: number): IndexedPosting[] {
    const top = new TopK(Math.min(k, this.vectors.size));
    for (let row = 0; row < this.vectors.size; row++)
      if (mask[row] === 1) top.push(this.#postings[row]?.createdAt ?? 0, row);
    const { rows } = top.sorted();
    return Array.from(rows, (row) => this.#postings[row]).filter((p): p is IndexedPosting => p !== undefined);
  }

  /**
   * Σ w_c·value_c over every component except semantic, per row (−∞ for rows the mask excludes): the
   * bias searchScored ranks with. Computed by the WebAssembly kernel (kernels.wat `structured`) for
   * large indexes, else by #structuredJs, the reference; both apply the rules of components.ts with the
   * same floating-point operations in the same order, so they return bit-identical doubles. The result
   * is only valid until the next call.
   */
  structuredScores(
    profile: ProfileFeatures,
    weights: WeightSet,
    similarity: SkillSimilarity,
    mask: Uint8Array,
  ): Float64Array {
    return this.#structuredWith(this.#structuredInputs(profile, similarity), weights, mask);
  }

  /**
   * structuredScores with each row's lexical value added as addLexical adds it (the same doubles): the bias rank()
   * ranks with. In WebAssembly the BM25F numerators are summed into the kernel's memory and added in its pass, so
   * the lexical part needs no pass of its own over the rows. Valid until the next call, like structuredScores.
   */
  hybridBias(
    profile: ProfileFeatures,
    weights: WeightSet,
    similarity: SkillSimilarity,
    mask: Uint8Array,
    lexical: LexicalQuery,
  ): Float64Array {
    return this.#structuredWith(this.#structuredInputs(profile, similarity), weights, mask, lexical);
  }

  #structuredWith(
    inputs: StructuredInputs,
    weights: WeightSet,
    mask: Uint8Array,
    lexical: LexicalQuery = EMPTY_QUERY,
    narrow?: NarrowMask,
  ): Float64Array {
    const n = this.vectors.size;
    const lexicalWeight = weights.weights.lexical;
    const withLexical = lexicalWeight !== 0 && lexical.terms.length > 0;
    // 'auto': WebAssembly once the kernel's copy of the columns (~64 bytes a row plus the lists) would
    // fill WASM_MIN_BYTES, and from then on, so an index hovering around the size does not switch back.
    const wasm =
      this.#kernels === 'wasm-simd' ||
      (this.#kernels === 'auto' &&
        (this.#kernel !== null || n * 64 + this.#lists.used * 4 >= WASM_MIN_BYTES) &&
        availableBackend() === 'wasm-simd');
    const inJs = (): Float64Array => {
      if (narrow === undefined) {
        const bias = this.#structuredJs(inputs, weights, mask);
        if (withLexical) this.addLexical(bias, lexical, lexicalWeight);
        return bias;
      }
      // addLexical's sums, taken first so that the narrowing sees them (the same doubles added in the same order).
      const summed = withLexical ? this.lexical.sumsBySlot(lexical) : null;
      const rows = new Uint8Array(n);
      rows.set(mask.subarray(0, n));
      narrow(rows, summed?.sums ?? null, summed?.denominator ?? 0);
      const bias = this.#structuredJs(inputs, weights, rows);
      if (summed) this.#addSums(bias, summed.sums, summed.denominator, lexicalWeight);
      return bias;
    };
    if (!wasm) return inJs();
    this.#kernel ??= new StructuredKernel();
    return (
      this.#kernel.run(
        {
          version: this.#version,
          n,
          offsets: this.#lists.offsets,
          pool: this.#lists.pool.subarray(0, this.#lists.used),
          degree: this.#degree,
          remote: this.#remote,
          jobType: this.#jobType,
          regions: this.#regions,
          salaryTop: this.#salaryTop,
          lexicalSlots: this.#lexicalSlot,
        },
        inputs,
        weights,
        mask,
        withLexical
          ? {
              weight: lexicalWeight,
              slotCount: this.lexical.slotCount,
              sum: (into) => this.lexical.sumsBySlot(lexical, into)?.denominator ?? null,
            }
          : null,
        narrow,
      ) ?? inJs()
    );
  }

  /**
   * Leaves out of a tier, before the structured pass and the scan pay for them, the rows #rankBiased would never
   * score exactly for a top `cut.serves`. It scores shortlist hits in hybrid order (weight·clamp₀¹(dot) + bias) until
   * one is more than ROUNDING_MARGIN below the k-th exact score so far; the k best by hybrid come first, and each
   * exact score is within the margin of its hybrid, so every hit it scores (the one that stops it aside) has a hybrid
   * of at least H_k − 2·margin, H_k the tier's k-th best hybrid. θ, the k-th best hybrid of a sample (the rows of best
   * lexical value, scored as the kernel and the scan score them), is at most H_k; a row's hybrid is at most ceiling +
   * w_lexical·value (its semantic and structured parts at their most). Rows whose bound is below θ − 2·margin (less
   * a slack for rounding) are left out: every hit scored keeps its place in the shortlist, its bias and its dot, so
   * the answer is the same, and `cut.floor` lets the scan skip the kept rows whose exact bias cannot reach it either.
   * Without lexical terms every bound is equal, so nothing is cut.
   */
  #narrowing(inputs: StructuredInputs, weights: WeightSet, query: Float32Array, cut: TierCut): NarrowMask {
    const k = cut.serves;
    return (mask, sums, denominator) => {
      if (sums === null || k <= 0) return;
      const w = weights.weights;
      const n = this.size;
      const slots = this.#lexicalSlot;
      // The tier's rows and lexical values (the kernel's: 0 without a sum), listed once for the two passes.
      if (this.#tierRows.length < n) {
        this.#tierRows = new Int32Array(n);
        this.#tierValues = new Float64Array(n);
      }
      const tierRows = this.#tierRows;
      const values = this.#tierValues;
      const sample = new TopK(SAMPLE_PER_SHORTLIST * shortlistSize(k));
      // The tier's rows listed without a branch per row (a mask holds 0 or 1): a test per row mispredicts on a
      // tier of one row in ten, and those stalls were most of this pass.
      let m = 0;
      for (let row = 0; row < n; row++) {
        tierRows[m] = row;
        m += mask[row] as number;
      }
      // Rows come in ascending order, so a value at or below the sample's threshold would not enter it: skipping
      // the call keeps the heap the same and spares boxing a double per row for it (~120 KiB a request).
      let entry = sample.threshold;
      for (let j = 0; j < m; j++) {
        const row = tierRows[j] as number;
        const slot = slots[row] as number;
        // Without a sum the value is +0, as lexicalValue(0 / denominator) is.
        const value = lexicalValue((slot < 0 ? 0 : (sums[slot] as number)) / denominator);
        values[j] = value;
        if (value > entry) {
          sample.push(value, row);
          entry = sample.threshold;
        }
      }
      if (m <= k) return;
      const rows = sample.rows();
      const structured = this.#structuredJs(inputs, weights, mask, rows, new Float64Array(rows.length));
      const dots = this.vectors.dotRows(query, rows);
      const best = new TopK(k);
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i] as number;
        const slot = slots[row] as number;
        const sum = slot < 0 ? 0 : (sums[slot] as number);
        let bias = structured[i] as number;
        if (sum !== 0) bias += w.lexical * lexicalValue(sum / denominator);
        best.push(w.semantic * Math.min(1, Math.max(0, dots[i] as number)) + bias, row);
      }
      const theta = best.threshold;
      if (theta === -Infinity) return;
      // A coverage is a mean of credits, or 0.5 for an empty list; every other value is at most 1.
      let credit = 0.5;
      for (const c of inputs.credit) if (c > credit) credit = c;
      const ceiling =
        w.semantic +
        (w.requiredSkills + w.preferredSkills) * credit +
        w.majorFit +
        w.degreeFit +
        w.locationFit +
        w.salaryFit +
        w.jobTypeFit;
      cut.floor = theta - 2 * ROUNDING_MARGIN - NARROW_SLACK;
      const below = cut.floor - ceiling;
      // Written whatever the outcome, as 0 or 1, again without a branch that mispredicts.
      for (let j = 0; j < m; j++) mask[tierRows[j] as number] = Number(w.lexical * (values[j] as number) >= below);
    };
  }

  /**
   * Every interned skill's credit (skillCredit's value: 1 for a held skill, else the best positive similarity to a held
   * one, else 0), from the interned skills each held skill is similar to (#similarTo), kept across requests: a profile
   * costs a pass over its held skills' short lists, not a similarity call per interned skill and held skill.
   */
  #credits(profile: ProfileFeatures, similarity: SkillSimilarity): Float64Array {
    const credit = new Float64Array(this.#skills.size);
    for (const held of profile.skills.keys()) {
      const { ids, values } = this.#similarTo(held, similarity);
      for (let i = 0; i < ids.length; i++) {
        const s = ids[i] as number;
        const value = values[i] as number;
        if (value > (credit[s] as number)) credit[s] = value;
      }
    }
    // After the similarities: a held skill's credit is 1 whatever its similarity to the others.
    for (const held of profile.skills.keys()) {
      const s = this.#skills.find(held);
      if (s >= 0) credit[s] = 1;
    }
    return credit;
  }

  /**
   * The interned skills `wanted` with similarity(wanted, held) > 0, and those values, for every interned skill: worked
   * out once per held skill and similarity function, and for the skills interned since when the index grows (ids are
   * never reused). Bounded: past SIMILAR_TO_HELD held skills the lists are dropped and worked out again as needed.
   */
  #similarTo(held: string, similarity: SkillSimilarity): SimilarSkills {
    let cache = this.#similar;
    if (cache === null || cache.similarity !== similarity || cache.byHeld.size >= SIMILAR_TO_HELD)
      cache = this.#similar = { similarity, byHeld: new Map() };
    const size = this.#skills.size;
    let entry = cache.byHeld.get(held);
    if (entry !== undefined && entry.upTo === size) return entry;
    const ids: number[] = entry === undefined ? [] : Array.from(entry.ids);
    const values: number[] = entry === undefined ? [] : Array.from(entry.values);
    for (let s = entry?.upTo ?? 0; s < size; s++) {
      const value = similarity(this.#skills.nameOf(s), held);
      if (value > 0) {
        ids.push(s);
        values.push(value);
      }
    }
    entry = { upTo: size, ids: Int32Array.from(ids), values: Float64Array.from(values) };
    cache.byHeld.set(held, entry);
    return entry;
  }

  /** The profile's side of the structured score, over this index's interned ids (`credit` when already known). */
  #structuredInputs(profile: ProfileFeatures, similarity: SkillSimilarity, known?: Float64Array): StructuredInputs {
    // Every interned skill's credit up front, so the row loop only reads a table.
    return {
      credit: known ?? this.#credits(profile, similarity),
      majors: this.#flags(this.#majors, profile.majors),
      groups: this.#flags(
        this.#majors,
        profile.majorGroups.map((g) => `group:${g}`),
      ),
      cities: this.#flags(this.#places, profile.locations),
      regions: regionMask(profile.regions),
      degree: profile.degree === null ? -1 : degreeRank(profile.degree),
      jobTypeOk: Uint8Array.from(JOB_TYPES, (t) =>
        profile.jobTypes.length === 0 || profile.jobTypes.includes(t) ? 1 : 0,
      ),
      salaryFloor: profile.salaryFloor,
      noLocations: profile.locations.length === 0,
      remote: profile.remote,
    };
  }

  /**
   * The reference implementation of structuredScores on interned ids and the scalar columns. The hot
   * loop allocates nothing: profile sets are flag arrays over the interners, skill credits a table.
   * `listed` (with `rows`): the i-th listed row's score goes to listed[i], and no array of every row is filled.
   */
  #structuredJs(
    inputs: StructuredInputs,
    weights: WeightSet,
    mask: Uint8Array,
    rows?: ArrayLike<number>,
    listed?: Float64Array,
  ): Float64Array {
    const w = weights.weights;
    const n = this.vectors.size;
    let out: Float64Array;
    if (listed !== undefined) out = listed;
    else {
      if (this.#bias.length < n) this.#bias = new Float64Array(Math.max(n, 2 * this.#bias.length));
      out = this.#bias.subarray(0, n).fill(-Infinity);
    }
    const {
      credit,
      majors: myMajors,
      groups: myGroups,
      cities: myCities,
      regions: myRegions,
      degree: myDegree,
      jobTypeOk,
    } = inputs;
    const floor = inputs.salaryFloor;
    const { noLocations, remote: wantsRemote } = inputs;
    const degreeCol = this.#degree;
    const remoteCol = this.#remote;
    const jobTypeCol = this.#jobType;
    const salaryCol = this.#salaryTop;
    const regionCol = this.#regions;
    const pool = this.#lists.pool;
    const offsets = this.#lists.offsets;
    // Every row of the mask, or only the listed ones (a few rows re-scored for a what-if variant).
    const count = rows === undefined ? n : rows.length;
    for (let i = 0; i < count; i++) {
      const row = rows === undefined ? i : (rows[i] as number);
      const at = listed === undefined ? row : i;
      if (mask[row] !== 1) {
        out[at] = -Infinity;
        continue;
      }
      // Row layout in the pool: five counts, then the five lists back to back (RowLists).
      const o = offsets[row] as number;
      const reqFrom = o + LIST_COUNT;
      const prefFrom = reqFrom + (pool[o] as number);
      const cityFrom = prefFrom + (pool[o + 1] as number);
      const majorFrom = cityFrom + (pool[o + 2] as number);
      const groupFrom = majorFrom + (pool[o + 3] as number);
      const groupTo = groupFrom + (pool[o + 4] as number);
      const major =
        majorFrom === groupFrom
          ? 1
          : anyFlag(pool, majorFrom, groupFrom, myMajors)
            ? 1
            : anyFlag(pool, groupFrom, groupTo, myGroups)
              ? 0.5
              : 0;
      const degree = myDegree >= 0 && myDegree >= (degreeCol[row] as number) ? 1 : 0;
      const isRemote = remoteCol[row] === 1;
      let location: number;
      if (wantsRemote === 'only') location = isRemote ? 1 : 0;
      else if (isRemote && wantsRemote !== 'no') location = 1;
      else if (noLocations) location = 1;
      else if (anyFlag(pool, cityFrom, majorFrom, myCities)) location = 1;
      else location = ((regionCol[row] as number) & myRegions) !== 0 ? 0.5 : 0;
      const top = salaryCol[row] as number;
      const salary = floor === null || floor <= 0 ? 1 : top < 0 ? 0.5 : Math.min(1, top / floor);
      out[at] =
        w.requiredSkills * coverage(pool, reqFrom, prefFrom, credit) +
        w.preferredSkills * coverage(pool, prefFrom, cityFrom, credit) +
        w.majorFit * major +
        w.degreeFit * degree +
        w.locationFit * location +
        w.salaryFit * salary +
        w.jobTypeFit * (jobTypeOk[jobTypeCol[row] as number] ?? 0);
    }
    return out;
  }

  /** A flag per interned id: 1 for the given names (names never interned cannot occur in any row). */
  #flags(interner: Interner, names: readonly string[]): Uint8Array {
    const flags = new Uint8Array(interner.size);
    for (const name of names) {
      const id = interner.find(name);
      if (id >= 0) flags[id] = 1;
    }
    return flags;
  }
}

/** Mean credit of the wanted skills ids[from…to); 0.5 when none are listed (components.ts coverage). */
function coverage(ids: Int32Array, from: number, to: number, credit: Float64Array): number {
  if (to === from) return 0.5;
  let sum = 0;
  for (let i = from; i < to; i++) sum += credit[ids[i] as number] as number;
  return sum / (to - from);
}

/** True when any id in ids[from…to) has its flag set. */
function anyFlag(ids: Int32Array, from: number, to: number, flags: Uint8Array): boolean {
  for (let i = from; i < to; i++) if (flags[ids[i] as number] === 1) return true;
  return false;
}

const LIST_COUNT = 5;

/**
 * Each row's id lists packed into one Int32Array: at offsets[row], LIST_COUNT counts, then the lists
 * back to back. A scan then reads one contiguous block per row instead of chasing five small arrays
 * scattered over the heap. Replaced and removed rows leave garbage, dropped whenever the pool fills up
 * (live rows are copied in row order into a pool twice their size).
 */
class RowLists {
  pool = new Int32Array(4096);
  readonly offsets: number[] = [];
  #used = 0;
  #garbage = 0;

  /** Elements of the pool in use (live rows and garbage); every offset points below it. */
  get used(): number {
    return this.#used;
  }

  #span(row: number): number {
    const o = this.offsets[row] as number;
    let len = LIST_COUNT;
    for (let j = 0; j < LIST_COUNT; j++) len += this.pool[o + j] as number;
    return len;
  }

  set(row: number, lists: readonly Int32Array[]): void {
    const len = lists.reduce((sum, l) => sum + l.length, LIST_COUNT);
    this.#reserve(len);
    if (row < this.offsets.length) this.#garbage += this.#span(row);
    const o = this.#used;
    lists.forEach((l, j) => {
      this.pool[o + j] = l.length;
    });
    let at = o + LIST_COUNT;
    for (const l of lists) {
      this.pool.set(l, at);
      at += l.length;
    }
    this.#used = at;
    this.offsets[row] = o;
  }

  /** Mirrors the index's swap-remove: the last row's lists now belong to `row`. */
  remove(row: number, last: number): void {
    this.#garbage += this.#span(row);
    if (row !== last) this.offsets[row] = this.offsets[last] as number;
    this.offsets.length = last;
  }

  #reserve(len: number): void {
    if (this.#used + len <= this.pool.length) return;
    const live = this.#used - this.#garbage;
    const next = new Int32Array(Math.max(4096, 2 * (live + len)));
    let at = 0;
    // Copy live rows in row order, which also restores sequential layout after many updates.
    for (let row = 0; row < this.offsets.length; row++) {
      const o = this.offsets[row] as number;
      const span = this.#span(row);
      next.set(this.pool.subarray(o, o + span), at);
      this.offsets[row] = at;
      at += span;
    }
    this.pool = next;
    this.#used = at;
    this.#garbage = 0;
  }
}
