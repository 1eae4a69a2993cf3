import { getTaxonomy } from '../skills/index.ts';
import type { MatchScore } from '../matching/score.ts';
import type { Lang } from '../model/common.ts';
import { markedName, skillLabel, untranslatedIn, type SkillLookup } from './labels.ts';

const defaultLookup: SkillLookup = (id) => getTaxonomy().get(id);

/**
 * A skill's name in the requested language, marked when it has none: a Chinese-only name in English
 * text, or an English phrase with no Chinese name in Chinese text (one-word product names such as
 * Python read the same in both). Never a silent mix of languages.
 */
export function skillNameIn(
  id: string,
  lang: Lang,
  lookup: SkillLookup = defaultLookup,
): { name: string; translated: boolean } {
  const label = skillLabel(id, lookup);
  return { name: label[lang], translated: !untranslatedIn(label).includes(lang) };
}

const shown = (id: string, lang: Lang, lookup: SkillLookup): string => markedName(skillLabel(id, lookup), lang);

/** One line for a list item, in one language, from the match's own numbers and names only. */
export function summaryLine(match: MatchScore, lang: Lang, lookup: SkillLookup = defaultLookup): string {
  const zh = lang === 'zh';
  const held = match.matchedSkills.filter((m) => m.wanted === 'required');
  const total = held.length + match.missingSkills.required.length;
  const names = held.slice(0, 3).map((m) => shown(m.skillId, lang, lookup));
  const parts: string[] = [];
  if (total === 0) parts.push(zh ? '职位未列必备技能' : 'no required skills listed');
  else if (zh)
    parts.push(`必备技能 ${total} 项中具备 ${held.length} 项${names.length > 0 ? `（${names.join('、')}）` : ''}`);
  else parts.push(`${held.length} of ${total} required skills${names.length > 0 ? ` (${names.join(', ')})` : ''}`);
  const status = (name: string) => match.criteria.find((c) => c.criterion === name)?.status;
  const location = status('location');
  if (location === 'met') parts.push(zh ? '地点符合' : 'location fits');
  else if (location === 'partly') parts.push(zh ? '地点在偏好区域内' : 'in a preferred region');
  else if (location === 'not_met') parts.push(zh ? '不在偏好地点' : 'outside your preferred places');
  if (status('jobType') === 'not_met') parts.push(zh ? '工作类型与期望不符' : 'not the job type you asked for');
  if (status('salary') === 'partly') parts.push(zh ? '薪资未达期望或未标明' : 'salary below your floor or not stated');
  const score = match.score.toFixed(2);
  return zh ? `匹配度 ${score}：${parts.join('；')}。` : `Score ${score}: ${parts.join('; ')}.`;
}
