import { MinCostFlow } from './min-cost-flow.ts';
import { blendedWeight, rankMaps, scaled, type AssignmentProblem, type Pair, type Plan } from './types.ts';

export interface SolveOptions {
  /** Each booth starts with its best max(minPerBooth, boothFactor × capacity) graduates by blended weight. */
  boothFactor?: number;
  minPerBooth?: number;
  /** And each graduate with their best `candidatesPerGraduate` booths (0 by default). */
  candidatesPerGraduate?: number;
  /** Progress in [0, 1] across the solve. */
  onProgress?: (fraction: number) => void;
}

export interface SolveStats {
  /** Rounds of solve-then-price; 1 when the first sparse network was already optimal for the full one. */
  rounds: number;
  /** Graduate–booth arcs in the last network, and in the full one. */
  arcs: number;
  fullArcs: number;
  phases: number;
}

/**
 * The optimal plan: maximise first Σ_groups min(interviews of the group, its floor) and then the Σ of
 * blended weights, subject to every graduate's demand, every booth's capacity and one interview per
 * graduate and booth. Network: s → floor group (an arc of capacity = floor and cost −M, plus an arc
 * without bonus) → graduate (capacity = demand) → booth (capacity 1, cost −weight) → t (capacity).
 * M exceeds any Σ of weights, so floors come first and are met whenever they can be (lower bounds, with
 * a reported shortfall instead of infeasibility).
 *
 * Pruning with proof: a booth can hold only `capacity` interviews, so the first network gives each booth
 * its best few graduates (a multiple of its capacity) and, optionally, each graduate their best booths.
 * Its optimum comes with potentials p under which every residual arc has a non-negative reduced cost;
 * an arc s→t of cost 0 (a unit of demand left unused) keeps t reachable, so the last Dijkstra also
 * proves that no s→t path of negative cost is left. A left-out arc g→b (no flow) has reduced cost
 * −w(g,b) + p(g) − p(b); if that is ≥ 0 for every left-out arc, p is also dual-feasible for the full
 * network and the flow meets complementary slackness there, so by LP duality the plan is optimal for
 * the full network. Otherwise the violating arcs are added and the network solved again, until the
 * check passes (the full network at worst).
 */
export function solveOptimal(
  problem: AssignmentProblem,
  options: SolveOptions = {},
): { plan: Plan; stats: SolveStats } {
  const { graduates: n, booths: m } = problem;
  const ranks = rankMaps(problem);
  const allowed: Uint8Array = new Uint8Array(n * m);
  const k = options.candidatesPerGraduate ?? 0;
  const weight = (g: number, b: number) => blendedWeight(problem, g, b, ranks[g]);
  let fullArcs = 0;
  for (let g = 0; g < n; g++) {
    if ((problem.demand[g] ?? 0) <= 0) continue;
    const eligible: number[] = [];
    for (let b = 0; b < m; b++) if (!Number.isNaN(problem.score[g * m + b] ?? Number.NaN)) eligible.push(b);
    fullArcs += eligible.length;
    const top =
      eligible.length <= k ? eligible : eligible.sort((a, b) => weight(g, b) - weight(g, a) || a - b).slice(0, k);
    for (const b of top) allowed[g * m + b] = 1;
  }
  for (let b = 0; b < m; b++) {
    const keep = Math.max(
      options.minPerBooth ?? 20,
      Math.ceil((options.boothFactor ?? 4) * (problem.capacity[b] ?? 0)),
    );
    const eligible: number[] = [];
    for (let g = 0; g < n; g++)
      if ((problem.demand[g] ?? 0) > 0 && !Number.isNaN(problem.score[g * m + b] ?? Number.NaN)) eligible.push(g);
    const top =
      eligible.length <= keep ? eligible : eligible.sort((x, y) => weight(y, b) - weight(x, b) || x - y).slice(0, keep);
    for (const g of top) allowed[g * m + b] = 1;
  }
  let rounds = 0;
  let phases = 0;
  for (;;) {
    rounds++;
    const built = buildNetwork(problem, allowed, ranks);
    const result = built.flow.solve(built.s, built.t, (sent) =>
      options.onProgress?.(Math.min(0.95, sent / Math.max(1, built.expected))),
    );
    phases += result.phases;
    const p = built.flow.potentials();
    let violations = 0;
    for (let g = 0; g < n; g++) {
      if ((problem.demand[g] ?? 0) <= 0) continue;
      const pg = built.graduatePotential(g);
      for (let b = 0; b < m; b++) {
        if (allowed[g * m + b]) continue;
        const w = blendedWeight(problem, g, b, ranks[g]);
        if (Number.isNaN(w)) continue;
        if (-scaled(w) + pg - (p[built.boothNode(b)] ?? 0) < 0) {
          allowed[g * m + b] = 1;
          violations++;
        }
      }
    }
    if (violations === 0) {
      options.onProgress?.(1);
      return { plan: built.plan(), stats: { rounds, arcs: built.pairArcs.length, fullArcs, phases } };
    }
  }
}

