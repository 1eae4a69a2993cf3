import { REGION_NAMES, findCity, type Region } from '../../domain/geo/cities.ts';
import { findMajor } from '../../domain/majors/majors.ts';
import type { Lang } from '../../domain/model/common.ts';
import { DEMO_OCCUPATIONS } from '../../demo/occupations.ts';
import { markedName } from '../../domain/explain/labels.ts';
import { skillRef } from '../matching/present.ts';

type Names = Readonly<Record<string, { zh: string; en: string }>>;

const UNKNOWN = { zh: '未填写', en: 'not given' };
const ANY = { zh: '不限', en: 'any' };

export const DEGREE_NAMES: Names = {
  none: { zh: '无学历要求', en: 'no degree' },
  associate: { zh: '专科', en: 'associate' },
  bachelor: { zh: '本科', en: 'bachelor' },
  master: { zh: '硕士', en: 'master' },
  doctorate: { zh: '博士', en: 'doctorate' },
};

export const STATUS_NAMES: Names = {
  employed: { zh: '协议和合同就业', en: 'employed' },
  further_study: { zh: '升学', en: 'further study' },
  civil_service: { zh: '考公/选调', en: 'civil service' },
  entrepreneurship: { zh: '自主创业', en: 'entrepreneurship' },
  flexible: { zh: '灵活就业', en: 'flexible employment' },
  not_placed: { zh: '待就业', en: 'not yet placed' },
  not_seeking: { zh: '暂不就业', en: 'not seeking' },
  none: { zh: '未登记去向', en: 'no outcome recorded' },
};

export const HUKOU_NAMES: Names = { urban: { zh: '城镇', en: 'urban' }, rural: { zh: '农村', en: 'rural' } };

export const STAGE_NAMES: Names = {
  view: { zh: '浏览', en: 'viewed' },
  save: { zh: '收藏', en: 'saved' },
  apply: { zh: '投递', en: 'applied' },
  interview: { zh: '面试', en: 'interviewed' },
  offer: { zh: '录用通知', en: 'offered' },
  hire: { zh: '入职', en: 'hired' },
};

const OCCUPATIONS: Names = Object.fromEntries(DEMO_OCCUPATIONS.map((o) => [o.onet.code, { zh: o.zh.zh, en: o.zh.en }]));

export interface Group {
  readonly key: string;
  readonly label: string;
}

const named = (names: Names, key: string | null, lang: Lang): Group =>
  key === null || key === '' ? { key: 'unknown', label: UNKNOWN[lang] } : { key, label: names[key]?.[lang] ?? key };

export const degreeGroup = (key: string | null, lang: Lang) => named(DEGREE_NAMES, key, lang);
export const statusGroup = (key: string | null, lang: Lang) => named(STATUS_NAMES, key ?? 'none', lang);
export const hukouGroup = (key: string | null, lang: Lang) => named(HUKOU_NAMES, key, lang);
export const stageGroup = (key: string, lang: Lang) => named(STAGE_NAMES, key, lang);
export const regionGroup = (key: string | null, lang: Lang): Group =>
  key === '*'
    ? { key: 'any', label: ANY[lang] }
    : named(REGION_NAMES as Readonly<Record<Region, { zh: string; en: string }>>, key, lang);
export const yearGroup = (key: string | null, lang: Lang): Group =>
  key === null ? { key: 'unknown', label: UNKNOWN[lang] } : { key, label: lang === 'zh' ? `${key}届` : key };
/** An occupation code named in the language asked for (the titles of the occupations Bole knows). */
export const occupationGroup = (key: string | null, lang: Lang) => named(OCCUPATIONS, key, lang);

/** Majors written in either language or by alias fold into one group (计算机 = Computer Science). */
export const majorGroup = (raw: string | null, lang: Lang): Group => {
  if (raw === '*') return { key: 'any', label: ANY[lang] };
  if (raw === null || raw.trim() === '') return { key: 'unknown', label: UNKNOWN[lang] };
  const major = findMajor(raw);
  return major ? { key: major.id, label: major[lang] } : { key: raw.trim(), label: raw.trim() };
};

export const cityGroup = (raw: string | null, lang: Lang): Group => {
  if (raw === '*') return { key: 'any', label: ANY[lang] };
  if (raw === null) return { key: 'unknown', label: UNKNOWN[lang] };
  const city = findCity(raw);
  return city ? { key: city.id, label: city[lang] } : { key: raw, label: raw };
};

export const skillGroup = (id: string, lang: Lang): Group => {
  const ref = skillRef(id);
  return {
    key: id,
    label: markedName({ zh: ref.nameZh, en: ref.name, untranslated: ref.untranslated }, lang),
  };
};
