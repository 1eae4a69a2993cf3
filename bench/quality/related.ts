/**
 * Benchmark (b): each occupation as a query against all others, graded by O*NET Related Occupations
 * tiers. The query occupation is removed from its own ranking.
 */
import type { Taxonomy } from '../../src/domain/skills/index.ts';
import type { JudgedQuery } from './evaluate.ts';
import type { OnetData, RelatedTier } from './onet.ts';
import { components, describeLsa, describeSupervised, type OccupationCorpus } from './occupation-corpus.ts';
import { splitOf } from './split.ts';
import { runWeightedBench, type WeightedBenchResult } from './weighted-bench.ts';

export const TIER_GAIN: Readonly<Record<RelatedTier, number>> = {
  'Primary-Short': 3,
  'Primary-Long': 2,
  Supplemental: 1,
};

function relatedQueries(onet: OnetData, corpus: OccupationCorpus): JudgedQuery[] {
  const index = new Map(corpus.occupations.map((o, i) => [o.code, i]));
  const gains = new Map<number, Map<number, number>>();
  for (const r of onet.related) {
    const q = index.get(r.code);
    const d = index.get(r.related);
    if (q === undefined || d === undefined || q === d) continue;
    let g = gains.get(q);
    if (g === undefined) {
      g = new Map();
      gains.set(q, g);
    }
    g.set(d, Math.max(g.get(d) ?? 0, TIER_GAIN[r.tier]));
  }
  return [...gains]
    .sort((a, b) => a[0] - b[0])
    .map(([q, g]) => {
      const code = corpus.occupations[q]?.code ?? '';
      return { id: code, split: splitOf(code), gains: g, relevant: [...g.keys()], exclude: q };
    });
}

export interface RelatedBench {
  readonly queries: readonly JudgedQuery[];
  readonly result: WeightedBenchResult;
}

export function runRelatedBench(onet: OnetData, corpus: OccupationCorpus, taxonomy: Taxonomy): RelatedBench {
  const queries = relatedQueries(onet, corpus);
  const result = runWeightedBench({
    queries,
    documents: corpus.occupations.length,
    tieKeys: corpus.tieKeys,
    objective: 'ndcg',
    embeddingNote: describeLsa(corpus.embedder.state, 'the documents'),
    supervisedNote: describeSupervised(corpus),
    componentsOf: (q) => {
      const i = q.exclude ?? 0;
      return components(corpus, corpus.texts[i] ?? '', corpus.skillLists[i] ?? [], taxonomy);
    },
  });
  return { queries, result };
}
