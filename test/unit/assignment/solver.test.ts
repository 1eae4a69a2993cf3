import { describe, expect, it } from 'vitest';
import { countBlockingPairs, MinCostFlow, solveOptimal, solveStable } from '../../../src/domain/assignment/index.ts';
import { bruteForce, objective, problemOf, randomProblem } from './helpers.ts';

describe('min-cost flow', () => {
  it('sends flow only while a negative-cost path exists and reports its cost', () => {
    const f = new MinCostFlow(4);
    const a = f.addArc(0, 1, 2, -5);
    const b = f.addArc(0, 2, 1, 3);
    f.addArc(1, 3, 1, 0);
    f.addArc(2, 3, 5, -1);
    const r = f.solve(0, 3);
    expect(r).toMatchObject({ flow: 1, cost: -5 });
    expect([f.flow(a), f.flow(b)]).toEqual([1, 0]);
  });

  it('refuses an arc that runs downwards', () => {
    expect(() => new MinCostFlow(3).addArc(2, 1, 1, 0)).toThrow(RangeError);
  });
});

describe('solveOptimal', () => {
  it('maximises the total, not each graduate greedily (exact numbers)', () => {
    const problem = problemOf([
      [0.9, 0.8],
      [0.85, 0.1],
    ]);
    const { plan } = solveOptimal(problem);
    expect(plan.pairs).toEqual([
      { graduate: 0, booth: 1 },
      { graduate: 1, booth: 0 },
    ]);
    expect(plan.totalScore).toBeCloseTo(1.65, 12);
    expect(countBlockingPairs(problem, plan.pairs)).toBe(1);
  });

  it("blends the graduate's ranking into the weight", () => {
    const problem = problemOf([[0.9, 0.8]], { rankings: [[1]], preferenceWeight: 0.2, maxRankings: 2 });
    const { plan } = solveOptimal(problem);
    expect(plan.pairs).toEqual([{ graduate: 0, booth: 1 }]);
    expect(plan.totalWeight).toBeCloseTo(1.0, 12);
    expect(plan.totalScore).toBeCloseTo(0.8, 12);
  });

  it('meets a floor before the total score', () => {
    const problem = problemOf([[0.9], [0.5], [0.3]], { floorGroup: [-1, -1, 0], floors: [1] });
    const { plan } = solveOptimal(problem);
    expect(plan.pairs).toEqual([{ graduate: 2, booth: 0 }]);
    expect(plan.floors).toEqual([{ group: 0, minimum: 1, achieved: 1 }]);
  });

  it('reports a floor it cannot meet instead of failing', () => {
    const problem = problemOf(
      [
        [0.9, Number.NaN],
        [Number.NaN, 0.4],
      ],
      { floorGroup: [-1, 0], floors: [2], capacity: [1, 1] },
    );
    const { plan } = solveOptimal(problem);
    expect(plan.floors).toEqual([{ group: 0, minimum: 2, achieved: 1 }]);
    expect(plan.totalScore).toBeCloseTo(1.3, 12);
  });

  it('equals the exhaustive optimum on 300 small random instances, with and without floors and pruning', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const problem = randomProblem(seed, { floors: seed % 3 === 0 });
      const exact = bruteForce(problem);
      const prunings = [
        {},
        { candidatesPerGraduate: 1, minPerBooth: 0, boothFactor: 0 },
        { minPerBooth: 1, boothFactor: 0.5 },
      ];
      for (const [i, pruning] of prunings.entries()) {
        const { plan } = solveOptimal(problem, pruning);
        expect(objective(problem, plan.pairs), `seed ${seed}, pruning ${i}`).toEqual(exact);
        const load = new Map<number, number>();
        for (const p of plan.pairs) load.set(p.booth, (load.get(p.booth) ?? 0) + 1);
        for (const [b, k] of load) expect(k).toBeLessThanOrEqual(problem.capacity[b] ?? 0);
      }
    }
  });

  it('adds the arcs the pricing check finds and still proves optimality', () => {
    // Both graduates' single best booth is booth 0; the optimum needs graduate 0's second choice.
    const problem = problemOf(
      [
        [0.9, 0.8, 0.1],
        [0.95, 0.1, 0.1],
      ],
      { capacity: [1, 1, 1] },
    );
    const { plan, stats } = solveOptimal(problem, { candidatesPerGraduate: 1, minPerBooth: 0, boothFactor: 0 });
    expect(plan.pairs).toEqual([
      { graduate: 0, booth: 1 },
      { graduate: 1, booth: 0 },
    ]);
    expect(stats.rounds).toBe(2);
    expect(stats.fullArcs).toBe(6);
  });
});

describe('solveStable (graduate-proposing deferred acceptance)', () => {
  it('gives the stable plan (exact numbers)', () => {
    const problem = problemOf([
      [0.9, 0.8],
      [0.85, 0.1],
    ]);
    const plan = solveStable(problem);
    expect(plan.pairs).toEqual([
      { graduate: 0, booth: 0 },
      { graduate: 1, booth: 1 },
    ]);
    expect(plan.totalScore).toBeCloseTo(1.0, 12);
  });

  it("leaves no blocking pair on 300 random instances, and never beats the optimum's weight", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const problem = randomProblem(seed, { n: 3 + (seed % 6), m: 2 + (seed % 4) });
      const stable = solveStable(problem);
      expect(countBlockingPairs(problem, stable.pairs), `seed ${seed}`).toBe(0);
      const optimal = solveOptimal(problem).plan;
      expect(objective(problem, stable.pairs).weight).toBeLessThanOrEqual(objective(problem, optimal.pairs).weight);
      for (let g = 0; g < problem.graduates; g++) {
        expect(stable.pairs.filter((p) => p.graduate === g).length).toBeLessThanOrEqual(problem.demand[g] ?? 0);
      }
    }
  });

  it("follows the graduate's ranking before scores", () => {
    const problem = problemOf([[0.9, 0.2]], { rankings: [[1]] });
    expect(solveStable(problem).pairs).toEqual([{ graduate: 0, booth: 1 }]);
  });
});
