import { stemEnglish } from '../text/stem.ts';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Words shorter than this are never corrected: most short words are one edit from many others. */
const MIN_CORRECTED_LENGTH = 4;

/** Every string one edit away (deletion, transposition, substitution, insertion of a letter). */
export function editsOne(word: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail.length > 0) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + (tail[1] ?? '') + (tail[0] ?? '') + tail.slice(2));
    for (const c of LETTERS) {
      if (tail.length > 0) out.add(head + c + tail.slice(1));
      out.add(head + c + tail);
    }
  }
  out.delete(word);
  return out;
}

/**
 * A vocabulary-based correction (Norvig's "How to write a spelling corrector", restricted to one edit):
 * the known term one edit from `term` that most documents contain, ties broken alphabetically; null when
 * there is none. Candidates are stemmed like indexed words, so "analysst" finds "analyst".
 */
export function correctTerm(term: string, df: (term: string) => number): string | null {
  if (term.length < MIN_CORRECTED_LENGTH) return null;
  let best: string | null = null;
  let bestDf = 0;
  for (const edit of editsOne(term)) {
    const candidate = stemEnglish(edit);
    const n = df(candidate);
    if (n > bestDf || (n === bestDf && n > 0 && best !== null && candidate < best)) {
      best = candidate;
      bestDf = n;
    }
  }
  return best;
}
