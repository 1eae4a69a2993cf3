/**
 * Multiple-comparison adjustments over one family of p-values (a report holds about a hundred tests).
 * Both follow statsmodels `multipletests` exactly; null p-values (tests that could not be computed)
 * stay null and do not count in m, the number of tests.
 */

function order(pValues: readonly (number | null)[]): { index: number; p: number }[] {
  const out: { index: number; p: number }[] = [];
  pValues.forEach((p, index) => {
    if (p === null) return;
    if (!(p >= 0 && p <= 1)) throw new RangeError(`p-values must be in [0, 1], got ${p}`);
    out.push({ index, p });
  });
  // Ties keep their input order; equal p-values get equal adjusted values either way.
  return out.sort((a, b) => a.p - b.p || a.index - b.index);
}

/**
 * Holm's step-down adjusted p-values (Holm 1979; statsmodels method 'holm'): with p_(1) ≤ … ≤ p_(m),
 * p̃_(i) = max_{j ≤ i} min(1, (m − j + 1)·p_(j)). Rejecting p̃ < α controls the family-wise error rate
 * at α under any dependence between the tests.
 */
export function holmAdjust(pValues: readonly (number | null)[]): (number | null)[] {
  const sorted = order(pValues);
  const m = sorted.length;
  const out: (number | null)[] = pValues.map(() => null);
  let running = 0;
  sorted.forEach(({ index, p }, i) => {
    running = Math.max(running, Math.min(1, (m - i) * p));
    out[index] = running;
  });
  return out;
}

/**
 * Benjamini–Hochberg q-values (1995; statsmodels method 'fdr_bh'): q_(i) = min_{j ≥ i} min(1, m·p_(j)/j).
 * q < α controls the expected share of false discoveries among the flagged tests at α (independent or
 * positively dependent tests). Shown beside Holm; the adverse flag uses Holm.
 */
export function benjaminiHochberg(pValues: readonly (number | null)[]): (number | null)[] {
  const sorted = order(pValues);
  const m = sorted.length;
  const out: (number | null)[] = pValues.map(() => null);
  let running = 1;
  for (let i = m - 1; i >= 0; i--) {
    const entry = sorted[i];
    if (!entry) continue;
    running = Math.min(running, (m * entry.p) / (i + 1));
    out[entry.index] = running;
  }
  return out;
}
