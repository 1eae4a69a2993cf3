import {
  blendedWeight,
  rankMaps,
  scaled,
  type AssignmentProblem,
  type Pair,
} from '../../../src/domain/assignment/index.ts';

/** A small seeded PRNG (mulberry32), so every random instance can be reproduced from its seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function problemOf(scores: number[][], extra: Partial<AssignmentProblem> = {}): AssignmentProblem {
  const n = scores.length;
  const m = scores[0]?.length ?? 0;
  return {
    graduates: n,
    booths: m,
    score: Float64Array.from(scores.flat()),
    rankings: scores.map(() => []),
    demand: scores.map(() => 1),
    capacity: Array.from({ length: m }, () => 1),
    floorGroup: scores.map(() => -1),
    floors: [],
    preferenceWeight: 0,
    maxRankings: 3,
    ...extra,
  };
}

export function randomProblem(
  seed: number,
  options: { n?: number; m?: number; floors?: boolean } = {},
): AssignmentProblem {
  const r = rng(seed);
  const n = options.n ?? 2 + Math.floor(r() * 4);
  const m = options.m ?? 2 + Math.floor(r() * 2);
  const scores = Array.from({ length: n }, () =>
    Array.from({ length: m }, () => (r() < 0.1 ? Number.NaN : Math.round(r() * 1000) / 1000)),
  );
  const rankings = scores.map((row) =>
    row
      .map((_, b) => b)
      .filter(() => r() < 0.5)
      .sort(() => r() - 0.5)
      .slice(0, 2),
  );
  const floors = options.floors ? [1 + Math.floor(r() * 3)] : [];
  return problemOf(scores, {
    rankings,
    demand: scores.map(() => 1 + Math.floor(r() * 2)),
    capacity: Array.from({ length: m }, () => Math.floor(r() * 3)),
    floorGroup: scores.map(() => (options.floors && r() < 0.4 ? 0 : -1)),
    floors,
    preferenceWeight: r() < 0.5 ? 0 : 0.2,
    maxRankings: 2,
  });
}

/** The objective the solver maximises, as integers: floors met first (×M), then Σ scaled weights. */
export function objective(problem: AssignmentProblem, pairs: readonly Pair[]): { floorsMet: number; weight: number } {
  const ranks = rankMaps(problem);
  const perGroup = problem.floors.map(() => 0);
  let weight = 0;
  for (const p of pairs) {
    weight += scaled(blendedWeight(problem, p.graduate, p.booth, ranks[p.graduate]));
    const f = problem.floorGroup[p.graduate] ?? -1;
    if (f >= 0) perGroup[f] = (perGroup[f] ?? 0) + 1;
  }
  return { floorsMet: perGroup.reduce((s, k, f) => s + Math.min(k, problem.floors[f] ?? 0), 0), weight };
}

/** Exhaustive optimum: every choice of up to `demand` booths per graduate within the capacities. */
export function bruteForce(problem: AssignmentProblem): { floorsMet: number; weight: number } {
  const { graduates: n, booths: m } = problem;
  const load = new Array<number>(m).fill(0);
  const chosen: Pair[] = [];
  let best = { floorsMet: -1, weight: -1 };
  const visit = (g: number) => {
    if (g === n) {
      const o = objective(problem, chosen);
      if (o.floorsMet > best.floorsMet || (o.floorsMet === best.floorsMet && o.weight > best.weight)) best = o;
      return;
    }
    const eligible = Array.from({ length: m }, (_, b) => b).filter(
      (b) => !Number.isNaN(problem.score[g * m + b] ?? Number.NaN),
    );
    for (let mask = 0; mask < 1 << eligible.length; mask++) {
      const set = eligible.filter((_, i) => mask & (1 << i));
      if (set.length > (problem.demand[g] ?? 0)) continue;
      if (set.some((b) => (load[b] ?? 0) >= (problem.capacity[b] ?? 0))) continue;
      for (const b of set) {
        load[b] = (load[b] ?? 0) + 1;
        chosen.push({ graduate: g, booth: b });
      }
      visit(g + 1);
      for (const b of set) {
        load[b] = (load[b] ?? 0) - 1;
        chosen.pop();
      }
    }
  };
  visit(0);
  return best;
}
