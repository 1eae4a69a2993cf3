import { isCjkChar } from './normalize.ts';
import { stemEnglish } from './stem.ts';
import { isStopWord } from './stop-words.ts';
import { foldHan } from './zh-fold.ts';

/**
 * The analyzer of the lexical (BM25F) channel, one for both languages, with offsets into the text as
 * given so a hit can highlight what matched.
 *
 * Folding, per character: NFKC (full-width ＰＹＴＨＯＮ → python, ３ → 3), lower case, traditional →
 * simplified (zh-fold.ts). Then `Intl.Segmenter('zh', { granularity: 'word' })`:
 * - Chinese: overlapping character bigrams over each run of Han words not broken by a stop word (the
 *   dictionary-free recipe of Elasticsearch's CJK analyzer), a run of one character as its unigram, and
 *   segmenter words of three or more characters as terms of their own (工程师, 计算机). A two-character
 *   word is its own bigram, so it is not counted twice.
 * - English: lower-cased words, stop words dropped, plurals folded (stem.ts), `c++`, `c#`, `.net` kept
 *   whole. Latin and Han terms never collide, so one term space serves mixed-language text.
 */
export interface LexicalToken {
  readonly term: string;
  /** UTF-16 offsets of the token in the original text: [start, end). */
  readonly start: number;
  readonly end: number;
}

/** Text beyond this is not analyzed (postings and profiles are far shorter). */
const MAX_LEXICAL_CHARS = 20_000;

let segmenter: Intl.Segmenter | undefined;
const wordSegmenter = (): Intl.Segmenter => (segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' }));

interface Folded {
  readonly text: string;
  /** Per folded UTF-16 unit: the original offsets of the character it came from. */
  readonly from: Int32Array;
  readonly to: Int32Array;
}

/** One code point folded: NFKC, lower case, then each resulting character traditional → simplified. */
const foldChar = (ch: string): string => [...ch.normalize('NFKC').toLowerCase()].map(foldHan).join('');

/**
 * foldChar of every code point met so far: the analyzer folds a character at a time, and its NFKC, lower case and
 * table lookup allocate a few strings and arrays each (most of a search's highlighting, measured at 100k). Bounded
 * by the code points of the texts seen; cleared past FOLDED_MAX so odd input cannot grow it without limit.
 */
const foldedChars = new Map<string, string>();
const FOLDED_MAX = 65_536;

function foldCached(ch: string): string {
  let f = foldedChars.get(ch);
  if (f === undefined) {
    if (foldedChars.size >= FOLDED_MAX) foldedChars.clear();
    foldedChars.set(ch, (f = foldChar(ch)));
  }
  return f;
}

function fold(text: string): Folded {
  const source = text.slice(0, MAX_LEXICAL_CHARS);
  let out = '';
  const from: number[] = [];
  const to: number[] = [];
  let at = 0;
  for (const ch of source) {
    const folded = foldCached(ch);
    for (let i = 0; i < folded.length; i++) {
      from.push(at);
      to.push(at + ch.length);
    }
    out += folded;
    at += ch.length;
  }
  return { text: out, from: Int32Array.from(from), to: Int32Array.from(to) };
}

const SYMBOL_SUFFIX = /^[+#]+$/;
const isHan = (ch: string): boolean => isCjkChar(ch);

/** Tokens of a text in order of their position (a bigram sits at its first character). */
export function analyzeLexical(text: string): LexicalToken[] {
  const { text: folded, from, to } = fold(text);
  const tokens: LexicalToken[] = [];
  const emit = (term: string, a: number, b: number): void => {
    tokens.push({ term, start: from[a] ?? 0, end: to[b - 1] ?? 0 });
  };
  // The current run of Han characters: folded offsets of each character.
  let run: number[] = [];
  const endRun = (): void => {
    if (run.length === 1) {
      const p = run[0] ?? 0;
      emit(folded.charAt(p), p, p + 1);
    }
    for (let i = 0; i + 1 < run.length; i++) {
      const p = run[i] ?? 0;
      const q = run[i + 1] ?? 0;
      emit(folded.charAt(p) + folded.charAt(q), p, q + 1);
    }
    run = [];
  };
  const segments = [...wordSegmenter().segment(folded)];
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    if (seg === undefined) continue;
    let word = seg.segment;
    const start = seg.index;
    if (!seg.isWordLike) {
      endRun();
      const next = segments[i + 1];
      // ".net": a dot at a word start followed by a Latin word.
      if (
        word === '.' &&
        next?.isWordLike === true &&
        !isHan(next.segment.charAt(0)) &&
        (start === 0 || folded.charAt(start - 1) === ' ')
      ) {
        emit(`.${next.segment}`, start, next.index + next.segment.length);
        i++;
      }
      continue;
    }
    if (isHan(word.charAt(0))) {
      if (isStopWord(word)) {
        endRun();
        continue;
      }
      for (let k = 0; k < word.length; k++) run.push(start + k);
      if (word.length >= 3) emit(word, start, start + word.length);
      continue;
    }
    endRun();
    let end = start + word.length;
    while (SYMBOL_SUFFIX.test(segments[i + 1]?.segment ?? '')) {
      const next = segments[i + 1];
      word += next?.segment ?? '';
      end += next?.segment.length ?? 0;
      i++;
    }
    if (word.endsWith("'s")) word = word.slice(0, -2);
    if (word.length === 0 || isStopWord(word)) continue;
    emit(stemEnglish(word), start, end);
  }
  endRun();
  // Bigrams are emitted when their run ends: put every token back in text order (sort is stable).
  return tokens.sort((a, b) => a.start - b.start);
}

/** The distinct terms of a text, in order of first occurrence (a query's terms). */
export function lexicalTerms(text: string): string[] {
  return [...new Set(analyzeLexical(text).map((t) => t.term))];
}

/** True for a term from a spaced script (the ones a spelling correction may apply to). */
export const isLatinTerm = (term: string): boolean => /^[a-z]+$/.test(term);
