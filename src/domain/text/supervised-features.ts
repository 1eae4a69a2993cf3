import { isCjkChar, normalizeText } from './normalize.ts';
import { hashString32 } from './hash.ts';
import { MAX_ANALYZED_CHARS, tokenizeWords } from './tokenize.ts';

/**
 * Sub-word features of the supervised embedder, hashed into a fixed number of buckets (fastText's
 * "hashing trick", Bojanowski et al., TACL 2017), so an unseen word still lands on the n-grams it shares
 * with seen ones ("nurse" → "nurses", "enginer" → "engineer"):
 * - `w|` words from tokenize.ts (Intl.Segmenter words, Latin lowercased and plural-folded, stop words out);
 * - `b|` pairs of adjacent Latin words ("software developer" is more than its two words);
 * - `g|` boundary-marked character 3-, 4- and 5-grams of each Latin word (`<nur`, `urse>`, …);
 * - `h|` Han characters and `hh|` Han character bigrams over runs of Han text (no dictionary needed, so
 *   an unknown compound such as 数据标注员 shares 数据 and 标注 with known ones).
 * Each kind has its own prefix, so a word never collides with an n-gram by construction.
 */

const MIN_NGRAM = 3;
const MAX_NGRAM = 5;

function latinNgrams(word: string, out: string[]): void {
  const chars = [...`<${word}>`];
  for (let n = MIN_NGRAM; n <= MAX_NGRAM; n++) {
    for (let i = 0; i + n <= chars.length; i++) {
      const gram = chars.slice(i, i + n).join('');
      // The whole marked word is already the `w|` feature.
      if (gram.length !== chars.length) out.push(`g|${gram}`);
    }
  }
}

function hanRuns(text: string): string[] {
  const runs: string[] = [];
  let run = '';
  for (const ch of text) {
    if (isCjkChar(ch)) run += ch;
    else if (run.length > 0) {
      runs.push(run);
      run = '';
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** The feature strings of a text, in a deterministic order (words, word pairs, n-grams, Han features). */
export function supervisedFeatureStrings(text: string): string[] {
  const clipped = text.slice(0, MAX_ANALYZED_CHARS);
  const words = tokenizeWords(clipped);
  const out: string[] = [];
  let previousLatin: string | undefined;
  for (const word of words) {
    out.push(`w|${word}`);
    if (isCjkChar(word.charAt(0))) {
      previousLatin = undefined;
      continue;
    }
    if (previousLatin !== undefined) out.push(`b|${previousLatin} ${word}`);
    previousLatin = word;
    if (word.length >= 2) latinNgrams(word, out);
  }
  for (const run of hanRuns(normalizeText(clipped))) {
    const chars = [...run];
    for (let i = 0; i < chars.length; i++) {
      out.push(`h|${chars[i] ?? ''}`);
      if (i + 1 < chars.length) out.push(`hh|${chars[i] ?? ''}${chars[i + 1] ?? ''}`);
    }
  }
  return out;
}

/** Bucket ids (FNV-1a of the feature string modulo `buckets`), one per feature occurrence. */
export function supervisedFeatures(text: string, buckets: number): Uint32Array {
  const strings = supervisedFeatureStrings(text);
  const out = new Uint32Array(strings.length);
  for (let i = 0; i < strings.length; i++) out[i] = hashString32(strings[i] ?? '') % buckets;
  return out;
}
