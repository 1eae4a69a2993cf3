import type { QualityFigures } from './disclosure.ts';

/**
 * What `npm run bench:quality` measured for the configuration this build ships (README, "How matching
 * works"): held-out test splits, the service's own scorer. /v1/algorithm shows these while the service
 * runs exactly this weight set and embedder and no newer figures were stored (setQualityFigures).
 */
export const SHIPPED_QUALITY: QualityFigures & { readonly weightsVersion: string; readonly embedderId: string } = {
  weightsVersion: 'hybrid-2026.12.2',
  embedderId: 'supervised:v1:64d:2aa57347',
  source:
    'npm run bench:quality and bench:title-search, held-out test splits (O*NET 29.2 titles; synthetic zh/en profiles)',
  date: '2026-12-06',
  figures: [
    { name: 'title→occupation MRR (BM25: 0.322)', value: 0.433 },
    { name: 'title→occupation recall@10 (BM25: 0.463)', value: 0.618 },
    { name: 'profile→posting nDCG@10 (BM25: 0.880)', value: 0.934 },
    { name: 'profile→posting recall@10 (BM25: 0.799)', value: 0.878 },
    // npm run bench:title-search (GET /v1/jobs/search, search-2026.12.2; 1,500 held-out test titles by hash).
    { name: 'job search, title→occupation MRR (BM25: 0.306)', value: 0.432 },
    { name: 'job search, title→occupation recall@10 (BM25: 0.451)', value: 0.607 },
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
