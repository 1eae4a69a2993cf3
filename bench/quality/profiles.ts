/**
 * Synthetic graduate profiles for benchmark (c), built from one demo occupation's skills and tasks
 * (O*NET 29.2 tasks and Technology Skills plus Bole's hand-written competencies) with noise:
 * dropped skills, aliases, Chinese renderings, unrelated extra skills, a task sentence instead of a
 * title, and a major that fits the occupation only sometimes. No profile names its occupation's title.
 */
import { majorsForOccupation } from '../../src/domain/majors/occupation-majors.ts';
import { MAJORS } from '../../src/domain/majors/majors.ts';
import type { MatchableProfile } from '../../src/domain/matching/extract.ts';
import { normalizeSkillList, type Skill, type Taxonomy } from '../../src/domain/skills/index.ts';
import { DEMO_OCCUPATIONS, type DemoOccupation } from '../../src/demo/occupations.ts';
import { createRng, type Rng } from '../../src/demo/random.ts';
import { occupationSkills } from '../../src/demo/skills.ts';

export const PROFILE_NOISE = {
  /** Probability that each of the occupation's skills is left out (at least two are kept). */
  drop: 0.4,
  /** Of the kept skills: written with the taxonomy's Chinese name, or with one of its aliases. */
  chinese: 0.35,
  alias: 0.2,
  /** Unrelated extra skills (from families the occupation's skills do not touch). */
  extraMin: 1,
  extraMax: 3,
  /** Probability that the major is one that fits the occupation (else any major). */
  fittingMajor: 0.7,
} as const;

export interface SyntheticProfile {
  readonly id: string;
  readonly occupationCode: string;
  readonly profile: MatchableProfile;
}

function renderSkill(rng: Rng, en: string, zh: string, skill: Skill | undefined): string {
  const r = rng.next();
  if (r < PROFILE_NOISE.chinese) return skill?.nameZh ?? zh;
  if (r < PROFILE_NOISE.chinese + PROFILE_NOISE.alias && skill !== undefined && skill.aliases.length > 0)
    return rng.pick(skill.aliases);
  return en;
}

function buildProfile(
  index: number,
  occ: DemoOccupation,
  taxonomy: Taxonomy,
  curated: readonly Skill[],
): SyntheticProfile {
  const rng = createRng(`bole-quality-profile|${index}`);
  const pool = occupationSkills(occ);
  const ids = normalizeSkillList(
    pool.map((s) => s.en),
    taxonomy,
  ).map((item) => item.id);
  let kept = pool.map((_, i) => i).filter(() => !rng.chance(PROFILE_NOISE.drop));
  if (kept.length < 2)
    kept = rng
      .sample(
        pool.map((_, i) => i),
        2,
      )
      .sort((a, b) => a - b);
  const names = kept.map((i) => {
    const ref = pool[i];
    const id = ids[i];
    return ref === undefined
      ? ''
      : renderSkill(rng, ref.en, ref.zh, id === null || id === undefined ? undefined : taxonomy.get(id));
  });
  const families = new Set(ids.flatMap((id) => (id === null ? [] : [taxonomy.get(id)?.family ?? ''])));
  const unrelated = curated.filter((s) => !families.has(s.family));
  for (const extra of rng.sample(unrelated, rng.int(PROFILE_NOISE.extraMin, PROFILE_NOISE.extraMax))) {
    names.push(rng.chance(0.5) ? extra.nameZh : extra.name);
  }
  const fitting = majorsForOccupation(occ.onet.code);
  const major =
    fitting.length > 0 && rng.chance(PROFILE_NOISE.fittingMajor) ? rng.pick(fitting.slice(0, 3)) : rng.pick(MAJORS);
  const zh = rng.chance(0.5);
  const summary = zh ? rng.pick(occ.zh.tasks) : rng.pick(occ.onet.tasks);
  const profile: MatchableProfile = {
    education: [
      {
        school: 'University',
        degree: rng.chance(0.8) ? 'bachelor' : 'master',
        major: zh ? major.zh : major.en,
        graduationDate: '2027-06-30',
      },
    ],
    skills: rng
      .sample(names, names.length)
      .filter((n) => n.length > 0)
      .map((name) => ({ name, source: 'declared' as const })),
    languages: [],
    certificates: [],
    experiences: [],
    summary,
    // Neutral preferences: location, salary and job type then score 1 for every posting and cannot reorder.
    preferences: { locations: [], industries: [], jobTypes: [], remote: 'any' },
  };
  return { id: `profile-${index}`, occupationCode: occ.onet.code, profile };
}

/** `perOccupation` profiles of every demo occupation, in occupation order. */
export function buildProfiles(perOccupation: number, taxonomy: Taxonomy): SyntheticProfile[] {
  const curated = taxonomy.all.filter((s) => s.source === 'curated');
  return DEMO_OCCUPATIONS.flatMap((occ, o) =>
    Array.from({ length: perOccupation }, (_, k) => buildProfile(o * perOccupation + k, occ, taxonomy, curated)),
  );
}
