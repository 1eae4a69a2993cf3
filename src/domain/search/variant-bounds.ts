import { lexicalValue } from '../matching/components.ts';
import type { ProfileFeatures, SkillSimilarity } from '../matching/features.ts';
import type { WeightSet } from '../matching/weights.ts';
import type { LexicalQuery } from './lexical-index.ts';
import type { StructuredInputs } from './structured-kernel.ts';

/** A query's BM25F numerators by lexical slot and its denominator (LexicalIndex.sumsBySlot). */
interface Sums {
  sums: Float64Array;
  denominator: number;
}

/** What VariantBounds reads of its PostingIndex: the base profile's parts, and the index's own functions. */
export interface VariantBase {
  n: number;
  mask: Uint8Array;
  weights: WeightSet;
  similarity: SkillSimilarity;
  profile: ProfileFeatures;
  inputs: StructuredInputs;
  /** structuredScores of the base profile over `mask` (−∞ elsewhere), and that plus addLexical: the hybrid bias. */
  structured: Float64Array;
  bias: Float64Array;
  /** The base query's sums (a copy), null when addLexical adds nothing. */
  lexical: Sums | null;
  /** The interned skills similar to a skill (similarity > 0) and those similarities, kept by the index. */
  similarTo: (skill: string) => { ids: Int32Array; values: Float64Array };
  /** A skill's interned id (−1: no row wants it). */
  skillId: (skill: string) => number;
  /** #structuredInputs of a profile, with the given credit table or (undefined) its own computed. */
  inputsOf: (profile: ProfileFeatures, credit: Float64Array | undefined) => StructuredInputs;
  /** structuredScores with the given inputs over `mask` (valid until the next call). */
  structuredOf: (inputs: StructuredInputs, mask: Uint8Array) => Float64Array;
  /** The same doubles (the kernel's JS reference) for only the listed rows of `mask`, in their order. */
  structuredRows: (inputs: StructuredInputs, rows: readonly number[]) => Float64Array;
  /** The base's query, and LexicalIndex.sumsBySlot, denominator and termParts. */
  query: LexicalQuery;
  sumsOf: (query: LexicalQuery) => Sums | null;
  denominatorOf: (query: LexicalQuery) => number;
  termParts: (term: string) => { slots: ArrayLike<number>; parts: Float64Array } | null;
  rowsWithSkill: (skill: number) => Int32Array;
  /** Per lexical slot, its row (−1: none), and per row its slot (−1: none). */
  rowOfSlot: readonly number[];
  slotOfRow: Int32Array;
  /**
   * The most any profile's structured bias can be: the bound of a row of the mask the base left unscored (−∞ in
   * `structured`: it could not reach the floor asked about, whatever its credits, short of a higher lexical value).
   */
  structuredCeiling: number;
  /**
   * Scratch memory: the variant's bias, rows scored exactly (n rows, all 0) and their scores (n rows), each row's
   * largest credit rise (n rows, all 0), and a double per lexical slot (all 0).
   */
  out: Float64Array;
  touched: Uint8Array;
  exact: Float64Array;
  raised: Float64Array;
  extra: Float64Array;
}

/** Arrays VariantBounds works in, kept by the index between calls and grown as it grows. */
export class VariantScratch {
  readonly #f64: Float64Array[] = [];
  #touched = new Uint8Array(0);
  #slotOfRow = new Int32Array(0);
  #slotsOf = -1;

  /** The i-th double array, `length` long (its contents are whatever it held last). */
  f64(i: number, length: number): Float64Array {
    let a = this.#f64[i];
    if (a === undefined || a.length < length)
      this.#f64[i] = a = new Float64Array(Math.max(length, 2 * (a?.length ?? 0)));
    return a.subarray(0, length);
  }

