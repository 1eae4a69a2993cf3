import { NO_LEXICAL_MATCH, type LexicalMatch } from '../matching/features.ts';
import { analyzeLexical, isLatinTerm, lexicalTerms } from '../text/lexical-analyzer.ts';
import { correctTerm } from './spelling.ts';

const LEXICAL_FIELDS = ['title', 'skills', 'description'] as const;
type LexicalField = (typeof LEXICAL_FIELDS)[number];
export type LexicalDocument = Readonly<Record<LexicalField, string>>;

/** BM25F parameters: k1, and per field a weight and a length normalisation b. */
export interface Bm25fParams {
  readonly k1: number;
  readonly weight: Readonly<Record<LexicalField, number>>;
  readonly b: Readonly<Record<LexicalField, number>>;
}

/** Titles name the job, so they weigh most; short fields are normalised less for length. */
export const DEFAULT_BM25F: Bm25fParams = {
  k1: 1.2,
  weight: { title: 3, skills: 2, description: 1 },
  b: { title: 0.5, skills: 0.5, description: 0.75 },
};

/** An analyzed query: distinct terms in order, and the spelling corrections made. */
export interface LexicalQuery {
  readonly terms: readonly string[];
  readonly corrections: ReadonlyArray<{ readonly from: string; readonly to: string }>;
}

export const EMPTY_QUERY: LexicalQuery = { terms: [], corrections: [] };

/**
 * plainQuery's answers by text, frozen and shared: a graduate's profile text is analyzed again on each of its lists
 * (1.5 % of a recommendation's samples), and the same query object keeps match()'s reading of it (#queryState)
 * across those lists. Emptied when full (an edited profile's old text goes then, within 2,048 new texts) and when a
 * graduate is erased (forgetPlainQueries); a profile text is a few KB.
 */
const plainQueries = new Map<string, LexicalQuery>();
const PLAIN_QUERIES = 2_048;

/**
 * Empties plainQuery's answers, the profile texts among them, on an erasure (rare): keys are texts, not graduates.
 * match()'s readings of those queries (#queryStates) are held weakly by the query object and go with it.
 */
export function forgetPlainQueries(): void {
  plainQueries.clear();
}

/** How many answers plainQuery keeps now. */
export const heldPlainQueries = (): number => plainQueries.size;

/** LexicalIndex.query without spelling correction: the text's distinct terms in order; it reads no index state. */
export function plainQuery(text: string): LexicalQuery {
  const cached = plainQueries.get(text);
  if (cached !== undefined) return cached;
  const query: LexicalQuery = Object.freeze({
    terms: Object.freeze([...new Set(lexicalTerms(text))]),
    corrections: Object.freeze([]),
  });
  if (plainQueries.size >= PLAIN_QUERIES) plainQueries.clear();
  plainQueries.set(text, query);
  return query;
}

/**
 * One term's posting list: the slots holding the term and three term frequencies per entry (title, skills,
 * description), `count` entries in typed arrays with room to grow (doubling): 100,000 postings make nine million
 * entries, which as number arrays took 330 MiB of the V8 heap that every full collection scanned; typed arrays
 * hold them outside it, in half the bytes. `parts` caches each entry's idf(t) · t̃f/(k1 + t̃f), the number match()
 * adds for it, for the index version `partsVersion`: a query sums cached parts instead of redoing the saturation of
 * every entry, and a list's cache is redone when the statistics have changed. A list no query has read holds none.
 */
interface PostingList {
  /** The term's id (#termIds), so indexing a document looks each term up once. */
  readonly id: number;
  count: number;
  slots: Int32Array;
  /** Three term frequencies per entry (title, skills, description). */
  tf: Int32Array;
  parts: Float64Array;
  partsVersion: number;
}

export type { LexicalMatch };

const FIELD_COUNT = LEXICAL_FIELDS.length;
/** A document's term in #docTerms: its id and its three field frequencies. */
const DOC_STRIDE = 1 + FIELD_COUNT;
const NO_TERMS = new Int32Array(0);
const NO_PARTS = new Float64Array(0);
/** Entries a new posting list has room for (most terms are rare; both arrays stay small enough for V8's heap). */
const FIRST_CAPACITY = 4;
/** Fewer pending documents than this are appended one by one (#appendPending). */
const PENDING_ONE_BY_ONE = 64;
let instances = 0;

const newList = (id: number): PostingList => ({
  id,
  count: 0,
  slots: new Int32Array(FIRST_CAPACITY),
  tf: new Int32Array(FIRST_CAPACITY * FIELD_COUNT),
  parts: NO_PARTS,
  partsVersion: -1,
});

