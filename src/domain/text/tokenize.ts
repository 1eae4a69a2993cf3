import { isCjkChar, normalizeText } from './normalize.ts';
import { stemEnglish } from './stem.ts';
import { isStopWord } from './stop-words.ts';

/**
 * Multilingual analysis for the lexical models (TF-IDF/LSA, BM25).
 *
 * Feature tokens, each in its own namespace so the three kinds never collide:
 * - words (bare): `Intl.Segmenter('zh', { granularity: 'word' })` words. The zh locale segments Han text
 *   with a dictionary and still splits spaced scripts on spaces/punctuation, so mixed text works.
 *   Latin words are lowercased and lightly stemmed (plurals only, see stem.ts); `c++`, `c#`, `.net`
 *   are re-joined (the segmenter splits the symbols off). Han words of one character are dropped
 *   (single characters such as 学, 师, 工 are too polysemous; the bigrams below cover them).
 * - `zh2:` Han character bigrams over every run of consecutive Han words, split at stop words.
 *   The dictionary segmenter splits unknown words into characters (建模 → 建 | 模); bigrams recover them.
 *   No unigrams, for the same polysemy reason.
 * - `tri:` character 3-grams of each Latin word of 3+ letters with boundary markers (`<py`, `pyt`, …,
 *   `on>`), which soften spelling variants and inflection (analyse / analyze, developer / development).
 * Stop words (stop-words.ts) are removed before any feature is formed.
 */

export const BIGRAM_PREFIX = 'zh2:';
const TRIGRAM_PREFIX = 'tri:';

/**
 * Text beyond this many characters is ignored: postings and profiles are far shorter, and the cap bounds the cost of a
 * 1 MB input.
 */
export const MAX_ANALYZED_CHARS = 100_000;

export interface AnalyzeOptions {
  /** Emit `tri:` character 3-grams of Latin words (default true). */
  readonly latinTrigrams?: boolean;
  /** Emit `zh2:` Han character bigrams (default true). */
  readonly cjkBigrams?: boolean;
}

let segmenter: Intl.Segmenter | undefined;
function getSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return segmenter;
}

const SYMBOL_SUFFIX_RE = /^[+#]+$/;

interface Segmented {
  readonly words: string[];
  /** Runs of consecutive Han words with no stop word between them, the units bigrams are formed in. */
  readonly hanRuns: string[];
}

function segment(text: string): Segmented {
  const normalized = normalizeText(text.slice(0, MAX_ANALYZED_CHARS));
  const segments = [...getSegmenter().segment(normalized)];
  const words: string[] = [];
  const hanRuns: string[] = [];
  let run = '';
  const endRun = (): void => {
    if (run.length > 0) hanRuns.push(run);
    run = '';
  };
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    if (seg === undefined) continue;
    let word = seg.segment;
    if (!seg.isWordLike) {
      endRun();
      // ".net": a dot at a word start followed by a word.
      const next = segments[i + 1];
      const prevChar = i > 0 ? normalized.charAt(seg.index - 1) : ' ';
      if (word === '.' && next?.isWordLike === true && prevChar === ' ' && !isCjkChar(next.segment.charAt(0))) {
        words.push(`.${next.segment}`);
        i++;
      }
      continue;
    }
    if (isCjkChar(word.charAt(0))) {
      if (isStopWord(word)) {
        endRun();
      } else {
        run += word;
        if (word.length >= 2) words.push(word);
      }
      continue;
    }
    endRun();
    // "c++", "c#", "f#": glue the symbols the segmenter split off.
    while (SYMBOL_SUFFIX_RE.test(segments[i + 1]?.segment ?? '')) {
      word += segments[i + 1]?.segment ?? '';
      i++;
    }
    if (word.endsWith("'s")) word = word.slice(0, -2);
    if (isStopWord(word)) continue;
    words.push(stemEnglish(word));
  }
  endRun();
  return { words, hanRuns };
}

/**
 * Word tokens of a text, in order: normalized, segmented, stop words removed, Latin words stemmed,
 * single Han characters dropped. `tokenizeWords('Skills: Python, 数据分析')` → `['skill', 'python', '数据', '分析']`.
 */
export function tokenizeWords(text: string): string[] {
  return segment(text).words;
}

function bigramsOfRuns(runs: readonly string[]): string[] {
  const out: string[] = [];
  for (const run of runs) {
    const chars = [...run];
    for (let j = 0; j + 1 < chars.length; j++) out.push(`${chars[j] ?? ''}${chars[j + 1] ?? ''}`);
  }
  return out;
}

/** Han character bigrams of a text, within runs of Han words that contain no stop word. */
export function cjkBigrams(text: string): string[] {
  return bigramsOfRuns(segment(text).hanRuns);
}

/** Boundary-marked character 3-grams of one word: `trigrams('java')` → `['<ja', 'jav', 'ava', 'va>']`. */
export function trigrams(word: string): string[] {
  const chars = [...`<${word}>`];
  const out: string[] = [];
  for (let i = 0; i + 3 <= chars.length; i++) out.push(chars.slice(i, i + 3).join(''));
  return out;
}

/** All feature tokens of a text (words, `zh2:` bigrams, `tri:` trigrams), in a deterministic order. */
export function analyze(text: string, options: AnalyzeOptions = {}): string[] {
  const { words, hanRuns } = segment(text);
  const out = [...words];
  if (options.cjkBigrams ?? true) {
    for (const bigram of bigramsOfRuns(hanRuns)) out.push(BIGRAM_PREFIX + bigram);
  }
  if (options.latinTrigrams ?? true) {
    for (const word of words) {
      if (word.length >= 3 && !isCjkChar(word.charAt(0))) {
        for (const gram of trigrams(word)) out.push(TRIGRAM_PREFIX + gram);
      }
    }
  }
  return out;
}

/** Term frequencies of a token list, as a Map in first-seen order. */
export function countTokens(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}
