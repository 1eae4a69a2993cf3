/**
 * The curated bilingual names: skills of the taxonomy whose Chinese name is written in Han characters,
 * the [Chinese, English] competency pairs and the Chinese titles of the demo occupations
 * (src/demo/data/occupations-zh*.ts). The supervised embedder learns from the items that are not held out
 * (holdout.ts); the cross-lingual benchmark queries with the held-out ones.
 */
import { OCCUPATIONS_ZH } from '../../src/demo/data/occupations-zh.ts';
import type { Taxonomy } from '../../src/domain/skills/index.ts';
import { isHeldOutItem } from './holdout.ts';

const HAN = /[\u3400-\u9fff]/;

export interface BilingualItem {
  /** `skill:<id>`, `pair:<english, lower case>` or `occupation:<O*NET-SOC code>`. */
  readonly key: string;
  readonly kind: 'skill' | 'pair' | 'occupation';
  /** English names, the primary one first. */
  readonly en: readonly string[];
  /** Chinese names, the primary one first. */
  readonly zh: readonly string[];
  /** An occupation's Chinese description and duties (empty for skills). */
  readonly zhText: readonly string[];
  /** The O*NET-SOC code of an occupation item. */
  readonly code: string | null;
  readonly heldOut: boolean;
}

const uniq = (xs: readonly string[]): string[] => [...new Set(xs.map((x) => x.trim()).filter((x) => x.length > 0))];

export function bilingualItems(taxonomy: Taxonomy): BilingualItem[] {
  const skills = new Map<string, { en: string[]; zh: string[] }>();
  for (const s of taxonomy.all) {
    if (!HAN.test(s.nameZh)) continue;
    skills.set(s.id, {
      en: [s.name, ...s.aliases.filter((a) => !HAN.test(a))],
      zh: [s.nameZh, ...s.aliases.filter((a) => HAN.test(a))],
    });
  }
  const pairs = new Map<string, { en: string[]; zh: string[] }>();
  for (const o of OCCUPATIONS_ZH.values()) {
    for (const [zh, en] of o.skills) {
      const skill = taxonomy.lookup(en);
      const own = skill === undefined ? undefined : skills.get(skill.id);
      if (own !== undefined) {
        own.zh.push(zh);
        continue;
      }
      const key = en.toLowerCase();
      const pair = pairs.get(key) ?? { en: [en], zh: [] };
      pair.zh.push(zh);
      pairs.set(key, pair);
    }
  }
  const items: BilingualItem[] = [];
  const push = (
    key: string,
    kind: BilingualItem['kind'],
    en: string[],
    zh: string[],
    zhText: string[],
    code: string | null,
  ): void => {
    const e = uniq(en);
    const z = uniq(zh);
    if (e.length > 0 && z.length > 0)
      items.push({ key, kind, en: e, zh: z, zhText, code, heldOut: isHeldOutItem(key) });
  };
  for (const [id, s] of skills) push(`skill:${id}`, 'skill', s.en, s.zh, [], null);
  for (const [key, p] of pairs) push(`pair:${key}`, 'pair', p.en, p.zh, [], null);
  for (const o of OCCUPATIONS_ZH.values()) {
    push(`occupation:${o.code}`, 'occupation', [o.en, ...o.altEn], [o.zh, ...o.altZh], [o.desc, ...o.tasks], o.code);
  }
  return items;
}
