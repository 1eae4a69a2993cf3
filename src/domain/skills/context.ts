import type { Token } from './text.ts';

/**
 * List-context rule for aliases that are ordinary words too ("go", "excel", "swift", "R", "C").
 * Such a mention counts only if BOTH of its sides look like a skill list:
 * - the text edge or a line break;
 * - a list delimiter: , ; 、 / | ( ) [ ] • · and a sentence-final '.'; ':' only on the left ("PS: …");
 * - Chinese text (an English ordinary word inside Chinese text is almost always a term: 熟悉Go);
 * - a cue word: "with", "using", "in", "and", "or", … on the left; "and", "or", "for", "programming",
 *   "developer", "skills", … on the right ("programming" / "developer" also one word further on);
 * - another skill mention right next to it (space-separated lists: "Python R SQL").
 * A hyphen ("C-suite"), "&" glued to a word ("R&D") or one joining two single letters ("R & D"),
 * and any other word ("excel at", "go to market") reject it.
 * Trade-off: "go, go, go!" or "Skills: excel" in prose would still match; "I code in Go daily" would
 * not (right side "daily"). We prefer missing a rare bare mention to inventing skills.
 */
const DELIMS = new Set([
  ',',
  ';',
  '、',
  '/',
  '|',
  '(',
  ')',
  '[',
  ']',
  ':',
  '•',
  '·',
  '{',
  '}',
  '<',
  '>',
  '"',
  '*',
  '。',
  '，',
  '；',
  '：',
  '!',
  '?',
  '=',
]);
const LEFT_CUES = new Set([
  'with',
  'using',
  'use',
  'used',
  'uses',
  'in',
  'and',
  'or',
  'of',
  'know',
  'knows',
  'proficient',
  'familiar',
  'skilled',
  'including',
  'like',
  'as',
  'advanced',
  'basic',
  'intermediate',
  'learn',
  'learned',
  'learning',
  'skills',
  'languages',
  'tools',
  'via',
  'plus',
  'also',
  'both',
]);
const RIGHT_CUES = new Set([
  'and',
  'or',
  'for',
  'programming',
  'programmer',
  'language',
  'languages',
  'developer',
  'developers',
  'development',
  'skills',
  'experience',
  'scripting',
  'scripts',
  'proficiency',
  'certified',
  'expert',
  'etc',
  'plus',
]);
/** Strong cues that may sit one word further right ("Rust systems programming"). */
const FAR_RIGHT_CUES = new Set(['programming', 'developer', 'development', 'language']);

export interface ContextProbe {
  /** Normalized text (lower case) the tokens index into. */
  readonly text: string;
  readonly tokens: readonly Token[];
  /** True if an accepted mention ends at token `k`. */
  readonly mentionEndsAt: (k: number) => boolean;
  /** True if a plain (context-free) alias starts at token `k`. */
  readonly plainStartsAt: (k: number) => boolean;
}

function gap(p: ContextProbe, a: number, b: number): string {
  return p.text.slice(a, b);
}

function isSingleLetter(t: Token | undefined): boolean {
  return t !== undefined && t.kind === 'word' && t.key.length === 1;
}

// Marks that only set items apart, whatever the tool that wrote them: bullets and arrows (• ‣ ◦ ▪ → ✓), box-drawing
// rules of a table (│ ║ ┋), stars of a rating, CJK brackets (「Excel」), a tilde, an icon font's private-use glyph
// and an emoji ("💻 Excel 📊 Go").
const MARKS = new RegExp(
  '^[\\u2022-\\u2027\\u2030-\\u205e\\u2190-\\u21ff\\u2500-\\u27bf\\u2b00-\\u2bff\\u3001-\\u3003\\u3008-\\u3011' +
    '\\u3014-\\u301f~\\ue000-\\uf8ff\\u{1f300}-\\u{1faff}]$',
  'u',
);

// A dash between spaces parts items ("Excel – Go – R", "R - basic"); a hyphen inside a word ("C-suite") does not.
// So does a tab or a run of spaces, as tags or table cells flattened to text leave them ("Excel    Go    R").
const SPACED_DASH = /^\s+\p{Pd}\s+$|\t| {2,}/u;

function symOk(sym: Token, spaced: boolean, beyond: Token | undefined, self: boolean): boolean {
  if (DELIMS.has(sym.key) || MARKS.test(sym.key)) return true;
  if (sym.key === '.') return spaced || beyond === undefined;
  if (sym.key === '&' || sym.key === '+') {
    // "Python & R" yes; "R&D" and "R & D" no.
    return spaced && !(self && isSingleLetter(beyond)) && beyond !== undefined;
  }
  return false;
}

