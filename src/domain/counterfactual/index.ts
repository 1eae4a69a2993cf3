// Public surface of the counterfactual check: pure text swaps and rank comparisons.
export * from './types.ts';
export * from './swap.ts';
export { articleFor } from './engine.ts';
export { MINORITIES } from './ethnicity.ts';
export { WEST, EAST } from './region.ts';
export * from './rank-shift.ts';
export * from './summary.ts';
