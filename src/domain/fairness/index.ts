// Public surface of the fairness core: pure metric functions, no I/O (see each file's TSDoc for the
// exact definition, its source and the convention followed).
export * from './types.ts';
export * from './rates.ts';
export * from './significance.ts';
export * from './scoring.ts';
export * from './mean-score.ts';
export * from './exposure.ts';
export * from './skew.ts';
export * from './funnel.ts';
export * from './cramers-v.ts';
export * from './suppression.ts';
export * from './report.ts';
export * from './stats/normal.ts';
export * from './stats/gamma.ts';
export * from './stats/discrete.ts';
export * from './stats/student-t.ts';
export * from './rerank/prefix.ts';
export * from './rerank/det-const-sort.ts';
export * from './rerank/fair-mtable.ts';
export * from './rerank/fair-rerank.ts';
export * from './rerank/ndcg.ts';
