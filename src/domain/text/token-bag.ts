import { analyze, countTokens, type AnalyzeOptions } from './tokenize.ts';

/** Canonical skill ids found in a text (injected by the skill taxonomy, which this module must not import). */
export type SkillTokenizer = (text: string) => string[];

export const SKILL_PREFIX = 'skill:';

/** A bag of feature tokens with (possibly field-weighted, possibly fractional) term frequencies. */
export type TokenBag = ReadonlyMap<string, number>;

export interface BagOptions {
  readonly analyzer?: AnalyzeOptions;
  readonly skillTokens?: SkillTokenizer;
  /** Term frequency given to each canonical skill found (default 2: a named skill outweighs one word). */
  readonly skillWeight?: number;
  /** Multiplies every frequency, for field weighting (title ×2, description ×1). Default 1. */
  readonly weight?: number;
}

export const DEFAULT_SKILL_WEIGHT = 2;

/**
 * The token bag of one text: analyzer features plus `skill:<id>` for each canonical skill the injected
 * tokenizer finds. The skill tokens are what a Chinese profile and an English posting share.
 */
export function textToBag(text: string, options: BagOptions = {}): Map<string, number> {
  const weight = options.weight ?? 1;
  const bag = countTokens(analyze(text, options.analyzer));
  if (weight !== 1) for (const [t, f] of bag) bag.set(t, f * weight);
  if (options.skillTokens !== undefined) {
    const skillWeight = (options.skillWeight ?? DEFAULT_SKILL_WEIGHT) * weight;
    for (const id of new Set(options.skillTokens(text))) {
      const token = SKILL_PREFIX + id;
      bag.set(token, (bag.get(token) ?? 0) + skillWeight);
    }
  }
  return bag;
}

/**
 * Sublinear term frequency: 1 + ln(tf) for tf ≥ 1 (Manning, Raghavan & Schütze 2008, §6.4.1), and tf
 * itself below 1 so that fractional field-weighted frequencies stay positive and the curve is continuous.
 */
export function sublinearTf(tf: number): number {
  return tf >= 1 ? 1 + Math.log(tf) : Math.max(tf, 0);
}

/** Smoothed IDF as in scikit-learn: ln((1 + N) / (1 + df)) + 1, never zero, defined for df = 0. */
export function smoothIdf(documents: number, df: number): number {
  return Math.log((1 + documents) / (1 + df)) + 1;
}
