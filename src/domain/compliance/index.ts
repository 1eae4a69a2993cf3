export { hasBlocking, lintPosting, lintText } from './lint-posting.ts';
export { normalizeWithMap, toOriginal } from './normalize.ts';
export type { Normalized } from './normalize.ts';
export { RULES } from './rules.ts';
export { RULE_IDS } from './types.ts';
export type { Finding, PostingText, RuleId, Severity, Span } from './types.ts';
