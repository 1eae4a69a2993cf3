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

/**
 * Names as the bundled taxonomy gives them (fixed for the process), built once a skill and language: a list of 20
 * names the same few hundred skills request after request. Free tags are many, so the cache empties past its size.
 */
const shownNames: Record<Lang, Map<string, string>> = { zh: new Map(), en: new Map() };
const CACHED_NAMES = 20_000;

function shown(id: string, lang: Lang, lookup: SkillLookup): string {
  if (lookup !== defaultLookup) return markedName(skillLabel(id, lookup), lang);
  const names = shownNames[lang];
  let name = names.get(id);
  if (name === undefined) {
    name = markedName(skillLabel(id, lookup), lang);
    if (names.size >= CACHED_NAMES) names.clear();
    names.set(id, name);
  }
  return name;
}

/** One line for a list item, in one language, from the match's own numbers and names only. */
export function summaryLine(match: MatchScore, lang: Lang, lookup: SkillLookup = defaultLookup): string {
  const zh = lang === 'zh';
  // One pass each over the skills and the criteria (every list item builds a line): the first three required
  // skills held are named; a criterion's status is its first entry's.
  let held = 0;
  let names = '';
  for (const m of match.matchedSkills) {
    if (m.wanted !== 'required') continue;
    if (held < 3) names += (held === 0 ? '' : zh ? '、' : ', ') + shown(m.skillId, lang, lookup);
    held++;
  }
  let location: string | undefined;
  let jobType: string | undefined;
  let salary: string | undefined;
  for (const c of match.criteria) {
    if (c.criterion === 'location') location ??= c.status;
    else if (c.criterion === 'jobType') jobType ??= c.status;
    else if (c.criterion === 'salary') salary ??= c.status;
  }
  const total = held + match.missingSkills.required.length;
  const parts: string[] = [];
  if (total === 0) parts.push(zh ? '职位未列必备技能' : 'no required skills listed');
  else if (zh) parts.push(`必备技能 ${total} 项中具备 ${held} 项${held > 0 ? `（${names}）` : ''}`);
  else parts.push(`${held} of ${total} required skills${held > 0 ? ` (${names})` : ''}`);
  if (location === 'met') parts.push(zh ? '地点符合' : 'location fits');
  else if (location === 'partly') parts.push(zh ? '地点在偏好区域内' : 'in a preferred region');
  else if (location === 'not_met') parts.push(zh ? '不在偏好地点' : 'outside your preferred places');
  if (jobType === 'not_met') parts.push(zh ? '工作类型与期望不符' : 'not the job type you asked for');
  if (salary === 'partly') parts.push(zh ? '薪资未达期望或未标明' : 'salary below your floor or not stated');
  const score = match.score.toFixed(2);
  return zh ? `匹配度 ${score}：${parts.join('；')}。` : `Score ${score}: ${parts.join('; ')}.`;
}
