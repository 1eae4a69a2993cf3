export { buildExplanation } from './build.ts';
export { AI_ROLE, JOB_TYPE_LABELS, SIGNALS_NOT_USED, type Label } from './labels.ts';
export { renderSummary } from './summary.ts';
export { summaryTerms, termDictionary } from './terms.ts';
export type * from './types.ts';
export {
  disclosureDocument,
  disclosureVersionKey,
  USER_CONTROLS,
  type AuditHeadline,
  type DisclosureDocument,
  type DisclosureInput,
  type EmbedderInfo,
  type QualityFigures,
} from './disclosure.ts';
export { DISCLOSURE_TEXT_VERSION } from './disclosure-text.ts';
export { rankAmong, topSkillsAcross, whatIf, withExtraSkills, type SkillAcross, type WhatIfAdvice } from './what-if.ts';
export { whyNot, type FilterResult, type FilterValue, type WhyNot } from './why-not.ts';
