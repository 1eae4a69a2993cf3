import { TopK } from '../search/topk.ts';
import { analyze } from './tokenize.ts';

/**
 * Okapi BM25 (Robertson & Zaragoza 2009, "The Probabilistic Relevance Framework: BM25 and Beyond"), the
 * lexical baseline of the quality benchmark:
 *
 *   score(q, d) = Σ_{t ∈ unique(q)} idf(t) · tf(t,d)·(k1 + 1) / (tf(t,d) + k1·(1 − b + b·|d|/avgdl))
 *   idf(t)      = ln(1 + (N − df(t) + 0.5) / (df(t) + 0.5))      (Lucene's non-negative form)
 *
 * with k1 = 1.2, b = 0.75, |d| the number of tokens of d. Query terms are deduplicated (no query-tf
 * factor). Default analysis: the shared analyzer's words and Han bigrams, without Latin trigrams, which
 * is the conventional word-level BM25.
 */
export interface Bm25Options {
  readonly k1?: number;
  readonly b?: number;
  readonly analyze?: (text: string) => string[];
}

export interface Bm25Document {
  readonly id: string;
  readonly text: string;
}

interface Bm25Hit {
  readonly id: string;
  readonly score: number;
}

export interface Bm25Index {
  readonly size: number;
  readonly averageLength: number;
  /** Top k documents with a positive score, best first (ties: earlier document first). */
  search(query: string, k: number): Bm25Hit[];
  /** Scores of every document, in build order. */
  scoreAll(query: string): Float64Array;
  idf(term: string): number;
}

const defaultBm25Analyzer = (text: string): string[] => analyze(text, { latinTrigrams: false });

interface Posting {
  readonly docs: number[];
  readonly tfs: number[];
}

export function buildBm25(docs: readonly Bm25Document[], options: Bm25Options = {}): Bm25Index {
  const k1 = options.k1 ?? 1.2;
  const b = options.b ?? 0.75;
  const analyzer = options.analyze ?? defaultBm25Analyzer;
  const postings = new Map<string, Posting>();
  const lengths = new Float64Array(docs.length);
  let total = 0;
  docs.forEach((doc, d) => {
    const tokens = analyzer(doc.text);
    lengths[d] = tokens.length;
    total += tokens.length;
    const counts = new Map<string, number>();
    for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [t, tf] of counts) {
      let p = postings.get(t);
      if (p === undefined) {
        p = { docs: [], tfs: [] };
        postings.set(t, p);
      }
      p.docs.push(d);
      p.tfs.push(tf);
    }
  });
  const n = docs.length;
  const avgdl = n > 0 ? total / n : 0;
  const idf = (term: string): number => {
    const df = postings.get(term)?.docs.length ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  };
  // Per-document length normalisation, computed once: k1·(1 − b + b·|d|/avgdl).
  const norm = Float64Array.from(lengths, (len) => k1 * (1 - b + (avgdl > 0 ? (b * len) / avgdl : 0)));

  const scoreAll = (query: string): Float64Array => {
    const scores = new Float64Array(n);
    for (const term of new Set(analyzer(query))) {
      const p = postings.get(term);
      if (p === undefined) continue;
      const w = idf(term);
      for (let i = 0; i < p.docs.length; i++) {
        const d = p.docs[i] ?? 0;
        const tf = p.tfs[i] ?? 0;
        scores[d] = (scores[d] ?? 0) + (w * tf * (k1 + 1)) / (tf + (norm[d] ?? 0));
      }
    }
    return scores;
  };

  return {
    size: n,
    averageLength: avgdl,
    idf,
    scoreAll,
    search(query, k) {
      const scores = scoreAll(query);
      const top = new TopK(Math.max(0, Math.min(k, n)));
      for (let d = 0; d < n; d++) {
        const s = scores[d] ?? 0;
        if (s > 0) top.push(s, d);
      }
      const { rows, scores: best } = top.sorted();
      return Array.from(rows, (d, i) => ({ id: docs[d]?.id ?? '', score: best[i] ?? 0 }));
    },
  };
}
