/**
 * The steps of an audit of recorded impressions, in the order the worker goes through them (GET /v1/audits/{id}
 * shows the current one as `phase`): planning the chunks, reading the impressions' counts and scores, scoring the
 * decisions against the pooled medians, reading the candidate lists for the ranking metrics, the counterfactual
 * check, the re-ranking section, and assembling and writing the report.
 */
export const AUDIT_PHASES = [
  'planning',
  'reading',
  'scoring',
  'lists',
  'counterfactual',
  'reranking',
  'report',
] as const;
export type AuditPhase = (typeof AUDIT_PHASES)[number];
