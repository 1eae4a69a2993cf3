import {
  assignmentText,
  countBlockingPairs,
  interviewRates,
  missedRankings,
  missText,
  preferenceBonus,
  schedulePairs,
  solveOptimal,
  solveStable,
  type AttributeRates,
  type ComponentShare,
  type Miss,
  type Timed,
} from '../../domain/assignment/index.ts';
import type { Label } from '../../domain/explain/labels.ts';
import type { AssignmentRequest } from '../../domain/model/job-fair.ts';
import type { FairProblem } from './problem.ts';

export interface StoredInterview extends Timed {
  postingId: string | null;
  score: number;
  weight: number;
  rank: number | null;
  components: ComponentShare[];
  why: Label;
}

interface StoredMiss extends Miss {
  why: Label;
}

/**
 * A computed plan as stored in job_fair_runs.result: ids and numbers only (names are joined when a
 * schedule is rendered, so an erased graduate's name is never kept here). `candidates` keeps each
 * graduate's 30 best booths with their scores, which is what a later cancellation may re-plan with.
 */
export interface StoredPlan {
  graduates: string[];
  booths: string[];
  slots: { from: number; to: number }[];
  interviewers: number[];
  capacity: number[];
  demand: number[];
  rankings: number[][];
  preferenceWeight: number;
  maxRankings: number;
  candidates: [number, number][][];
  interviews: StoredInterview[];
  missed: StoredMiss[];
  summary: {
    mode: 'optimal' | 'stable';
    graduates: number;
    booths: number;
    slots: number;
    interviews: number;
    totalScore: number;
    totalWeight: number;
    blockingPairs: number;
    floors: { attribute: string; groups: string[]; minShare: number; minimum: number; achieved: number }[];
    solver: { rounds: number; arcs: number; fullArcs: number; phases: number; ms: number } | null;
  };
  fairness: AttributeRates[];
}

const CANDIDATES_KEPT = 30;
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** Solves, schedules and explains one fair's problem; pure apart from `progress`. */
export async function computePlan(
  fp: FairProblem,
  request: AssignmentRequest,
  progress: (fraction: number) => Promise<void>,
): Promise<StoredPlan> {
  const { problem } = fp;
  const started = performance.now();
  let solver: StoredPlan['summary']['solver'] = null;
  let pairs;
  if (request.mode === 'optimal') {
    // The solver is synchronous; progress is reported around it.
    const solved = solveOptimal(problem);
    pairs = solved.plan.pairs;
    solver = { ...solved.stats, ms: Math.round(performance.now() - started) };
  } else {
    pairs = solveStable(problem).pairs;
  }
  await progress(0.8);
  const timed = schedulePairs(pairs, fp.interviewers, fp.slots.length);
  const m = problem.booths;
  const ranks = problem.rankings.map((list) => new Map(list.map((b, i) => [b, i + 1] as const)));
  const boothLabel = (b: number) => `${fp.booths[b]?.room ?? ''} ${fp.booths[b]?.table_label ?? ''}`.trim();
  const interviews = timed.map((x): StoredInterview => {
    const hit = fp.match(x.graduate, x.booth);
    const score = problem.score[x.graduate * m + x.booth] ?? 0;
    const rank = ranks[x.graduate]?.get(x.booth) ?? null;
    const bonus = preferenceBonus(problem, rank);
    const components = (hit?.match.components ?? []).map((c) => ({
      name: c.name,
      value: c.value,
      weight: c.weight,
      contribution: c.contribution,
    }));
    return {
      ...x,
      postingId: hit?.postingId ?? null,
      score: round6(score),
      weight: round6(score + bonus),
      rank,
      components,
      why: assignmentText({
        booth: boothLabel(x.booth),
        score,
        components,
        rank,
        maxRankings: problem.maxRankings,
        bonus,
      }),
    };
  });
  const missed = missedRankings(problem, pairs).map((miss) => ({
    ...miss,
    why: missText(miss, boothLabel(miss.booth)),
  }));
  const achieved = fp.floors.map(() => 0);
  for (const p of pairs) {
    const f = problem.floorGroup[p.graduate] ?? -1;
    if (f >= 0) achieved[f] = (achieved[f] ?? 0) + 1;
  }
  const everyone = fp.graduateIds.map((_, g) => g);
  const fairness = [...fp.groups].map(([attribute, values]) =>
    interviewRates(attribute, everyone, (g) => values[g] ?? null, pairs, { minSize: request.minGroupSize }),
  );
  const candidates = fp.graduateIds.map((_, g) => {
    const row: [number, number][] = [];
    for (let b = 0; b < m; b++) row.push([b, problem.score[g * m + b] ?? 0]);
    const keep = new Set(problem.rankings[g] ?? []);
    return row
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .filter((c, i) => i < CANDIDATES_KEPT || keep.has(c[0]))
      .map(([b, s]): [number, number] => [b, round6(s)]);
  });
  return {
    graduates: fp.graduateIds,
    booths: fp.booths.map((b) => b.id),
    slots: fp.slots,
    interviewers: fp.interviewers,
    capacity: [...problem.capacity],
    demand: [...problem.demand],
    rankings: problem.rankings.map((r) => [...r]),
    preferenceWeight: problem.preferenceWeight,
    maxRankings: problem.maxRankings,
    candidates,
    interviews,
    missed,
    summary: {
      mode: request.mode,
      graduates: problem.graduates,
      booths: m,
      slots: fp.slots.length,
      interviews: pairs.length,
      totalScore: round6(interviews.reduce((s, x) => s + x.score, 0)),
      totalWeight: round6(interviews.reduce((s, x) => s + x.weight, 0)),
      blockingPairs: countBlockingPairs(problem, pairs),
      floors: fp.floors.map((f, i) => ({ ...f, achieved: achieved[i] ?? 0 })),
      solver,
    },
    fairness,
  };
}
