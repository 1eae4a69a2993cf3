export { hasBlocking, lintPosting } from './lint-posting.ts';
export { RULE_IDS } from './types.ts';
export type { Finding } from './types.ts';
