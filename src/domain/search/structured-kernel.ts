import type { ProfileFeatures } from '../matching/features.ts';
import { KernelArena } from './simd/arena.ts';
import type { WeightSet } from '../matching/weights.ts';

/*
 * The WebAssembly side of PostingIndex.structuredScores: kernels.wat `structured` over a copy of the
 * index's columns. PostingIndex's own loop (#structuredJs) is the reference; a test holds the two
 * bit-identical.
 */

/** The profile's side of the structured score (PostingIndex.#structuredInputs). */
export interface StructuredInputs {
  /** Per interned skill: the profile's credit for it. */
  credit: Float64Array;
  /** Flags over the interned majors (majors, and the "group:" entries), and over the interned places. */
  majors: Uint8Array;
  groups: Uint8Array;
  cities: Uint8Array;
  regions: number;
  /** degreeRank of the profile's degree, −1 for none. */
  degree: number;
  /** 1 per JOB_TYPES entry the profile accepts. */
  jobTypeOk: Uint8Array;
  salaryFloor: number | null;
  noLocations: boolean;
  remote: ProfileFeatures['remote'];
}

/** The index's side: row columns and lists as PostingIndex holds them, with the version they belong to. */
export interface StructuredColumns {
  version: number;
  n: number;
  offsets: readonly number[];
  pool: Int32Array;
  degree: readonly number[];
  remote: readonly number[];
  jobType: readonly number[];
  regions: readonly number[];
  salaryTop: readonly number[];
  /** Per row, its document's slot in the lexical index (−1: none). */
  lexicalSlots: readonly number[];
}

/**
 * The lexical part to add (PostingIndex.addLexical in the kernel): `sum` writes the BM25F numerators by slot into
 * the array it is given (LexicalIndex.sumsBySlot) and returns their denominator, or null when no term is indexed.
 */
export interface LexicalPart {
  weight: number;
  slotCount: number;
  sum: (into: Float64Array) => number | null;
}

/**
 * Clears rows of the kernel's copy of the mask before its pass, given the BM25F numerators by slot (null when no
 * query term is indexed) and their denominator: a tier's pass then scores only the rows that may reach its shortlist.
 */
export type NarrowMask = (mask: Uint8Array, sums: Float64Array | null, denominator: number) => void;

/** Byte offsets of the structured kernel's regions (8-byte aligned). */
interface StructuredLayout {
  offsets: number;
  degree: number;
  remote: number;
  jobType: number;
  regions: number;
  salary: number;
  slots: number;
  pool: number;
  mask: number;
  credit: number;
  majors: number;
  groups: number;
  cities: number;
  jobTypeOk: number;
  params: number;
  out: number;
  sums: number;
  end: number;
}

const align8 = (x: number): number => Math.ceil(x / 8) * 8;

/**
 * Runs kernels.wat `structured` over a copy of the index's columns in a KernelArena. The columns are
 * copied again only after the index changed (its version), so a burst of requests between posting
 * changes pays for the copy once; the profile's side (mask, credits, flags, weights) is written per call.
 */
export class StructuredKernel {
  #copied = -1;

  readonly #arena = new KernelArena(0, 'wasm-simd');

