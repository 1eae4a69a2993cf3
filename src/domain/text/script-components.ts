import { isCjkChar } from './normalize.ts';
import { sparseTimesDense, type CsrMatrix } from './randomized-svd.ts';
import { SKILL_PREFIX, type TokenBag } from './token-bag.ts';
import { BIGRAM_PREFIX } from './tokenize.ts';

/**
 * Script components of an LSA fit: leading singular directions that say which script a document is
 * written in rather than what it is about. In a bilingual postings corpus the uncentred TF-IDF matrix
 * puts the language split into its top components (on 1,000 demo postings, 72 % Chinese, the document
 * coordinates of components 1 and 2 correlate with the Han share at r = −0.98 and +0.91; components 3–8
 * stay within ±0.15). Kept, they dominate a cosine in U·S space and pull a Chinese profile towards every
 * Chinese posting, whatever the job, which defeats the cross-language skill tokens. Dropping leading
 * non-topical directions follows "all-but-the-top" (Mu & Viswanath, ICLR 2018); here a direction is
 * dropped only when it is measurably about script, so a one-language corpus keeps all of its components.
 */
export interface ScriptComponentRule {
  /** How many leading components are examined. */
  readonly candidates: number;
  /**
   * |Pearson r| between a component's document coordinates and the documents' Han share at or above which it is
   * dropped.
   */
  readonly minCorrelation: number;
}

/**
 * Share of a bag's analyzer weight carried by Han tokens (words starting with a CJK character and `zh2:`
 * bigrams); canonical `skill:` tokens are language-neutral and left out. 0 for a bag with nothing else.
 */
export function hanShare(bag: TokenBag): number {
  let han = 0;
  let total = 0;
  for (const [t, f] of bag) {
    if (t.startsWith(SKILL_PREFIX) || !(f > 0)) continue;
    total += f;
    if (t.startsWith(BIGRAM_PREFIX) || isCjkChar(t.charAt(0))) han += f;
  }
  return total > 0 ? han / total : 0;
}

/** Pearson's r of two equal-length samples; 0 when either has zero variance (no linear relation to measure). */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] ?? 0;
    mb += b[i] ?? 0;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const x = (a[i] ?? 0) - ma;
    const y = (b[i] ?? 0) - mb;
    sab += x * y;
    saa += x * x;
    sbb += y * y;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}

/**
 * Indices (ascending) among the first `rule.candidates` columns of V (cols × width, row-major) whose
 * document coordinates X·V correlate with `shares` at |r| ≥ rule.minCorrelation.
 */
export function scriptComponents(
  matrix: CsrMatrix,
  v: Float64Array,
  width: number,
  shares: ArrayLike<number>,
  rule: ScriptComponentRule,
): number[] {
  const c = Math.min(rule.candidates, width);
  if (c <= 0) return [];
  const lead = new Float64Array(matrix.cols * c);
  for (let r = 0; r < matrix.cols; r++) for (let j = 0; j < c; j++) lead[r * c + j] = v[r * width + j] ?? 0;
  const coords = sparseTimesDense(matrix, lead, c);
  const out: number[] = [];
  for (let j = 0; j < c; j++) {
    const column = Float64Array.from({ length: matrix.rows }, (_, i) => coords[i * c + j] ?? 0);
    if (Math.abs(pearson(column, shares)) >= rule.minCorrelation) out.push(j);
  }
  return out;
}
