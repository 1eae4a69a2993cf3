/**
 * Cross-list catch-up of selection rates. An audit's impact ratio is a rate over many lists: a group's
 * memberships of the served lists and how many of them reached the top K, against the best group's rate.
 * Floors inside one list (⌊i·share⌋) cannot steer that: a group that lost a little in each list stays
 * behind. So a tenant's lists keep a running tally per grouping and cell over the audit window, and each
 * new list raises the floor at prefix K of every cell whose tallied rate lags `ratio` × the best cell's:
 * a deficit-aware floor in the spirit of FA*IR's per-prefix minima and Geyik et al.'s minimum counts, but
 * over the stream of lists rather than the prefixes of one.
 */

/** Memberships of served lists and how many of them were in the top K, for one cell. */
export interface CellTally {
  memberships: number;
  selected: number;
}

/** tally[grouping][cell] (grouping = partition key, e.g. "gender" or "gender × hukouType"). */
export type SelectionTally = Readonly<Record<string, Readonly<Record<string, CellTally>>>>;

export interface CatchUpOptions {
  /** The top K the audit counts as selected. */
  selectedTop: number;
  /** The impact ratio each lagging cell is lifted towards, in (0, 1]. */
  ratio: number;
  /** Memberships a cell needs before its rate can be the reference (default 20). */
  minReference?: number;
  /** Share of the grouping's memberships a cell needs to be the reference (default 0.02, as suppression). */
  minReferenceShare?: number;
}

/** A floor at prefix K raised above the list's own share floor, with the tallied figures that set it. */
export interface CatchUpFloor {
  grouping: string;
  cell: string;
  /** The tally before this list. */
  memberships: number;
  selected: number;
  /** selected / memberships (null with no memberships yet). */
  rate: number | null;
  /** The best reference cell's rate in the grouping. */
  bestRate: number;
  /** Members of the cell in this list. */
  inList: number;
  /** The list's own share floor at K for the cell. */
  shareFloor: number;
  /** Least members of the cell in the top K of this list (> shareFloor). */
  required: number;
}

/**
 * The catch-up floors at prefix K for one list. For each grouping with a reference (the highest rate among
 * cells with ≥ minReference memberships and ≥ minReferenceShare of the grouping's), each cell c of the
 * list with m_c members, tally (n_c, s_c) and share floor f_c needs
 *   need_c = min(m_c, max(0, ⌈ratio · bestRate · (n_c + m_c) − s_c⌉))
 * members in the top K for its rate after this list to reach ratio × bestRate. Raises above f_c are
 * granted most-lagging cell first (lowest s_c / n_c; cells with no tally last) while the floors of the
 * grouping still fit in K: Σ_c max(f_c, required_c) ≤ K, so every cell keeps its share floor. Pure.
 */
