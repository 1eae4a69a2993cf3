import { findCity, type City } from '../domain/geo/cities.ts';
import { majorsForOccupation } from '../domain/majors/occupation-majors.ts';
import type { Degree, JobType } from '../domain/model/common.ts';
import type { PostingCreate } from '../domain/model/posting.ts';
import { pickCity, type DemoEmployer } from './employers.ts';
import { INDUSTRY_INFO } from './industries.ts';
import type { DemoOccupation } from './occupations.ts';
import { occupationSkills, skillName, type SkillRef } from './skills.ts';
import type { Rng } from './random.ts';
import { addDays, DEGREE_EN, DEGREE_ZH, salaryBase, TIER_FACTOR } from './terms.ts';

/**
 * A posting plus the index of its employer in DemoData.employers and the O*NET code it was built from
 * (ground truth for benchmarks; the API schema strips both).
 */
export type DemoPosting = PostingCreate & { employerIndex: number; occupationCode: string };

const JOB_TYPES: readonly JobType[] = ['full-time', 'internship', 'part-time'];

const minDegreeFor = (rng: Rng, occ: DemoOccupation, jobType: JobType): Degree => {
  if (jobType !== 'full-time') return rng.chance(0.85) ? 'bachelor' : 'associate';
  const zone = occ.onet.jobZone;
  if (occ.onet.code === '15-1221.00') return rng.chance(0.3) ? 'doctorate' : 'master';
  if (zone >= 5) return rng.weighted(['bachelor', 'master', 'doctorate'] as const, [0.45, 0.5, 0.05]);
  if (zone === 4) return rng.weighted(['associate', 'bachelor', 'master'] as const, [0.05, 0.8, 0.15]);
  return rng.weighted(['associate', 'bachelor'] as const, [0.35, 0.65]);
};

/** Monthly CNY, rounded to 500: base by occupation × city tier × degree × noise; internships pay a stipend. */
const salaryRange = (rng: Rng, occ: DemoOccupation, city: City, degree: Degree, jobType: JobType): [number, number] => {
  const degreeFactor = { none: 0.7, associate: 0.8, bachelor: 1, master: 1.2, doctorate: 1.5 }[degree];
  const typeFactor = jobType === 'full-time' ? 1 : jobType === 'internship' ? 0.35 : 0.4;
  const raw =
    salaryBase(occ.onet.code) * TIER_FACTOR[city.tier] * degreeFactor * typeFactor * (0.85 + 0.35 * rng.next());
  const min = Math.max(1500, Math.round(raw / 500) * 500);
  const max = Math.round((min * (1.2 + 0.4 * rng.next())) / 500) * 500;
  return [min, Math.max(min, max)];
};

const titleFor = (rng: Rng, occ: DemoOccupation, lang: 'zh' | 'en', jobType: JobType): string => {
  if (lang === 'zh') {
    const base = rng.pick([occ.zh.zh, occ.zh.zh, ...occ.zh.altZh]);
    if (jobType === 'internship') return `${base}实习生`;
    if (jobType === 'part-time') return `${base}（兼职）`;
    return rng.pick([base, base, `${base}（2027届校招）`, `应届生-${base}`]);
  }
  const base = rng.pick([occ.zh.en, occ.zh.en, ...occ.zh.altEn]);
  if (jobType === 'internship') return `${base} Intern`;
  if (jobType === 'part-time') return `${base} (Part-time)`;
  return rng.pick([base, base, `Graduate ${base}`, `Junior ${base}`]);
};

