// Public surface of the counterfactual check: pure text swaps and rank comparisons.
export * from './types.ts';
export * from './swap.ts';
export { articleFor, matchCase } from './engine.ts';
export { MINORITIES, DEFAULT_MINORITY, type Minority } from './ethnicity.ts';
export { EN_NAMES, ZH_GIVEN_NAMES_1, ZH_GIVEN_NAMES_2 } from './names.ts';
export { WEST, EAST } from './region.ts';
export * from './rank-shift.ts';
export * from './summary.ts';
