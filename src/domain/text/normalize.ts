/**
 * Text normalisation shared by every tokenizer, the BM25 baseline and the LSA embedder.
 *
 * NFKC folds compatibility forms: full-width ASCII (ＰＹＴＨＯＮ → PYTHON, ３ → 3), the ideographic space
 * U+3000, ligatures and circled digits. The explicit full-width pass below is kept because NFKC leaves a
 * few punctuation marks that Chinese input methods produce (。、「」【】《》) which we fold to ASCII
 * separators so that they split tokens the same way as their English counterparts.
 */

const CJK_PUNCTUATION: Readonly<Record<string, string>> = {
  '。': '.',
  '、': ',',
  '「': '"',
  '」': '"',
  '『': '"',
  '』': '"',
  '【': '[',
  '】': ']',
  '《': '"',
  '》': '"',
  '〈': '"',
  '〉': '"',
  '～': '~',
  '—': '-',
  '–': '-',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '…': ' ',
  '·': ' ',
  '•': ' ',
};

const CJK_PUNCTUATION_RE = /[。、「」『』【】《》〈〉～—–‘’“”…·•]/g;
const WHITESPACE_RE = /\s+/g;
// Control characters other than tab/newline carry no meaning and would otherwise glue tokens together.
const CONTROL_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200D\uFEFF]/g;

/** NFKC → fold CJK punctuation → lowercase → collapse whitespace → trim. Idempotent. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(CONTROL_RE, ' ')
    .replace(CJK_PUNCTUATION_RE, (ch) => CJK_PUNCTUATION[ch] ?? ' ')
    .toLowerCase()
    .replace(WHITESPACE_RE, ' ')
    .trim();
}

/**
 * True for Han ideographs (CJK Unified Ideographs, Extension A, Compatibility Ideographs) and kana/hangul,
 * i.e. scripts written without spaces, where character bigrams are the robust unit.
 */
export function isCjkChar(ch: string): boolean {
  return /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/u.test(ch);
}
