import type { GraduateCreate } from '../domain/model/graduate.ts';
import type { PostingSkill } from '../domain/model/posting.ts';

type ProfileSkills = GraduateCreate['skills'];

/**
 * Maps skill names to canonical taxonomy ids where known; unknown names stay as free tags (skillId null).
 * Until the taxonomy is wired in, every name is kept as a free tag.
 */
export function normalizeProfileSkills(skills: ProfileSkills): ProfileSkills {
  return skills.map((s) => ({ ...s, skillId: s.skillId ?? null }));
}

export function normalizePostingSkills(skills: ReadonlyArray<string | PostingSkill>): PostingSkill[] {
  return skills.map((s) => (typeof s === 'string' ? { name: s, skillId: null } : { name: s.name, skillId: s.skillId ?? null }));
}
