import { EN_LEFT, EN_RIGHT, alternation, lookup, type Rule } from './engine.ts';
import type { CueKind } from './types.ts';

type Pair = readonly [string, string];

export interface PairSpec {
  cue: CueKind;
  lang: 'zh' | 'en';
  /** [pole-a form, pole-b form], swapped both ways. */
  pairs: readonly Pair[];
  /** Extra pole-a forms → their pole-b image (not reversible, e.g. 男士 → 女士 while 女士 → 先生). */
  oneWayA?: readonly Pair[];
  /** Extra pole-b forms → their pole-a image. */
  oneWayB?: readonly Pair[];
  /** English default: case-insensitive, case kept. Chinese has no case. */
  caseFold?: boolean;
  /** Regex fragments around the word; English defaults to token boundaries, Chinese to none. */
  left?: string;
  right?: string;
}

/** Two rules (one per pole) from a table of counterpart pairs. */
export function pairRules(spec: PairSpec): Rule[] {
  const caseFold = spec.caseFold ?? spec.lang === 'en';
  const left = spec.left ?? (spec.lang === 'en' ? EN_LEFT : '');
  const right = spec.right ?? (spec.lang === 'en' ? EN_RIGHT : '');
  const key = (w: string): string => (caseFold ? w.toLowerCase() : w);
  const aToB = new Map<string, string>();
  const bToA = new Map<string, string>();
  for (const [a, b] of spec.pairs) {
    aToB.set(key(a), b);
    bToA.set(key(b), a);
  }
  for (const [a, b] of spec.oneWayA ?? []) aToB.set(key(a), b);
  for (const [b, a] of spec.oneWayB ?? []) bToA.set(key(b), a);
  const flags = caseFold ? 'giu' : 'gu';
  const rule = (pole: 'a' | 'b', table: Map<string, string>): Rule => ({
    cue: spec.cue,
    pole,
    lang: spec.lang,
    pattern: new RegExp(`${left}(?:${alternation([...table.keys()])})${right}`, flags),
    replace: lookup(table, caseFold),
  });
  return [rule('a', aToB), rule('b', bToA)];
}

/** A rule that claims phrases so nothing inside them is swapped. */
export function keepRule(cue: CueKind, lang: 'zh' | 'en', phrases: readonly string[], caseFold = lang === 'en'): Rule {
  const left = lang === 'en' ? EN_LEFT : '';
  const right = lang === 'en' ? EN_RIGHT : '';
  return {
    cue,
    pole: 'keep',
    lang,
    pattern: new RegExp(`${left}(?:${alternation(phrases)})${right}`, caseFold ? 'giu' : 'gu'),
    replace: (m) => m,
  };
}