// A letter in brackets alone is a class or a marker ("driver licence (C)", a citation's "[C]"), not a language.
const OPENING = new Set(['(', '[']);
const CLOSING = new Set([')', ']']);

/**
 * Whether a single letter is one of a run of letters that are no skills ("functions A, B, C", "C/O Form E"): the
 * letter next to it across a comma or a slash is no skill's mention.
 */
function amongLetters(p: ContextProbe, first: number): boolean {
  const prev = p.tokens[first - 1];
  const next = p.tokens[first + 1];
  const joinsLetter = (sym: Token | undefined, letter: Token | undefined): boolean =>
    sym !== undefined && (sym.key === ',' || sym.key === '/') && isSingleLetter(letter);
  if (joinsLetter(prev, p.tokens[first - 2]) && !p.mentionEndsAt(first - 2)) return true;
  const after = p.tokens[first + 3];
  return (
    joinsLetter(next, p.tokens[first + 2]) &&
    next?.key === '/' &&
    !p.plainStartsAt(first + 2) &&
    (after === undefined || after.kind === 'word' || /\s/u.test(gap(p, p.tokens[first + 2]?.end ?? 0, after.start)))
  );
}

export function leftOk(p: ContextProbe, first: number, singleLetter: boolean): boolean {
  const cur = p.tokens[first];
  const prev = p.tokens[first - 1];
  if (cur === undefined) return false;
  if (prev === undefined) return true;
  if (singleLetter) {
    if (OPENING.has(prev.key) && CLOSING.has(p.tokens[first + 1]?.key ?? '')) return false;
    if (amongLetters(p, first)) return false;
  }
  const g = gap(p, prev.end, cur.start);
  if (g.includes('\n') || SPACED_DASH.test(g)) return true;
  if (g.length > 0 && !/\s/u.test(g)) return false; // joined by a hyphen or underscore
  if (prev.kind === 'cjk') return true;
  if (p.mentionEndsAt(first - 1)) return true;
  if (prev.kind === 'sym') {
    if (prev.key === '.') return g.length > 0; // after a sentence or an abbreviation ("e.g. R")
    const before = p.tokens[first - 2];
    const spacedBefore = before !== undefined && /\s/u.test(gap(p, before.end, prev.start));
    return symOk(prev, g.length > 0 && (spacedBefore || before === undefined), before, singleLetter);
  }
  return LEFT_CUES.has(prev.key);
}

// A season before a year is a date ("Spring 2024"), never Spring the framework in its 2024 version.
const SEASON = /^(?:spring|summer|fall|autumn|winter)$/u;
const VERSION = /^(?:v?\d{1,2}|(?:19|20)\d\d|365|cc|r20\d\d[ab]?)$/u;

/** Whether tokens a to b are written without a space between them ("1.21"). */
const adjoining = (p: ContextProbe, a: number, b: number): boolean =>
  p.tokens.slice(a, b).every((t, i) => gap(p, t.end, p.tokens[a + i + 1]?.start ?? t.end) === '');

export function rightOk(p: ContextProbe, last: number, singleLetter: boolean): boolean {
  const cur = p.tokens[last];
  const next = p.tokens[last + 1];
  if (cur === undefined) return false;
  if (next === undefined) return true;
  const g = gap(p, cur.end, next.start);
  if (g.includes('\n') || SPACED_DASH.test(g)) return true;
  if (g.length > 0 && !/\s/u.test(g)) return false;
  if (next.kind === 'cjk') return true;
  // A version or an edition after the name ("Excel 2019", "Origin 2021", "Word 365", "Photoshop CC", "MATLAB R2023a",
  // "Go 1.21"): the list context is read after it. Not for one letter ("R 2" is no version of R).
  if (!singleLetter && g.length > 0 && VERSION.test(next.key) && !SEASON.test(cur.key)) {
    let k = last + 1;
    while (p.tokens[k + 1]?.key === '.' && /^\d+$/u.test(p.tokens[k + 2]?.key ?? '') && adjoining(p, k, k + 2)) k += 2;
    return rightOk(p, k, false);
  }
  if (next.kind === 'sym') {
    const after = p.tokens[last + 2];
    const spacedAfter = after === undefined || /\s/u.test(gap(p, next.end, after.start));
    if (next.key === '.') return after === undefined || spacedAfter;
    if (next.key === ':') return false; // a label ("PS: …"), not a list item
    return symOk(next, g.length > 0 && spacedAfter, after, singleLetter);
  }
  if (p.plainStartsAt(last + 1)) return true;
  if (RIGHT_CUES.has(next.key)) return true;
  const far = p.tokens[last + 2];
  return far !== undefined && far.kind === 'word' && FAR_RIGHT_CUES.has(far.key);
}
