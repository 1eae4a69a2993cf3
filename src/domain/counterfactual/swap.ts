import { applyRules, type Rule, type Target } from './engine.ts';
import { DEFAULT_MINORITY, MINORITIES, ethnicityRules, type Minority } from './ethnicity.ts';
import { GENDER_EN_RULES } from './gender-en.ts';
import { GENDER_ZH_RULES } from './gender-zh.ts';
import { NAME_RULES } from './names.ts';
import { REGION_RULES } from './region.ts';
import { RURAL_URBAN_RULES } from './rural-urban.ts';
import type {
  EthnicityDirection,
  GenderDirection,
  LangOption,
  RegionDirection,
  RuralUrbanDirection,
  Substitution,
  SwapResult,
  VariantKind,
} from './types.ts';
import { VARIANT_KINDS } from './types.ts';

const GENDER_RULES: readonly Rule[] = [...GENDER_EN_RULES, ...GENDER_ZH_RULES, ...NAME_RULES];

export interface GenderSwapOptions {
  direction?: GenderDirection;
  lang?: LangOption;
  /** Also swap typical first names (default true). */
  names?: boolean;
}

/** Swaps pronouns, gendered words and typical names; 'flip' (default) swaps both ways at once. */
export function genderSwap(text: string, opts: GenderSwapOptions = {}): SwapResult {
  const target: Target = opts.direction === 'to-male' ? 'a' : opts.direction === 'to-female' ? 'b' : 'flip';
  const rules = opts.names === false ? GENDER_RULES.filter((r) => r.cue !== 'name') : GENDER_RULES;
  return applyRules(text, rules, target, opts.lang);
}

export interface EthnicitySwapOptions {
  direction?: EthnicityDirection;
  lang?: LangOption;
  /** The minority that Han becomes (a MINORITIES id); default 'uyghur'. */
  minority?: string;
}

function findMinority(id: string): Minority {
  const m = MINORITIES.find((x) => x.id === id);
  if (m === undefined) throw new RangeError(`unknown minority id '${id}'`);
  return m;
}

/** Swaps Han ↔ minority ethnonyms in ethnic contexts. */
export function ethnicitySwap(text: string, opts: EthnicitySwapOptions = {}): SwapResult {
  const target: Target = opts.direction === 'to-majority' ? 'a' : opts.direction === 'to-minority' ? 'b' : 'flip';
  return applyRules(text, ethnicityRules(findMinority(opts.minority ?? DEFAULT_MINORITY)), target, opts.lang);
}

export type OriginSwapOptions =
  | { axis: 'rural-urban'; direction?: RuralUrbanDirection; lang?: LangOption }
  | { axis: 'region'; direction?: RegionDirection; lang?: LangOption };

/** Swaps rural ↔ urban origin phrases, or western ↔ eastern provinces of origin. */
export function originSwap(text: string, opts: OriginSwapOptions): SwapResult {
  if (opts.axis === 'rural-urban') {
    const target: Target = opts.direction === 'to-rural' ? 'a' : opts.direction === 'to-urban' ? 'b' : 'flip';
    return applyRules(text, RURAL_URBAN_RULES, target, opts.lang);
  }
  const target: Target = opts.direction === 'to-west' ? 'a' : opts.direction === 'to-east' ? 'b' : 'flip';
  return applyRules(text, REGION_RULES, target, opts.lang);
}

/** One call for any family: the `kind` picks the swap, the rest are that swap's options. */
export type SwapSpec =
  | ({ kind: 'gender' } & GenderSwapOptions)
  | ({ kind: 'ethnicity' } & EthnicitySwapOptions)
  | { kind: 'rural-urban'; direction?: RuralUrbanDirection; lang?: LangOption }
  | { kind: 'region'; direction?: RegionDirection; lang?: LangOption };

export function swapProtectedCues(text: string, spec: SwapSpec): SwapResult {
  switch (spec.kind) {
    case 'gender':
      return genderSwap(text, spec);
    case 'ethnicity':
      return ethnicitySwap(text, spec);
    case 'rural-urban':
      return originSwap(text, { ...spec, axis: 'rural-urban' });
    case 'region':
      return originSwap(text, { ...spec, axis: 'region' });
  }
}

export interface CounterfactualVariant {
  kind: VariantKind;
  text: string;
  substitutions: Substitution[];
}

/**
 * The 'flip' variant of every family that actually changes `text`, in VARIANT_KINDS order (gender,
 * ethnicity, rural-urban, region). Each family is swapped alone so its effect on the score is separable.
 */
export function counterfactualVariants(
  text: string,
  opts: { lang?: LangOption; minority?: string } = {},
): CounterfactualVariant[] {
  const out: CounterfactualVariant[] = [];
  for (const kind of VARIANT_KINDS) {
    const spec: SwapSpec =
      kind === 'ethnicity' ? { kind, lang: opts.lang, minority: opts.minority } : { kind, lang: opts.lang };
    const r = swapProtectedCues(text, spec);
    if (r.text !== text) out.push({ kind, text: r.text, substitutions: r.substitutions });
  }
  return out;
}
