/**
 * Text normalization and tokenization shared by the alias index and the matcher, so that an alias
 * and a phrase that differ only in width, case, hyphens or spacing produce the same tokens.
 */

/** `lower` and `cased` have the same length; `origin[k]` is the original UTF-16 index of unit k. */
export interface NormalizedText {
  readonly lower: string;
  readonly cased: string;
  /** Length `lower.length + 1`; the last entry is the original text's length. */
  readonly origin: Int32Array;
}

type TokenKind = 'word' | 'cjk' | 'sym';

/** A token of the normalized text; `start`/`end` index `lower`/`cased`. */
export interface Token {
  readonly key: string;
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD = /[\p{L}\p{N}\p{M}]/u;
const SEPARATOR = /[\s\p{Pd}_]/u;

/**
 * NFKC per code point (full-width Ｐｙｔｈｏｎ → Python, （ → (), then lower case where that keeps the
 * length (so offsets stay one-to-one); curly apostrophes become '.
 */
export function normalizeText(text: string): NormalizedText {
  let lower = '';
  let cased = '';
  const origin: number[] = [];
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    let nf: string;
    if (cp < 0x80 || (cp >= 0x4e00 && cp <= 0x9fff)) nf = text.slice(i, i + width);
    else if (cp === 0x2019 || cp === 0x2018) nf = "'";
    else nf = text.slice(i, i + width).normalize('NFKC');
    const low = nf.toLowerCase();
    const use = low.length === nf.length ? low : nf;
    lower += use;
    cased += nf;
    for (let k = 0; k < use.length; k++) origin.push(i);
    i += width;
  }
  origin.push(text.length);
  return { lower, cased, origin: Int32Array.from(origin) };
}

function classify(ch: string, code: number): TokenKind | 'sep' {
  if (code < 0x80) {
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39))
      return 'word';
    if (code <= 0x20 || code === 0x2d || code === 0x5f) return 'sep';
    return 'sym';
  }
  if (CJK.test(ch)) return 'cjk';
  if (WORD.test(ch)) return 'word';
  if (SEPARATOR.test(ch)) return 'sep';
  return 'sym';
}

/**
 * Words are maximal runs of letters and digits outside CJK scripts ("platform" is one token, so no
 * alias can match inside it); every CJK character and every other symbol is a token of its own;
 * whitespace, dashes and underscores only separate.
 */
export function tokenize(n: NormalizedText): Token[] {
  const s = n.lower;
  const tokens: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const code = s.codePointAt(i) ?? 0;
    const width = code > 0xffff ? 2 : 1;
    const kind = classify(s.slice(i, i + width), code);
    if (kind === 'sep') {
      i += width;
      continue;
    }
    if (kind !== 'word') {
      tokens.push({ key: s.slice(i, i + width), kind, start: i, end: i + width });
      i += width;
      continue;
    }
    let j = i + width;
    while (j < s.length) {
      const c = s.codePointAt(j) ?? 0;
      const w = c > 0xffff ? 2 : 1;
      if (classify(s.slice(j, j + w), c) !== 'word') break;
      j += w;
    }
    tokens.push({ key: s.slice(i, j), kind, start: i, end: j });
    i = j;
  }
  return tokens;
}

const ASCII = /^[\x00-\x7f]*$/u;
// For ASCII text these give exactly what tokenize() gives (words, single symbols, separators dropped).
const ASCII_TOKENS = /[a-z0-9]+|[^\x00-\x20a-z0-9_-]/gu;
const ASCII_TOKENS_CASED = /[A-Za-z0-9]+|[^\x00-\x20A-Za-z0-9_-]/gu;

/** The lookup key of a name or alias: its tokens joined by single spaces. */
export function aliasKey(text: string): string {
  if (ASCII.test(text)) return (text.toLowerCase().match(ASCII_TOKENS) ?? []).join(' ');
  return tokenize(normalizeText(text))
    .map((t) => t.key)
    .join(' ');
}

/** The same key in the original letter case, for aliases that must match case-sensitively. */
export function casedKey(text: string): string {
  if (ASCII.test(text)) return (text.match(ASCII_TOKENS_CASED) ?? []).join(' ');
  const n = normalizeText(text);
  return tokenize(n)
    .map((t) => n.cased.slice(t.start, t.end))
    .join(' ');
}

/** The label of a free tag: NFKC, lower case, trimmed, inner whitespace collapsed. */
export function freeTagLabel(text: string): string {
  return normalizeText(text).lower.replace(/\s+/gu, ' ').trim();
}
