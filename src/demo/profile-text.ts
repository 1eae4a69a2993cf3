import type { Degree } from '../domain/model/common.ts';
import type { GraduateCreate } from '../domain/model/graduate.ts';
import type { Major } from '../domain/majors/majors.ts';
import { BRANDS } from './data/names.ts';
import { INDUSTRY_INFO } from './industries.ts';
import type { DemoOccupation } from './occupations.ts';
import type { Rng } from './random.ts';
import { DEGREE_ZH } from './terms.ts';

/** Certificates Chinese graduates commonly hold for an occupation, [Chinese, English], by SOC prefix or code. */
const CERTIFICATES: ReadonlyArray<readonly [prefix: string, zh: string, en: string]> = [
  ['13-2011', '初级会计专业技术资格', 'Junior Accountant Certificate'],
  ['13-205', '证券从业资格', 'Securities Qualification Certificate'],
  ['15-', '软件设计师（软考中级）', 'Software Designer (China NCRE, intermediate)'],
  ['25-', '教师资格证', 'Teacher Qualification Certificate'],
  ['29-1141', '护士执业资格证', 'Nurse Qualification Certificate'],
  ['23-1011', '法律职业资格证书', 'National Legal Professional Qualification'],
  ['27-3091', 'CATTI 三级笔译', 'CATTI Level 3 Translator'],
  ['17-', 'CAD 绘图员证书', 'CAD Drafter Certificate'],
];

export const certificatesFor = (
  rng: Rng,
  occ: DemoOccupation,
  lang: 'zh' | 'en',
  year: number,
): GraduateCreate['certificates'] => {
  const out: GraduateCreate['certificates'] = [];
  const own = CERTIFICATES.find(([p]) => occ.onet.code.startsWith(p));
  if (own !== undefined && rng.chance(0.55))
    out.push({
      name: lang === 'zh' ? own[1] : own[2],
      issuedAt: `${year - 1}-${rng.pick(['03-15', '06-20', '12-10'])}`,
    });
  if (rng.chance(0.3))
    out.push({ name: lang === 'zh' ? '全国计算机等级考试二级' : 'National Computer Rank Examination, Level 2' });
  return out;
};

export const experienceFor = (
  rng: Rng,
  occ: DemoOccupation,
  lang: 'zh' | 'en',
  year: number,
  k: number,
): GraduateCreate['experiences'][number] => {
  const brand = rng.pick(BRANDS);
  const industry = INDUSTRY_INFO[rng.pick(occ.zh.industries)];
  const [sfxZh, sfxEn] = industry.suffixes[0] ?? ['有限公司', 'Co., Ltd.'];
  const startYear = year - 1 - k;
  const start = `${startYear}-${rng.pick(['01-10', '03-01', '07-01', '07-15'])}`;
  const end = `${startYear}-${rng.pick(['08-31', '09-30', '12-31'])}`;
  if (lang === 'zh') {
    return {
      title: `${occ.zh.zh}实习生`,
      organization: `${brand[0]}${sfxZh}`,
      start,
      end,
      description: rng.sample(occ.zh.tasks, 2).join(''),
    };
  }
  return {
    title: `${occ.zh.en} Intern`,
    organization: `${brand[1]} ${sfxEn}`,
    start,
    end,
    description: rng.sample(occ.onet.tasks, 2).join(' '),
  };
};

export const summaryFor = (
  rng: Rng,
  occ: DemoOccupation,
  lang: 'zh' | 'en',
  major: Major,
  degree: Degree,
  year: number,
  skills: readonly string[],
): string => {
  if (lang === 'zh') {
    return rng.pick([
      `${major.zh}专业${DEGREE_ZH[degree]}，${year}届毕业生。熟悉${skills.join('、')}，希望从事${occ.zh.zh}相关工作。`,
      `${year}届${DEGREE_ZH[degree]}毕业生，主修${major.zh}。掌握${skills.join('、')}，对${occ.zh.zh}方向很感兴趣，学习能力强。`,
      `我是${major.zh}专业的应届生，做过${occ.zh.tasks[0]?.replace(/。$/, '') ?? '相关项目'}等工作，求职方向：${occ.zh.zh}。`,
    ]);
  }
  const deg = { none: '', associate: 'associate', bachelor: 'BSc/BA', master: 'master', doctorate: 'PhD' }[degree];
  return rng.pick([
    `${year} ${deg} graduate in ${major.en}. Skilled in ${skills.join(', ')}; looking for a ${occ.zh.en} role.`,
    `${major.en} ${deg} student graduating in ${year}, interested in ` +
      `${occ.zh.en.toLowerCase()} work. Hands-on with ${skills.join(', ')}.`,
  ]);
};
