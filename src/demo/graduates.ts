import type { Demographics } from '../domain/model/demographics.ts';
import type { Degree } from '../domain/model/common.ts';
import type { GraduateCreate } from '../domain/model/graduate.ts';
import { findCity } from '../domain/geo/cities.ts';
import { MAJORS, type Discipline, type Major } from '../domain/majors/majors.ts';
import { majorsForOccupation } from '../domain/majors/occupation-majors.ts';
import { TIER_SHARE, UNIVERSITIES, type SchoolKind, type University } from './data/universities.ts';
import { pickCity } from './employers.ts';
import { INDUSTRY_INFO } from './industries.ts';
import { DEMO_OCCUPATIONS, type DemoOccupation } from './occupations.ts';
import { drawDemographics, personName } from './people.ts';
import { occupationSkills, type SkillRef } from './skills.ts';
import type { Rng } from './random.ts';
import { summaryWithBackground } from './background-cues.ts';
import { certificatesFor, experienceFor, summaryFor } from './profile-text.ts';
import { salaryBase, TIER_FACTOR } from './terms.ts';

/**
 * A graduate profile, the consents it was given with, demographics only when `fairness_audit` is among
 * them, and the O*NET code of the occupation the profile was built towards (benchmark ground truth).
 */
export type DemoGraduate = GraduateCreate & { demographics?: Demographics; consents: string[]; occupationCode: string };

const AUDIT_CONSENTS = ['fairness_audit', 'profile_visible_to_employers'] as const;

const KIND_FOR: Partial<Record<Discipline, SchoolKind>> = {
  medicine: 'medical',
  education: 'normal',
  economics: 'finance',
  management: 'finance',
  art: 'arts',
  literature: 'language',
  agriculture: 'agriculture',
  engineering: 'polytechnic',
  science: 'comprehensive',
};
const GENERIC: readonly SkillRef[] = [
  { zh: '团队合作', en: 'Teamwork', kind: 'competency' },
  { zh: '沟通能力', en: 'Communication', kind: 'competency' },
  { zh: '英语', en: 'English', kind: 'competency' },
  { zh: '时间管理', en: 'Time management', kind: 'competency' },
];

/** A school drawn so that tiers follow TIER_SHARE within the pool. */
const pickByTier = (rng: Rng, pool: readonly University[]): University => {
  const perTier = new Map<string, number>();
  for (const u of pool) perTier.set(u.tier, (perTier.get(u.tier) ?? 0) + 1);
  return rng.weighted(
    pool,
    pool.map((u) => TIER_SHARE[u.tier] / (perTier.get(u.tier) ?? 1)),
  );
};

const pickSchool = (rng: Rng, degree: Degree, major: Major): University => {
  if (degree === 'associate') return rng.pick(UNIVERSITIES.filter((u) => u.kind === 'vocational'));
  const universities = UNIVERSITIES.filter((u) => u.kind !== 'vocational');
  const kind = KIND_FOR[major.discipline];
  const matching = universities.filter((u) => u.kind === kind || u.kind === 'comprehensive');
  // The school depends only on the degree and the major's discipline; never on anything scored.
  return pickByTier(rng, rng.chance(0.7) && matching.length > 0 ? matching : universities);
};

const pickMajor = (rng: Rng, occ: DemoOccupation): Major => {
  const fit = majorsForOccupation(occ.onet.code);
  if (fit.length > 0 && rng.chance(0.82))
    return rng.weighted(
      fit,
      fit.map((_, i) => 1 / (i + 1)),
    );
  return rng.pick(MAJORS);
};

const profileSkills = (rng: Rng, occ: DemoOccupation, lang: 'zh' | 'en'): GraduateCreate['skills'] => {
  const own = rng.sample(occupationSkills(occ), rng.int(3, 8));
  const other = rng.pick(DEMO_OCCUPATIONS);
  const extra = rng.sample(occupationSkills(other), rng.int(1, 3));
  const generic = rng.chance(0.5) ? [rng.pick(GENERIC)] : [];
  // Chinese profiles name software half the time in English, as people do (Excel, not 电子表格).
  const name = (s: SkillRef): string => (lang === 'en' || (s.kind === 'tech' && rng.chance(0.5)) ? s.en : s.zh);
  const names = [...new Set([...own, ...extra, ...generic].map(name))];
  return names.map((n) => ({ name: n, source: 'declared' as const }));
};

