import type { AliasMode, OnetToolInfo, Skill, SkillCategory } from './types.ts';
import type { SkillSeed } from './seed.ts';
import { CURATED_SEEDS } from './curated.ts';
import { parseAlias, stricter } from './alias.ts';
import { ONET_ALIASES } from './data/onet-aliases.ts';
import { ONET_NAMES_ZH } from './data/onet-names-zh.ts';
import { loadOnetExamples, onetAliasMode, onetCategory, onetFamily, slugify } from './onet.ts';
import { aliasKey, casedKey } from './text.ts';
import { SkillMatcher, type MatchEntry } from './matcher.ts';
import { searchSkills } from './search.ts';

interface TaxonomyStats {
  readonly curated: number;
  readonly onet: number;
  /** O*NET examples folded into a curated skill (e.g. "Microsoft Excel" → excel). */
  readonly mergedOnet: number;
  readonly aliases: number;
}

export interface Taxonomy {
  readonly all: readonly Skill[];
  readonly byId: ReadonlyMap<string, Skill>;
  readonly byFamily: ReadonlyMap<string, readonly Skill[]>;
  readonly matcher: SkillMatcher;
  readonly stats: TaxonomyStats;
  get(id: string): Skill | undefined;
  /** The skill whose name or alias is exactly `name` (after normalization), if any. */
  lookup(name: string): Skill | undefined;
  /** Exact alias hits first, then prefix, then substring matches of names and aliases. */
  search(query: string, limit?: number): Skill[];
}

export interface TaxonomyOptions {
  /** Include the 8,768 O*NET Technology Skills examples (default true). */
  readonly includeOnet?: boolean;
  /** Curated seeds to use instead of the bundled ones (tests). */
  readonly seeds?: readonly SkillSeed[];
}

interface Draft {
  id: string;
  name: string;
  nameZh: string;
  hasZhName: boolean;
  aliases: string[];
  category: SkillCategory;
  family: string;
  source: 'curated' | 'onet';
  onet: OnetToolInfo | undefined;
}

