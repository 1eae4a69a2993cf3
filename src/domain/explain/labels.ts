import { findCity, REGION_NAMES, type Region } from '../geo/cities.ts';
import { DISCIPLINE_NAMES, findMajor } from '../majors/majors.ts';
import type { ComponentName } from '../matching/weights.ts';
import type { CriterionName } from '../matching/score.ts';
import type { Degree, JobType, Lang } from '../model/common.ts';

/** A text in both languages; the caller picks one with `pick`. */
export interface Label {
  zh: string;
  en: string;
  /**
   * Languages in which the text is only the other language's name repeated (a skill with no Chinese name, a
   * free tag written in one language). When absent, the script of each text decides (see readsAs).
   */
  untranslated?: readonly Lang[];
}

export const COMPONENT_LABELS: Record<ComponentName, Label> = {
  semantic: { zh: '文本语义相近度', en: 'text similarity' },
  requiredSkills: { zh: '必备技能覆盖', en: 'required-skill coverage' },
  preferredSkills: { zh: '加分技能覆盖', en: 'preferred-skill coverage' },
  majorFit: { zh: '专业对口', en: 'major fit' },
  degreeFit: { zh: '学历符合', en: 'degree fit' },
  locationFit: { zh: '地点符合', en: 'location fit' },
  salaryFit: { zh: '薪资符合', en: 'salary fit' },
  jobTypeFit: { zh: '工作类型符合', en: 'job type fit' },
  lexical: { zh: '关键词匹配', en: 'keyword match' },
};

export const CRITERION_LABELS: Record<CriterionName, Label> = {
  location: { zh: '地点', en: 'location' },
  degree: { zh: '学历', en: 'degree' },
  major: { zh: '专业', en: 'major' },
  salary: { zh: '薪资', en: 'salary' },
  jobType: { zh: '工作类型', en: 'job type' },
};

export const DEGREE_LABELS: Record<Degree, Label> = {
  none: { zh: '不限学历', en: 'no degree' },
  associate: { zh: '大专', en: 'associate degree' },
  bachelor: { zh: '本科', en: "bachelor's degree" },
  master: { zh: '硕士', en: "master's degree" },
  doctorate: { zh: '博士', en: 'doctorate' },
};

export const JOB_TYPE_LABELS: Record<JobType, Label> = {
  'full-time': { zh: '全职', en: 'full-time' },
  internship: { zh: '实习', en: 'internship' },
  'part-time': { zh: '兼职', en: 'part-time' },
};

/**
 * Signals the scorer never sees (DESIGN.md principle 1; rules-and-asks §2.2). Listed in every
 * explanation and in the disclosure so a reader can check what was left out, not only what was used.
 */
export const SIGNALS_NOT_USED = [
  { id: 'gender', zh: '性别', en: 'gender' },
  { id: 'ethnicity', zh: '民族', en: 'ethnicity' },
  { id: 'hukou', zh: '户籍类型', en: 'hukou (household registration)' },
  { id: 'regionOfOrigin', zh: '生源地', en: 'region of origin' },
  { id: 'age', zh: '年龄', en: 'age' },
  { id: 'disability', zh: '残疾状况', en: 'disability' },
  { id: 'health', zh: '健康状况', en: 'health' },
  { id: 'maritalStatus', zh: '婚育状况', en: 'marital status' },
  { id: 'religion', zh: '宗教信仰', en: 'religion' },
  { id: 'photo', zh: '照片', en: 'photo' },
  { id: 'name', zh: '姓名', en: 'name' },
  { id: 'schoolTier', zh: '院校层次（985/211/双一流）', en: 'school tier (985/211/Double First-Class)' },
] as const satisfies ReadonlyArray<{ id: string } & Label>;
export type SignalNotUsed = (typeof SIGNALS_NOT_USED)[number];

/** What the AI does here (EU AI Act art. 86 asks for the AI's role in the decision). */
export const AI_ROLE: Label = {
  zh: '本系统仅提供排序辅助，不作出录用决定；是否申请、是否录用由你和招聘方决定。',
  en: 'This is ranking assistance, not a hiring decision: whether to apply and whom to hire is decided by people.',
};

/** A place as given, with its names when it is a known city. */
export interface Place extends Label {
  given: string;
  region: Region | null;
}

export function placeLabel(given: string): Place {
  const city = findCity(given);
  return city
    ? { given, zh: city.zh, en: city.en, region: city.region }
    : { given, zh: given, en: given, region: null };
}

export const regionLabel = (region: Region): Label => REGION_NAMES[region];

/** A major as given, with its names and discipline when it is a known major. */
export interface MajorRef extends Label {
  given: string;
  discipline: Label | null;
}

export function majorLabel(given: string): MajorRef {
  const major = findMajor(given);
  if (!major) return { given, zh: given, en: given, discipline: null };
  return {
    given,
    zh: major.zh,
    en: major.en,
    discipline: {
      zh: DISCIPLINE_NAMES[major.discipline],
      en: major.discipline.charAt(0).toUpperCase() + major.discipline.slice(1),
    },
  };
}

/** Looks a skill up by id: the taxonomy's `get`, or anything with the same shape. */
export type SkillLookup = (id: string) => { name: string; nameZh: string; hasZhName?: boolean } | undefined;

const HAN = /\p{Script=Han}/u;

/**
 * Whether a name can stand in text of that language: English text takes no Chinese characters; Chinese text
 * takes Chinese, or a single Latin word (product names such as Python or Excel read the same in both), but
 * not an untranslated English phrase.
 */
export const readsAs = (name: string, lang: Lang): boolean =>
  lang === 'en' ? !HAN.test(name) : HAN.test(name) || !/\s/.test(name.trim());

/**
 * The languages in which a label has no name of its own (it is then shown marked as untranslated): what the
 * label says, and in any case a text whose script cannot stand in that language (Chinese characters in English).
 */
export const untranslatedIn = (label: Label): Lang[] =>
  (['zh', 'en'] as const).filter((l) => label.untranslated?.includes(l) === true || !readsAs(label[l], l));

/** The mark for a name shown in text of a language it has no name in. */
export const UNTRANSLATED_MARK: Readonly<Record<Lang, string>> = { zh: '（无中文名）', en: ' (untranslated)' };

/** A name in text of `lang`, marked when it has none in that language: never a silent mix of languages. */
export const markedName = (label: Label, lang: Lang): string =>
  untranslatedIn(label).includes(lang) ? `${label[lang]}${UNTRANSLATED_MARK[lang]}` : label[lang];

/**
 * A skill's names: taxonomy names (a tool with no Chinese name of its own is untranslated in Chinese, even a
 * one-word name), a free tag's own label (untranslated in the language it was not written in: a tag with
 * Chinese characters has no English name, any other has no Chinese one), or the bare id when unknown.
 */
export function skillLabel(id: string, lookup: SkillLookup): Label {
  if (id.startsWith('tag:')) {
    const label = id.slice(4);
    return { zh: label, en: label, untranslated: [HAN.test(label) ? 'en' : 'zh'] };
  }
  const skill = lookup(id);
  if (!skill) return { zh: id, en: id, untranslated: ['zh'] };
  return { zh: skill.nameZh, en: skill.name, ...(skill.hasZhName === false ? { untranslated: ['zh'] as const } : {}) };
}
