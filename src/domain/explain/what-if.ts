import type { ProfileFeatures, SkillEvidence } from '../matching/features.ts';
import { round6 } from '../matching/weights.ts';

/** The evidence a hypothetical skill carries, so it can never be mistaken for one the graduate has. */
const WHAT_IF_EVIDENCE = (skillId: string): SkillEvidence => ({
  source: 'inferred',
  field: 'what-if',
  text: skillId,
});

/** The profile with extra skills added (skills already held keep their real evidence). */
export function withExtraSkills(profile: ProfileFeatures, skillIds: readonly string[]): ProfileFeatures {
  const skills = new Map(profile.skills);
  for (const id of skillIds) if (!skills.has(id)) skills.set(id, WHAT_IF_EVIDENCE(id));
  return { ...profile, skills };
}

/** Re-scores with the given skills added; must be the real scorer (scoreMatch on withExtraSkills). */
type Rescore = (extraSkillIds: readonly string[]) => number;

/**
 * 1-based rank of `score` among `others`: 1 + the number of strictly higher scores. Ties are ranked in
 * this posting's favour, as a sort by (score desc, this posting first among equals) would place it;
 * `tiedWith` says how many others share the score, so a caller can show "joint" ranks honestly.
 */
export function rankAmong(score: number, others: readonly number[]): { rank: number; tiedWith: number } {
  let above = 0;
  let tied = 0;
  for (const o of others) {
    if (o > score) above++;
    else if (o === score) tied++;
  }
  return { rank: above + 1, tiedWith: tied };
}

export interface WhatIfInput {
  missingSkills: readonly string[];
  rescore: Rescore;
  currentScore: number;
  /** The graduate's current recommendation scores, excluding this posting. */
  otherScores: readonly number[];
  /**
   * Optional: the other postings' scores re-computed with the same skills added (a full re-run),
   * since a new skill can raise them too. When given, `rerunRank` is the rank in that re-run.
   */
  rescoreOthers?: (extraSkillIds: readonly string[]) => readonly number[];
}

export interface WhatIfAdvice {
  skillId: string;
  newScore: number;
  /** newScore − currentScore, rounded to 6 decimals. */
  gain: number;
  /** Rank among the current recommendations (others unchanged), see rankAmong. */
  rank: number;
  tiedWith: number;
  /** Rank when the other postings are re-scored with the skill too; null without rescoreOthers. */
  rerunRank: number | null;
}

/**
 * For each missing skill (duplicates once), the score with that one skill added, computed by calling
 * the scorer, and the rank it would reach. Sorted by gain, then rank, then skill id.
 */
export function whatIf(input: WhatIfInput): WhatIfAdvice[] {
  const ids = [...new Set(input.missingSkills)];
  return ids
    .map((skillId): WhatIfAdvice => {
      const newScore = input.rescore([skillId]);
      const { rank, tiedWith } = rankAmong(newScore, input.otherScores);
      const rerun = input.rescoreOthers?.([skillId]);
      return {
        skillId,
        newScore,
        gain: round6(newScore - input.currentScore),
        rank,
        tiedWith,
        rerunRank: rerun === undefined ? null : rankAmong(newScore, rerun).rank,
      };
    })
    .sort((a, b) => b.gain - a.gain || a.rank - b.rank || (a.skillId < b.skillId ? -1 : a.skillId > b.skillId ? 1 : 0));
}

export interface RecommendationForAdvice {
  id: string;
  missing: readonly string[];
  rescore: Rescore;
  /** Defaults to rescore([]), the same scorer with nothing added. */
  currentScore?: number;
}

export interface SkillAcross {
  skillId: string;
  /** Σ gains over the recommendations, rounded to 6 decimals. */
  totalGain: number;
  perPosting: Array<{ id: string; newScore: number; gain: number }>;
}

/**
 * The n skills whose addition would raise the given recommendations most (sum of gains). Candidates
 * are the skills any of them is missing; each candidate is re-scored against every recommendation,
 * not only those that list it, because a held skill can earn partial credit for a near one. Skills
 * with no gain anywhere are left out. Ties: more postings improved first, then skill id.
 */
export function topSkillsAcross(recommendations: readonly RecommendationForAdvice[], n = 3): SkillAcross[] {
  const bases = recommendations.map((r) => r.currentScore ?? r.rescore([]));
  const candidates = [...new Set(recommendations.flatMap((r) => r.missing))];
  const results = candidates.map((skillId): SkillAcross => {
    const perPosting = recommendations.flatMap((r, i) => {
      const newScore = r.rescore([skillId]);
      const gain = round6(newScore - (bases[i] ?? 0));
      return gain > 0 ? [{ id: r.id, newScore, gain }] : [];
    });
    return { skillId, totalGain: round6(perPosting.reduce((s, p) => s + p.gain, 0)), perPosting };
  });
  return results
    .filter((r) => r.totalGain > 0)
    .sort(
      (a, b) =>
        b.totalGain - a.totalGain ||
        b.perPosting.length - a.perPosting.length ||
        (a.skillId < b.skillId ? -1 : a.skillId > b.skillId ? 1 : 0),
    )
    .slice(0, Math.max(0, n));
}