export function createTaxonomy(options: TaxonomyOptions = {}): Taxonomy {
  const drafts = new Map<string, Draft>();
  // key → skill id → entry; first skill to claim a key keeps priority in the matcher.
  const index = new Map<string, Map<string, MatchEntry>>();
  const add = (skillId: string, surface: string, mode: AliasMode): void => {
    const key = aliasKey(surface);
    if (key === '') return;
    let bySkill = index.get(key);
    if (bySkill === undefined) {
      bySkill = new Map();
      index.set(key, bySkill);
    }
    const prev = bySkill.get(skillId);
    if (prev !== undefined && stricter(prev.mode, mode) === prev.mode) return;
    bySkill.set(skillId, {
      skillId,
      surface,
      mode: prev === undefined ? mode : stricter(prev.mode, mode),
      key,
      casedKey: mode === 'plain' && prev === undefined ? '' : casedKey(surface),
    });
  };

  const plurals: [string, string][] = [];
  for (const seed of options.seeds ?? CURATED_SEEDS) {
    if (drafts.has(seed.id)) throw new Error(`duplicate curated skill id ${seed.id}`);
    const parsed = seed.aliases.map(parseAlias);
    drafts.set(seed.id, {
      id: seed.id,
      name: seed.name,
      nameZh: seed.nameZh,
      hasZhName: true,
      category: seed.category,
      family: seed.family,
      aliases: [...new Set(parsed.map((a) => a.surface))],
      source: 'curated',
      onet: undefined,
    });
    add(seed.id, seed.name, 'plain');
    add(seed.id, seed.nameZh, 'plain');
    for (const a of parsed) add(seed.id, a.surface, a.mode);
    for (const a of [seed.name, ...parsed.filter((p) => p.mode === 'plain').map((p) => p.surface)]) {
      const plural = englishPlural(a);
      if (plural !== undefined) plurals.push([seed.id, plural]);
    }
  }
  const curated = drafts.size;

  let merged = 0;
  const families = new Map<string, string>();
  if (options.includeOnet ?? true) {
    for (const ex of loadOnetExamples()) {
      const info: OnetToolInfo = { ...ex };
      const claimed = index.get(aliasKey(ex.example));
      const ownerId = claimed?.keys().next().value;
      const owner = ownerId === undefined ? undefined : drafts.get(ownerId);
      if (owner !== undefined) {
        if (owner.source === 'curated') {
          merged++;
          if (owner.onet === undefined || owner.onet.occupations < info.occupations) owner.onet = info;
        }
        continue;
      }
      let id = slugify(ex.example);
      for (let n = 2; drafts.has(id); n++) id = `${slugify(ex.example)}-${n}`;
      let family = families.get(ex.commodityTitle);
      if (family === undefined) {
        family = onetFamily(ex.commodityTitle);
        families.set(ex.commodityTitle, family);
      }
      const zh = ONET_NAMES_ZH[ex.example];
      drafts.set(id, {
        id,
        name: ex.example,
        // A curated Chinese name (data/onet-names-zh.ts) or, lacking one, the name itself (shown as untranslated).
        nameZh: zh ?? ex.example,
        hasZhName: zh !== undefined,
        aliases: [],
        category: onetCategory(ex.commodityTitle),
        family,
        source: 'onet',
        onet: info,
      });
      add(id, ex.example, onetAliasMode(ex.example));
      // The short names writers use ("Rhino", "Westlaw"), where no skill owns the phrase yet.
      for (const raw of ONET_ALIASES[ex.example] ?? []) {
        const a = parseAlias(raw);
        if (index.has(aliasKey(a.surface))) continue;
        add(id, a.surface, a.mode);
        drafts.get(id)?.aliases.push(a.surface);
      }
      // The Chinese name finds the tool in Chinese text too, unless another skill already owns that phrase.
      if (zh !== undefined && !index.has(aliasKey(zh))) add(id, zh, 'plain');
    }
  }

  // Plurals of curated English names come last, so that they never take a phrase another skill owns.
  for (const [id, plural] of plurals) if (!index.has(aliasKey(plural))) add(id, plural, 'plain');
  // A curated name written apart at its inner capital ("Auto CAD", "Solid Works", "Power Point", "My SQL"), in that
  // exact case, where no skill owns the phrase: OCR and hand-typed résumés split such names. O*NET's own products are
  // left out: split, many are two ordinary words in title case ("Master Plan", "Top Hat", "Price Point").
  for (const d of drafts.values()) {
    if (d.source !== 'curated') continue;
    for (const name of [d.name, ...d.aliases]) {
      const parted = splitAtCapitals(name);
      if (parted !== undefined && !index.has(aliasKey(parted))) add(d.id, parted, 'cased');
    }
  }

  const all: Skill[] = [...drafts.values()].map((d) =>
    Object.freeze({
      id: d.id,
      name: d.name,
      nameZh: d.nameZh,
      hasZhName: d.hasZhName,
      aliases: Object.freeze(d.aliases),
      category: d.category,
      family: d.family,
      source: d.source,
      ...(d.onet === undefined ? {} : { onet: d.onet }),
    }),
  );
  const byId = new Map(all.map((s) => [s.id, s]));
  const byFamily = new Map<string, Skill[]>();
  for (const s of all) {
    const list = byFamily.get(s.family);
    if (list === undefined) byFamily.set(s.family, [s]);
    else list.push(s);
  }
  const entries = [...index.values()].flatMap((m) => [...m.values()]);
  const matcher = new SkillMatcher(entries);
  const lookup = (name: string): Skill | undefined => {
    const e = matcher.exact(name);
    return e === undefined ? undefined : byId.get(e.skillId);
  };
  return {
    all,
    byId,
    byFamily,
    matcher,
    stats: { curated, onet: all.length - curated, mergedOnet: merged, aliases: entries.length },
    get: (id) => byId.get(id),
    lookup,
    search: (query, limit = 10) => searchSkills(all, index, byId, query, limit),
  };
}

/**
 * The plural of an English name whose last word is a common noun ("usability test" → "usability tests",
 * "dashboard" → "dashboards"), or undefined: acronyms, short words and words already ending in s, x, z, ch, sh.
 */
export function englishPlural(name: string): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9 .&'-]*$/u.test(name)) return undefined;
  const last = name.split(' ').pop() ?? '';
  if (!/^[A-Za-z][a-z]{3,}$/u.test(last)) return undefined;
  if (!name.includes(' ') && name.length < 6) return undefined;
  if (/(?:s|x|z|ch|sh)$/u.test(last)) return undefined;
  return /[^aeiou]y$/u.test(last) ? `${name.slice(0, -1)}ies` : `${name}s`;
}

/**
 * A one-word name with a capital inside it, written as two or more words at each lower-to-upper change ("AutoCAD" →
 * "Auto CAD", "PowerPoint" → "Power Point"), or undefined: several words already, no inner capital, or a part shorter
 * than two letters ("iOS", "LaTeX").
 */
export function splitAtCapitals(name: string): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9]*$/u.test(name)) return undefined;
  const parts = name.split(/(?<=[a-z])(?=[A-Z])/u);
  return parts.length >= 2 && parts.every((p) => p.length >= 2) ? parts.join(' ') : undefined;
}

let shared: Taxonomy | undefined;

/** The bundled taxonomy, built on first use (about a tenth of a second) and reused. */
export function getTaxonomy(): Taxonomy {
  shared ??= createTaxonomy();
  return shared;
}