interface Network {
  flow: MinCostFlow;
  s: number;
  t: number;
  expected: number;
  pairArcs: { arc: number; graduate: number; booth: number }[];
  graduatePotential(g: number): number;
  boothNode(b: number): number;
  plan(): Plan;
}

function buildNetwork(problem: AssignmentProblem, allowed: Uint8Array, ranks: readonly Map<number, number>[]): Network {
  const { graduates: n, booths: m, floors } = problem;
  const groups = floors.length + 1;
  // Node ids in layer order (arcs must go up): s, floor groups (+ one for everyone else), graduates, booths, t.
  const s = 0;
  const groupNode = (f: number) => 1 + (f < 0 ? floors.length : f);
  const graduateNode = (g: number) => 1 + groups + g;
  const boothNode = (b: number) => 1 + groups + n + b;
  const t = 1 + groups + n + m;
  const flow = new MinCostFlow(t + 1);
  let maxWeight = 0;
  const pairs: { graduate: number; booth: number; weight: number }[] = [];
  for (let g = 0; g < n; g++) {
    for (let b = 0; b < m; b++) {
      if (!allowed[g * m + b]) continue;
      const weight = scaled(blendedWeight(problem, g, b, ranks[g]));
      pairs.push({ graduate: g, booth: b, weight });
      maxWeight = Math.max(maxWeight, weight);
    }
  }
  const totalDemand = problem.demand.reduce((a, d) => a + Math.max(0, d), 0);
  const bonus = maxWeight * totalDemand + 1;
  const groupDemand = new Array<number>(groups).fill(0);
  for (let g = 0; g < n; g++) {
    const f = groupNode(problem.floorGroup[g] ?? -1) - 1;
    groupDemand[f] = (groupDemand[f] ?? 0) + Math.max(0, problem.demand[g] ?? 0);
  }
  for (let f = 0; f < groups; f++) {
    const floor = f < floors.length ? Math.max(0, Math.floor(floors[f] ?? 0)) : 0;
    const all = groupDemand[f] ?? 0;
    if (floor > 0) flow.addArc(s, 1 + f, Math.min(floor, all), -bonus);
    if (all > 0) flow.addArc(s, 1 + f, all, 0);
  }
  // A graduate without arcs stays out of the network (fewer nodes for every Dijkstra); as a node with
  // only its arc from the group, its potential would be the group's (see potentialOf).
  const inNetwork = new Uint8Array(n);
  for (const pair of pairs) inNetwork[pair.graduate] = 1;
  for (let g = 0; g < n; g++) {
    const d = problem.demand[g] ?? 0;
    if (d > 0 && inNetwork[g]) flow.addArc(groupNode(problem.floorGroup[g] ?? -1), graduateNode(g), d, 0);
  }
  const pairArcs = pairs.map((pair) => ({
    arc: flow.addArc(graduateNode(pair.graduate), boothNode(pair.booth), 1, -pair.weight),
    graduate: pair.graduate,
    booth: pair.booth,
  }));
  let expected = 0;
  for (let b = 0; b < m; b++) {
    const c = Math.max(0, problem.capacity[b] ?? 0);
    expected += c;
    if (c > 0) flow.addArc(boothNode(b), t, c, 0);
  }
  // The bypass keeps t reachable, so the final potentials also price every s→t path (see solveOptimal).
  if (totalDemand > 0) flow.addArc(s, t, totalDemand, 0);
  return {
    flow,
    s,
    t,
    pairArcs,
    boothNode,
    expected: Math.min(expected, totalDemand),
    graduatePotential: (g) =>
      flow.potentials()[inNetwork[g] ? graduateNode(g) : groupNode(problem.floorGroup[g] ?? -1)] ?? 0,
    plan: () =>
      planOf(
        problem,
        pairArcs.filter((a) => flow.flow(a.arc) > 0).map(({ graduate, booth }) => ({ graduate, booth })),
        ranks,
      ),
  };
}

/** Totals and floor attainment of a set of pairs. */
export function planOf(
  problem: AssignmentProblem,
  pairs: Pair[],
  ranks: readonly Map<number, number>[] = rankMaps(problem),
): Plan {
  let totalWeight = 0;
  let totalScore = 0;
  const achieved = problem.floors.map(() => 0);
  for (const { graduate, booth } of pairs) {
    totalWeight += blendedWeight(problem, graduate, booth, ranks[graduate]);
    totalScore += problem.score[graduate * problem.booths + booth] ?? 0;
    const f = problem.floorGroup[graduate] ?? -1;
    if (f >= 0) achieved[f] = (achieved[f] ?? 0) + 1;
  }
  pairs.sort((a, b) => a.graduate - b.graduate || a.booth - b.booth);
  return {
    pairs,
    totalWeight,
    totalScore,
    floors: problem.floors.map((minimum, group) => ({ group, minimum, achieved: achieved[group] ?? 0 })),
  };
}