export function catchUpFloors(
  tally: SelectionTally,
  list: Readonly<Record<string, Readonly<Record<string, number>>>>,
  shareFloors: Readonly<Record<string, Readonly<Record<string, number>>>>,
  options: CatchUpOptions,
): CatchUpFloor[] {
  const { selectedTop: top, ratio } = options;
  if (!Number.isInteger(top) || top < 1) throw new RangeError(`selectedTop must be an integer ≥ 1, got ${top}`);
  if (!(ratio > 0 && ratio <= 1)) throw new RangeError(`ratio must be in (0, 1], got ${ratio}`);
  const minReference = options.minReference ?? 20;
  const minShare = options.minReferenceShare ?? 0.02;
  const out: CatchUpFloor[] = [];
  for (const [grouping, members] of Object.entries(list)) {
    const cells = tally[grouping] ?? {};
    const total = Object.values(cells).reduce((s, c) => s + c.memberships, 0);
    let bestRate = -1;
    for (const c of Object.values(cells))
      if (c.memberships >= minReference && c.memberships >= minShare * total)
        bestRate = Math.max(bestRate, c.selected / c.memberships);
    if (bestRate <= 0) continue;
    const floors = shareFloors[grouping] ?? {};
    let room = top - Object.values(floors).reduce((s, f) => s + f, 0);
    const lagging = Object.entries(members)
      .filter(([, m]) => m > 0)
      .map(([cell, m]) => {
        const t = cells[cell] ?? { memberships: 0, selected: 0 };
        const need = Math.ceil(ratio * bestRate * (t.memberships + m) - t.selected - 1e-9);
        const rate = t.memberships === 0 ? null : t.selected / t.memberships;
        return { cell, m, t, rate, need: Math.min(m, Math.max(0, need)), floor: floors[cell] ?? 0 };
      })
      .filter((x) => x.need > x.floor)
      .sort((a, b) => (a.rate ?? Infinity) - (b.rate ?? Infinity) || a.cell.localeCompare(b.cell));
    for (const x of lagging) {
      const raise = Math.min(x.need - x.floor, room);
      if (raise <= 0) continue;
      room -= raise;
      out.push({
        grouping,
        cell: x.cell,
        memberships: x.t.memberships,
        selected: x.t.selected,
        rate: x.rate,
        bestRate,
        inList: x.m,
        shareFloor: x.floor,
        required: x.floor + raise,
      });
    }
  }
  return out;
}

/**
 * The cells whose per-list share floor can be dropped: with a reference in its grouping (as catchUpFloors),
 * a cell whose tallied rate is at least `ratio` × the best cell's is not lagging across lists, so holding it
 * to ⌊i·share⌋ in every prefix of each list only costs nDCG. Such a cell is still held where it would start
 * to lag: catchUpFloors with a share floor of 0 gives it need_c members in the top K. Cells under
 * minReference memberships (their rate is noise), and every cell of a grouping with no reference yet, keep
 * their share floors. Pure.
 */
export function relaxedCells(
  tally: SelectionTally,
  options: Pick<CatchUpOptions, 'ratio' | 'minReference' | 'minReferenceShare'>,
): Record<string, string[]> {
  const minReference = options.minReference ?? 20;
  const minShare = options.minReferenceShare ?? 0.02;
  const out: Record<string, string[]> = {};
  for (const [grouping, cells] of Object.entries(tally)) {
    const total = Object.values(cells).reduce((s, c) => s + c.memberships, 0);
    let bestRate = -1;
    for (const c of Object.values(cells))
      if (c.memberships >= minReference && c.memberships >= minShare * total)
        bestRate = Math.max(bestRate, c.selected / c.memberships);
    if (bestRate <= 0) continue;
    const ok = Object.entries(cells)
      .filter(([, c]) => c.memberships >= minReference)
      .filter(([, c]) => c.selected / c.memberships >= options.ratio * bestRate - 1e-12)
      .map(([cell]) => cell)
      .sort();
    if (ok.length > 0) out[grouping] = ok;
  }
  return out;
}

/**
 * What one served list adds to the tally, as the audit counts it: every member of the pool (the union of
 * the score-ordered and the served list) with a known cell is a membership of that cell, selected when it
 * is among the first `selectedTop` served. `cellsOf(id)` gives the person's cell per grouping (null =
 * unknown, not counted).
 */
export function tallyOfList(
  before: readonly string[],
  served: readonly string[],
  selectedTop: number,
  cellsOf: (id: string) => Readonly<Record<string, string | null>>,
): Record<string, Record<string, CellTally>> {
  const selected = new Set(served.slice(0, selectedTop));
  const out: Record<string, Record<string, CellTally>> = {};
  for (const id of new Set([...before, ...served])) {
    for (const [grouping, cell] of Object.entries(cellsOf(id))) {
      if (cell === null) continue;
      const g = (out[grouping] ??= {});
      const c = (g[cell] ??= { memberships: 0, selected: 0 });
      c.memberships++;
      if (selected.has(id)) c.selected++;
    }
  }
  return out;
}
