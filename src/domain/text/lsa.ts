import { float32ToBase64 } from './base64.ts';
import { createFnv1a } from './hash.ts';
import { randomizedSvd, type CsrMatrix } from './randomized-svd.ts';
import {
  DEFAULT_SKILL_WEIGHT, smoothIdf, sublinearTf, textToBag, type SkillTokenizer, type TokenBag,
} from './token-bag.ts';

/**
 * TF-IDF + latent semantic analysis (Deerwester et al. 1990), fitted on a corpus of postings.
 *
 * Weighting: w(t, d) = sublinearTf(tf) · idf(t), idf = ln((1+N)/(1+df)) + 1, each document row
 * L2-normalised. The rank-k truncated SVD X ≈ U·S·Vᵀ is computed by randomized subspace iteration
 * (randomized-svd.ts); a text's LSA coordinates are x·V (the "U·S" space, in which the cosine is the
 * classic LSA document similarity). Vocabulary: terms with df ≥ minDf, the maxVocabulary most frequent
 * (ties broken by code-point order), skill tokens first so a capped vocabulary never drops a skill.
 *
 * The embedder (lsa-embedder.ts) may append a signed feature-hashed TF-IDF block (Weinberger et al.
 * 2009) so that exact lexical overlap — including words the fitted vocabulary never saw — still counts:
 * cos(a, b) = (1 − λ)·cos_lsa + λ·cos_hashed, with λ = lexicalWeight.
 */

export const LSA_STATE_VERSION = 1;

export interface LsaState {
  readonly version: typeof LSA_STATE_VERSION;
  /** `lsa-<k>-<fnv1a of everything below>`; changes whenever any fitted number changes. */
  readonly id: string;
  /** k, the number of LSA components. */
  readonly dimensions: number;
  /** Size of the feature-hashed lexical block appended to the LSA block (0 = none). */
  readonly hashedDimensions: number;
  /** λ: the share of the cosine given to the hashed block. */
  readonly lexicalWeight: number;
  readonly skillWeight: number;
  readonly analyzer: { readonly latinTrigrams: boolean; readonly cjkBigrams: boolean };
  /** N, documents in the fitted corpus. */
  readonly documents: number;
  readonly vocabulary: readonly string[];
  /** Float32 idf per vocabulary term, base64 little-endian. */
  readonly idf: string;
  /** Float32 V (vocabulary × k, row-major), base64 little-endian. */
  readonly projection: string;
  readonly singularValues: readonly number[];
  readonly fit: {
    readonly minDf: number; readonly maxVocabulary: number; readonly seed: number;
    readonly powerIterations: number; readonly oversampling: number;
  };
}

export interface LsaFitOptions {
  readonly dimensions?: number;
  readonly maxVocabulary?: number;
  readonly minDf?: number;
  readonly seed?: number;
  readonly powerIterations?: number;
  readonly oversampling?: number;
  readonly hashedDimensions?: number;
  readonly lexicalWeight?: number;
  readonly skillTokens?: SkillTokenizer;
  readonly skillWeight?: number;
  readonly analyzer?: { readonly latinTrigrams?: boolean; readonly cjkBigrams?: boolean };
}

export const LSA_DEFAULTS = {
  dimensions: 256, maxVocabulary: 20_000, minDf: 2, seed: 20_240_601, powerIterations: 2, oversampling: 10,
  hashedDimensions: 0, lexicalWeight: 0,
} as const;

/** A corpus document: raw text, or a pre-built (e.g. field-weighted) bag from token-bag.ts. */
export type LsaDocument = string | TokenBag;

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function selectVocabulary(bags: readonly TokenBag[], minDf: number, maxVocabulary: number): string[] {
  const df = new Map<string, number>();
  for (const bag of bags) for (const [t, f] of bag) if (f > 0) df.set(t, (df.get(t) ?? 0) + 1);
  const eligible = [...df].filter(([, n]) => n >= minDf);
  eligible.sort((x, y) => Number(y[0].startsWith('skill:')) - Number(x[0].startsWith('skill:'))
    || y[1] - x[1] || compareCodePoints(x[0], y[0]));
  return eligible.slice(0, maxVocabulary).map(([t]) => t).sort(compareCodePoints);
}