  touched(n: number): Uint8Array {
    if (this.#touched.length < n) this.#touched = new Uint8Array(Math.max(n, 2 * this.#touched.length));
    return this.#touched.subarray(0, n).fill(0);
  }

  /** Row → lexical slot for the index's `version`, rebuilt when that changes. */
  slotOfRow(n: number, version: number, rowOfSlot: readonly number[]): Int32Array {
    if (this.#slotsOf !== version || this.#slotOfRow.length !== n) {
      this.#slotOfRow = new Int32Array(n).fill(-1);
      rowOfSlot.forEach((row, slot) => {
        if (row >= 0 && row < n) this.#slotOfRow[row] = slot;
      });
      this.#slotsOf = version;
    }
    return this.#slotOfRow;
  }
}

const sameFlags = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** Whether two profiles' structured inputs agree on everything but the skill credits. */
function sameApartFromCredit(a: StructuredInputs, b: StructuredInputs): boolean {
  return (
    a.regions === b.regions &&
    a.degree === b.degree &&
    a.salaryFloor === b.salaryFloor &&
    a.noLocations === b.noLocations &&
    a.remote === b.remote &&
    sameFlags(a.majors, b.majors) &&
    sameFlags(a.groups, b.groups) &&
    sameFlags(a.cities, b.cities) &&
    sameFlags(a.jobTypeOk, b.jobTypeOk)
  );
}

/** The skills whose credit differs between two tables (ascending). */
function changedCredits(before: Float64Array, after: Float64Array): number[] {
  const changed: number[] = [];
  for (let s = 0; s < after.length; s++) if (after[s] !== before[s]) changed.push(s);
  return changed;
}

/**
 * Bounds a sum of non-negative parts taken in another order than the one that gave it: the rounding of a sum of m
 * parts is within m·2⁻⁵³ of the exact sum, far inside this factor for any query (m ≤ 20,000 analysed characters).
 */
const SUM_ORDER_SLACK = 1 + 1e-9;

/** Covers the rounding of a structured bias (a sum of seven terms ≤ 1 each) and of a credit's rise, many times over. */
const RISE_SLACK = 1e-9;

/**
 * Upper bounds of a what-if variant's hybrid bias (structuredScores + addLexical, what reaching() bounds the int8
 * stage with), row by row, from the base profile's, with no structured or BM25F pass over every row per variant:
 *
 * - Structured: a variant that differs from the base in its skill credits only (else its bias is computed in full)
 *   scores differently only on the rows wanting a skill whose credit changed; those are scored exactly (the kernel's
 *   JS reference), the others keep the base's doubles. A credit is 1 for a held skill, else the best similarity to a
 *   held one (skillCredit); with every base skill kept it is the base's credit or the best similarity to an added
 *   skill, whichever is higher: the same number as skillCredit over every held skill.
 * - BM25F: when the variant's query is the base's with terms added (the base's in the same order), a row without an
 *   added term sums the same parts in the same order, so the same double, over a denominator at least the base's
 *   (idf > 0): its lexical value is at most the base's. A row with an added term gets its base sum plus the added
 *   parts, raised by SUM_ORDER_SLACK for the order, over the variant's denominator: at least its exact value. Any
 *   other query is summed in full (sumsBySlot) and every row given its exact value.
 *
 * Every bound is at least the variant's exact bias (division, the clamp and addition are monotone), so reaching()
 * over the bounds holds every row it holds over the exact bias, and maybe a few more, which score below it.
 */
export class VariantBounds {
  readonly #base: VariantBase;
  /** The base's hybrid bias, exact: rank with it as reaching() would. */
  readonly bias: Float64Array;
  readonly #held: ReadonlySet<string>;
  readonly #terms: ReadonlySet<string>;

  constructor(base: VariantBase) {
    this.#base = base;
    this.bias = base.bias;
    this.#held = new Set(base.profile.skills.keys());
    this.#terms = new Set(base.query.terms);
  }

