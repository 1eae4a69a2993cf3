import type { Component, MatchScore } from '../../domain/matching/score.ts';
import type { SkillEvidence } from '../../domain/matching/features.ts';
import { getTaxonomy } from '../../domain/skills/index.ts';
import { skillLabel, untranslatedIn } from '../../domain/explain/labels.ts';
import type { Lang } from '../../domain/model/common.ts';

export interface SkillRef {
  skillId: string;
  name: string;
  nameZh: string;
  /** Languages with no name of their own for the skill (shown as is and marked untranslated in text). */
  untranslated: Lang[];
}

/**
 * The names of each skill met, built once: a list of 20 items names a few hundred skills, the same ones request after
 * request (the taxonomy is the bundled one, fixed for the process). Free tags are many and each graduate's own, so
 * the cache is emptied when it grows past CACHED_SKILLS. Frozen, since every caller shares them.
 */
const refs = new Map<string, Readonly<SkillRef>>();
const CACHED_SKILLS = 20_000;

/** Display names of a canonical skill id, or of a free tag (`tag:<label>`). */
export function skillRef(id: string): Readonly<SkillRef> {
  const cached = refs.get(id);
  if (cached) return cached;
  const label = skillLabel(id, (skillId) => getTaxonomy().get(skillId));
  const untranslated = untranslatedIn(label);
  Object.freeze(untranslated);
  const ref = Object.freeze({ skillId: id, name: label.en, nameZh: label.zh, untranslated });
  if (refs.size >= CACHED_SKILLS) refs.clear();
  refs.set(id, ref);
  return ref;
}

type Wanted = 'required' | 'preferred';
type MatchedSkill = SkillRef & { wanted: Wanted; evidence: SkillEvidence };
type NearMatch = SkillRef & { wanted: Wanted; via: Readonly<SkillRef>; credit: number; evidence: SkillEvidence };

// Literals with the fields in SkillRef's order, not spreads: one object of its final shape each, and the same JSON.
const matched = (m: MatchScore['matchedSkills'][number]): MatchedSkill => {
  const r = skillRef(m.skillId);
  return {
    skillId: r.skillId,
    name: r.name,
    nameZh: r.nameZh,
    untranslated: r.untranslated,
    wanted: m.wanted,
    evidence: m.evidence,
  };
};

const near = (n: MatchScore['nearMatches'][number]): NearMatch => {
  const r = skillRef(n.skillId);
  return {
    skillId: r.skillId,
    name: r.name,
    nameZh: r.nameZh,
    untranslated: r.untranslated,
    wanted: n.wanted,
    via: skillRef(n.via),
    credit: n.credit,
    evidence: n.evidence,
  };
};

export interface MatchView {
  score: number;
  components: Component[];
  matchedTerms: string[];
  matchedSkills: MatchedSkill[];
  nearMatches: NearMatch[];
  missingSkills: { required: Array<Readonly<SkillRef>>; preferred: Array<Readonly<SkillRef>> };
  criteria: MatchScore['criteria'];
}

/** The match as every list item shows it: the numbers, and the skills by name in both languages. */
export function matchView(match: MatchScore): MatchView {
  return {
    score: match.score,
    components: match.components,
    matchedTerms: match.matchedTerms,
    matchedSkills: match.matchedSkills.map(matched),
    nearMatches: match.nearMatches.map(near),
    missingSkills: {
      required: match.missingSkills.required.map((id) => skillRef(id)),
      preferred: match.missingSkills.preferred.map((id) => skillRef(id)),
    },
    criteria: match.criteria,
  };
}
