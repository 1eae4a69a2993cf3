/** Closed set of posting-compliance rules; one per protected ground the lint looks for. */
export const RULE_IDS = [
  'gender',
  'age',
  'marital',
  'hukou',
  'ethnicity',
  'religion',
  'health',
  'disability',
  'school_tier',
  'appearance',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

/** block: an explicit exclusion or limit; warn: a softer signal a reviewer should look at. */
export type Severity = 'block' | 'warn';

interface Span {
  /** UTF-16 offsets into the ORIGINAL field text, end exclusive. */
  start: number;
  end: number;
  /** originalText.slice(start, end) */
  text: string;
}

export interface Finding {
  rule: RuleId;
  /** 'title', 'description', 'requirements[2]', 'skills[0]' … */
  field: string;
  span: Span;
  severity: Severity;
  message: { en: string; zh: string };
  law: string;
}

/** The text fields of a posting, as the posting service hands them over. */
export interface PostingText {
  title: string;
  description: string;
  requirements?: readonly string[];
  skills?: readonly string[];
}

/** One detector: a global, unicode regex run over NORMALIZED text (see normalize.ts). */
export interface Pattern {
  rule: RuleId;
  severity: Severity;
  re: RegExp;
  /** Suppress the match when its clause also matches this (benefits, audiences, lawful preferences). */
  unless?: RegExp;
  /** Keep the match only when its clause also matches this (bare tokens like 985 need a hiring context). */
  onlyIf?: RegExp;
  /** Overrides the rule's default law citation for this pattern. */
  law?: string;
}
