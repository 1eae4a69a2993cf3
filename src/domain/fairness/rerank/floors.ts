import { byScoreDesc } from './prefix.ts';

const FLOOR_EPS = 1e-9; // see prefix.ts: ⌊i·p⌋ of the decimal the caller meant

/** An item to re-rank: its unconstrained score and its consented value of each attribute (null = unknown). */
export interface FloorItem {
  id: string;
  score: number;
  groups: Readonly<Record<string, string | null>>;
}

/**
 * A partition the floors apply to: one attribute (['regionOfOrigin']) or an intersection
 * (['gender', 'hukouType'], cells labelled 'female|rural'). An item with an unknown value of any of the
 * attributes has no cell: it is never floored and never promoted, only ranked by score.
 */
export type Partition = readonly string[];

export interface FloorOptions {
  /** Length of the constrained prefix (positions k + 1… follow in score order). */
  k: number;
  partitions: readonly Partition[];
  /**
   * The qualified candidates whose shares set the floors: the first `qualified` items by score (default:
   * all). With the served length here, a floor never reaches past the list the reader would have seen.
   */
  qualified?: number;
  /** Extra minimum shares per partition key (partitionKey(p)) and cell, raised above the qualified share. */
  targets?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /**
   * Further floors: at least `count` items of the cell in every prefix i ≥ `prefix` (capped at what the
   * list holds), e.g. the cross-list catch-up floors at the audit's top K (cross-list.ts).
   */
  atLeast?: readonly { partition: string; cell: string; prefix: number; count: number }[];
  /**
   * Cells (per partition key) with no share floor: only their `atLeast` floors bind, e.g. the cells not
   * lagging across lists (cross-list.ts relaxedCells).
   */
  exempt?: Readonly<Record<string, readonly string[]>>;
}

export interface FloorShortfall {
  /** Prefix length i (1-based). */
  prefix: number;
  partition: string;
  cell: string;
  count: number;
  required: number;
}

export interface FloorResult<T> {
  /** The re-ranked top min(k, n), then the rest in score order. */
  ranking: T[];
  /** The floor share of each cell, per partition key. */
  shares: Record<string, Record<string, number>>;
  /** required[partition][cell][i − 1]: the floors the ranking was built to (for checking a served list). */
  required: Record<string, Record<string, number[]>>;
  /** Prefixes where some floor could not be met (empty when all were). */
  shortfalls: FloorShortfall[];
}

export const partitionKey = (p: Partition): string => p.join(' × ');

export const CELL_SEPARATOR = '|';

/** The item's cell of a partition, or null when any of its attributes is unknown. */
export function cellOf(item: Pick<FloorItem, 'groups'>, p: Partition): string | null {
  const values: string[] = [];
  for (const a of p) {
    const v = item.groups[a];
    if (v === null || v === undefined) return null;
    values.push(v);
  }
  return values.join(CELL_SEPARATOR);
}

/**
 * Floor shares of one partition: each cell's share among the qualified candidates (qualified people
 * of unknown value count in the denominator, so their share stays unconstrained), raised to its target
 * when one is given. When raised floors would sum past 1, only the raises are scaled down, so no cell
 * ever falls below its own qualified share.
 */
