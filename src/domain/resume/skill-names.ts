/**
 * Skills whose taxonomy name is an activity on an object ("Inventory management", "Poster design", 数据分析), found
 * where a writer names the activity as a verb on that object instead of by the name: "managed inventory counts",
 * "designed posters and packaging", "planned lessons", "prepared cost estimates", 设计海报, 剪辑视频. General over the
 * taxonomy: every curated skill whose display name ends in one of the activity words below takes part, in word
 * order, inflection and plural tolerance; nothing here names a skill.
 */
import type { Taxonomy } from '../skills/taxonomy.ts';
import type { PhraseHit } from './skill-phrases.ts';

/** Activity nouns of English names → the verb forms a writer uses, and the noun forms in name order. */
const EN_HEADS: Readonly<Record<string, { verb: string; noun: string }>> = {
  management: { verb: 'manag(?:e|ed|es|ing)', noun: 'management' },
  planning: { verb: 'plan(?:s|ned|ning)?', noun: 'plan(?:s|ning)?' },
  design: { verb: 'design(?:s|ed|ing)?', noun: 'designs?' },
  estimation: { verb: 'estimat(?:e|ed|es|ing)', noun: 'estimat(?:es?|ion|ing)' },
  maintenance: { verb: 'maintain(?:s|ed|ing)?', noun: 'maintenance' },
  editing: { verb: 'edit(?:s|ed|ing)?', noun: 'edit(?:s|ing)?' },
  analysis: { verb: 'analy[sz](?:e|ed|es|ing)', noun: 'analys[ie]s' },
  testing: { verb: 'test(?:s|ed|ing)?', noun: 'test(?:s|ing)' },
  negotiation: { verb: 'negotiat(?:e|ed|es|ing)', noun: 'negotiations?' },
  research: { verb: 'research(?:ed|es|ing)?', noun: 'research' },
  development: { verb: 'develop(?:s|ed|ing)?', noun: 'development' },
  service: { verb: 'serv(?:e|ed|es|ing)', noun: 'service' },
  assessment: { verb: 'assess(?:ed|es|ing)?', noun: 'assessments?' },
  modeling: { verb: 'model(?:l?ed|s|l?ing)?', noun: 'model(?:l?ing|s)' },
};
/** Chinese activity words that may come before their object: 设计海报 for 海报设计. */
const ZH_HEADS = [
  '管理',
  '设计',
  '分析',
  '规划',
  '策划',
  '建模',
  '测试',
  '维护',
  '开发',
  '剪辑',
  '调研',
  '核算',
  '谈判',
];

// Words that may stand between a verb and its object.
const FILLER = /^(?:the|a|an|all|new|our|their|its|his|her|daily|weekly|monthly|key|multiple|several|\d+)$/u;
// Where a verb's object ends: a clause mark or a preposition.
const OBJECT_END = /[.;:()，。；：]|\b(?:for|to|in|with|on|at|by|from|using|through|into|across|per|of|under|via)\b/u;

interface Rules {
  /** Per English head: objects (as regular-expression words, plural allowed) with their skill ids. */
  en: { verb: RegExp; sameOrder: { re: RegExp; id: string }[]; objects: { re: RegExp; id: string }[] }[];
  zh: { re: RegExp; id: string }[];
}

const plural = (word: string): string => (word.endsWith('y') ? `${word.slice(0, -1)}(?:y|ies)` : `${word}(?:e?s)?`);
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const cache = new WeakMap<Taxonomy, Rules>();

function rulesOf(taxonomy: Taxonomy): Rules {
  const had = cache.get(taxonomy);
  if (had !== undefined) return had;
  const en = new Map<string, Rules['en'][number]>();
  const zh: Rules['zh'] = [];
  for (const skill of taxonomy.all) {
    if (skill.source !== 'curated' || skill.category === 'soft-skill') continue;
    const spellings = [skill.name, ...(skill.hasZhName ? [skill.nameZh] : [])];
    for (const spelling of spellings) {
      const words = spelling.toLowerCase().split(/\s+/);
      const head = words[words.length - 1] ?? '';
      const rule = EN_HEADS[head];
      if (rule !== undefined && words.length >= 2 && words.length <= 3 && words.every((w) => /^[a-z]+$/.test(w))) {
        const obj = words.slice(0, -1).map(escape);
        const last = obj.length - 1;
        const objRe = obj.map((w, i) => (i === last ? plural(w) : w)).join('\\s+');
        let byHead = en.get(head);
        if (byHead === undefined) {
          byHead = { verb: new RegExp(`\\b(?:${rule.verb})\\b`, 'giu'), sameOrder: [], objects: [] };
          en.set(head, byHead);
        }
        byHead.objects.push({ re: new RegExp(`\\b${objRe}\\b`, 'iu'), id: skill.id });
        // "cost estimates", "lesson plans": the name in its order with the activity word inflected (never an agent
        // noun such as "analyst" or "manager": a title alone is no skill).
        byHead.sameOrder.push({ re: new RegExp(`\\b${objRe}\\s+(?:${rule.noun})\\b`, 'iu'), id: skill.id });
      }
      const zhName = spelling;
      const zhHead = ZH_HEADS.find((h) => zhName.endsWith(h));
      if (zhHead !== undefined && /^[\u4e00-\u9fff]{4,6}$/u.test(zhName)) {
        const obj = zhName.slice(0, -zhHead.length);
        zh.push({ re: new RegExp(`${zhHead}[了过]?[\\u4e00-\\u9fff]{0,2}?${obj}`, 'u'), id: skill.id });
      }
    }
  }
  const rules = { en: [...en.values()], zh };
  cache.set(taxonomy, rules);
  return rules;
}

/** Skills a sentence names as an activity on an object, in any word order (see the file's comment). */
export function activitySkills(sentence: string, taxonomy: Taxonomy): PhraseHit[] {
  const { en, zh } = rulesOf(taxonomy);
  const hits: PhraseHit[] = [];
  for (const { re, id } of zh) {
    const m = re.exec(sentence);
    if (m) hits.push({ skillId: id, text: m[0] });
  }
  if (!/[A-Za-z]/.test(sentence)) return hits;
  for (const head of en) {
    for (const { re, id } of head.sameOrder) {
      const m = re.exec(sentence);
      if (m) hits.push({ skillId: id, text: m[0] });
    }
    head.verb.lastIndex = 0;
    for (let v = head.verb.exec(sentence); v !== null; v = head.verb.exec(sentence)) {
      // Part of a compound ("a fitness-testing unit"), not a verb.
      if (sentence.charAt(v.index - 1) === '-') continue;
      const after = sentence.slice(v.index + v[0].length);
      const end = OBJECT_END.exec(after);
      const object = end === null ? after : after.slice(0, end.index);
      const whole = sentence.slice(v.index, v.index + v[0].length + object.length).trim();
      // "designed posters and packaging": each coordinated object, of at most three words after fillers.
      for (const item of object.split(/,|\band\b|\bor\b|&|\//u)) {
        const words = item
          .trim()
          .split(/\s+/)
          .filter((w) => w !== '' && !FILLER.test(w.toLowerCase()));
        if (words.length === 0 || words.length > 3) continue;
        const phrase = words.join(' ');
        for (const { re, id } of head.objects) {
          if (re.test(phrase)) hits.push({ skillId: id, text: whole });
        }
      }
    }
  }
  return hits;
}
