/** Development aid: builds one size and runs PostingIndex.rank repeatedly, for `node --cpu-prof`. */
import { taxonomySimilarity, profileFeatures } from '../../src/domain/matching/extract.ts';
import { PostingIndex } from '../../src/domain/search/posting-index.ts';
import { DEFAULT_WEIGHTS } from '../../src/domain/matching/weights.ts';
import { getTaxonomy } from '../../src/domain/skills/index.ts';
import { buildCorpus } from './corpus.ts';
import { summarize } from './stats.ts';
import { NOW, syntheticRows } from './synthetic.ts';

const n = Number(process.argv[2] ?? 100_000);
const runs = Number(process.argv[3] ?? 200);
const corpus = await buildCorpus('bole-match', 3000, 300, 256);
const index = new PostingIndex(256);
for (const row of syntheticRows(corpus.postings, n, 'bench-match-rows')) index.upsert(row.posting, row.vector);
const taxonomy = getTaxonomy();
const similarity = taxonomySimilarity(taxonomy);
const lat: number[] = [];
const dots: number[] = [];
for (let i = 0; i < runs; i++) {
  const q = corpus.queries[i % corpus.queries.length];
  if (!q) break;
  const features = profileFeatures(q.profile, taxonomy);
  const mask = index.mask({ now: NOW, eligibleDegree: features.degree });
  const t = performance.now();
  index.rank(features, q.vector, DEFAULT_WEIGHTS, similarity, mask, 20, index.lexical.query(q.text));
  lat.push(performance.now() - t);
  dots.push(index.vectors.lastSearch.rescored);
}
const s = summarize(lat.slice(20));
const floor = summarize(
  Array.from({ length: 50 }, () => {
    const t = performance.now();
    index.vectors.scanFloor();
    return performance.now() - t;
  }),
);
console.log(
  `rank at ${n}: p50 ${s.p50.toFixed(2)} ms, p99 ${s.p99.toFixed(2)} ms; dot products p50 ` +
    `${summarize(dots).p50}; float32 floor p50 ${floor.p50.toFixed(2)} ms`,
);