function append(list: PostingList, slot: number, tf0: number, tf1: number, tf2: number): void {
  const n = list.count;
  if (n === list.slots.length) {
    const slots = new Int32Array(2 * n);
    slots.set(list.slots);
    list.slots = slots;
    const tf = new Int32Array(2 * n * FIELD_COUNT);
    tf.set(list.tf);
    list.tf = tf;
  }
  list.slots[n] = slot;
  const o = n * FIELD_COUNT;
  list.tf[o] = tf0;
  list.tf[o + 1] = tf1;
  list.tf[o + 2] = tf2;
  list.count = n + 1;
}

/**
 * A document as BM25F reads it: the token count of each field (title, skills, description), each distinct term in
 * first-seen order, and per term its three field frequencies. Plain data in flat arrays, so it is stored and read
 * back without an array per term (a start-up reads 100 terms or more for each of 100,000 postings).
 */
export interface AnalyzedDocument {
  readonly lengths: readonly [number, number, number];
  readonly terms: readonly string[];
  /** FIELD_COUNT frequencies per term of `terms`, in its order. */
  readonly tf: readonly number[];
}

/** The analysis upsert makes of a document (analyzeLexical per field). */
export function analyzeLexicalDocument(doc: LexicalDocument): AnalyzedDocument {
  const at = new Map<string, number>();
  const terms: string[] = [];
  const tf: number[] = [];
  const lengths: [number, number, number] = [0, 0, 0];
  LEXICAL_FIELDS.forEach((field, f) => {
    const tokens = analyzeLexical(doc[field]);
    lengths[f] = tokens.length;
    for (const { term } of tokens) {
      let i = at.get(term);
      if (i === undefined) {
        at.set(term, (i = terms.length));
        terms.push(term);
        tf.push(0, 0, 0);
      }
      tf[i * FIELD_COUNT + f] = (tf[i * FIELD_COUNT + f] as number) + 1;
    }
  });
  return { lengths, terms, tf };
}

/** One document's side of every match against it: each of its terms' part, and idf over the corpus. */
export interface DocumentSide {
  /** idf(t) · t̃f/(k1 + t̃f) per term of the document: LexicalIndex.match adds these up. */
  parts: ReadonlyMap<string, number>;
  /** idf of any term (0 when no document has it): the denominator's terms. */
  idf: (term: string) => number;
  /** Same key, same corpus statistics (null for a document outside the index). */
  key: string | null;
}
const idfOf = (n: number, df: number): number => Math.log(1 + (n - df + 0.5) / (df + 0.5));

/**
 * BM25F over postings (Robertson, Zaragoza & Taylor 2004, "Simple BM25 extension to multiple weighted
 * fields"), kept in step document by document (upsert, remove):
 *
 *   t̃f(t,d) = Σ_f w_f · tf(t,d,f) / (1 − b_f + b_f · len(d,f) / avglen_f)
 *   value(q, d) = Σ_{t ∈ q} idf(t) · t̃f / (k1 + t̃f)  ÷  Σ_{t ∈ q} idf(t)
 *
 * with idf(t) = ln(1 + (N − df + 0.5) / (df + 0.5)) and q the query's distinct terms that occur in the
 * index. The value is the idf-weighted mean saturation of the query's terms, in [0, 1): a named score
 * component needs a bounded value, and the ranking by it for one query is BM25F's.
 */
export class LexicalIndex {
  readonly params: Bm25fParams;
  readonly #slotOf = new Map<string, number>();
  readonly #ids: Array<string | undefined> = [];
  readonly #free: number[] = [];
  /**
   * Per slot, its distinct terms in first-seen order as (term id, tf title, tf skills, tf description) quads: one
   * typed array a document, not a Map of tuples (which cost most of a posting's memory and of start-up's garbage).
   */
  readonly #docTerms: Array<Int32Array | undefined> = [];
  /** Every term ever indexed, interned (a vocabulary only grows): ids for #docTerms. */
  readonly #termIds = new Map<string, number>();
  readonly #termNames: string[] = [];
  /** FIELD_COUNT lengths per slot. */
  readonly #lengths: number[] = [];
  readonly #postings = new Map<string, PostingList>();
  /**
   * Slots upserted whose entries are not yet in their terms' posting lists, in upsert order: a start-up indexes
   * 100,000 documents of ~100 terms before any query, and appending each entry as it came cost most of upsertAnalyzed
   * (a list object, then its two arrays, per entry: cache misses; and every list regrown a dozen times). #lists()
   * appends them all at once, first counting each term's new entries, so each list grows once and the new lists
   * are views of two shared arrays. The same entries in the same order as appending them one by one.
   */
  #pending: number[] = [];
  readonly #total = [0, 0, 0];
  readonly #weights: readonly number[];
  readonly #b: readonly number[];
  readonly #instance = ++instances;
  /** Per slot and field, #saturate's length norm 1 − b + b·length/mean, valid while #version is #normsVersion. */
  #norms = new Float64Array(0);
  #normsVersion = -1;
  #version = 0;
  /** match()'s scratch: the quads of query terms a document has, reused by every call. */
  #found = new Float64Array(64);
  /** match()'s reading of each query object (#queryState), redone when the index has changed. */
  readonly #queryStates = new WeakMap<LexicalQuery, QueryState>();
  /**
   * For matchers (a candidate list's, one a request): each term's idf met so far (0 where df = 0), and the latest
   * documentSide, both at #version. The idfs depend on the corpus alone, so matchers of different postings and
   * requests share them; the side is asked for twice a list (the list's query, then its matcher).
   */
  #matcherIdfs = { version: -1, idfs: new Map<string, number>() };
  #lastSide: { version: number; id: string; side: DocumentSide | null } | null = null;
  /** sumsBySlot's accumulator, reused by every query. */
  #sums = new Float64Array(0);

