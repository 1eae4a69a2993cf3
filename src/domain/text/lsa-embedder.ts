import { base64ToFloat32 } from './base64.ts';
import { EmptyTextError, normalizeInPlace, type Embedder } from './embedder.ts';
import { hashString32 } from './hash.ts';
import { LSA_STATE_VERSION, lsaStateId, type LsaState } from './lsa.ts';
import { smoothIdf, sublinearTf, textToBag, type SkillTokenizer, type TokenBag } from './token-bag.ts';

export interface LsaEmbedderOptions {
  /** Must be the same taxonomy the state was fitted with, or skill tokens fall outside the vocabulary. */
  readonly skillTokens?: SkillTokenizer;
  /** Recompute the state id from its content and refuse a mismatch (default true). */
  readonly verify?: boolean;
}

export interface LsaEmbedder extends Embedder {
  readonly state: LsaState;
  /** The bag a text is embedded from (for explanations and for building field-weighted bags). */
  bag(text: string): Map<string, number>;
  /** Embeds a pre-built bag; returns undefined when nothing in it can be embedded. */
  embedBag(bag: TokenBag): Float32Array | undefined;
}

/**
 * The default, download-free embedder. Vectors: [√(1−λ)·lsa ; √λ·hashed], each block unit-normalised,
 * so the whole vector has norm 1 and a dot product is (1−λ)·cos_lsa + λ·cos_hashed. When one block is
 * empty (all words unknown to the fitted vocabulary) the other carries the full norm. Deterministic:
 * the same state and text always give bit-identical vectors.
 */
export function createLsaEmbedder(state: LsaState, options: LsaEmbedderOptions = {}): LsaEmbedder {
  if (state.version !== LSA_STATE_VERSION) throw new Error(`unsupported LSA state version ${String(state.version)}`);
  if ((options.verify ?? true) && lsaStateId(state) !== state.id) {
    throw new Error(`LSA state content does not match its id ${state.id}`);
  }
  const k = state.dimensions;
  const h = state.hashedDimensions;
  const dimensions = k + h;
  const projection = base64ToFloat32(state.projection);
  const idf = base64ToFloat32(state.idf);
  if (projection.length !== state.vocabulary.length * k || idf.length !== state.vocabulary.length) {
    throw new Error('LSA state arrays do not match its vocabulary and dimensions');
  }
  const index = new Map(state.vocabulary.map((t, i) => [t, i]));
  const unseenIdf = smoothIdf(state.documents, 0);
  const lsaScale = Math.sqrt(1 - state.lexicalWeight);
  const hashScale = Math.sqrt(state.lexicalWeight);

  const bag = (text: string): Map<string, number> =>
    textToBag(text, {
      analyzer: state.analyzer,
      skillTokens: options.skillTokens,
      skillWeight: state.skillWeight,
    });

  const embedBag = (tokens: TokenBag): Float32Array | undefined => {
    const out = new Float32Array(dimensions);
    const lsa = out.subarray(0, k);
    const hashed = out.subarray(k);
    // Sorted iteration makes float summation order, hence the bits, independent of bag insertion order.
    for (const t of [...tokens.keys()].sort()) {
      const f = tokens.get(t) ?? 0;
      if (!(f > 0)) continue;
      const j = index.get(t);
      const w = sublinearTf(f) * (j === undefined ? unseenIdf : (idf[j] ?? 0));
      if (j !== undefined) {
        const row = j * k;
        for (let c = 0; c < k; c++) lsa[c] = (lsa[c] ?? 0) + w * (projection[row + c] ?? 0);
      }
      if (h > 0) {
        const code = hashString32(t);
        const slot = code % h;
        hashed[slot] = (hashed[slot] ?? 0) + ((code & 0x80000000) !== 0 ? -w : w);
      }
    }
    const lsaNorm = normalizeInPlace(lsa);
    const hashNorm = h > 0 ? normalizeInPlace(hashed) : 0;
    if (lsaNorm === 0 && hashNorm === 0) return undefined;
    if (lsaNorm > 0 && hashNorm > 0) {
      for (let c = 0; c < k; c++) lsa[c] = (lsa[c] ?? 0) * lsaScale;
      for (let c = 0; c < h; c++) hashed[c] = (hashed[c] ?? 0) * hashScale;
    }
    return out;
  };

  return {
    id: state.id,
    dimensions,
    state,
    bag,
    embedBag,
    embed(texts) {
      const vectors: Float32Array[] = [];
      const empty: number[] = [];
      texts.forEach((text, i) => {
        const v = embedBag(bag(text));
        if (v === undefined) empty.push(i);
        else vectors.push(v);
      });
      return empty.length > 0 ? Promise.reject(new EmptyTextError(empty)) : Promise.resolve(vectors);
    },
  };
}
