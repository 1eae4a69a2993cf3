/**
 * Items of a skills list that are exactly a skill's name or alias, whatever its letter case and however it is rated:
 * "Pr / Ps / 剪映 熟练", "Origin ★★★★", "SEO audits with SEMrush" are no sentences but list items, where an alias that
 * must match its exact case ("PS") or stand in a list ("Origin") has been given its place by the list itself. An
 * item's label before a colon, its bracketed note, rating marks and proficiency words go; what is left must be the
 * whole name (an item "Power BI" is Power BI, never BI).
 */
import type { Taxonomy } from '../skills/taxonomy.ts';
import type { SkillMention } from '../skills/types.ts';

// List separators of a skills line (a slash only between spaces or Chinese: "TCP/IP" is one name).
const SEPARATOR = /[,，;；、|•·]|\s\/\s|\s\/|\/\s|(?<=[\u4e00-\u9fff])\/|\/(?=[\u4e00-\u9fff])/u;
// Rating marks and proficiency words, Chinese and English, around an item.
// Marks, bars, fractions, percentages and levels: "★★★★", "▰▰▰▱▱", "4/5", "90%", "Lv.4", "Level 3".
const RATING = new RegExp(
  '[\\u2580-\\u25ff\\u2605\\u2606\\u2729\\u272a\\u2b50]+|\\d(?:\\.\\d)?\\s*/\\s*(?:5|10)\\b|' +
    '\\d{1,3}(?:\\.\\d)?\\s*%|\\b(?:Lv|Level)\\.?\\s*\\d\\b',
  'giu',
);
const PROFICIENCY = new RegExp(
  '^(?:熟练(?:使用|掌握|运用)?|精通|掌握|了解|熟悉|会用|能用|使用)|' +
    '(?:熟练|精通|掌握|了解|熟悉|基础|入门|一般|良好|初级|中级|高级)$|' +
    '\\s*[-–—:：]?\\s*\\b(?:basic|advanced|intermediate|proficient|expert|beginner|novice|familiar|fluent|good|' +
    'strong|excellent|working knowledge)\\b$',
  'iu',
);
const BRACKETED = /[（(][^（()）]*[)）]|\[[^\]]*\]/gu;

/** An item without its bracketed note, its rating and its proficiency words ("Origin ★★★★" → "Origin"). */
function bare(raw: string): string {
  let item = raw.replace(BRACKETED, ' ').replace(RATING, ' ').trim();
  for (let i = 0; i < 2; i++) item = item.replace(PROFICIENCY, '').trim();
  return item;
}

/** The list items of a skills line that are exactly a name or alias of a skill, with their spans in the line. */
export function listedItems(line: string, taxonomy: Taxonomy): SkillMention[] {
  const colon = /^[^:：]{1,24}[:：]/u.exec(line);
  // "Excel: Advanced", "Python：精通": the part before the colon is the item and the rest its level, not a list's label.
  const levelOnly = colon !== null && bare(line.slice(colon[0].length)) === '';
  const from = colon === null || levelOnly ? 0 : colon[0].length;
  const found: SkillMention[] = [];
  let at = from;
  for (const raw of line.slice(from).split(SEPARATOR)) {
    const start = line.indexOf(raw, at);
    at = start + raw.length;
    const item = bare(levelOnly ? raw.replace(/[:：].*$/u, '') : raw);
    if (item === '' || !/[\p{L}]/u.test(item)) continue;
    const entry = taxonomy.matcher.exact(item);
    if (entry === undefined) continue;
    const inRaw = raw.indexOf(item);
    const s = start + Math.max(0, inRaw);
    found.push({ id: entry.skillId, start: s, end: s + item.length, text: item });
  }
  return found;
}
