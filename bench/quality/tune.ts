/**
 * Weight search for the benchmark hybrids of (a) and (b): a grid over the simplex (weights ≥ 0 that sum
 * to 1), coarse first, then a finer grid around the best point. Runs on dev queries only; the caller
 * scores test queries once, with the weights found here.
 */

/** Every weight vector with `parts` components, multiples of `step`, summing to 1. */
export function simplexGrid(parts: number, step: number): number[][] {
  const units = Math.round(1 / step);
  const out: number[][] = [];
  const walk = (prefix: number[], left: number): void => {
    if (prefix.length === parts - 1) {
      out.push([...prefix, left].map((u) => u / units));
      return;
    }
    for (let u = 0; u <= left; u++) walk([...prefix, u], left - u);
  };
  if (parts >= 1) walk([], units);
  return out;
}

/** Grid points within `radius` (per coordinate) of `center`, on a `step` lattice, on the simplex. */
function localGrid(center: readonly number[], step: number, radius: number): number[][] {
  return simplexGrid(center.length, step).filter((w) =>
    w.every((x, i) => Math.abs(x - (center[i] ?? 0)) <= radius + 1e-9),
  );
}

export interface TuneResult {
  readonly weights: number[];
  readonly objective: number;
  readonly evaluated: number;
}

/**
 * argmax of `objective` over the coarse grid, then over the fine grid around the coarse optimum. Ties
 * keep the first point found (grid order is deterministic), so the search is reproducible.
 */
export function tuneWeights(
  parts: number,
  objective: (weights: readonly number[]) => number,
  grid: { coarse: number; fine: number } = { coarse: 0.1, fine: 0.025 },
): TuneResult {
  let best: number[] = [];
  let bestValue = Number.NEGATIVE_INFINITY;
  let evaluated = 0;
  const consider = (w: number[]): void => {
    const v = objective(w);
    evaluated++;
    if (v > bestValue) {
      bestValue = v;
      best = w;
    }
  };
  for (const w of simplexGrid(parts, grid.coarse)) consider(w);
  for (const w of localGrid(best, grid.fine, grid.coarse)) consider(w);
  return { weights: best, objective: bestValue, evaluated };
}

/** Σ w_c · component_c[j] for every document j. */
export function combine(
  components: readonly ArrayLike<number>[],
  weights: readonly number[],
  out: Float64Array,
): Float64Array {
  out.fill(0);
  components.forEach((c, ci) => {
    const w = weights[ci] ?? 0;
    if (w === 0) return;
    for (let j = 0; j < out.length; j++) out[j] = (out[j] ?? 0) + w * (c[j] ?? 0);
  });
  return out;
}