const DEGREE_WEIGHTS = [0.1, 0.65, 0.23, 0.02] as const;
const DEGREES = ['associate', 'bachelor', 'master', 'doctorate'] as const;
const AGE_AT_GRADUATION: Readonly<Record<Degree, number>> = {
  none: 20,
  associate: 21,
  bachelor: 22,
  master: 25,
  doctorate: 28,
};

export const generateGraduate = (rng: Rng, index: number): DemoGraduate => {
  const occ = rng.weighted(
    DEMO_OCCUPATIONS,
    DEMO_OCCUPATIONS.map((o) => (o.onet.code.startsWith('15-') || o.onet.code.startsWith('13-') ? 1.5 : 1)),
  );
  const lang = rng.chance(0.7) ? 'zh' : 'en';
  const degree = rng.weighted(DEGREES, DEGREE_WEIGHTS);
  const major = pickMajor(rng, occ);
  const school = pickSchool(rng, degree, major);
  const year = rng.chance(0.5) ? 2026 : 2027;
  const name = personName(rng, lang);
  const education: GraduateCreate['education'] = [
    {
      school: lang === 'zh' ? school.zh : school.en,
      degree,
      major: lang === 'zh' ? major.zh : major.en,
      graduationDate: `${year}-${rng.pick(['06-20', '06-30', '07-01'])}`,
    },
  ];
  if (degree === 'master' || degree === 'doctorate') {
    const first = pickSchool(rng, 'bachelor', major);
    education.push({
      school: lang === 'zh' ? first.zh : first.en,
      degree: 'bachelor',
      major: lang === 'zh' ? major.zh : major.en,
      graduationDate: `${year - (degree === 'master' ? 3 : 5)}-06-30`,
    });
  }
  const home = findCity(school.city);
  const cities = [
    ...new Set([
      ...(home !== undefined && rng.chance(0.6) ? [home] : []),
      ...Array.from({ length: rng.int(0, 2) }, () => pickCity(rng)),
    ]),
  ];
  const floorCity = cities[0] ?? home;
  const salaryFloor = rng.chance(0.7)
    ? Math.round((salaryBase(occ.onet.code) * TIER_FACTOR[floorCity?.tier ?? 2] * (0.6 + 0.3 * rng.next())) / 500) * 500
    : undefined;
  const audited = rng.chance(0.65);
  const visibility = audited
    ? 'employers'
    : rng.weighted(['employers', 'career_office', 'private'] as const, [0.8, 0.13, 0.07]);
  const skills = profileSkills(rng, occ, lang);
  const graduate: DemoGraduate = {
    name: name.display,
    email: `${name.handle}${index + 1}@example.edu.cn`,
    education,
    skills,
    languages:
      lang === 'zh'
        ? [
            { language: '汉语', level: '母语' },
            { language: '英语', level: rng.pick(['CET-4', 'CET-6', 'CET-6', 'IELTS 6.5']) },
          ]
        : [
            { language: 'Chinese', level: 'native' },
            { language: 'English', level: rng.pick(['CET-6', 'IELTS 7.0', 'TOEFL 100', 'fluent']) },
          ],
    certificates: certificatesFor(rng, occ, lang, year),
    experiences: Array.from({ length: rng.weighted([0, 1, 2], [0.25, 0.5, 0.25]) }, (_, k) =>
      experienceFor(rng, occ, lang, year, k),
    ),
    summary: summaryFor(
      rng,
      occ,
      lang,
      major,
      degree,
      year,
      skills.slice(0, 3).map((s) => s.name),
    ),
    preferences: {
      locations: cities.map((c) => (lang === 'zh' ? c.zh : c.en)),
      industries: rng
        .sample(occ.zh.industries, rng.int(0, 2))
        .map((i) => (lang === 'zh' ? INDUSTRY_INFO[i].zh : INDUSTRY_INFO[i].en)),
      jobTypes: rng
        .weighted([['full-time'], ['full-time', 'internship'], ['internship'], []] as const, [0.6, 0.2, 0.1, 0.1])
        .slice(),
      ...(salaryFloor === undefined ? {} : { salaryFloor }),
      remote: rng.weighted(['any', 'prefer', 'no'] as const, [0.8, 0.1, 0.1]),
    },
    visibility,
    lang,
    consents: audited ? [...AUDIT_CONSENTS] : visibility === 'employers' ? ['profile_visible_to_employers'] : [],
    occupationCode: occ.onet.code,
  };
  if (audited) graduate.demographics = drawDemographics(rng, school, year, AGE_AT_GRADUATION[degree]);
  graduate.summary = summaryWithBackground(
    graduate.summary ?? '',
    lang,
    name.handle + String(index),
    graduate.demographics,
  );
  return graduate;
};