  constructor(params: Bm25fParams = DEFAULT_BM25F) {
    this.params = params;
    this.#weights = LEXICAL_FIELDS.map((f) => params.weight[f]);
    this.#b = LEXICAL_FIELDS.map((f) => params.b[f]);
  }

  get size(): number {
    return this.#slotOf.size;
  }

  has(id: string): boolean {
    return this.#slotOf.has(id);
  }

  /** Documents containing the term in any field. */
  df(term: string): number {
    return this.#lists().get(term)?.count ?? 0;
  }

  idf(term: string): number {
    return idfOf(this.size, this.df(term));
  }

  upsert(id: string, doc: LexicalDocument): void {
    this.upsertAnalyzed(id, analyzeLexicalDocument(doc));
  }

  /** upsert with the document already analyzed (a stored analysis, read back at start-up). */
  upsertAnalyzed(id: string, doc: AnalyzedDocument): void {
    this.remove(id);
    const slot = this.#free.pop() ?? this.#ids.length;
    const quads = new Int32Array(doc.terms.length * DOC_STRIDE);
    for (let f = 0; f < FIELD_COUNT; f++) {
      const length = doc.lengths[f] ?? 0;
      this.#lengths[slot * FIELD_COUNT + f] = length;
      this.#total[f] = (this.#total[f] ?? 0) + length;
    }
    const tfs = doc.tf;
    for (let i = 0; i < doc.terms.length; i++) {
      const term = doc.terms[i] as string;
      const tf0 = tfs[i * FIELD_COUNT] as number;
      const tf1 = tfs[i * FIELD_COUNT + 1] as number;
      const tf2 = tfs[i * FIELD_COUNT + 2] as number;
      const o = i * DOC_STRIDE;
      quads[o] = this.#termId(term);
      quads[o + 1] = tf0;
      quads[o + 2] = tf1;
      quads[o + 3] = tf2;
    }
    this.#pending.push(slot);
    this.#ids[slot] = id;
    this.#docTerms[slot] = quads;
    this.#slotOf.set(id, slot);
    this.#version++;
  }

  remove(id: string): boolean {
    const slot = this.#slotOf.get(id);
    if (slot === undefined) return false;
    const lists = this.#lists();
    const quads = this.#docTerms[slot] ?? NO_TERMS;
    for (let q = 0; q < quads.length; q += DOC_STRIDE) {
      const term = this.#termNames[quads[q] as number] as string;
      const list = lists.get(term);
      if (list === undefined) continue;
      const at = list.slots.subarray(0, list.count).indexOf(slot);
      const last = list.count - 1;
      // Swap-remove: the order of a posting list does not matter to scoring.
      list.slots[at] = list.slots[last] ?? slot;
      for (let f = 0; f < FIELD_COUNT; f++) list.tf[at * FIELD_COUNT + f] = list.tf[last * FIELD_COUNT + f] ?? 0;
      list.count = last;
      if (last === 0) lists.delete(term);
    }
    for (let f = 0; f < FIELD_COUNT; f++)
      this.#total[f] = (this.#total[f] ?? 0) - (this.#lengths[slot * FIELD_COUNT + f] ?? 0);
    this.#ids[slot] = undefined;
    this.#docTerms[slot] = undefined;
    this.#slotOf.delete(id);
    this.#free.push(slot);
    this.#version++;
    return true;
  }

