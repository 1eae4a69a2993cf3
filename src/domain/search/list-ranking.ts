import type { ProfileFeatures, SkillSimilarity } from '../matching/features.ts';
import type { MatchScore } from '../matching/score.ts';
import type { WeightSet } from '../matching/weights.ts';
import { EMPTY_QUERY, type LexicalQuery } from './lexical-index.ts';
import type { IndexedPosting, PostingIndex, RankedPosting } from './posting-index.ts';
import { countRows } from './row-masks.ts';

/** One item of a graduate's list: the best of a group of near-identical postings, with the others as variants. */
export interface ListEntry extends RankedPosting {
  /** True when the posting meets the graduate's stated preferences (the first tier). */
  preferred: boolean;
  /** Ids of near-identical postings (same employer, title and text) folded into this item, best first. */
  variants: string[];
}

const fold = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Postings with the same employer, title and description (up to case, width and spacing) are one job. The head
 * (employer and folded title) groups them first; a description is folded (NFKC over the whole text, the most of the
 * folding's allocation) only when two postings share a head.
 */
const headKey = (posting: IndexedPosting): string =>
  `${posting.employerId ?? posting.id}\u0000${fold(posting.text?.title ?? posting.id)}`;

export interface ListRankInput {
  profile: ProfileFeatures;
  vector: Float32Array;
  weights: WeightSet;
  similarity: SkillSimilarity;
  mask: Uint8Array;
  /** Rows of `mask` meeting the stated preferences (PostingIndex.rankTiered). */
  preferred: Uint8Array;
  k: number;
  lexical?: LexicalQuery;
}

/**
 * The k items of a graduate's list: preference tiers (rankTiered), then near-identical postings folded
 * into their best-ranked one. Ranks are fetched in doubling batches until k distinct items are found or
 * the allowed rows run out, so folding never shortens a list that could be filled.
 */
export function rankListEntries(index: PostingIndex, input: ListRankInput): ListEntry[] {
  const allowed = countRows(input.mask);
  let fetch = Math.min(input.k, allowed);
  // Every row's bias once, whatever the number of fetches.
  const tiers = index.tiers(
    input.profile,
    input.weights,
    input.similarity,
    input.mask,
    input.preferred,
    input.lexical ?? EMPTY_QUERY,
  );
  for (;;) {
    const ranked = index.rankTiers(tiers, input.vector, fetch);
    const entries = collapse(index, ranked);
    if (entries.length >= input.k || fetch >= allowed) return entries.slice(0, input.k);
    fetch = Math.min(allowed, fetch * 2 + 10);
  }
}

type Group = { posting: IndexedPosting | undefined; description?: string; entry: ListEntry };

function collapse(index: PostingIndex, ranked: ReadonlyArray<RankedPosting & { preferred: boolean }>): ListEntry[] {
  const byHead = new Map<string, Group[]>();
  const out: ListEntry[] = [];
  const description = (g: Group): string => (g.description ??= fold(g.posting?.text?.description ?? ''));
  next: for (const r of ranked) {
    const posting = index.get(r.id);
    // A row without a posting (not expected) keys by its id alone; no head has a NUL there.
    const head = posting ? headKey(posting) : r.id;
    const groups = byHead.get(head);
    const group: Group = { posting, entry: { ...r, variants: [] } };
    if (groups) {
      for (const g of groups)
        if (description(g) === description(group)) {
          g.entry.variants.push(r.id);
          continue next;
        }
      groups.push(group);
    } else byHead.set(head, [group]);
    out.push(group.entry);
  }
  return out;
}

/**
 * An entry of the list above a score. `match` is null for a preferred entry counted above a posting outside
 * the stated preferences: the list puts every preferred item first, whatever its score, so none is scored.
 */
export interface ReachedEntry {
  id: string;
  preferred: boolean;
  match: MatchScore | null;
  /** The variants folded into it among the rows looked at (those below the threshold are not). */
  variants: string[];
}

export interface ReachInput extends Omit<ListRankInput, 'k'> {
  /** The score asked about: every entry the list would put above a posting scoring this much is returned. */
  threshold: number;
  /** The tier of that posting: in the preferred tier the rest of the list is below it, outside it all of it above. */
  targetPreferred: boolean;
  /** A row kept (and scored) whatever its score: the posting explained. */
  include?: number | undefined;
}

/**
 * The entries rankListEntries would put, over every row of `mask`, above a posting that scores `threshold` in the
 * given tier, in the list's order and folded as the list folds them; so the target's rank, or the count of
 * entries above any score at or over the threshold, is the full list's. A bounded count: one pass of
 * PostingIndex.reaching over the target's tier, then exact scores (PostingIndex.scoreRow, rank()'s own scoring)
 * for only the rows that may reach the threshold. The other tier is never scored: outside the preferences
 * the preferred rows are all above (folded into their groups, unscored), inside them the rest is all below.
 */
export function listAbove(index: PostingIndex, input: ReachInput): ReachedEntry[] {
  const { profile, vector, weights, similarity, threshold } = input;
  const lexical = input.lexical ?? EMPTY_QUERY;
  const tier = tierOf(input);
  const reach = index.reaching(profile, vector, weights, similarity, tier, threshold, lexical);
  const rows: number[] = [];
  for (let row = 0; row < tier.length; row++) if (reach[row] === 1 || row === input.include) rows.push(row);
  return entriesReached(index, input, tier, rows);
}

/** The rows of the mask in the target's tier. */
function tierOf(input: Pick<ReachInput, 'mask' | 'preferred' | 'targetPreferred'>): Uint8Array {
  const { mask, preferred, targetPreferred } = input;
  // A plain loop: Uint8Array.from with a callback costs ~8 ms at 100k rows.
  const tier = new Uint8Array(mask.length);
  for (let row = 0; row < mask.length; row++)
    if (mask[row] === 1 && (preferred[row] === 1) === targetPreferred) tier[row] = 1;
  return tier;
}

/** The entries of the tier's rows among `rows`, exactly scored, in the list's order and folded. */
function entriesReached(
  index: PostingIndex,
  input: Omit<ReachInput, 'threshold' | 'include'>,
  tier: Uint8Array,
  rows: readonly number[],
): ReachedEntry[] {
  const { profile, vector, weights, similarity, mask, preferred, targetPreferred } = input;
  const lexical = input.lexical ?? EMPTY_QUERY;
  const scored: Array<{ row: number; match: MatchScore }> = [];
  for (const row of rows)
    if (tier[row] === 1)
      scored.push({ row, match: index.scoreRow(profile, vector, weights, similarity, row, lexical) });
  // rank()'s order: score descending, then row.
  scored.sort((a, b) => b.match.score - a.match.score || a.row - b.row);
  const folder = new Folder(index);
  const out: ReachedEntry[] = [];
  if (!targetPreferred)
    for (let row = 0; row < mask.length; row++)
      if (mask[row] === 1 && preferred[row] === 1) folder.add(row, true, null, out);
  for (const s of scored) folder.add(s.row, targetPreferred, s.match, out);
  return out;
}

/** A what-if variant of the profile ranked in listsAbove: its features, vector and query, and its target's score. */
export interface VariantReach {
  profile: ProfileFeatures;
  vector: Float32Array;
  lexical: LexicalQuery;
  threshold: number;
}

export interface VariantsReachInput extends Omit<ReachInput, 'include'> {
  /** The target's row: kept (and scored) in the profile's own list, left out of every variant's. */
  target?: number | undefined;
  variants: readonly VariantReach[];
}

/**
 * listAbove for a profile (`current`: the target included) and for each of its what-if variants (the same profile
 * with skills added; the target left out): a variant's entries above its threshold are listAbove's (ids and scores,
 * in order), and it may hold more entries below it (count the entries above a score strictly: the count is
 * listAbove's; a folded entry may list more variants). One structured pass and one BM25F sum over the tier for the
 * profile; each variant's bias is bounded from them (VariantBounds: the base's doubles on every row the variant cannot
 * raise), so a variant costs one int8 pass and the exact scores of the rows that may reach its threshold.
 */
export function listsAbove(
  index: PostingIndex,
  input: VariantsReachInput,
): { current: ReachedEntry[]; variants: ReachedEntry[][] } {
  const { profile, vector, weights, similarity, threshold, target } = input;
  const lexical = input.lexical ?? EMPTY_QUERY;
  const tier = tierOf(input);
  // No row whose bias cannot reach the lowest threshold asked about needs scoring (variantBounds leaves them out).
  const floor = Math.min(threshold, ...input.variants.map((v) => v.threshold));
  const bounds = index.variantBounds(profile, weights, similarity, tier, lexical, floor);
  const reached = index.reachingRows(vector, weights, bounds.bias, threshold);
  if (target !== undefined && !reached.includes(target)) reached.push(target);
  const current = entriesReached(index, input, tier, reached);
  // The scan's memory holds the base's bias after reachingRows: a variant bounded from it writes only its changes.
  let held = true;
  const variants = input.variants.map((v) => {
    const reaching = index.variantReachingRows(bounds, v, weights, v.threshold, { except: target, held });
    held = reaching.held;
    return entriesReached(
      index,
      { ...input, ...v },
      tier,
      reaching.rows.filter((row) => row !== target),
    );
  });
  return { current, variants };
}

/**
 * collapse() for rows arriving in list order, by row: the same grouping (headKey, then the folded description).
 */
class Folder {
  readonly #index: PostingIndex;
  readonly #byHead = new Map<string, Array<{ description: string | null; row: number; entry: ReachedEntry }>>();

  constructor(index: PostingIndex) {
    this.#index = index;
  }

  #description(row: number): string {
    const id = this.#index.vectors.idAt(row) ?? '';
    return fold(this.#index.get(id)?.text?.description ?? '');
  }

  add(row: number, preferred: boolean, match: MatchScore | null, out: ReachedEntry[]): void {
    const id = this.#index.vectors.idAt(row) ?? '';
    const posting = this.#index.get(id);
    // A row without a posting (not expected) keys by its id alone, as collapse() does; no head has a NUL there.
    const head = posting ? headKey(posting) : id;
    const groups = this.#byHead.get(head);
    if (groups) {
      const description = this.#description(row);
      for (const g of groups) {
        g.description ??= this.#description(g.row);
        if (g.description === description) {
          g.entry.variants.push(id);
          return;
        }
      }
    }
    const entry: ReachedEntry = { id, preferred, match, variants: [] };
    out.push(entry);
    const group = { description: null, row, entry };
    if (groups) groups.push(group);
    else this.#byHead.set(head, [group]);
  }
}
