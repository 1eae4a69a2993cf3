import type { RawMatch, SkillMatcher } from './matcher.ts';
import type { NormalizedSkillItem, SkillMention } from './types.ts';
import { getTaxonomy, type Taxonomy } from './taxonomy.ts';
import { freeTagLabel, normalizeText, tokenize } from './text.ts';

/**
 * Every skill mentioned in free text, in text order, with UTF-16 spans into the original string
 * (`text.slice(start, end)` is the evidence). A skill mentioned twice appears twice.
 */
export function extractSkills(text: string, taxonomy: Taxonomy = getTaxonomy()): SkillMention[] {
  return text.length === 0 ? [] : mentionsIn(text, taxonomy.matcher);
}

/** What `matcher` finds in `text`, in text order, with UTF-16 spans into the original string. */
export function mentionsIn(text: string, matcher: SkillMatcher): SkillMention[] {
  const n = normalizeText(text);
  const tokens = tokenize(n);
  return matcher.scan(n, tokens).map((m) => {
    const start = n.origin[tokens[m.first]?.start ?? 0] ?? 0;
    const end = n.origin[tokens[m.last]?.end ?? 0] ?? text.length;
    return { id: m.entry.skillId, start, end, text: text.slice(start, end) };
  });
}

/** A mention found inside a longer one, with the longer mention it is part of. */
export interface NestedMention extends SkillMention {
  readonly outer: SkillMention;
}

/**
 * Skills named inside a longer mention, with UTF-16 spans: "Excel" in "Excel VBA", "Python" in "Python 爬虫", "SAP"
 * and "ERP" in "SAP ERP". Each short alias passes its own mode checks against the whole text.
 */
export function nestedMentionsIn(text: string, matcher: SkillMatcher): NestedMention[] {
  const n = normalizeText(text);
  const tokens = tokenize(n);
  const span = (m: RawMatch): SkillMention => {
    const start = n.origin[tokens[m.first]?.start ?? 0] ?? 0;
    const end = n.origin[tokens[m.last]?.end ?? 0] ?? text.length;
    return { id: m.entry.skillId, start, end, text: text.slice(start, end) };
  };
  return matcher
    .scan(n, tokens)
    .filter((m) => m.last > m.first)
    .flatMap((outer) =>
      matcher
        .inside(n, tokens, outer)
        .filter((m) => m.entry.skillId !== outer.entry.skillId)
        .map((m) => ({ ...span(m), outer: span(outer) })),
    );
}

/** Distinct skill ids of `extractSkills`, in order of first mention. */
export function extractSkillIds(text: string, taxonomy: Taxonomy = getTaxonomy()): string[] {
  return [...new Set(extractSkills(text, taxonomy).map((m) => m.id))];
}

/**
 * Normalizes a declared skill list, one result per item. An item that is exactly a name or alias
 * (any mode: "Go" or "R" alone in a list is the skill) maps to it; otherwise the longest mention in
 * the item is its skill and any others go to `also`; an item naming no known skill becomes a free
 * tag with a normalized label (NFKC, lower case, single spaces).
 */
export function normalizeSkillList(
  names: readonly string[],
  taxonomy: Taxonomy = getTaxonomy(),
): NormalizedSkillItem[] {
  return names.map((input) => {
    const label = freeTagLabel(input);
    const exact = taxonomy.matcher.exact(input);
    if (exact !== undefined) return { input, id: exact.skillId, label, also: [] };
    const mentions = extractSkills(input, taxonomy);
    if (mentions.length === 0) return { input, id: null, label, also: [] };
    let main = mentions[0];
    for (const m of mentions) if (main === undefined || m.end - m.start > main.end - main.start) main = m;
    const id = main?.id ?? null;
    const also = [...new Set(mentions.map((m) => m.id))].filter((x) => x !== id);
    return { input, id, label, also };
  });
}
