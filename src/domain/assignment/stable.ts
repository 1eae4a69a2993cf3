import { planOf } from './solve.ts';
import { rankMaps, type AssignmentProblem, type Pair, type Plan } from './types.ts';

/**
 * A graduate's preferences: the booths they ranked (in their order), then every other booth they may
 * interview at by hybrid score, best first (ties: lower booth index). All of these are acceptable.
 */
function graduatePreferences(problem: AssignmentProblem, g: number): number[] {
  const m = problem.booths;
  const eligible = (b: number) => !Number.isNaN(problem.score[g * m + b] ?? Number.NaN);
  const ranked = (problem.rankings[g] ?? []).filter(eligible);
  const seen = new Set(ranked);
  const rest: number[] = [];
  for (let b = 0; b < m; b++) if (eligible(b) && !seen.has(b)) rest.push(b);
  rest.sort((a, b) => (problem.score[g * m + b] ?? 0) - (problem.score[g * m + a] ?? 0) || a - b);
  return [...ranked, ...rest];
}

/** A booth prefers the graduate with the higher hybrid score (ties: the lower graduate index). */
export function boothPrefers(problem: AssignmentProblem, b: number, g1: number, g2: number): boolean {
  const m = problem.booths;
  const s1 = problem.score[g1 * m + b] ?? 0;
  const s2 = problem.score[g2 * m + b] ?? 0;
  return s1 > s2 || (s1 === s2 && g1 < g2);
}

/**
 * Graduate-proposing deferred acceptance (Gale–Shapley; Roth's many-to-many form with responsive
 * preferences): each graduate with a free interview proposes to their next booth; a full booth keeps
 * the graduates it prefers and rejects the worst. The result has no blocking pair and is the best
 * stable plan for every graduate. Floors are not applied; the plan reports how far it meets them.
 */
export function solveStable(problem: AssignmentProblem): Plan {
  const { graduates: n, booths: m } = problem;
  const prefs = Array.from({ length: n }, (_, g) => graduatePreferences(problem, g));
  const next = new Int32Array(n);
  const held = new Int32Array(n);
  const holding: number[][] = Array.from({ length: m }, () => []);
  const queue: number[] = [];
  for (let g = 0; g < n; g++) if ((problem.demand[g] ?? 0) > 0) queue.push(g);
  while (queue.length > 0) {
    const g = queue.pop() ?? 0;
    const list = prefs[g] ?? [];
    while ((held[g] ?? 0) < (problem.demand[g] ?? 0) && (next[g] ?? 0) < list.length) {
      const b = list[next[g] ?? 0] ?? 0;
      next[g] = (next[g] ?? 0) + 1;
      const cap = problem.capacity[b] ?? 0;
      if (cap <= 0) continue;
      const at = holding[b] ?? [];
      if (at.length < cap) {
        at.push(g);
        held[g] = (held[g] ?? 0) + 1;
        continue;
      }
      let worst = 0;
      for (let i = 1; i < at.length; i++) if (boothPrefers(problem, b, at[worst] ?? 0, at[i] ?? 0)) worst = i;
      const loser = at[worst] ?? 0;
      if (boothPrefers(problem, b, g, loser)) {
        at[worst] = g;
        held[g] = (held[g] ?? 0) + 1;
        held[loser] = (held[loser] ?? 0) - 1;
        queue.push(loser);
      }
    }
  }
  const pairs: Pair[] = [];
  holding.forEach((gs, booth) => {
    for (const graduate of gs) pairs.push({ graduate, booth });
  });
  return planOf(problem, pairs, rankMaps(problem));
}

/**
 * Blocking pairs of a plan: graduate g and booth b, not paired, where g may interview at b and would
 * rather (a free interview, or b above their least-wanted booth in the plan) and b would rather (free
 * capacity, or g above its least-preferred graduate in the plan). Stable plans have none.
 */
export function countBlockingPairs(problem: AssignmentProblem, pairs: readonly Pair[]): number {
  const { graduates: n, booths: m } = problem;
  const byGraduate: number[][] = Array.from({ length: n }, () => []);
  const byBooth: number[][] = Array.from({ length: m }, () => []);
  for (const p of pairs) {
    byGraduate[p.graduate]?.push(p.booth);
    byBooth[p.booth]?.push(p.graduate);
  }
  const worstOfBooth = byBooth.map((gs, b) =>
    gs.reduce<number>((w, g) => (w < 0 || boothPrefers(problem, b, w, g) ? g : w), -1),
  );
  let count = 0;
  for (let g = 0; g < n; g++) {
    const demand = problem.demand[g] ?? 0;
    if (demand <= 0) continue;
    const prefs = graduatePreferences(problem, g);
    const mine = new Set(byGraduate[g]);
    // Booths before the least-wanted one in the plan are preferred to it; with a free interview, all are.
    let cut = prefs.length;
    if (mine.size >= demand) cut = Math.max(...prefs.flatMap((b, i) => (mine.has(b) ? [i] : [])));
    for (let i = 0; i < cut; i++) {
      const b = prefs[i] ?? 0;
      if (mine.has(b)) continue;
      const cap = problem.capacity[b] ?? 0;
      const load = byBooth[b]?.length ?? 0;
      const worst = worstOfBooth[b] ?? -1;
      if (cap > 0 && (load < cap || (worst >= 0 && boothPrefers(problem, b, g, worst)))) count++;
    }
  }
  return count;
}