  /**
   * The variant's credit table from the base's, and the interned skills whose credit it raises (ascending), when the
   * variant holds every skill the base holds; else undefined. skillCredit over every held skill: the base's credit or
   * the best similarity to an added skill, whichever is higher (1 for an added skill), from the index's lists of the
   * skills similar to each added one rather than a similarity call per interned skill.
   */
  #credits(variant: ProfileFeatures): { credit: Float64Array; changed: number[] } | undefined {
    const base = this.#base;
    for (const held of this.#held) if (!variant.skills.has(held)) return undefined;
    const before = base.inputs.credit;
    const credit = before.slice();
    const changed: number[] = [];
    const raise = (s: number, value: number): void => {
      if (!(value > (credit[s] as number))) return;
      // Credits only rise, so a credit still equal to the base's has not been raised yet.
      if (credit[s] === before[s]) changed.push(s);
      credit[s] = value;
    };
    for (const added of variant.skills.keys()) {
      if (this.#held.has(added)) continue;
      const { ids, values } = base.similarTo(added);
      for (let i = 0; i < ids.length; i++) raise(ids[i] as number, values[i] as number);
      const own = base.skillId(added);
      if (own >= 0) raise(own, 1);
    }
    changed.sort((a, b) => a - b);
    return { credit, changed };
  }

  /** The terms the variant's query adds to the base's, when it keeps every base term in order; else null. */
  #addedTerms(query: LexicalQuery): string[] | null {
    const baseTerms = this.#base.query.terms;
    const added: string[] = [];
    let j = 0;
    for (const term of query.terms) {
      if (!this.#terms.has(term)) added.push(term);
      else if (baseTerms[j++] !== term) return null;
    }
    return j === baseTerms.length ? added : null;
  }

  /**
   * An upper bound of the hybrid bias of `variant` (with `lexical`, its profile text's query) over the base's mask;
   * `except` is left out (−∞). Valid until the next call.
   */
  of(variant: ProfileFeatures, lexical: LexicalQuery, except?: number): Float64Array {
    const base = this.#base;
    const out = base.out;
    const { inputs, changes } = this.#bounded(variant, lexical, -Infinity);
    if (changes === null) {
      out.set(base.structuredOf(inputs, base.mask).subarray(0, base.n));
      const weight = base.weights.weights.lexical;
      const summed = weight === 0 || lexical.terms.length === 0 ? null : base.sumsOf(lexical);
      if (summed) this.#addSums(out, summed, weight);
    } else {
      out.set(base.bias);
      for (let i = 0; i < changes.rows.length; i++) out[changes.rows[i] as number] = changes.values[i] as number;
    }
    if (except !== undefined) out[except] = -Infinity;
    return out;
  }

  /**
   * of()'s bounds as the rows where they may differ from the base's bias (`bias`) and their values (a row may come
   * twice, with the same value), so a caller holding the base's bias writes only those; `except` is given −∞. A row
   * whose bound is under `below` may be given a looser one still under it (a scan at a threshold that only rows of
   * bias `below` or more can reach excludes it alike). Null when the variant's bias is not bounded from the base's:
   * of() computes it over every row then.
   */
  changes(
    variant: ProfileFeatures,
    lexical: LexicalQuery,
    below: number,
    except?: number,
  ): { rows: number[]; values: number[] } | null {
    const { changes } = this.#bounded(variant, lexical, below);
    if (changes !== null && except !== undefined) {
      changes.rows.push(except);
      changes.values.push(-Infinity);
    }
    return changes;
  }

  #bounded(
    variant: ProfileFeatures,
    lexical: LexicalQuery,
    below: number,
  ): { inputs: StructuredInputs; changes: { rows: number[]; values: number[] } | null } {
    const base = this.#base;
    const weight = base.weights.weights.lexical;
    const credits = this.#credits(variant);
    const inputs = base.inputsOf(variant, credits?.credit);
    const added = weight === 0 ? [] : this.#addedTerms(lexical);
    const denominator = weight === 0 ? 0 : base.denominatorOf(lexical);
    // With no lexical weight neither side adds a lexical value; else the variant's denominator must be the base's or
    // more (so it is with terms only added; checked, not assumed).
    const bounded =
      weight >= 0 &&
      added !== null &&
      (weight === 0 || denominator >= (base.lexical?.denominator ?? 0)) &&
      sameApartFromCredit(base.inputs, inputs);
    if (!bounded) return { inputs, changes: null };
    const changed = credits?.changed ?? changedCredits(base.inputs.credit, inputs.credit);
    return { inputs, changes: this.#patch(inputs, changed, added, denominator, weight, below) };
  }

  /**
   * The bounds of the rows a changed credit or an added term can raise (the other rows keep the base's bias). A row
   * whose credits rose is bounded first without a structured pass: its skill coverages rise by at most the largest
   * rise among the skills it wants (a coverage is a mean of credits), so its structured bias by at most
   * (w_required + w_preferred) × that rise. Only a row whose bound reaches `below` is scored exactly; any bound
   * under it excludes the row from a scan at the threshold it was given for as the exact one would.
   */
  #patch(
    inputs: StructuredInputs,
    changed: readonly number[],
    added: readonly string[],
    denominator: number,
    weight: number,
    below: number,
  ): { rows: number[]; values: number[] } {
    const base = this.#base;
    const { touched, extra, raised, exact } = base;
    const w = base.weights.weights;
    const skillWeight = w.requiredSkills + w.preferredSkills;
    // Rows wanting a skill whose credit changed, with the largest rise among their skills.
    const rows: number[] = [];
    for (const s of changed) {
      const rise = (inputs.credit[s] as number) - (base.inputs.credit[s] as number);
      for (const row of base.rowsWithSkill(s))
        if (base.mask[row] === 1) {
          if (raised[row] === 0) rows.push(row);
          if (rise > (raised[row] as number)) raised[row] = rise;
        }
    }
    // The added terms' parts, per slot holding any.
    const slots: number[] = [];
    if (denominator > 0)
      for (const term of added) {
        const list = base.termParts(term);
        if (list === null) continue;
        for (let i = 0; i < list.slots.length; i++) {
          const slot = list.slots[i] as number;
          if (extra[slot] === 0) slots.push(slot);
          extra[slot] = (extra[slot] as number) + (list.parts[i] as number);
        }
      }
    const baseSums = base.lexical?.sums;
    const withLexical = (row: number, s: number): number => {
      const slot = base.slotOfRow[row] as number;
      if (slot < 0 || denominator === 0) return s;
      const before = baseSums?.[slot] ?? 0;
      const more = extra[slot] as number;
      // A row without an added term: the base's sum over the larger denominator is at most the base's value.
      const sum = more === 0 ? before : (before + more) * SUM_ORDER_SLACK;
      const over = more === 0 ? (base.lexical?.denominator ?? denominator) : denominator;
      return sum === 0 ? s : s + weight * lexicalValue(sum / over);
    };
    // A row the base left unscored is bounded by the ceiling; a row whose credits rose by its rise.
    const unscored = (row: number): boolean => base.structured[row] === -Infinity;
    const loose = (row: number): number =>
      unscored(row)
        ? base.structuredCeiling
        : (base.structured[row] as number) + skillWeight * (raised[row] as number) + RISE_SLACK;
    const inexact = (row: number): boolean => raised[row] !== 0 || unscored(row);
    const scored: number[] = [];
    const decide = (row: number): void => {
      if (touched[row] === 0 && inexact(row) && (!(skillWeight >= 0) || withLexical(row, loose(row)) >= below)) {
        touched[row] = 1;
        scored.push(row);
      }
    };
    for (const row of rows) decide(row);
    const lexicalRows: number[] = [];
    for (const slot of slots) {
      const row = base.rowOfSlot[slot] ?? -1;
      if (row >= 0 && base.mask[row] === 1) {
        lexicalRows.push(row);
        decide(row);
      }
    }
    if (scored.length > 0) {
      const values = base.structuredRows(inputs, scored);
      for (let i = 0; i < scored.length; i++) exact[scored[i] as number] = values[i] as number;
    }
    const structured = (row: number): number =>
      touched[row] === 1 ? (exact[row] as number) : inexact(row) ? loose(row) : (base.structured[row] as number);
    const bound = (row: number): number => withLexical(row, structured(row));
    const values: number[] = rows.map(bound);
    for (const row of lexicalRows) {
      rows.push(row);
      values.push(bound(row));
    }
    for (const row of rows) {
      touched[row] = 0;
      raised[row] = 0;
    }
    for (const slot of slots) extra[slot] = 0;
    return { rows, values };
  }

  /** addLexical: each row with a sum gets weight × lexicalValue(sum ÷ denominator) added. */
  #addSums(out: Float64Array, summed: Sums, weight: number): void {
    const { sums, denominator } = summed;
    for (let slot = 0; slot < sums.length; slot++) {
      const sum = sums[slot] as number;
      if (sum === 0) continue;
      const row = this.#base.rowOfSlot[slot] ?? -1;
      if (row >= 0 && (out[row] as number) > -Infinity)
        out[row] = (out[row] as number) + weight * lexicalValue(sum / denominator);
    }
  }
}
