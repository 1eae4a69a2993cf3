/**
 * Shared types of the counterfactual check: free text is rewritten with its protected
 * cues swapped, the copy is re-scored, and the audit reports how scores and ranks moved.
 */

/** What a single substitution touched. */
export type CueKind = 'pronoun' | 'gendered-word' | 'name' | 'ethnicity' | 'rural-urban' | 'region';

/** One counterfactual family; each is swapped on its own so its effect can be measured alone. */
export const VARIANT_KINDS = ['gender', 'ethnicity', 'rural-urban', 'region'] as const;
export type VariantKind = (typeof VARIANT_KINDS)[number];

/** Which rule sets to run: Chinese, English or both (mixed text is common in résumés). */
export type LangOption = 'zh' | 'en' | 'both';

export type GenderDirection = 'flip' | 'to-female' | 'to-male';
export type EthnicityDirection = 'flip' | 'to-minority' | 'to-majority';
export type RuralUrbanDirection = 'flip' | 'to-rural' | 'to-urban';
export type RegionDirection = 'flip' | 'to-west' | 'to-east';

/** One replaced span. `start`/`end` are UTF-16 offsets into the ORIGINAL text, end exclusive. */
export interface Substitution {
  start: number;
  end: number;
  from: string;
  to: string;
  cue: CueKind;
}

export interface SwapResult {
  text: string;
  substitutions: Substitution[];
}
