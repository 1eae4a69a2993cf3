import { COMPONENT_LABELS, type Label } from '../explain/labels.ts';
import type { ComponentName } from '../matching/weights.ts';
import { boothPrefers } from './stable.ts';
import type { AssignmentProblem, Pair } from './types.ts';

export interface ComponentShare {
  name: ComponentName;
  value: number;
  weight: number;
  contribution: number;
}

const f3 = (x: number) => x.toFixed(3);

/**
 * Why this interview: rendered only from the numbers — the hybrid score and its two largest
 * contributions, the graduate's ranking of the booth and the bonus it added.
 */
export function assignmentText(input: {
  booth: string;
  score: number;
  components: readonly ComponentShare[];
  rank: number | null;
  maxRankings: number;
  bonus: number;
}): Label {
  const top = [...input.components].sort((a, b) => b.contribution - a.contribution).slice(0, 2);
  const zhParts = top
    .map((c) => `${COMPONENT_LABELS[c.name].zh} ${f3(c.value)}×${f3(c.weight)}=${f3(c.contribution)}`)
    .join('，');
  const enParts = top
    .map((c) => `${COMPONENT_LABELS[c.name].en} ${f3(c.value)}×${f3(c.weight)}=${f3(c.contribution)}`)
    .join(', ');
  const zhRank =
    input.rank === null
      ? '你没有把该展位列入志愿'
      : `你把该展位列为第 ${input.rank} 志愿（共可填 ${input.maxRankings} 个），加 ${f3(input.bonus)} 分`;
  const enRank =
    input.rank === null
      ? 'you did not rank this booth'
      : `you ranked this booth ${input.rank} of up to ${input.maxRankings}, adding ${f3(input.bonus)}`;
  // A place filled after a cancellation is re-planned from stored scores, without their components.
  const zhWhy = top.length > 0 ? `，主要来自${zhParts}` : '（取消后局部重排，按已存匹配分）';
  const enWhy = top.length > 0 ? `, mostly ${enParts}` : ' (re-planned after a cancellation from the stored score)';
  return {
    zh: `「${input.booth}」匹配分 ${f3(input.score)}${zhWhy}；${zhRank}。`,
    en: `"${input.booth}": match score ${f3(input.score)}${enWhy}; ${enRank}.`,
  };
}

type MissReason = 'time' | 'capacity' | 'higher_scored' | 'no_gain';

export interface Miss {
  graduate: number;
  booth: number;
  rank: number;
  reason: MissReason;
  /** The graduate's hybrid score at the booth. */
  score: number;
  capacity: number;
  /** The lowest hybrid score among the booth's interviewees (null when it has none). */
  lowestAdmitted: number | null;
  interviews: number;
  demand: number;
}

/**
 * For each booth a graduate ranked but did not get: why. Booth full and every interviewee there ranks
 * above the graduate by score → higher_scored; booth full otherwise → capacity (its places went where
 * the plan gained more in total, or to a floor); booth with room but the graduate's interviews all
 * taken → time; neither full → no_gain (a zero weight: nothing to gain).
 */
export function missedRankings(problem: AssignmentProblem, pairs: readonly Pair[]): Miss[] {
  const m = problem.booths;
  const byBooth: number[][] = Array.from({ length: m }, () => []);
  const mine: Set<number>[] = Array.from({ length: problem.graduates }, () => new Set());
  for (const p of pairs) {
    byBooth[p.booth]?.push(p.graduate);
    mine[p.graduate]?.add(p.booth);
  }
  const out: Miss[] = [];
  problem.rankings.forEach((list, g) =>
    list.forEach((b, i) => {
      if (mine[g]?.has(b)) return;
      const at = byBooth[b] ?? [];
      const capacity = problem.capacity[b] ?? 0;
      const interviews = mine[g]?.size ?? 0;
      const demand = problem.demand[g] ?? 0;
      const score = problem.score[g * m + b] ?? Number.NaN;
      const scores = at.map((x) => problem.score[x * m + b] ?? 0);
      const lowestAdmitted = scores.length > 0 ? Math.min(...scores) : null;
      let reason: MissReason;
      if (at.length >= capacity)
        reason = at.every((x) => boothPrefers(problem, b, x, g)) && at.length > 0 ? 'higher_scored' : 'capacity';
      else if (interviews >= demand) reason = 'time';
      else reason = 'no_gain';
      out.push({ graduate: g, booth: b, rank: i + 1, reason, score, capacity, lowestAdmitted, interviews, demand });
    }),
  );
  return out;
}

/** The reason in both languages, from the numbers of the miss. */
export function missText(miss: Miss, booth: string): Label {
  const s = f3(miss.score);
  switch (miss.reason) {
    case 'higher_scored':
      return {
        zh:
          `「${booth}」（第 ${miss.rank} 志愿）的 ${miss.capacity} 个面试名额都给了匹配分更高的同学（最低 ` +
          `${f3(miss.lowestAdmitted ?? 0)}，你的 ${s}）。`,
        en:
          `"${booth}" (your choice ${miss.rank}) gave all ${miss.capacity} interviews to graduates ` +
          `with higher match scores (lowest ${f3(miss.lowestAdmitted ?? 0)}; yours ${s}).`,
      };
    case 'capacity':
      return {
        zh: `「${booth}」（第 ${miss.rank} 志愿）的 ${miss.capacity} 个面试名额已满；全场总匹配最优（或保障名额）时名额分给了其他同学（你的匹配分 ${s}）。`,
        en:
          `"${booth}" (your choice ${miss.rank}) was full with ${miss.capacity} interviews; the ` +
          `fair-wide best plan (or a group floor) placed others there (your score ${s}).`,
      };
    case 'time':
      return {
        zh: `你的 ${miss.demand} 个面试时段已排满，「${booth}」（第 ${miss.rank} 志愿）未能再安排（你的匹配分 ${s}）。`,
        en:
          `All ${miss.demand} of your interview times were taken by other booths, so "${booth}" ` +
          `(your choice ${miss.rank}) did not fit (your score ${s}).`,
      };
    case 'no_gain':
      return {
        zh: `「${booth}」（第 ${miss.rank} 志愿）与你的匹配分为 ${s}，安排它不会提高总匹配。`,
        en: `"${booth}" (your choice ${miss.rank}) scores ${s} with you, so placing it adds nothing to the plan.`,
      };
  }
}
