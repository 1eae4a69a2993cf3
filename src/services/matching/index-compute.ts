import { postingLexicalText, postingText, profileText } from '../../domain/matching/extract.ts';
import type { Graduate } from '../../domain/model/graduate.ts';
import type { Posting } from '../../domain/model/posting.ts';
import {
  decodeGraduateDerivation,
  decodePostingDerivation,
  deriveGraduate,
  derivePosting,
  encodeGraduateDerivation,
  encodePostingDerivation,
  graduateInputHash,
  postingInputHash,
} from '../../domain/search/derived.ts';
import { getTaxonomy } from '../../domain/skills/index.ts';
import { EmptyTextError, type Embedder } from '../../domain/text/embedder.ts';

/**
 * What is stored for a row: its derivation (with the hash of its inputs; `current` false when read under an older
 * analyzer id of the same analysis, see derived.ts SAME_ANALYSIS) and its vector's text hash.
 */
interface Stored {
  derivation: { contentHash: string; derived: string; current: boolean } | null;
  vectorHash: string | null;
}

/** One row to bring up to date: a posting, or a graduate with their suppressed tags. */
export type ComputeItem =
  | (Stored & { kind: 'posting'; posting: Posting })
  | (Stored & { kind: 'graduate'; graduate: Graduate; suppressed: string[] });

export interface ComputeResult {
  /** The input hash and encoded derivation when derived now (null when the stored one is current). */
  derived: { contentHash: string; derived: string } | null;
  /** The text hash the vector is stored under. */
  textHash: string;
  /** A vector embedded now (null when the stored one is current, or a blank profile that has none). */
  vector: Float32Array | null;
}

/**
 * Where the CPU-bound part of indexing runs (deriving rows' features and terms, embedding their text): in
 * this thread, or in a pool of worker threads (src/entry/compute-pool.ts) so every core embeds.
 */
export interface IndexCompute {
  /** Batches it can work on at once (the pool's size; 1 in this thread). */
  readonly parallelism: number;
  run(items: ComputeItem[]): Promise<ComputeResult[]>;
  close(): Promise<void>;
}

/** Vectors for texts; a text with nothing embeddable gets the zero vector, as MatchingEngine does. */
async function embedOrZero(embedder: Embedder, texts: string[]): Promise<Float32Array[]> {
  if (texts.length === 0) return [];
  try {
    return await embedder.embed(texts);
  } catch (error) {
    if (!(error instanceof EmptyTextError)) throw error;
    const empty = new Set(error.indices);
    const vectors = await embedder.embed(texts.filter((_, i) => !empty.has(i)));
    let j = 0;
    return texts.map((_, i) =>
      empty.has(i) ? new Float32Array(embedder.dimensions) : (vectors[j++] ?? new Float32Array(embedder.dimensions)),
    );
  }
}

/**
 * Derives what is stale and embeds what is stale, exactly as MatchingEngine and GraduateIndexes do when they
 * index a row (the same hashes, derivations and texts), so a row computed here is read as current by them.
 */
export async function computeItems(embedder: Embedder, items: readonly ComputeItem[]): Promise<ComputeResult[]> {
  const taxonomy = getTaxonomy();
  const texts: string[] = [];
  const toEmbed: number[] = [];
  const results = items.map((item, i): ComputeResult => {
    let derived: ComputeResult['derived'] = null;
    let textHash: string;
    let text: () => string;
    let blank = false;
    if (item.kind === 'posting') {
      const p = item.posting;
      const hash = postingInputHash(p);
      const stored = item.derivation?.contentHash === hash ? item.derivation : null;
      const d = stored ? decodePostingDerivation(stored.derived) : derivePosting(p, postingLexicalText(p), taxonomy);
      // Derived now, or read in an older form: written in the current one (under the current analyzer id).
      if (!stored?.current) derived = { contentHash: hash, derived: encodePostingDerivation(d) };
      textHash = d.textHash;
      text = () => postingText(p);
    } else {
      const suppressed = new Set(item.suppressed);
      const hash = graduateInputHash(item.graduate, suppressed);
      const stored = item.derivation?.contentHash === hash ? item.derivation : null;
      const d = stored ? decodeGraduateDerivation(stored.derived) : deriveGraduate(item.graduate, suppressed, taxonomy);
      if (!stored?.current) derived = { contentHash: hash, derived: encodeGraduateDerivation(d) };
      textHash = d.textHash;
      blank = d.blank;
      text = () => profileText(item.graduate, suppressed, taxonomy);
    }
    // A blank profile has no vector (no semantic evidence); the index gives it the zero vector.
    if (item.vectorHash !== textHash && !blank) {
      toEmbed.push(i);
      texts.push(text());
    }
    return { derived, textHash, vector: null };
  });
  const vectors = await embedOrZero(embedder, texts);
  toEmbed.forEach((i, j) => {
    const r = results[i];
    if (r) r.vector = vectors[j] ?? new Float32Array(embedder.dimensions);
  });
  return results;
}

/** Computes in this thread (PGlite demos, embedders that cannot be rebuilt in a worker, tests). */
export function inThreadCompute(embedder: Embedder): IndexCompute {
  return {
    parallelism: 1,
    run: (items) => computeItems(embedder, items),
    close: async () => {},
  };
}