export function floorShares(
  qualified: readonly Pick<FloorItem, 'groups'>[],
  p: Partition,
  targets: Readonly<Record<string, number>> = {},
): Record<string, number> {
  const counts = new Map<string, number>();
  for (const it of qualified) {
    const c = cellOf(it, p);
    if (c !== null) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const base: Record<string, number> = {};
  for (const [c, n] of counts) base[c] = n / Math.max(1, qualified.length);
  for (const c of Object.keys(targets)) base[c] ??= 0;
  const baseSum = Object.values(base).reduce((s, x) => s + x, 0);
  const raises = Object.fromEntries(Object.keys(base).map((c) => [c, Math.max(0, (targets[c] ?? 0) - (base[c] ?? 0))]));
  const raiseSum = Object.values(raises).reduce((s, x) => s + x, 0);
  const scale = raiseSum > 0 && baseSum + raiseSum > 1 ? Math.max(0, 1 - baseSum) / raiseSum : 1;
  return Object.fromEntries(Object.keys(base).map((c) => [c, (base[c] ?? 0) + (raises[c] ?? 0) * scale]));
}

interface Constraint {
  key: string;
  partition: Partition;
  /** required[c][i − 1]: least items of cell c in the top i, capped at how many the list holds. */
  required: Map<string, number[]>;
}

/**
 * Re-ranking with MINIMUM shares only (floors, never quotas), for several attributes and their
 * intersections at once. Every prefix i ≤ k should hold at least min(⌊i·share_c⌋, available_c) items of
 * each cell c of each partition, share_c from {@link floorShares}. Feasibility-aware greedy: at each
 * position take the best-scoring remaining item whose placement keeps every partition satisfiable at
 * every later prefix (per partition, the summed deficits at prefix j must fit in the j − i positions left;
 * necessary for each partition alone, and in practice enough since each item fills one cell of each);
 * when no item keeps that, take the one that most reduces the current deficits (then by score) and
 * report the prefixes left short. Nothing caps a group: an item is passed over only when a floor binds,
 * so where no floor binds the score order is kept.
 */
export function floorRerank<T extends FloorItem>(items: readonly T[], options: FloorOptions): FloorResult<T> {
  const { k, partitions, targets = {} } = options;
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a non-negative integer, got ${k}`);
  const sorted = byScoreDesc(items);
  const qualified = sorted.slice(0, Math.max(0, Math.min(options.qualified ?? sorted.length, sorted.length)));
  const top = Math.min(k, sorted.length);
  const shares: Record<string, Record<string, number>> = {};
  const constraints: Constraint[] = partitions.map((p) => {
    const key = partitionKey(p);
    const s = floorShares(qualified, p, targets[key]);
    shares[key] = s;
    const available = new Map<string, number>();
    for (const it of sorted) {
      const c = cellOf(it, p);
      if (c !== null) available.set(c, (available.get(c) ?? 0) + 1);
    }
    const required = new Map<string, number[]>();
    const exempt = new Set(options.exempt?.[key] ?? []);
    for (const [c, share] of Object.entries(s)) {
      if (exempt.has(c)) continue;
      const cap = available.get(c) ?? 0;
      required.set(
        c,
        Array.from({ length: top }, (_, i) => Math.min(cap, Math.floor((i + 1) * share + FLOOR_EPS))),
      );
    }
    for (const extra of options.atLeast ?? []) {
      if (extra.partition !== key) continue;
      const cap = Math.min(available.get(extra.cell) ?? 0, extra.count);
      const req = required.get(extra.cell) ?? new Array<number>(top).fill(0);
      for (let i = Math.max(1, extra.prefix); i <= top; i++) req[i - 1] = Math.max(req[i - 1] ?? 0, cap);
      required.set(extra.cell, req);
    }
    return { key, partition: p, required };
  });
  const cells = sorted.map((it) => constraints.map((con) => cellOf(it, con.partition)));
  const counts = constraints.map(() => new Map<string, number>());

  /** Can every later prefix j (placed items = i) still be met, per partition? */
  const feasibleAfter = (i: number): boolean => {
    for (const [ci, con] of constraints.entries()) {
      const count = counts[ci] ?? new Map<string, number>();
      for (let j = i; j <= top; j++) {
        let deficit = 0;
        for (const [c, req] of con.required) deficit += Math.max(0, (req[j - 1] ?? 0) - (count.get(c) ?? 0));
        if (deficit > j - i) return false;
      }
    }
    return true;
  };
  const place = (idx: number, delta: number) => {
    for (const [ci, c] of (cells[idx] ?? []).entries()) {
      if (c === null) continue;
      const m = counts[ci];
      if (m) m.set(c, (m.get(c) ?? 0) + delta);
    }
  };
  /** Σ over partitions of the deficits at prefix i that placing item idx would fill. */
  const relief = (idx: number, i: number): number => {
    let r = 0;
    for (const [ci, con] of constraints.entries()) {
      const c = cells[idx]?.[ci];
      if (c === null || c === undefined) continue;
      const req = con.required.get(c)?.[i - 1] ?? 0;
      if ((counts[ci]?.get(c) ?? 0) < req) r++;
    }
    return r;
  };

  const used = new Array<boolean>(sorted.length).fill(false);
  const order: number[] = [];
  for (let i = 1; i <= top; i++) {
    let chosen = -1;
    for (let idx = 0; idx < sorted.length; idx++) {
      if (used[idx]) continue;
      place(idx, 1);
      const ok = feasibleAfter(i);
      place(idx, -1);
      if (ok) {
        chosen = idx;
        break;
      }
    }
    if (chosen === -1) {
      let best = -1;
      for (let idx = 0; idx < sorted.length; idx++) {
        if (used[idx]) continue;
        const r = relief(idx, i);
        if (r > best) {
          best = r;
          chosen = idx;
        }
      }
    }
    used[chosen] = true;
    order.push(chosen);
    place(chosen, 1);
  }
  for (let idx = 0; idx < sorted.length; idx++) if (!used[idx]) order.push(idx);
  const ranking = order.flatMap((idx) => (sorted[idx] === undefined ? [] : [sorted[idx]]));
  const required: Record<string, Record<string, number[]>> = {};
  for (const con of constraints) required[con.key] = Object.fromEntries(con.required);
  return { ranking, shares, required, shortfalls: floorShortfalls(ranking, constraints, top) };
}

/** Every prefix of `ranking` short of the floors in `required` (as returned by floorRerank). */
export function floorViolations(
  ranking: readonly Pick<FloorItem, 'groups'>[],
  partitions: readonly Partition[],
  required: Readonly<Record<string, Readonly<Record<string, readonly number[]>>>>,
): FloorShortfall[] {
  const constraints = partitions.map((p) => {
    const key = partitionKey(p);
    return { key, partition: p, required: new Map(Object.entries(required[key] ?? {})) };
  });
  const top = Math.max(0, ...constraints.flatMap((c) => [...c.required.values()].map((r) => r.length)));
  return floorShortfalls(ranking, constraints, top);
}

function floorShortfalls(
  ranking: readonly Pick<FloorItem, 'groups'>[],
  constraints: readonly { key: string; partition: Partition; required: ReadonlyMap<string, readonly number[]> }[],
  top: number,
) {
  const out: FloorShortfall[] = [];
  const counts = constraints.map(() => new Map<string, number>());
  for (let i = 1; i <= top; i++) {
    const it = ranking[i - 1];
    if (!it) break;
    for (const [ci, con] of constraints.entries()) {
      const m = counts[ci] ?? new Map<string, number>();
      const c = cellOf(it, con.partition);
      if (c !== null) m.set(c, (m.get(c) ?? 0) + 1);
      for (const [cell, req] of con.required) {
        const required = req[i - 1] ?? 0;
        const count = m.get(cell) ?? 0;
        if (count < required) out.push({ prefix: i, partition: con.key, cell, count, required });
      }
    }
  }
  return out;
}