export function fitLsa(docs: readonly LsaDocument[], options: LsaFitOptions = {}): LsaState {
  const k = options.dimensions ?? LSA_DEFAULTS.dimensions;
  const minDf = options.minDf ?? LSA_DEFAULTS.minDf;
  const maxVocabulary = options.maxVocabulary ?? LSA_DEFAULTS.maxVocabulary;
  const seed = options.seed ?? LSA_DEFAULTS.seed;
  const powerIterations = options.powerIterations ?? LSA_DEFAULTS.powerIterations;
  const oversampling = options.oversampling ?? LSA_DEFAULTS.oversampling;
  const skillWeight = options.skillWeight ?? DEFAULT_SKILL_WEIGHT;
  const analyzer = {
    latinTrigrams: options.analyzer?.latinTrigrams ?? true, cjkBigrams: options.analyzer?.cjkBigrams ?? true,
  };
  if (!Number.isInteger(k) || k < 1) throw new RangeError('dimensions must be a positive integer');
  if (docs.length === 0) throw new RangeError('cannot fit LSA on an empty corpus');

  const bags = docs.map((d) => (typeof d === 'string'
    ? textToBag(d, { analyzer, skillTokens: options.skillTokens, skillWeight })
    : d));
  const vocabulary = selectVocabulary(bags, minDf, maxVocabulary);
  if (vocabulary.length === 0) throw new RangeError(`no term occurs in ${minDf} or more documents`);
  const index = new Map(vocabulary.map((t, i) => [t, i]));
  const df = new Float64Array(vocabulary.length);
  for (const bag of bags) for (const [t, f] of bag) {
    const j = index.get(t);
    if (j !== undefined && f > 0) df[j] = (df[j] ?? 0) + 1;
  }
  const idf = Float32Array.from(df, (n) => smoothIdf(bags.length, n));

  const rowPtr = new Int32Array(bags.length + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  bags.forEach((bag, i) => {
    const entries: [number, number][] = [];
    for (const [t, f] of bag) {
      const j = index.get(t);
      if (j !== undefined && f > 0) entries.push([j, sublinearTf(f) * (idf[j] ?? 0)]);
    }
    entries.sort((x, y) => x[0] - y[0]);
    let sumSq = 0;
    for (const [, w] of entries) sumSq += w * w;
    const norm = Math.sqrt(sumSq) || 1;
    for (const [j, w] of entries) {
      cols.push(j);
      vals.push(w / norm);
    }
    rowPtr[i + 1] = cols.length;
  });
  const matrix: CsrMatrix = {
    rows: bags.length, cols: vocabulary.length, rowPtr, colIdx: Int32Array.from(cols), values: Float64Array.from(vals),
  };
  const svd = randomizedSvd(matrix, k, { seed, powerIterations, oversampling });

  const body: Omit<LsaState, 'id'> = {
    version: LSA_STATE_VERSION,
    dimensions: k,
    hashedDimensions: options.hashedDimensions ?? LSA_DEFAULTS.hashedDimensions,
    lexicalWeight: options.lexicalWeight ?? LSA_DEFAULTS.lexicalWeight,
    skillWeight,
    analyzer,
    documents: bags.length,
    vocabulary,
    idf: float32ToBase64(idf),
    projection: float32ToBase64(Float32Array.from(svd.rightVectors)),
    singularValues: Array.from(Float32Array.from(svd.singularValues)),
    fit: { minDf, maxVocabulary, seed, powerIterations, oversampling },
  };
  return { ...body, id: lsaStateId(body) };
}

/** `lsa-<k>-<8 hex>`: FNV-1a over every field that changes a vector (recomputed to verify a loaded state). */
export function lsaStateId(state: Omit<LsaState, 'id'>): string {
  const h = createFnv1a();
  h.updateString(JSON.stringify({
    version: state.version, dimensions: state.dimensions, hashedDimensions: state.hashedDimensions,
    lexicalWeight: state.lexicalWeight, skillWeight: state.skillWeight, analyzer: state.analyzer,
    documents: state.documents,
  }));
  for (const t of state.vocabulary) h.updateString(t);
  h.updateString(state.idf).updateString(state.projection);
  return `lsa-${state.dimensions}-${h.hex()}`;
}