const describe = (
  rng: Rng,
  occ: DemoOccupation,
  emp: DemoEmployer,
  lang: 'zh' | 'en',
  required: readonly string[],
  preferred: readonly string[],
  majors: readonly string[],
  degree: Degree,
): string => {
  const info = INDUSTRY_INFO[emp.industry];
  if (lang === 'zh') {
    const tasks = rng.sample(occ.zh.tasks, rng.int(2, occ.zh.tasks.length));
    const lines = [
      `${emp.nameZh}${info.aboutZh}。${occ.zh.desc}`,
      '岗位职责：',
      ...tasks.map((t, i) => `${i + 1}. ${t}`),
      '任职要求：',
      `1. ${DEGREE_ZH[degree]}及以上学历${majors.length > 0 ? `，${majors.join('、')}等相关专业` : '，专业不限'}；`,
      `2. 熟悉${required.join('、')}；`,
      ...(preferred.length > 0 ? [`3. 有${preferred.join('、')}经验者优先。`] : []),
    ];
    return lines.join('\n');
  }
  const tasks = rng.sample(occ.onet.tasks, rng.int(3, Math.min(6, occ.onet.tasks.length)));
  const lines = [
    `${emp.nameEn} ${info.aboutEn}. ${occ.onet.description}`,
    'What you will do:',
    ...tasks.map((t) => `- ${t}`),
    'What we look for:',
    `- ${/^[aeiou]/.test(DEGREE_EN[degree]) ? 'An' : 'A'} ${DEGREE_EN[degree]} or higher` +
      `${majors.length > 0 ? ` in ${majors.join(', ')} or a related field` : ' in any field'}.`,
    `- Working knowledge of ${required.join(', ')}.`,
    ...(preferred.length > 0 ? [`- Nice to have: ${preferred.join(', ')}.`] : []),
  ];
  return lines.join('\n');
};

const OPEN_FROM = '2026-09-01';

/** One open posting of `occ` at employer `employerIndex`. */
export const generatePosting = (
  rng: Rng,
  occ: DemoOccupation,
  employers: readonly DemoEmployer[],
  employerIndex: number,
): DemoPosting => {
  const emp = employers[employerIndex];
  if (emp === undefined) throw new RangeError(`no employer ${employerIndex}`);
  // Mostly the employer's own language, sometimes the other one (bilingual firms), ≈ 60 % Chinese overall.
  const lang = rng.chance(0.8) ? emp.lang : emp.lang === 'zh' ? 'en' : 'zh';
  const jobType = rng.weighted(JOB_TYPES, [0.78, 0.18, 0.04]);
  const minDegree = minDegreeFor(rng, occ, jobType);

  // Distinct names only: 电子表格 may be both a competency and the Chinese name of Excel.
  const pool: SkillRef[] = [...new Map(occupationSkills(occ).map((s) => [skillName(s, lang), s])).values()];
  const nRequired = rng.int(3, 7);
  const nPreferred = rng.int(0, 4);
  // Central skills are likelier to be required: sample from the first two thirds of the pool first.
  const core = pool.slice(0, Math.max(nRequired, Math.ceil(pool.length * 0.66)));
  const requiredRefs = rng.sample(core, nRequired);
  const rest = pool.filter((s) => !requiredRefs.includes(s));
  const preferredRefs = rng.sample(rest, nPreferred);
  const requiredSkills = requiredRefs.map((s) => skillName(s, lang));
  const preferredSkills = preferredRefs.map((s) => skillName(s, lang));

  const fit = majorsForOccupation(occ.onet.code);
  const acceptedMajors = rng.chance(0.15)
    ? []
    : fit.slice(0, rng.int(2, Math.min(5, fit.length))).map((m) => (lang === 'zh' ? m.zh : m.en));
  const cities = [emp.city];
  if (rng.chance(0.25)) for (let k = rng.int(1, 2); k > 0; k--) cities.push(pickCity(rng));
  const locations = [...new Set(cities.map((c) => (lang === 'zh' ? c.zh : c.en)))];
  const mainCity = findCity(locations[0] ?? '') ?? emp.city;
  const withSalary = rng.chance(0.9);
  const [salaryMin, salaryMax] = salaryRange(rng, occ, mainCity, minDegree, jobType);
  const opensAt = addDays(OPEN_FROM, rng.int(0, 120));
  const closesAt = [addDays(opensAt, rng.int(30, 120)), '2027-03-31'].sort()[0] ?? '2027-03-31';
  const remoteProne = occ.onet.code.startsWith('15-') || occ.onet.code.startsWith('27-');
  const headcount = rng.weighted([1, 2, 3, 5, 10, 20], [30, 25, 20, 12, 9, 4]);

  return {
    employerIndex,
    occupationCode: occ.onet.code,
    title: titleFor(rng, occ, lang, jobType),
    description: describe(rng, occ, emp, lang, requiredSkills, preferredSkills, acceptedMajors, minDegree),
    requiredSkills,
    preferredSkills,
    minDegree,
    acceptedMajors,
    locations,
    remote: rng.chance(remoteProne ? 0.1 : 0.02),
    jobType,
    ...(withSalary ? { salaryMin, salaryMax } : {}),
    headcount,
    opensAt,
    closesAt,
    status: 'open',
    lang,
  };
};
