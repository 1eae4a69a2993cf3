/**
 * Chinese aliases written without their generic last word: 班主任工作 is written 担任副班主任, 实习班主任. An alias
 * ending in 工作, 能力, 技能, 技术, 经历, 经验 or 知识 also matches its stem of three or more characters, for skills
 * that are not soft skills (those count only where listed) and for stems that are no staff title ending in 员 or 师
 * (辅导员 is a job, not student counselling).
 */
import { SkillMatcher, type MatchEntry } from '../skills/matcher.ts';
import { mentionsIn } from '../skills/extract.ts';
import type { Taxonomy } from '../skills/taxonomy.ts';
import { aliasKey, casedKey } from '../skills/text.ts';
import type { SkillMention } from '../skills/types.ts';

const STEM = /^([\u4e00-\u9fff]{3,})(?:工作|能力|技能|技术|经历|经验|知识)$/u;

/** The stem of a Chinese alias (see the file's comment), or undefined. */
export function aliasStem(alias: string): string | undefined {
  const stem = STEM.exec(alias)?.[1];
  return stem === undefined || /[员师]$/u.test(stem) ? undefined : stem;
}

const cache = new WeakMap<Taxonomy, SkillMatcher>();

function matcherOf(taxonomy: Taxonomy): SkillMatcher {
  const had = cache.get(taxonomy);
  if (had !== undefined) return had;
  const entries: MatchEntry[] = [];
  for (const skill of taxonomy.all) {
    if (skill.source !== 'curated' || skill.category === 'soft-skill') continue;
    for (const alias of [skill.nameZh, ...skill.aliases]) {
      const stem = aliasStem(alias);
      if (stem === undefined || taxonomy.lookup(stem) !== undefined) continue;
      entries.push({ skillId: skill.id, surface: stem, mode: 'plain', key: aliasKey(stem), casedKey: casedKey(stem) });
    }
  }
  const matcher = new SkillMatcher(entries);
  cache.set(taxonomy, matcher);
  return matcher;
}

/** Skills a sentence names by an alias's stem, with UTF-16 spans. */
export function stemMentions(text: string, taxonomy: Taxonomy): SkillMention[] {
  if (!/[\u4e00-\u9fff]/u.test(text)) return [];
  return mentionsIn(text, matcherOf(taxonomy));
}
