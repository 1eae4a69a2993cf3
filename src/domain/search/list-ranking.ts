import type { ProfileFeatures, SkillSimilarity } from '../matching/features.ts';
import type { WeightSet } from '../matching/weights.ts';
import { EMPTY_QUERY, type LexicalQuery } from './lexical-index.ts';
import type { IndexedPosting, PostingIndex, RankedPosting } from './posting-index.ts';

/** One item of a graduate's list: the best of a group of near-identical postings, with the others as variants. */
export interface ListEntry extends RankedPosting {
  /** True when the posting meets the graduate's stated preferences (the first tier). */
  preferred: boolean;
  /** Ids of near-identical postings (same employer, title and text) folded into this item, best first. */
  variants: string[];
}

const fold = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** Postings with the same employer, title and description (up to case, width and spacing) are one job. */
function duplicateKey(posting: IndexedPosting): string {
  const text = posting.text;
  return (
    `${posting.employerId ?? posting.id}\u0000${fold(text?.title ?? posting.id)}\u0000` +
    `${fold(text?.description ?? '')}`
  );
}

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
  const allowed = input.mask.reduce((n, x) => n + x, 0);
  let fetch = Math.min(input.k, allowed);
  for (;;) {
    const ranked = index.rankTiered(
      input.profile,
      input.vector,
      input.weights,
      input.similarity,
      input.mask,
      input.preferred,
      fetch,
      input.lexical ?? EMPTY_QUERY,
    );
    const entries = collapse(index, ranked);
    if (entries.length >= input.k || fetch >= allowed) return entries.slice(0, input.k);
    fetch = Math.min(allowed, fetch * 2 + 10);
  }
}

function collapse(index: PostingIndex, ranked: ReadonlyArray<RankedPosting & { preferred: boolean }>): ListEntry[] {
  const byKey = new Map<string, ListEntry>();
  const out: ListEntry[] = [];
  for (const r of ranked) {
    const posting = index.get(r.id);
    const key = posting ? duplicateKey(posting) : r.id;
    const lead = byKey.get(key);
    if (lead) {
      lead.variants.push(r.id);
      continue;
    }
    const entry = { ...r, variants: [] };
    byKey.set(key, entry);
    out.push(entry);
  }
  return out;
}