  /**
   * The document's side of match(id, q) for any query q: match's value is Σ_{t ∈ q} parts(t) in q's order
   * over Σ_{t ∈ q} idf(t), with these very numbers, so a caller scoring many queries against one document
   * (a posting against every graduate) gets match's values. Null when the document is not indexed.
   */
  documentSide(id: string): DocumentSide | null {
    const last = this.#lastSide;
    if (last !== null && last.version === this.#version && last.id === id) return last.side;
    const side = this.#documentSide(id);
    this.#lastSide = { version: this.#version, id, side };
    return side;
  }

  #documentSide(id: string): DocumentSide | null {
    const slot = this.#slotOf.get(id);
    const quads = slot === undefined ? undefined : this.#docTerms[slot];
    if (slot === undefined || quads === undefined) return null;
    const n = this.size;
    const avg = this.#averages();
    const parts = new Map<string, number>();
    for (let q = 0; q < quads.length; q += DOC_STRIDE) {
      const term = this.#termNames[quads[q] as number] as string;
      const saturation = this.#saturation(
        slot,
        quads[q + 1] as number,
        quads[q + 2] as number,
        quads[q + 3] as number,
        avg,
      );
      parts.set(term, idfOf(n, this.df(term)) * saturation);
    }
    return {
      parts,
      idf: (term) => {
        const df = this.df(term);
        return df > 0 ? idfOf(n, df) : 0;
      },
      key: `${this.#instance}:${this.#version}`,
    };
  }

  /** documentSide of a document outside the index, with matchDocument's statistics (it counts as one more). */
  outsideDocumentSide(doc: LexicalDocument): DocumentSide {
    const counts = new Map<string, number[]>();
    const lengths = LEXICAL_FIELDS.map((field, f) => {
      const tokens = analyzeLexical(doc[field]);
      for (const { term } of tokens) {
        let tf = counts.get(term);
        if (tf === undefined) counts.set(term, (tf = [0, 0, 0]));
        tf[f] = (tf[f] ?? 0) + 1;
      }
      return tokens.length;
    });
    const n = this.size + 1;
    const avg = LEXICAL_FIELDS.map((_, f) => ((this.#total[f] ?? 0) + (lengths[f] ?? 0)) / n);
    const dfOf = (term: string): number => this.df(term) + (counts.has(term) ? 1 : 0);
    const parts = new Map<string, number>();
    for (const [term, tf] of counts) parts.set(term, idfOf(n, dfOf(term)) * this.#saturate(tf, lengths, avg));
    return {
      parts,
      idf: (term) => {
        const df = dfOf(term);
        return df > 0 ? idfOf(n, df) : 0;
      },
      key: null,
    };
  }

  /**
   * Analyzes a query. With `correct`, an English word the index has never seen is replaced by the most
   * frequent indexed word one edit away (spelling.ts), and the correction is reported.
   */
  query(text: string, options: { correct?: boolean } = {}): LexicalQuery {
    if (options.correct !== true) return plainQuery(text);
    const corrections: Array<{ from: string; to: string }> = [];
    const terms = lexicalTerms(text).map((term) => {
      if (options.correct !== true || !isLatinTerm(term) || this.df(term) > 0) return term;
      const fixed = correctTerm(term, (t) => this.df(t));
      if (fixed === null) return term;
      corrections.push({ from: term, to: fixed });
      return fixed;
    });
    return { terms: [...new Set(terms)], corrections };
  }

  /**
   * Calls `visit(id, value)` for every document with a positive value. Sums run over the query's terms
   * in order, so `match(id, query).value` is bit-identical to the value visited here.
   */
  scoreEach(query: LexicalQuery, visit: (id: string, value: number) => void): void {
    this.scoreEachSlot(query, (slot, value) => {
      const id = this.#ids[slot];
      if (id !== undefined) visit(id, value);
    });
  }

  /** Slots in use or free (every slot is below this): the length sumsBySlot's sums have. */
  get slotCount(): number {
    return this.#ids.length;
  }

  /** The slot of an indexed document (stable while it stays indexed; a removed document's slot is reused). */
  slotOf(id: string): number | undefined {
    return this.#slotOf.get(id);
  }

  /**
   * scoreEach by slot: `visit(slot, value)` for every document with a positive value, the same values, in
   * slot order. A caller keeping its own slot-to-row table skips an id lookup per document. `visit` must not
   * query this index (the sums are its scratch memory).
   */
  scoreEachSlot(query: LexicalQuery, visit: (slot: number, value: number) => void): void {
    const summed = this.sumsBySlot(query);
    if (summed === null) return;
    const { sums, denominator } = summed;
    for (let slot = 0; slot < sums.length; slot++) {
      const sum = sums[slot] as number;
      if (sum !== 0 && this.#ids[slot] !== undefined) visit(slot, sum / denominator);
    }
  }

  /**
   * The numerators of scoreEach by slot: per slot, Σ idf(t) · t̃f/(k1 + t̃f) over the query's terms it has, in
   * the query's order (0 when it has none), so sums[slot] / denominator is bit-identical to match()'s value.
   * A query adds each posting-list entry's cached part (PostingList.parts) into one reused array: nothing is
   * allocated per entry or per document (a recommendation touches most of a large index). `sums` is the
   * index's scratch memory, valid until its next call, or `into` (zeroed first; at least slotCount long) when given;
   * null when no query term is indexed.
   */
  sumsBySlot(query: LexicalQuery, into?: Float64Array): { sums: Float64Array; denominator: number } | null {
    // #queryState's denominator (the same sum), kept per query object while the index is unchanged.
    const { denominator } = this.#queryState(query);
    if (denominator === 0) return null;
    const size = this.#ids.length;
    let sums: Float64Array;
    if (into !== undefined) {
      if (into.length < size) throw new RangeError('the sums array is shorter than the slots');
      sums = into.subarray(0, size).fill(0);
    } else {
      if (this.#sums.length < size) this.#sums = new Float64Array(Math.max(size, 2 * this.#sums.length));
      else this.#sums.fill(0, 0, size);
      sums = this.#sums.subarray(0, size);
    }
    const lists = this.#lists();
    for (const term of query.terms) {
      const list = lists.get(term);
      if (list === undefined) continue;
      const parts = this.#parts(list);
      const slots = list.slots;
      const length = list.count;
      for (let i = 0; i < length; i++) {
        const slot = slots[i] as number;
        sums[slot] = (sums[slot] as number) + (parts[i] as number);
      }
    }
    return { sums, denominator };
  }

  /**
   * One term's entries as sumsBySlot adds them: the slots holding it and each one's part (idf(t) · t̃f/(k1 + t̃f)),
   * null when no document has it. `parts` is the list's cache: valid until the index changes.
   */
  termParts(term: string): { slots: ArrayLike<number>; parts: Float64Array } | null {
    const list = this.#lists().get(term);
    return list === undefined ? null : { slots: list.slots.subarray(0, list.count), parts: this.#parts(list) };
  }

  /** sumsBySlot's denominator: Σ idf(t) over the query's indexed terms (0 when none is indexed). */
  denominator(query: LexicalQuery): number {
    return this.#denominator(query);
  }

  /**
   * Each entry's idf(t) · t̃f/(k1 + t̃f) for the index as it is: #saturation's operations in its order with the
   * norms read from the table (the same doubles), redone for a list only when the index has changed since.
   */
  #parts(list: PostingList): Float64Array {
    if (list.partsVersion === this.#version) return list.parts;
    const length = list.count;
    // Room to grow by a quarter before the next reallocation.
    if (list.parts.length < length) list.parts = new Float64Array(length + (length >> 2));
    const parts = list.parts;
    const idf = idfOf(this.size, length);
    const norms = this.#normTable();
    const w0 = this.#weights[0] ?? 0;
    const w1 = this.#weights[1] ?? 0;
    const w2 = this.#weights[2] ?? 0;
    const k1 = this.params.k1;
    const { slots, tf } = list;
    for (let i = 0; i < length; i++) {
      const o = i * FIELD_COUNT;
      const d = (slots[i] as number) * FIELD_COUNT;
      const tf0 = tf[o] as number;
      const tf1 = tf[o + 1] as number;
      const tf2 = tf[o + 2] as number;
      let tilde = 0;
      if (tf0 !== 0) tilde += (w0 * tf0) / (norms[d] as number);
      if (tf1 !== 0) tilde += (w1 * tf1) / (norms[d + 1] as number);
      if (tf2 !== 0) tilde += (w2 * tf2) / (norms[d + 2] as number);
      parts[i] = idf * (tilde / (k1 + tilde));
    }
    list.partsVersion = this.#version;
    return parts;
  }

  /** The value of one indexed document and the query terms it has (strongest contribution first). */
  match(id: string, query: LexicalQuery): LexicalMatch {
    const slot = this.#slotOf.get(id);
    return slot === undefined ? NO_LEXICAL_MATCH : this.matchSlot(slot, query);
  }

  /** match() of the document in `slot` (slotOf): a caller keeping slots skips the id look-up for each document. */
  matchSlot(slot: number, query: LexicalQuery): LexicalMatch {
    const quads = this.#docTerms[slot];
    if (quads === undefined) return NO_LEXICAL_MATCH;
    const { positions, denominator, idfs, averages } = this.#queryState(query);
    if (denominator === 0) return NO_LEXICAL_MATCH;
    // The document's quads of query terms, keyed place × QUAD_KEY + offset by the term's place in the query: one pass
    // over the document instead of a search of it per query term (a profile's query has a hundred terms or more, a
    // posting as many).
    const most = positions === null ? query.terms.length : quads.length / DOC_STRIDE;
    if (this.#found.length < most) this.#found = new Float64Array(most * 2);
    const found = this.#found;
    let m = 0;
    if (positions === null)
      for (let at = 0; at < query.terms.length; at++) {
        const q = quadOf(quads, this.#termIds.get(query.terms[at] as string));
        if (q >= 0) found[m++] = at * QUAD_KEY + q;
      }
    else {
      for (let q = 0; q < quads.length; q += DOC_STRIDE) {
        const at = positions.get(quads[q] as number);
        if (at !== undefined) found[m++] = at * QUAD_KEY + q;
      }
      // In the query's order, as the search per term found them: the same sum, to the bit.
      found.subarray(0, m).sort();
    }
    let sum = 0;
    const parts: Array<{ term: string; part: number }> = [];
    for (let i = 0; i < m; i++) {
      const key = found[i] as number;
      const at = Math.floor(key / QUAD_KEY);
      const q = key - at * QUAD_KEY;
      const term = this.#termNames[quads[q] as number] as string;
      const part =
        (idfs[at] as number) *
        this.#saturation(slot, quads[q + 1] as number, quads[q + 2] as number, quads[q + 3] as number, averages);
      sum += part;
      parts.push({ term, part });
    }
    return { value: sum / denominator, terms: rankTerms(parts) };
  }

  /**
   * match(id, q) for many queries against one document (a posting against each graduate of a candidate list): the
   * document's parts (documentSide) and each idf met are computed once per index version, not per query, and the
   * query's terms are looked up in its order, which adds match()'s parts in match()'s order (a term the query names
   * twice, twice): the same doubles and terms as match().
   */
  matcher(id: string): (query: LexicalQuery) => LexicalMatch {
    let version = -1;
    let side: DocumentSide | null = null;
    let idfs = new Map<string, number>();
    // The terms met and their parts, reused for each query (a list scores a few dozen graduates, one at a time).
    const names: string[] = [];
    const values: number[] = [];
    return (query) => {
      if (version !== this.#version) {
        version = this.#version;
        side = this.documentSide(id);
        if (this.#matcherIdfs.version !== version) this.#matcherIdfs = { version, idfs: new Map() };
        idfs = this.#matcherIdfs.idfs;
      }
      if (side === null) return NO_LEXICAL_MATCH;
      // match()'s denominator adds idf(t) only where df > 0; side.idf is 0 elsewhere, and adding 0 changes no sum.
      let denominator = 0;
      for (const term of query.terms) {
        let idf = idfs.get(term);
        if (idf === undefined) idfs.set(term, (idf = side.idf(term)));
        denominator += idf;
      }
      if (denominator === 0) return NO_LEXICAL_MATCH;
      let sum = 0;
      let m = 0;
      for (const term of query.terms) {
        const part = side.parts.get(term);
        if (part === undefined) continue;
        sum += part;
        names[m] = term;
        values[m++] = part;
      }
      return { value: sum / denominator, terms: rankedNames(names, values, m) };
    };
  }

  /**
   * What match() reads of a query for the index as it is, kept while the query object lives (a list matches one query
   * against many documents): each indexed term's id → its place in the query (null for a query naming a term twice,
   * which match() then searches for term by term: it adds such a term's part twice), the denominator, idf(t) by
   * place, and the field averages; the same doubles as computing them for each document.
   */
  #queryState(query: LexicalQuery): QueryState {
    const cached = this.#queryStates.get(query);
    if (cached !== undefined && cached.version === this.#version) return cached;
    const n = this.size;
    const idfs = new Float64Array(query.terms.length);
    let positions: Map<number, number> | null = new Map<number, number>();
    for (let i = 0; i < query.terms.length; i++) {
      const term = query.terms[i] as string;
      idfs[i] = idfOf(n, this.df(term));
      const id = this.#termIds.get(term);
      if (id === undefined || positions === null) continue;
      if (positions.has(id)) positions = null;
      else positions.set(id, i);
    }
    const state = {
      version: this.#version,
      positions,
      denominator: this.#denominator(query),
      idfs,
      averages: this.#averages(),
    };
    this.#queryStates.set(query, state);
    return state;
  }

  /**
   * A document that is not in the index (a closed posting, a posting given in a request), scored with the
   * index's statistics as if it were one more document.
   */
  matchDocument(doc: LexicalDocument, query: LexicalQuery): LexicalMatch {
    const counts = new Map<string, number[]>();
    const lengths = LEXICAL_FIELDS.map((field, f) => {
      const tokens = analyzeLexical(doc[field]);
      for (const { term } of tokens) {
        let tf = counts.get(term);
        if (tf === undefined) counts.set(term, (tf = [0, 0, 0]));
        tf[f] = (tf[f] ?? 0) + 1;
      }
      return tokens.length;
    });
    const n = this.size + 1;
    const avg = LEXICAL_FIELDS.map((_, f) => ((this.#total[f] ?? 0) + (lengths[f] ?? 0)) / n);
    const dfOf = (term: string): number => this.df(term) + (counts.has(term) ? 1 : 0);
    let denominator = 0;
    for (const term of query.terms) if (dfOf(term) > 0) denominator += idfOf(n, dfOf(term));
    if (denominator === 0) return NO_LEXICAL_MATCH;
    let sum = 0;
    const parts: Array<{ term: string; part: number }> = [];
    for (const term of query.terms) {
      const tf = counts.get(term);
      if (tf === undefined) continue;
      const part = idfOf(n, dfOf(term)) * this.#saturate(tf, lengths, avg);
      sum += part;
      parts.push({ term, part });
    }
    return { value: sum / denominator, terms: rankTerms(parts) };
  }

  /** Appends the pending documents' entries now: a start-up does, before it is ready, rather than the first query. */
  settle(): void {
    this.#lists();
  }

  /** The posting lists by term, with every pending slot's entries appended. */
  #lists(): Map<string, PostingList> {
    if (this.#pending.length > 0) this.#appendPending();
    return this.#postings;
  }

  #appendPending(): void {
    const pending = this.#pending;
    this.#pending = [];
    const postings = this.#postings;
    const docTerms = this.#docTerms;
    const names = this.#termNames;
    if (pending.length < PENDING_ONE_BY_ONE) {
      // A few documents (an upsert between queries): counting over the whole vocabulary would cost more.
      for (const slot of pending) {
        const quads = docTerms[slot] ?? NO_TERMS;
        for (let q = 0; q < quads.length; q += DOC_STRIDE) {
          const id = quads[q] as number;
          const term = names[id] as string;
          let list = postings.get(term);
          if (list === undefined) postings.set(term, (list = newList(id)));
          append(list, slot, quads[q + 1] as number, quads[q + 2] as number, quads[q + 3] as number);
        }
      }
      return;
    }
    const added = new Int32Array(names.length);
    for (const slot of pending) {
      const quads = docTerms[slot] ?? NO_TERMS;
      for (let q = 0; q < quads.length; q += DOC_STRIDE) {
        const id = quads[q] as number;
        added[id] = (added[id] as number) + 1;
      }
    }
    const lists: Array<PostingList | undefined> = new Array<PostingList | undefined>(names.length);
    let fresh = 0;
    for (let id = 0; id < names.length; id++) {
      if (added[id] === 0) continue;
      const list = postings.get(names[id] as string);
      lists[id] = list;
      if (list === undefined) fresh += added[id] as number;
    }
    const freshSlots = new Int32Array(fresh);
    const freshTf = new Int32Array(fresh * FIELD_COUNT);
    let at = 0;
    for (let id = 0; id < names.length; id++) {
      const n = added[id] as number;
      if (n === 0) continue;
      let list = lists[id];
      if (list === undefined) {
        list = {
          id,
          count: 0,
          slots: freshSlots.subarray(at, at + n),
          tf: freshTf.subarray(at * FIELD_COUNT, (at + n) * FIELD_COUNT),
          parts: NO_PARTS,
          partsVersion: -1,
        };
        at += n;
        postings.set(names[id] as string, list);
        lists[id] = list;
      } else if (list.count + n > list.slots.length) {
        const room = Math.max(2 * list.slots.length, list.count + n);
        const slots = new Int32Array(room);
        slots.set(list.slots.subarray(0, list.count));
        list.slots = slots;
        const tf = new Int32Array(room * FIELD_COUNT);
        tf.set(list.tf.subarray(0, list.count * FIELD_COUNT));
        list.tf = tf;
      }
    }
    // Per term its arrays and next entry, read from small flat arrays in the loop rather than through the list.
    const slotsOf: Int32Array[] = new Array<Int32Array>(names.length);
    const tfOf: Int32Array[] = new Array<Int32Array>(names.length);
    const next = new Int32Array(names.length);
    for (let id = 0; id < names.length; id++) {
      const list = lists[id];
      if (list === undefined) continue;
      slotsOf[id] = list.slots;
      tfOf[id] = list.tf;
      next[id] = list.count;
    }
    for (const slot of pending) {
      const quads = docTerms[slot] ?? NO_TERMS;
      for (let q = 0; q < quads.length; q += DOC_STRIDE) {
        const id = quads[q] as number;
        const n = next[id] as number;
        next[id] = n + 1;
        (slotsOf[id] as Int32Array)[n] = slot;
        const tf = tfOf[id] as Int32Array;
        const o = n * FIELD_COUNT;
        tf[o] = quads[q + 1] as number;
        tf[o + 1] = quads[q + 2] as number;
        tf[o + 2] = quads[q + 3] as number;
      }
    }
    for (let id = 0; id < names.length; id++) {
      const list = lists[id];
      if (list !== undefined) list.count = next[id] as number;
    }
  }

  #termId(term: string): number {
    let id = this.#termIds.get(term);
    if (id === undefined) {
      id = this.#termNames.length;
      this.#termIds.set(term, id);
      this.#termNames.push(term);
    }
    return id;
  }

  /** The length norms of every slot (#saturate's 1 − b + b·length/mean), redone once per change of the index. */
  #normTable(): Float64Array {
    if (this.#normsVersion === this.#version) return this.#norms;
    const avg = this.#averages();
    const norms = new Float64Array(this.#ids.length * FIELD_COUNT);
    for (let slot = 0; slot < this.#ids.length; slot++)
      for (let f = 0; f < FIELD_COUNT; f++) {
        const b = this.#b[f] ?? 0;
        const mean = avg[f] ?? 0;
        norms[slot * FIELD_COUNT + f] =
          1 - b + (mean > 0 ? (b * (this.#lengths[slot * FIELD_COUNT + f] ?? 0)) / mean : 0);
      }
    this.#norms = norms;
    this.#normsVersion = this.#version;
    return norms;
  }

  #averages(): number[] {
    const n = this.size;
    return LEXICAL_FIELDS.map((_, f) => (n > 0 ? (this.#total[f] ?? 0) / n : 0));
  }

  /**
   * t̃f / (k1 + t̃f) for one indexed document's term frequencies: #saturate's operations in its order (so the
   * same doubles) without its two arrays, as this runs once per posting-list entry a query touches.
   */
  #saturation(slot: number, tf0: number, tf1: number, tf2: number, avg: readonly number[]): number {
    const o = slot * FIELD_COUNT;
    const lengths = this.#lengths;
    const weights = this.#weights;
    const bs = this.#b;
    let tilde = 0;
    for (let f = 0; f < FIELD_COUNT; f++) {
      const tf = f === 0 ? tf0 : f === 1 ? tf1 : tf2;
      if (tf === 0) continue;
      const b = bs[f] ?? 0;
      const mean = avg[f] ?? 0;
      const norm = 1 - b + (mean > 0 ? (b * (lengths[o + f] ?? 0)) / mean : 0);
      tilde += ((weights[f] ?? 0) * tf) / norm;
    }
    return tilde / (this.params.k1 + tilde);
  }

  #saturate(tfs: readonly number[], lengths: readonly number[], avg: readonly number[]): number {
    let tilde = 0;
    for (let f = 0; f < FIELD_COUNT; f++) {
      const tf = tfs[f] ?? 0;
      if (tf === 0) continue;
      const b = this.#b[f] ?? 0;
      const mean = avg[f] ?? 0;
      const norm = 1 - b + (mean > 0 ? (b * (lengths[f] ?? 0)) / mean : 0);
      tilde += ((this.#weights[f] ?? 0) * tf) / norm;
    }
    return tilde / (this.params.k1 + tilde);
  }

  #denominator(query: LexicalQuery): number {
    const n = this.size;
    let sum = 0;
    for (const term of query.terms) {
      const df = this.df(term);
      if (df > 0) sum += idfOf(n, df);
    }
    return sum;
  }
}

/** LexicalIndex.#queryState: a query as match() reads it, at one index version. */
interface QueryState {
  readonly version: number;
  readonly positions: ReadonlyMap<number, number> | null;
  readonly denominator: number;
  /** idf(t) by the term's place in the query. */
  readonly idfs: Float64Array;
  readonly averages: readonly number[];
}

/** Above any quad offset (a document holds at most 3 × 20,000 analyzed characters): keys place × QUAD_KEY + offset. */
const QUAD_KEY = 2 ** 22;

/** Where a term's quad starts in a document's quads, or −1 when the document lacks it (or it was never indexed). */
function quadOf(quads: Int32Array, termId: number | undefined): number {
  if (termId === undefined) return -1;
  for (let q = 0; q < quads.length; q += DOC_STRIDE) if (quads[q] === termId) return q;
  return -1;
}

function rankTerms(parts: Array<{ term: string; part: number }>): string[] {
  return parts.sort((a, b) => b.part - a.part || (a.term < b.term ? -1 : 1)).map((p) => p.term);
}

/**
 * rankTerms of the first n (names[i], values[i]) pairs without an object a pair: the same comparisons on the same
 * (part, term) values, so the sort makes the same moves and the same names come out in the same order.
 */
function rankedNames(names: readonly string[], values: readonly number[], n: number): string[] {
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort(
    (a, b) => (values[b] as number) - (values[a] as number) || ((names[a] as string) < (names[b] as string) ? -1 : 1),
  );
  const ranked = new Array<string>(n);
  for (let i = 0; i < n; i++) ranked[i] = names[order[i] as number] as string;
  return ranked;
}
