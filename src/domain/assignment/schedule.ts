import type { Pair } from './types.ts';

/** Minutes since midnight, local to the fair. */
export interface Interval {
  from: number;
  to: number;
}

export interface SlotGrid {
  window: Interval;
  slotMinutes: number;
  breaks: readonly Interval[];
}

/** The usable slots: back to back from the window's start; a slot that touches a break is dropped. */
export function slotsOf(grid: SlotGrid): Interval[] {
  const out: Interval[] = [];
  if (grid.slotMinutes <= 0) return out;
  for (let from = grid.window.from; from + grid.slotMinutes <= grid.window.to; from += grid.slotMinutes) {
    const slot = { from, to: from + grid.slotMinutes };
    if (!grid.breaks.some((b) => b.from < slot.to && slot.from < b.to)) out.push(slot);
  }
  return out;
}

export interface Timed extends Pair {
  /** Index into slotsOf(grid). */
  slot: number;
  /** Which of the booth's interviewers (0-based). */
  interviewer: number;
}

/**
 * The scheduling step: gives every pair a slot and an interviewer so that no graduate and no interviewer
 * is in two interviews at once. Each booth's pairs are dealt round-robin to its interviewers (so each has
 * at most ⌈load / interviewers⌉ ≤ T when load ≤ interviewers·T); graduates (at most T interviews each)
 * and interviewers then form a bipartite graph of maximum degree ≤ T, which König's theorem colours
 * with T colours = slots. Colouring by alternating-path (Kempe chain) swaps, O(pairs·(graduates +
 * interviewers)). Throws when a degree exceeds T, which validated input never allows.
 */
export function schedulePairs(pairs: readonly Pair[], interviewers: readonly number[], slotCount: number): Timed[] {
  const T = slotCount;
  const laneBase: number[] = [];
  let lanes = 0;
  for (const count of interviewers) {
    laneBase.push(lanes);
    lanes += Math.max(1, count);
  }
  const dealt = new Map<number, number>();
  const edges = pairs.map((p) => {
    const i = dealt.get(p.booth) ?? 0;
    dealt.set(p.booth, i + 1);
    const interviewer = i % Math.max(1, interviewers[p.booth] ?? 1);
    return { ...p, interviewer, lane: (laneBase[p.booth] ?? 0) + interviewer };
  });
  const graduates = pairs.reduce((mx, p) => Math.max(mx, p.graduate + 1), 0);
  // atG[g·T + c] / atL[l·T + c]: the edge coloured c at graduate g / lane l, or −1.
  const atG = new Int32Array(graduates * T).fill(-1);
  const atL = new Int32Array(lanes * T).fill(-1);
  const colour = new Int32Array(edges.length).fill(-1);
  const free = (at: Int32Array, node: number) => {
    for (let c = 0; c < T; c++) if (at[node * T + c] === -1) return c;
    return -1;
  };
  edges.forEach((e, id) => {
    const a = free(atG, e.graduate);
    const b = free(atL, e.lane);
    if (a < 0 || b < 0)
      throw new RangeError(`more interviews than slots for graduate ${e.graduate} or interviewer lane ${e.lane}`);
    if (atL[e.lane * T + a] !== -1) flipChain(e.lane, a, b);
    colour[id] = a;
    atG[e.graduate * T + a] = id;
    atL[e.lane * T + a] = id;
  });

  /** Swaps colours a and b along the a/b path starting at lane `start` with its a-edge; a is then free there. */
  function flipChain(start: number, a: number, b: number): void {
    const path: number[] = [];
    let onLane = true;
    let node = start;
    let want = a;
    for (;;) {
      const id = onLane ? atL[node * T + want] : atG[node * T + want];
      if (id === undefined || id < 0) break;
      path.push(id);
      const e = edges[id];
      if (!e) break;
      node = onLane ? e.graduate : e.lane;
      onLane = !onLane;
      want = want === a ? b : a;
    }
    for (const id of path) {
      const e = edges[id];
      const c = colour[id] ?? -1;
      if (!e || c < 0) continue;
      atG[e.graduate * T + c] = -1;
      atL[e.lane * T + c] = -1;
    }
    for (const id of path) {
      const e = edges[id];
      if (!e) continue;
      const c = colour[id] === a ? b : a;
      colour[id] = c;
      atG[e.graduate * T + c] = id;
      atL[e.lane * T + c] = id;
    }
  }

  return edges.map((e, id) => ({
    graduate: e.graduate,
    booth: e.booth,
    interviewer: e.interviewer,
    slot: colour[id] ?? -1,
  }));
}
