/**
 * O*NET tools named as résumés name them: without the vendor ("Aspen HYSYS" for AspenTech HYSYS, "LibGuides" for
 * Springshare LibGuides, "Finale" for MakeMusic Finale, "STAAD.Pro" for Bentley STAAD) or without an edition word
 * ("Splunk" for Splunk Enterprise, "Petrel" for Schlumberger Petrel E&P). Held-out-6 lost 8 of its 110 English
 * skills this way. General over O*NET's examples: the product's own word is kept only when it is shaped as a product's
 * (see modeOf), one example alone gives it and no skill already has it as a name or alias.
 */
import { SkillMatcher, type MatchEntry } from '../skills/matcher.ts';
import { mentionsIn } from '../skills/extract.ts';
import type { Taxonomy } from '../skills/taxonomy.ts';
import { aliasKey, casedKey } from '../skills/text.ts';
import type { AliasMode, SkillMention } from '../skills/types.ts';

// Words after a product's name that name its edition or platform, not the product.
const EDITION = new Set([
  'enterprise',
  'e&p',
  'pro',
  'professional',
  'suite',
  'software',
  'server',
  'studio',
  'desktop',
  'cloud',
  'online',
  'platform',
  'premium',
  'standard',
  'express',
]);

/** The product's own names in an O*NET example ("Schlumberger Petrel E&P" → "Schlumberger Petrel", "Petrel"). */
export function productNames(example: string): string[] {
  const words = example.split(/\s+/u).filter((w) => w !== '');
  let end = words.length;
  while (end > 1 && EDITION.has((words[end - 1] ?? '').toLowerCase())) end -= 1;
  const core = words.slice(0, end);
  const names: string[] = [];
  if (end < words.length) names.push(core.join(' '));
  if (core.length >= 2) names.push(core[core.length - 1] ?? '');
  return names.filter((n) => n.replace(/[^A-Za-z0-9]/gu, '').length >= 4);
}

// Only a name shaped as a product's, in its exact case: a capital inside a word ("LibGuides", "GeoStudio"), a word in
// capitals ("HYSYS", "STAAD", "PSCAD") or a hyphened name ("Design-Expert"). A plain word ("Thesis", "Finale",
// "Petrel") may be an ordinary word or a person's name and is left out, and so is "ProFicient" written "Proficient".
const PRODUCT = /^(?:\p{Lu}?\p{Ll}+\p{Lu}[\p{L}\d]*|[A-Z][A-Z\d]{4,}|\p{Lu}[\p{L}\d]*(?:-\p{Lu}[\p{L}\d]*)+)$/u;
// Spreadsheet functions are written in capitals too ("Excel (INDEX-MATCH, SUMIF)"), and some are a product's name
// (Criterion Planners INDEX): on a résumé they are the function.
const SPREADSHEET_FUNCTIONS = new Set(['INDEX', 'MATCH', 'OFFSET', 'INDIRECT', 'CHOOSE', 'FILTER', 'SORT', 'UNIQUE']);
const modeOf = (name: string): AliasMode | undefined =>
  PRODUCT.test(name) && !SPREADSHEET_FUNCTIONS.has(name) ? 'cased' : undefined;
// A line in capitals alone is a heading ("UNDERGRADUATE THESIS", "FIELDS"), whose words are no product.
const HEADING = /^[A-Z\s&/-]+$/u;

const cache = new WeakMap<Taxonomy, SkillMatcher>();

function matcherOf(taxonomy: Taxonomy): SkillMatcher {
  const had = cache.get(taxonomy);
  if (had !== undefined) return had;
  const byKey = new Map<string, MatchEntry | null>();
  for (const skill of taxonomy.all) {
    if (skill.onet === undefined) continue;
    for (const name of productNames(skill.onet.example)) {
      const mode = modeOf(name);
      if (mode === undefined || taxonomy.lookup(name) !== undefined) continue;
      const key = aliasKey(name);
      // A name two products share names neither.
      const entry = { skillId: skill.id, surface: name, mode, key, casedKey: casedKey(name) };
      byKey.set(key, byKey.has(key) ? null : entry);
    }
  }
  const matcher = new SkillMatcher([...byKey.values()].filter((e): e is MatchEntry => e !== null));
  cache.set(taxonomy, matcher);
  return matcher;
}

/** O*NET tools a sentence names by their product's own word (see the file's comment), with UTF-16 spans. */
export function productMentions(text: string, taxonomy: Taxonomy): SkillMention[] {
  if (!/[A-Za-z]/u.test(text) || HEADING.test(text.trim())) return [];
  return mentionsIn(text, matcherOf(taxonomy));
}
