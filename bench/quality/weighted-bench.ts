/**
 * Shared runner of benchmarks (a) and (b): every method is a weighted sum of the same per-document signals [LSA cosine,
 * skill overlap, max-normalised BM25, supervised-embedder cosine]. Fixed weights give BM25 and the two ablations; the
 * hybrids' weights are tuned on dev queries only, then every method is scored once on test queries (and on dev,
 * reported as such).
 */
import { CUTOFF, judge, type JudgedQuery, type MethodRun, type MetricName, type QueryMetrics } from './evaluate.ts';
import { mean, ndcgAtK, rankOf, recallAtK, reciprocalRank, topK } from './metrics.ts';
import { combine, tuneWeights, type TuneResult } from './tune.ts';

export interface WeightedBenchInput {
  readonly queries: readonly JudgedQuery[];
  readonly componentsOf: (query: JudgedQuery) => Float32Array[];
  readonly tieKeys: ArrayLike<number>;
  readonly documents: number;
  /** The metric the hybrid weights maximise on dev. */
  readonly objective: MetricName;
  /** What the embedding signal is (describeLsa). */
  readonly embeddingNote: string;
  /** What the fourth signal, the supervised embedder's cosine, is; absent: no supervised methods. */
  readonly supervisedNote?: string;
  /** Methods scored by their own code (the production scorer), with fixed weights: nothing is tuned for them here. */
  readonly fixedMethods?: ReadonlyArray<{
    readonly method: string;
    readonly note: string;
    readonly scores: (query: JudgedQuery) => Float64Array;
  }>;
}

export interface WeightedBenchResult {
  readonly hybrid: TuneResult;
  readonly hybridNoLexical: TuneResult;
  readonly hybridSupervised: TuneResult | null;
  readonly splits: ReadonlyArray<{ readonly label: string; readonly runs: MethodRun[] }>;
  readonly tuneMs: number;
  readonly scoreMs: number;
}

const fmt = (w: readonly number[]): string =>
  `emb ${(w[0] ?? 0).toFixed(3)} · skills ${(w[1] ?? 0).toFixed(3)} · bm25 ${(w[2] ?? 0).toFixed(3)}` +
  ((w[3] ?? 0) > 0 ? ` · supervised ${(w[3] ?? 0).toFixed(3)}` : '');

/** Only the tuned metric, so the grid search skips work it does not need. */
function objectiveValue(scores: Float64Array, tieKeys: ArrayLike<number>, q: JudgedQuery, metric: MetricName): number {
  if (q.exclude !== null) scores[q.exclude] = Number.NEGATIVE_INFINITY;
  if (metric === 'ndcg') {
    const top = topK(scores, tieKeys, CUTOFF);
    return ndcgAtK(
      top.map((d) => q.gains.get(d) ?? 0),
      [...q.gains.values()],
      CUTOFF,
    );
  }
  const ranks = q.relevant.map((d) => rankOf(scores, tieKeys, d));
  return metric === 'mrr' ? reciprocalRank(ranks) : recallAtK(ranks, CUTOFF);
}

export function runWeightedBench(input: WeightedBenchInput): WeightedBenchResult {
  const dev = input.queries.filter((q) => q.split === 'dev');
  const test = input.queries.filter((q) => q.split === 'test');
  const buffer = new Float64Array(input.documents);

  let t = performance.now();
  const devComponents = dev.map(input.componentsOf);
  const objective = (weights: readonly number[]): number =>
    mean(
      dev.map((q, i) =>
        objectiveValue(combine(devComponents[i] ?? [], weights, buffer), input.tieKeys, q, input.objective),
      ),
    );
  const hybrid = tuneWeights(3, (w) => objective([...w, 0]));
  const noLex = tuneWeights(2, (w) => objective([w[0] ?? 0, w[1] ?? 0, 0, 0]));
  const hybridNoLexical = { ...noLex, weights: [noLex.weights[0] ?? 0, noLex.weights[1] ?? 0, 0, 0] };
  // The supervised hybrid replaces LSA by the supervised cosine: [skills, bm25, supervised] on the simplex.
  const sup =
    input.supervisedNote === undefined ? null : tuneWeights(3, (w) => objective([0, w[0] ?? 0, w[1] ?? 0, w[2] ?? 0]));
  const hybridSupervised =
    sup === null ? null : { ...sup, weights: [0, sup.weights[0] ?? 0, sup.weights[1] ?? 0, sup.weights[2] ?? 0] };
  const tuneMs = performance.now() - t;

  const methods: Array<{ method: string; note: string; weights: readonly number[] }> = [
    { method: 'BM25', note: 'Okapi BM25 (k1 1.2, b 0.75) on the same document text', weights: [0, 0, 1, 0] },
    { method: 'embeddings-only', note: input.embeddingNote, weights: [1, 0, 0, 0] },
    { method: 'skills-only', note: "coverage of the query's taxonomy skills by the document", weights: [0, 1, 0, 0] },
    {
      method: 'hybrid (emb+skills)',
      note: `dev-tuned: ${fmt(hybridNoLexical.weights)}`,
      weights: hybridNoLexical.weights,
    },
    { method: 'hybrid', note: `dev-tuned: ${fmt(hybrid.weights)}`, weights: [...hybrid.weights, 0] },
  ];
  if (input.supervisedNote !== undefined && hybridSupervised !== null) {
    methods.push(
      { method: 'supervised-only', note: input.supervisedNote, weights: [0, 0, 0, 1] },
      {
        method: 'hybrid (supervised)',
        note: `dev-tuned: ${fmt(hybridSupervised.weights)}`,
        weights: hybridSupervised.weights,
      },
    );
  }
  t = performance.now();
  const evaluate = (
    queries: readonly JudgedQuery[],
    componentsOf: (q: JudgedQuery, i: number) => Float32Array[],
  ): MethodRun[] => {
    const fixed = input.fixedMethods ?? [];
    const per: QueryMetrics[][] = [...methods, ...fixed].map(() => []);
    queries.forEach((q, i) => {
      const c = componentsOf(q, i);
      methods.forEach((m, mi) => per[mi]?.push(judge(combine(c, m.weights, buffer), input.tieKeys, q)));
      fixed.forEach((m, fi) => per[methods.length + fi]?.push(judge(m.scores(q), input.tieKeys, q)));
    });
    return [...methods, ...fixed].map((m, mi) => ({ method: m.method, note: m.note, perQuery: per[mi] ?? [] }));
  };
  const splits = [
    { label: 'test (held out; reported figures)', runs: evaluate(test, (q) => input.componentsOf(q)) },
    { label: 'dev (weights were tuned here; optimistic)', runs: evaluate(dev, (_, i) => devComponents[i] ?? []) },
  ];
  return { hybrid, hybridNoLexical, hybridSupervised, splits, tuneMs, scoreMs: performance.now() - t };
}
