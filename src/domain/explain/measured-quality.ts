import type { QualityFigures } from './disclosure.ts';

/**
 * What `npm run bench:quality` measured for the configuration this build ships (README, "How matching
 * works"): held-out test splits, the service's own scorer. /v1/algorithm shows these while the service
 * runs exactly this weight set and embedder and no newer figures were stored (setQualityFigures).
 */
export const SHIPPED_QUALITY: QualityFigures & { readonly weightsVersion: string; readonly embedderId: string } = {
  weightsVersion: 'hybrid-2026.12.2',
  embedderId: 'supervised:v1:64d:76b2f532',
  source:
    'npm run bench:quality, bench:title-search and bench:cross-lingual, held-out test splits (O*NET 29.2 titles; ' +
    'synthetic zh/en profiles; held-out bilingual names), mean [95 % bootstrap interval]',
  date: '2026-12-06',
  figures: [
    { name: 'title→occupation MRR (BM25: 0.322)', value: 0.434, low: 0.423, high: 0.444 },
    { name: 'title→occupation recall@10 (BM25: 0.463)', value: 0.622, low: 0.609, high: 0.634 },
    { name: 'profile→posting nDCG@10 (BM25: 0.881)', value: 0.937, low: 0.923, high: 0.949 },
    { name: 'profile→posting recall@10 (BM25: 0.800)', value: 0.881, low: 0.86, high: 0.9 },
    // npm run bench:title-search (search-2026.12.2; all 6,407 held-out test titles).
    { name: 'job search, title→occupation MRR (BM25: 0.322)', value: 0.439, low: 0.43, high: 0.449 },
    { name: 'job search, title→occupation recall@10 (BM25: 0.463)', value: 0.62, low: 0.608, high: 0.631 },
    // npm run bench:cross-lingual: held-out queries BM25 cannot score (BM25 ties: 0.002).
    { name: 'Chinese name→English name MRR (BM25: 0.002)', value: 0.092, low: 0.067, high: 0.121 },
    { name: 'Chinese title→English postings, job search MRR (BM25: 0.002)', value: 0.111, low: 0.069, high: 0.17 },
  ],
};

/** The stored figures, else the shipped ones when the service runs what was measured, else none. */
export function qualityInForce(
  stored: QualityFigures | null,
  serving: { readonly weightsVersion: string; readonly embedderId: string },
): QualityFigures | null {
  if (stored !== null) return stored;
  const s = SHIPPED_QUALITY;
  return s.weightsVersion === serving.weightsVersion && s.embedderId === serving.embedderId
    ? { source: s.source, date: s.date, figures: s.figures }
    : null;
}
