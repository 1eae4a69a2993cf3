/**
 * Benchmark (a): held-out O*NET Alternate Titles and Sample of Reported Titles (holdout.ts) as queries against the
 * occupation documents. A title listed by several occupations is one query with all of them relevant (gain 1).
 */
import { extractSkillIds, type Taxonomy } from '../../src/domain/skills/index.ts';
import type { JudgedQuery } from './evaluate.ts';
import type { OnetData } from './onet.ts';
import { components, describeLsa, describeSupervised, type OccupationCorpus } from './occupation-corpus.ts';
import { isHeldOutTitle, titleKey } from './holdout.ts';
import { sampleByHash, splitOf } from './split.ts';
import { runWeightedBench, type WeightedBenchResult } from './weighted-bench.ts';

export { titleKey };

export interface TitleQuery extends JudgedQuery {
  readonly text: string;
  readonly sources: ReadonlySet<'alternate' | 'reported'>;
}

export function titleQueries(onet: OnetData, corpus: Pick<OccupationCorpus, 'occupations'>): TitleQuery[] {
  const index = new Map(corpus.occupations.map((o, i) => [o.code, i]));
  const byKey = new Map<string, { text: string; docs: Set<number>; sources: Set<'alternate' | 'reported'> }>();
  for (const t of onet.titles) {
    const key = titleKey(t.title);
    const doc = index.get(t.code);
    // Only titles the supervised embedder never saw are queries (holdout.ts).
    if (key === '' || doc === undefined || !isHeldOutTitle(t.title)) continue;
    let entry = byKey.get(key);
    if (entry === undefined) {
      entry = { text: t.title, docs: new Set(), sources: new Set() };
      byKey.set(key, entry);
    }
    entry.docs.add(doc);
    entry.sources.add(t.source);
  }
  return [...byKey].map(([key, e]) => ({
    id: key,
    text: e.text,
    split: splitOf(key),
    exclude: null,
    sources: e.sources,
    gains: new Map([...e.docs].map((d) => [d, 1])),
    relevant: [...e.docs],
  }));
}

export interface TitleBench {
  readonly totalQueries: number;
  readonly sampled: readonly TitleQuery[];
  readonly withSkills: number;
  readonly result: WeightedBenchResult;
}

export function runTitleBench(
  onet: OnetData,
  corpus: OccupationCorpus,
  taxonomy: Taxonomy,
  sampleSize: number,
  /** Methods that score a title by their own code (the production scorer); nothing is tuned for them. */
  fixedMethods: ReadonlyArray<{ method: string; note: string; scores: (title: string) => Float64Array }> = [],
): TitleBench {
  const all = titleQueries(onet, corpus);
  const sampled = sampleByHash(all, (q) => q.id, sampleSize);
  const text = new Map(sampled.map((q) => [q.id, q.text]));
  let withSkills = 0;
  const result = runWeightedBench({
    queries: sampled,
    documents: corpus.occupations.length,
    tieKeys: corpus.tieKeys,
    objective: 'mrr',
    embeddingNote: describeLsa(corpus.embedder.state, 'the documents'),
    supervisedNote: describeSupervised(corpus),
    fixedMethods: fixedMethods.map((m) => ({ ...m, scores: (q) => m.scores(text.get(q.id) ?? '') })),
    componentsOf: (q) => {
      const title = text.get(q.id) ?? '';
      const skills = extractSkillIds(title, taxonomy);
      if (skills.length > 0 && q.split === 'test') withSkills++;
      return components(corpus, title, skills, taxonomy);
    },
  });
  return { totalQueries: all.length, sampled, withSkills, result };
}
