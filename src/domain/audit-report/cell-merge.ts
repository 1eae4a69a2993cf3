import { combineMoments } from '../fairness/mean-score.ts';
import { addSel } from './blocks.ts';
import type { FunnelCell, ProxyCell, QualityCell, RankCell, SelectionCell, StratumCell } from './types.ts';

/**
 * Merging the cells of disjoint parts of an audit (the audit reads the impressions in chunks of graduates, so
 * each chunk's cells describe other people): counts add, moments merge by Chan's update. The merged cells are
 * sorted by their key, so the result does not depend on where the chunks were cut.
 */

/** percentile_cont(q) as PostgreSQL computes it: position q·(n − 1), linear between its neighbours; null if empty. */
export function percentileCont(values: Float64Array, q: number): number | null {
  if (values.length === 0) return null;
  const s = Float64Array.from(values).sort();
  const pos = q * (s.length - 1);
  const lo = Math.floor(pos);
  const first = s[lo] ?? 0;
  if (lo === pos) return first;
  const second = s[lo + 1] ?? first;
  return first + (second - first) * (pos - lo);
}

/** A growable list of doubles (pair scores for a pooled median): 8 bytes a value, not a boxed number each. */
export class DoubleList {
  #data = new Float64Array(1024);
  #length = 0;
  push(values: readonly number[]): void {
    if (this.#length + values.length > this.#data.length) {
      const grown = new Float64Array(Math.max(this.#data.length * 2, this.#length + values.length));
      grown.set(this.#data.subarray(0, this.#length));
      this.#data = grown;
    }
    for (const v of values) this.#data[this.#length++] = v;
  }
  values(): Float64Array {
    return this.#data.subarray(0, this.#length);
  }
}

const cellKey = (values: readonly (string | null)[], ...extra: (string | number)[]) =>
  JSON.stringify([...values, ...extra]);

/** Cells keyed by their values (and extra key parts), merged with `merge` when a key comes back. */
export class Merged<C> {
  readonly #cells = new Map<string, C>();
  readonly #key: (cell: C) => string;
  readonly #merge: (a: C, b: C) => C;
  constructor(key: (cell: C) => string, merge: (a: C, b: C) => C) {
    this.#key = key;
    this.#merge = merge;
  }
  add(cells: readonly C[]): void {
    for (const cell of cells) {
      const k = this.#key(cell);
      const had = this.#cells.get(k);
      this.#cells.set(k, had ? this.#merge(had, cell) : cell);
    }
  }
  cells(): C[] {
    return [...this.#cells.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, c]) => c);
  }
}

export function mergedSelection(): Merged<SelectionCell> {
  return new Merged<SelectionCell>(
    (c) => cellKey(c.values),
    (a, b) => ({ values: a.values, ...addSel(a, b) }),
  );
}

export function mergedQuality(): Merged<QualityCell> {
  return new Merged<QualityCell>(
    (c) => cellKey(c.values),
    (a, b) => ({
      values: a.values,
      n: a.n + b.n,
      aboveMedian: a.aboveMedian + b.aboveMedian,
      score: combineMoments(a.score, b.score),
    }),
  );
}

export function mergedStrata(): Merged<StratumCell> {
  return new Merged<StratumCell>(
    (c) => cellKey(c.values, c.stratum),
    (a, b) => ({ values: a.values, stratum: a.stratum, n: a.n + b.n, selected: a.selected + b.selected }),
  );
}

export function mergedFunnel(): Merged<FunnelCell> {
  return new Merged<FunnelCell>(
    (c) => cellKey(c.values),
    (a, b) => ({
      values: a.values,
      individuals: a.individuals + b.individuals,
      shown: a.shown + b.shown,
      applied: a.applied + b.applied,
      interview: a.interview + b.interview,
      offer: a.offer + b.offer,
      hire: a.hire + b.hire,
    }),
  );
}

export function mergedProxy(): Merged<ProxyCell> {
  return new Merged<ProxyCell>(
    (c) => cellKey(c.values, c.component, c.bin),
    (a, b) => ({ ...a, count: a.count + b.count }),
  );
}

export function mergedRanks(): Merged<RankCell> {
  return new Merged<RankCell>(
    (c) => cellKey(c.values, c.rank),
    (a, b) => ({ ...a, count: a.count + b.count }),
  );
}
