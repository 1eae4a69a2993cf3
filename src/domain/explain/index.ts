export { assertFaithful, buildExplanation, TOP_FACTORS } from './build.ts';
export { explainCriteria } from './criteria.ts';
export {
  AI_ROLE,
  COMPONENT_LABELS,
  CRITERION_LABELS,
  DEGREE_LABELS,
  JOB_TYPE_LABELS,
  SIGNALS_NOT_USED,
  majorLabel,
  pick,
  placeLabel,
  regionLabel,
  skillLabel,
  type Label,
  type MajorRef,
  type Place,
  type SignalNotUsed,
  type SkillLookup,
} from './labels.ts';
export { renderSummary, SUMMARY_NAMES } from './summary.ts';
export { skillNameIn, summaryLine } from './summary-line.ts';
export { summaryTerms, termDictionary, type FoundTerm, type Term, type TermDictionary } from './terms.ts';
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
export { DISCLOSURE_TEXT_VERSION, KNOWN_LIMITS } from './disclosure-text.ts';
export {
  rankAmong,
  topSkillsAcross,
  WHAT_IF_EVIDENCE,
  whatIf,
  withExtraSkills,
  type RecommendationForAdvice,
  type Rescore,
  type SkillAcross,
  type WhatIfAdvice,
  type WhatIfInput,
} from './what-if.ts';
export {
  whyNot,
  type ComponentDiff,
  type FilterReason,
  type FilterResult,
  type FilterValue,
  type WhyNot,
  type WhyNotInput,
} from './why-not.ts';