  /** The scores, or null when the columns no longer fit a WebAssembly memory (the caller's JS loop serves). */
  run(
    columns: StructuredColumns,
    inputs: StructuredInputs,
    weights: WeightSet,
    mask: Uint8Array,
    lexical: LexicalPart | null = null,
    narrow?: NarrowMask,
  ): Float64Array | null {
    const { n } = columns;
    const layout = StructuredKernel.#layoutFor(n, columns.pool.length, inputs, lexical?.slotCount ?? 0);
    this.#arena.reserve(layout.end);
    if (this.#arena.backend !== 'wasm-simd') return null;
    const buffer = this.#arena.buffer;
    // Same version: same rows and pool, so the same column layout, already copied.
    if (this.#copied !== columns.version) {
      new Int32Array(buffer, layout.offsets, n).set(columns.offsets);
      new Int32Array(buffer, layout.degree, n).set(columns.degree);
      new Int32Array(buffer, layout.remote, n).set(columns.remote);
      new Int32Array(buffer, layout.jobType, n).set(columns.jobType);
      new Int32Array(buffer, layout.regions, n).set(columns.regions);
      new Float64Array(buffer, layout.salary, n).set(columns.salaryTop);
      new Int32Array(buffer, layout.slots, n).set(columns.lexicalSlots);
      new Int32Array(buffer, layout.pool, columns.pool.length).set(columns.pool);
      this.#copied = columns.version;
    }
    const rowMask = new Uint8Array(buffer, layout.mask, n);
    rowMask.set(mask.subarray(0, n));
    // A short mask excludes the rows it does not reach (as in the JS loop), never last call's bytes.
    if (mask.length < n) rowMask.fill(0, mask.length);
    new Float64Array(buffer, layout.credit, inputs.credit.length).set(inputs.credit);
    new Uint8Array(buffer, layout.majors, inputs.majors.length).set(inputs.majors);
    new Uint8Array(buffer, layout.groups, inputs.groups.length).set(inputs.groups);
    new Uint8Array(buffer, layout.cities, inputs.cities.length).set(inputs.cities);
    new Uint8Array(buffer, layout.jobTypeOk, inputs.jobTypeOk.length).set(inputs.jobTypeOk);
    const w = weights.weights;
    const floor = inputs.salaryFloor;
    new Float64Array(buffer, layout.params, 8).set([
      w.requiredSkills,
      w.preferredSkills,
      w.majorFit,
      w.degreeFit,
      w.locationFit,
      w.salaryFit,
      w.jobTypeFit,
      floor === null || floor <= 0 ? 0 : floor,
    ]);
    const remoteMode = inputs.remote === 'only' ? 0 : inputs.remote === 'no' ? 2 : 1;
    new Int32Array(buffer, layout.params + 64, 4).set([
      inputs.degree,
      remoteMode,
      inputs.noLocations ? 1 : 0,
      inputs.regions,
    ]);
    // The numerators are summed straight into the kernel's memory, so the lexical part costs no copy.
    let sums: Float64Array | null = null;
    let denominator: number | null = null;
    if (lexical !== null) {
      sums = new Float64Array(buffer, layout.sums, lexical.slotCount);
      denominator = lexical.sum(sums);
    }
    narrow?.(rowMask, denominator === null ? null : sums, denominator ?? 0);
    new Float64Array(buffer, layout.params + 80, 2).set([lexical?.weight ?? 0, denominator ?? 0]);
    this.#arena.structured(
      n,
      layout.mask,
      layout.offsets,
      layout.pool,
      layout.degree,
      layout.remote,
      layout.jobType,
      layout.regions,
      layout.salary,
      layout.credit,
      layout.majors,
      layout.groups,
      layout.cities,
      layout.jobTypeOk,
      layout.params,
      layout.out,
      layout.slots,
      layout.sums,
      denominator === null ? 0 : 1,
    );
    return new Float64Array(buffer, layout.out, n);
  }

  static #layoutFor(n: number, poolLength: number, inputs: StructuredInputs, slotCount: number): StructuredLayout {
    let at = 0;
    const take = (bytes: number): number => {
      const start = at;
      at = align8(at + bytes);
      return start;
    };
    // Columns first, then the pool, then the per-call part: a grown pool or row count moves what follows.
    const offsets = take(n * 4);
    const degree = take(n * 4);
    const remote = take(n * 4);
    const jobType = take(n * 4);
    const regions = take(n * 4);
    const salary = take(n * 8);
    const slots = take(n * 4);
    const pool = take(poolLength * 4);
    const mask = take(n);
    const credit = take(inputs.credit.length * 8);
    const majors = take(inputs.majors.length);
    const groups = take(inputs.groups.length);
    const cities = take(inputs.cities.length);
    const jobTypeOk = take(inputs.jobTypeOk.length);
    const params = take(96);
    const out = take(n * 8);
    const sums = take(slotCount * 8);
    return {
      offsets,
      degree,
      remote,
      jobType,
      regions,
      salary,
      slots,
      pool,
      mask,
      credit,
      majors,
      groups,
      cities,
      jobTypeOk,
      params,
      out,
      sums,
      end: at,
    };
  }
}
