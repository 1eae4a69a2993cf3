/**
 * One fair's assignment problem, by index: graduates 0..n−1, booths 0..m−1. `score` is the hybrid match
 * score of graduate g at booth b (its best posting there) at [g·m + b], NaN where g may not interview at b.
 */
export interface AssignmentProblem {
  graduates: number;
  booths: number;
  score: Float64Array;
  /** Per graduate, the booths they ranked, most wanted first (may be empty). */
  rankings: readonly (readonly number[])[];
  /** Per graduate, how many interviews they may have (0 leaves them out). */
  demand: readonly number[];
  /** Per booth, how many interviews it can hold (interviewers × usable slots, or less). */
  capacity: readonly number[];
  /** Per graduate, the index of the floor group they count towards, or −1. */
  floorGroup: readonly number[];
  /** Per floor group, the minimum number of interviews its graduates should get together. */
  floors: readonly number[];
  /** β: a booth ranked r-th of R allowed gets β·(R − r + 1)/R added to the score (0 ignores rankings). */
  preferenceWeight: number;
  /** R: how many booths a graduate may rank. */
  maxRankings: number;
}

/** One interview of a plan, before it has a time. */
export interface Pair {
  graduate: number;
  booth: number;
}

interface FloorResult {
  group: number;
  minimum: number;
  achieved: number;
}

export interface Plan {
  pairs: Pair[];
  /** Σ of the blended weights of the pairs (hybrid score plus preference bonus). */
  totalWeight: number;
  /** Σ of the hybrid scores alone. */
  totalScore: number;
  floors: FloorResult[];
}

/** Scores are scaled to integers so the flow's arithmetic is exact. */
const COST_SCALE = 1_000_000;

/** The blended weight of graduate g at booth b: hybrid score plus the preference bonus; NaN when not allowed. */
export function blendedWeight(
  problem: AssignmentProblem,
  g: number,
  b: number,
  rankOf: ReadonlyMap<number, number> | undefined,
): number {
  const score = problem.score[g * problem.booths + b] ?? Number.NaN;
  const rank = rankOf?.get(b);
  if (rank === undefined || Number.isNaN(score)) return score;
  return score + preferenceBonus(problem, rank);
}

/** β·(R − r + 1)/R for a booth ranked r-th of R; 0 for r = null. */
export function preferenceBonus(
  problem: Pick<AssignmentProblem, 'preferenceWeight' | 'maxRankings'>,
  rank: number | null,
): number {
  if (rank === null) return 0;
  const r = Math.max(1, problem.maxRankings);
  return (problem.preferenceWeight * Math.max(0, r - rank + 1)) / r;
}

/** Per graduate, booth → 1-based rank. */
export function rankMaps(problem: AssignmentProblem): Map<number, number>[] {
  return problem.rankings.map((list) => new Map(list.map((b, i) => [b, i + 1] as const)));
}

/** The integer weight the flow maximises for one pair. */
export const scaled = (weight: number): number => Math.round(weight * COST_SCALE);
