import type { CueKind, LangOption, Substitution, SwapResult } from './types.ts';

/**
 * Every cue family has two poles (a, b): male/female, majority/minority, rural/urban, west/east. A rule
 * matches text of one pole and says what it becomes on the other; `keep` rules match phrases that must
 * stay as they are (「男女不限」, "he or she", 「其他」) and, by claiming the span, shadow the rules inside.
 */
type Pole = 'a' | 'b' | 'keep';
/** 'flip' swaps both poles at once; 'a' rewrites only pole-b matches into pole a, and vice versa. */
export type Target = 'a' | 'b' | 'flip';

export interface RuleContext {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface Rule {
  readonly cue: CueKind;
  readonly pole: Pole;
  readonly lang: 'zh' | 'en';
  /** Must carry the `g` flag. The whole match is the replaced span (context goes in lookarounds). */
  readonly pattern: RegExp;
  readonly replace: (match: string, ctx: RuleContext) => string;
}

interface Candidate {
  start: number;
  end: number;
  order: number;
  rule: Rule;
}

function candidates(text: string, rules: readonly Rule[]): Candidate[] {
  const out: Candidate[] = [];
  rules.forEach((rule, order) => {
    if (!rule.pattern.global) throw new TypeError(`rule pattern ${rule.pattern} needs the g flag`);
    const re = new RegExp(rule.pattern.source, rule.pattern.flags);
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      out.push({ start: m.index, end: m.index + m[0].length, order, rule });
    }
  });
  // Leftmost, then longest, then the earlier rule: a stable total order, so output is deterministic.
  return out.sort((x, y) => x.start - y.start || y.end - x.end || x.order - y.order);
}

/** Copies the letter case of `source` onto `target`: ALL CAPS (2+ letters), Capitalised, or as given. */
export function matchCase(source: string, target: string): string {
  const letters = source.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase())
    return target.toUpperCase();
  const first = source.charAt(0);
  if (first !== first.toLowerCase()) return target.charAt(0).toUpperCase() + target.slice(1);
  return target;
}

/**
 * The indefinite article a word takes, by its first letters (a sound rule is out of reach, so the usual
 * exceptions are listed): "an urban", "a Uyghur" (/ˈwiːɡʊər/), "a university", "an hour".
 */
export function articleFor(word: string): 'a' | 'an' {
  const w = word.toLowerCase();
  if (/^(?:uy|ui|uni|us[eu]|eu|one|once)/.test(w)) return 'a';
  if (/^(?:hour|honest|hono|heir)/.test(w)) return 'an';
  return /^[aeiou]/.test(w) ? 'an' : 'a';
}

const ARTICLE_BEFORE = /(?<![\p{L}\p{N}_])(an?|An?|AN?)(\s+)$/u;

/**
 * Runs `rules` over `text`: non-overlapping matches, leftmost-longest; each match whose pole is to be
 * converted is replaced, and when the replacement starts a Latin word right after "a"/"an", the article
 * is corrected too (the substitution then spans the article). Unchanged matches are not reported.
 */
export function applyRules(
  text: string,
  rules: readonly Rule[],
  target: Target,
  lang: LangOption = 'both',
): SwapResult {
  const active = rules.filter((r) => lang === 'both' || r.lang === lang);
  const substitutions: Substitution[] = [];
  let out = '';
  let cursor = 0;
  for (const c of candidates(text, active)) {
    if (c.start < cursor) continue;
    const { rule } = c;
    const converts = rule.pole !== 'keep' && (target === 'flip' || rule.pole !== target);
    const from = text.slice(c.start, c.end);
    const to = converts ? rule.replace(from, { text, start: c.start, end: c.end }) : from;
    const gap = text.slice(cursor, c.start);
    cursor = c.end;
    if (to === from) {
      out += gap + from;
      continue;
    }
    const art = /^[A-Za-z]/.test(to) ? ARTICLE_BEFORE.exec(gap) : null;
    const oldArticle = art?.[1];
    const space = art?.[2] ?? '';
    const newArticle = oldArticle === undefined ? undefined : matchCase(oldArticle, articleFor(to));
    if (art && oldArticle !== undefined && newArticle !== undefined && newArticle !== oldArticle) {
      const cut = gap.length - oldArticle.length - space.length;
      out += gap.slice(0, cut) + newArticle + space + to;
      const start = c.start - oldArticle.length - space.length;
      substitutions.push({
        start,
        end: c.end,
        from: oldArticle + space + from,
        to: newArticle + space + to,
        cue: rule.cue,
      });
    } else {
      out += gap + to;
      substitutions.push({ start: c.start, end: c.end, from, to, cue: rule.cue });
    }
  }
  return { text: out + text.slice(cursor), substitutions };
}

/** Escapes a literal for use in a `u`-flag RegExp outside a class (where `\-` is a syntax error). */
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** An alternation of literals, longest first (so a regex engine's first-match still takes the longest). */
export const alternation = (words: readonly string[]): string =>
  [...words]
    .sort((x, y) => y.length - x.length || (x < y ? -1 : 1))
    .map(escapeRe)
    .join('|');

/** Latin token boundaries: not inside a word of letters/digits; a hyphen or apostrophe ends a token. */
export const EN_LEFT = '(?<![\\p{L}\\p{N}_])';
export const EN_RIGHT = '(?![\\p{L}\\p{N}_])';

/** Builds a lookup replacement from a pair table, keeping the matched word's case. */
export function lookup(table: ReadonlyMap<string, string>, caseFold: boolean): (m: string) => string {
  return (m) => {
    const hit = table.get(caseFold ? m.toLowerCase() : m);
    if (hit === undefined) return m;
    return caseFold ? matchCase(m, hit) : hit;
  };
}
