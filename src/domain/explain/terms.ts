import { CITIES, REGION_NAMES } from '../geo/cities.ts';
import { MAJORS } from '../majors/majors.ts';

/** A named thing a summary could mention: a skill, a place or a major. */
interface Term {
  kind: 'skill' | 'place' | 'major';
  /** Lower-cased (NFKC) surface form. */
  key: string;
}

export interface FoundTerm extends Term {
  start: number;
  end: number;
}

export interface TermDictionary {
  readonly terms: readonly Term[];
  /** Terms by their first two characters (one for one-character terms), for the scan. */
  readonly byPrefix: ReadonlyMap<string, readonly Term[]>;
}

const fold = (s: string): string => s.normalize('NFKC').toLowerCase();
const isWordChar = (ch: string | undefined): boolean =>
  ch !== undefined && /[\p{L}\p{N}]/u.test(ch) && !/\p{Script=Han}/u.test(ch);

/**
 * Every skill name (en and zh), city and region name, and major name. Built from the lists the
 * product itself uses, so a name the summary could print is a name this scan can find.
 */
export function termDictionary(skillNames: Iterable<{ name: string; nameZh: string }>): TermDictionary {
  const byKey = new Map<string, Term>();
  const add = (kind: Term['kind'], name: string) => {
    const key = fold(name).trim();
    if (key.length > 0 && !byKey.has(key)) byKey.set(key, { kind, key });
  };
  for (const c of CITIES) {
    add('place', c.zh);
    add('place', c.en);
  }
  for (const r of Object.values(REGION_NAMES)) {
    add('place', r.zh);
    add('place', r.en);
  }
  for (const m of MAJORS) {
    add('major', m.zh);
    add('major', m.en);
  }
  for (const s of skillNames) {
    add('skill', s.name);
    add('skill', s.nameZh);
  }
  const terms = [...byKey.values()];
  const byPrefix = new Map<string, Term[]>();
  for (const t of terms) {
    const p = t.key.slice(0, 2);
    const list = byPrefix.get(p);
    if (list) list.push(t);
    else byPrefix.set(p, [t]);
  }
  return { terms, byPrefix };
}

/**
 * Names found in a text, leftmost-longest and non-overlapping. A name that begins or ends with a
 * letter or digit must sit on a word boundary there ("Go" is not found in "Google"); Chinese names
 * are found anywhere, as Chinese has no spaces. Offsets index the NFKC-folded, lower-cased text.
 */
export function summaryTerms(text: string, dictionary: TermDictionary): FoundTerm[] {
  const hay = fold(text);
  const hits: FoundTerm[] = [];
  for (let at = 0; at < hay.length; at++) {
    for (const prefix of [hay.slice(at, at + 2), hay.slice(at, at + 1)]) {
      for (const term of dictionary.byPrefix.get(prefix) ?? []) {
        if (!hay.startsWith(term.key, at)) continue;
        const end = at + term.key.length;
        if (isWordChar(term.key[0]) && isWordChar(hay[at - 1])) continue;
        if (isWordChar(term.key[term.key.length - 1]) && isWordChar(hay[end])) continue;
        hits.push({ ...term, start: at, end });
      }
      if (prefix.length < 2) break;
    }
  }
  hits.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: FoundTerm[] = [];
  for (const h of hits) if (!taken.some((t) => h.start < t.end && t.start < h.end)) taken.push(h);
  return taken.sort((a, b) => a.start - b.start);
}
