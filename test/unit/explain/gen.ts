import { createRng, type Rng } from '../../../src/demo/random.ts';
import { CITIES } from '../../../src/domain/geo/cities.ts';
import { MAJORS } from '../../../src/domain/majors/majors.ts';
import {
  postingFeatures,
  profileFeatures,
  taxonomySimilarity,
  type MatchableProfile,
  type MatchablePosting,
} from '../../../src/domain/matching/extract.ts';
import { DEGREES, JOB_TYPES } from '../../../src/domain/model/common.ts';
import { getTaxonomy } from '../../../src/domain/skills/index.ts';
import type { GraduateContext, PostingContext } from '../../../src/domain/explain/index.ts';

export const taxonomy = getTaxonomy();
export const similarity = taxonomySimilarity(taxonomy);
const curated = taxonomy.all.filter((s) => s.source === 'curated');
const onet = taxonomy.all.filter((s) => s.source === 'onet');
// Free tags, some of which contain a place or a skill name, so the term check must read inside them.
const TAGS = ['上海话', '团队带教', '无人机航拍爱好', 'Python爬虫项目', '校园大使', '志愿者组织', '北京冬奥志愿者'];
const PLACES = [...CITIES.map((c) => c.zh), ...CITIES.map((c) => c.en), '大理', 'Springfield'];

function skillName(rng: Rng): string {
  const r = rng.next();
  if (r < 0.7) {
    const s = rng.pick(curated);
    return rng.chance(0.5) ? s.nameZh : s.name;
  }
  if (r < 0.85) return rng.pick(onet).name;
  return rng.pick(TAGS);
}

export interface Case {
  profile: MatchableProfile;
  posting: MatchablePosting;
  cosine: number;
  postingContext: PostingContext;
  graduateContext: GraduateContext;
}

/** A random but valid graduate and posting, through the real feature extraction. */
export function randomCase(rng: Rng): Case {
  const degree = rng.pick(DEGREES.filter((d) => d !== 'none'));
  const majors = rng.sample(MAJORS, rng.int(0, 2)).map((m) => (rng.chance(0.5) ? m.zh : m.en));
  const held = Array.from({ length: rng.int(0, 8) }, () => skillName(rng));
  const prose = rng.chance(0.5) ? `负责数据整理，熟悉 ${skillName(rng)} 和 ${skillName(rng)}。` : '';
  const profile: MatchableProfile = {
    education: majors.map((major) => ({ school: '某大学', degree, major, graduationDate: '2026-06-30' })),
    skills: [...new Set(held)].map((name) => ({ name, source: 'declared' as const })),
    languages: rng.chance(0.3) ? [{ language: '英语', level: 'CET-6' }] : [],
    certificates: [],
    experiences: prose ? [{ title: '实习生', organization: '某公司', description: prose }] : [],
    summary: rng.chance(0.3) ? `I have used ${skillName(rng)} in projects.` : '',
    preferences: {
      locations: rng.sample(PLACES, rng.int(0, 3)),
      industries: [],
      jobTypes: rng.sample([...JOB_TYPES], rng.int(0, 2)),
      salaryFloor: rng.chance(0.6) ? rng.int(3, 20) * 1000 : undefined,
      remote: rng.pick(['any', 'prefer', 'only', 'no'] as const),
    },
  };
  const salaryMin = rng.chance(0.8) ? rng.int(3, 15) * 1000 : null;
  const posting: MatchablePosting = {
    title: '职位',
    description: '',
    // Half the wanted skills come from the graduate's own list, so matches and near matches occur.
    requiredSkills: [
      ...new Set(
        Array.from({ length: rng.int(0, 6) }, () =>
          held.length > 0 && rng.chance(0.5) ? rng.pick(held) : skillName(rng),
        ),
      ),
    ].map((name) => ({ name })),
    preferredSkills: [...new Set(Array.from({ length: rng.int(0, 3) }, () => skillName(rng)))].map((name) => ({
      name,
    })),
    minDegree: rng.pick(DEGREES),
    acceptedMajors: rng.sample(MAJORS, rng.int(0, 3)).map((m) => m.zh),
    locations: rng.sample(PLACES, rng.int(1, 2)),
    remote: rng.chance(0.2),
    jobType: rng.pick(JOB_TYPES),
    salaryMin: salaryMin ?? undefined,
    salaryMax: salaryMin === null ? undefined : salaryMin + rng.int(0, 8) * 1000,
  };
  return {
    profile,
    posting,
    cosine: rng.next() * 1.2 - 0.1,
    postingContext: {
      title: posting.title,
      locations: posting.locations,
      remote: posting.remote,
      acceptedMajors: posting.acceptedMajors,
      minDegree: posting.minDegree,
      jobType: posting.jobType,
      salaryMin: posting.salaryMin ?? null,
      salaryMax: posting.salaryMax ?? null,
    },
    graduateContext: {
      locations: profile.preferences.locations,
      remote: profile.preferences.remote,
      jobTypes: profile.preferences.jobTypes,
      salaryFloor: profile.preferences.salaryFloor ?? null,
      degree: majors.length > 0 ? degree : null,
      majors,
    },
  };
}

export const features = (c: Case) => ({
  profile: profileFeatures(c.profile, taxonomy),
  posting: postingFeatures(c.posting, taxonomy),
});
export { createRng };
