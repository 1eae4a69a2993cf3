import type { Timed } from './schedule.ts';
import { blendedWeight, rankMaps, type AssignmentProblem } from './types.ts';

export type Cancellation = { kind: 'graduate'; graduate: number } | { kind: 'booth'; booth: number };

export interface Change {
  change: 'removed' | 'added';
  interview: Timed;
}

/**
 * Re-plans only what a cancellation touches; every other interview keeps its booth, time and
 * interviewer. A graduate who cancels frees their places: each goes to the graduate with the highest
 * blended weight who may take it (a free interview, free at that time, not already at that booth). A
 * booth that cancels loses its interviews: each graduate who had one, best weight first, gets the best
 * free place at another booth at a time they are free. This is a local repair, not a new optimum; a
 * full re-run is POST …/assignments again.
 */
export function repairPlan(
  problem: AssignmentProblem,
  plan: readonly Timed[],
  interviewers: readonly number[],
  slotCount: number,
  cancel: Cancellation,
): { plan: Timed[]; changes: Change[] } {
  const m = problem.booths;
  const ranks = rankMaps(problem);
  const weight = (g: number, b: number) => blendedWeight(problem, g, b, ranks[g]);
  const removed = plan.filter((x) =>
    cancel.kind === 'graduate' ? x.graduate === cancel.graduate : x.booth === cancel.booth,
  );
  const kept = plan.filter((x) => !removed.includes(x));
  const changes: Change[] = removed.map((interview) => ({ change: 'removed', interview }));
  const busy = new Set(kept.map((x) => `${x.graduate}:${x.slot}`));
  const cell = new Set(kept.map((x) => `${x.booth}:${x.slot}:${x.interviewer}`));
  const at = new Set(kept.map((x) => `${x.graduate}:${x.booth}`));
  const load = new Array<number>(m).fill(0);
  const count = new Array<number>(problem.graduates).fill(0);
  for (const x of kept) {
    load[x.booth] = (load[x.booth] ?? 0) + 1;
    count[x.graduate] = (count[x.graduate] ?? 0) + 1;
  }
  const closed = (g: number, b: number) =>
    (cancel.kind === 'graduate' && g === cancel.graduate) || (cancel.kind === 'booth' && b === cancel.booth);
  const add = (x: Timed) => {
    kept.push(x);
    changes.push({ change: 'added', interview: x });
    busy.add(`${x.graduate}:${x.slot}`);
    cell.add(`${x.booth}:${x.slot}:${x.interviewer}`);
    at.add(`${x.graduate}:${x.booth}`);
    load[x.booth] = (load[x.booth] ?? 0) + 1;
    count[x.graduate] = (count[x.graduate] ?? 0) + 1;
  };
  const canTake = (g: number, b: number, slot: number) =>
    !closed(g, b) &&
    !Number.isNaN(weight(g, b)) &&
    (count[g] ?? 0) < (problem.demand[g] ?? 0) &&
    !busy.has(`${g}:${slot}`) &&
    !at.has(`${g}:${b}`) &&
    (load[b] ?? 0) < (problem.capacity[b] ?? 0);

  if (cancel.kind === 'graduate') {
    for (const freed of removed) {
      let best = -1;
      for (let g = 0; g < problem.graduates; g++) {
        if (canTake(g, freed.booth, freed.slot) && (best < 0 || weight(g, freed.booth) > weight(best, freed.booth)))
          best = g;
      }
      if (best >= 0) add({ graduate: best, booth: freed.booth, slot: freed.slot, interviewer: freed.interviewer });
    }
  } else {
    const order = [...removed].sort(
      (a, b) => weight(b.graduate, b.booth) - weight(a.graduate, a.booth) || a.graduate - b.graduate,
    );
    for (const lost of order) {
      let best: Timed | null = null;
      for (let b = 0; b < m; b++) {
        if (best && weight(lost.graduate, b) <= weight(best.graduate, best.booth)) continue;
        const free = firstFreeCell(b, lost.graduate);
        if (free) best = free;
      }
      if (best) add(best);
    }
  }
  return { plan: kept, changes };

  function firstFreeCell(b: number, g: number): Timed | null {
    for (let slot = 0; slot < slotCount; slot++) {
      if (!canTake(g, b, slot)) continue;
      for (let i = 0; i < Math.max(1, interviewers[b] ?? 1); i++)
        if (!cell.has(`${b}:${slot}:${i}`)) return { graduate: g, booth: b, slot, interviewer: i };
    }
    return null;
  }
}
