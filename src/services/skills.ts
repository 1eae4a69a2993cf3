import type { GraduateCreate } from '../domain/model/graduate.ts';
import type { PostingSkill } from '../domain/model/posting.ts';
import { getTaxonomy, normalizeSkillList } from '../domain/skills/index.ts';

type ProfileSkills = GraduateCreate['skills'];

/** Canonical taxonomy id for each declared name ("Python (primary)" → python); unknown names stay free tags (null). */
function canonicalIds(names: readonly string[]): Array<string | null> {
  return normalizeSkillList(names, getTaxonomy()).map((item) => item.id);
}

export function normalizeProfileSkills(skills: ProfileSkills): ProfileSkills {
  const ids = canonicalIds(skills.map((s) => s.name));
  return skills.map((s, i) => ({ ...s, skillId: ids[i] ?? null }));
}

export function normalizePostingSkills(skills: ReadonlyArray<string | PostingSkill>): PostingSkill[] {
  const names = skills.map((s) => (typeof s === 'string' ? s : s.name));
  const ids = canonicalIds(names);
  return names.map((name, i) => ({ name, skillId: ids[i] ?? null }));
}
