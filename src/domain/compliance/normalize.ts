/**
 * Normalization that keeps a map back to the original text, so findings can point at what the
 * employer actually typed. Steps: drop zero-width characters; NFKC per code point (full-width
 * ＭＡＬＥ → MALE, ９８５ → 985, ，→ ,) and lowercase; remove separators inserted between CJK
 * characters or between CJK and digits (限 男 性, 男-性, 未·婚); collapse runs of three or more
 * single letters/digits spaced out (m a l e, 9 8 5). NFKC is applied per code point, which differs
 * from whole-string NFKC only for combining sequences, which postings do not use to evade.
 */
export interface Normalized {
  text: string;
  /** For each UTF-16 unit of `text`, the original [start, end) it came from. */
  start: number[];
  end: number[];
}

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/u;
const SEPARATOR = /[\s\-_·•*~|/\\.'"`^+=#\u2010-\u2015\u2026\u30fb\u3000]/u;
const HAN = /\p{Script=Han}/u;
const DIGIT = /[0-9]/;
/** Three or more single letters/digits separated by spacing or light punctuation (not '.', so 2.1.1 stays). */
const SPACED_OUT = /(?<![a-z0-9])[a-z0-9](?:[ \t\-_*·•~]+[a-z0-9](?![a-z0-9])){2,}/gu;

interface Unit {
  ch: string;
  start: number;
  end: number;
}

function foldUnits(original: string): Unit[] {
  const units: Unit[] = [];
  let i = 0;
  for (const cp of original) {
    const start = i;
    i += cp.length;
    if (ZERO_WIDTH.test(cp)) continue;
    for (const ch of cp.normalize('NFKC').toLowerCase()) {
      // Each output code point keeps the whole source code point as its origin.
      for (let k = 0; k < ch.length; k++) units.push({ ch: ch[k] ?? '', start, end: i });
    }
  }
  return units;
}

function isJoinable(prev: string, next: string): boolean {
  return (HAN.test(prev) && (HAN.test(next) || DIGIT.test(next))) || (DIGIT.test(prev) && HAN.test(next));
}

/** Marks separator runs sitting between two CJK characters (or CJK and a digit) for removal. */
function markCjkSeparators(units: Unit[], drop: boolean[]): void {
  let i = 0;
  while (i < units.length) {
    if (!SEPARATOR.test(units[i]?.ch ?? '')) {
      i++;
      continue;
    }
    let j = i;
    while (j < units.length && SEPARATOR.test(units[j]?.ch ?? '')) j++;
    const prev = units[i - 1]?.ch;
    const next = units[j]?.ch;
    if (prev !== undefined && next !== undefined && isJoinable(prev, next)) {
      for (let k = i; k < j; k++) drop[k] = true;
    }
    i = j;
  }
}

function markSpacedOut(units: Unit[], drop: boolean[]): void {
  const text = units.map((u) => u.ch).join('');
  for (const m of text.matchAll(SPACED_OUT)) {
    for (let k = m.index; k < m.index + m[0].length; k++) {
      if (!/[a-z0-9]/.test(text[k] ?? '')) drop[k] = true;
    }
  }
}

export function normalizeWithMap(original: string): Normalized {
  const units = foldUnits(original);
  const drop = units.map(() => false);
  markCjkSeparators(units, drop);
  markSpacedOut(units, drop);
  const kept = units.filter((_, k) => !drop[k]);
  return { text: kept.map((u) => u.ch).join(''), start: kept.map((u) => u.start), end: kept.map((u) => u.end) };
}

/** Maps a normalized [from, to) back to original offsets, covering any separators removed inside. */
export function toOriginal(n: Normalized, from: number, to: number): { start: number; end: number } {
  return { start: n.start[from] ?? 0, end: n.end[to - 1] ?? 0 };
}
