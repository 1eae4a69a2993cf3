import type { Moments } from '../fairness/mean-score.ts';
import type { CellBase } from './types.ts';

export const GROUP_SEPARATOR = ' × ';

/**
 * Sums cells into the groups of one grouping (the attributes at `positions`): a cell whose value is
 * null at any of those positions is unknown for this grouping and goes to `unknown`. `add` merges a
 * cell into an accumulator. Groups come out in order of first appearance, sorted by name for stability.
 */
export function marginalize<C extends CellBase, A>(
  cells: readonly C[],
  positions: readonly number[],
  empty: () => A,
  add: (acc: A, cell: C) => A,
  /** Groups listed even when no cell falls in them (every category of the attribute, n = 0). */
  seed: readonly string[] = [],
): { groups: { group: string; acc: A }[]; unknown: A } {
  const groups = new Map<string, A>(seed.map((g) => [g, empty()]));
  let unknown = empty();
  for (const cell of cells) {
    const parts = positions.map((p) => cell.values[p] ?? null);
    if (parts.some((v) => v === null)) {
      unknown = add(unknown, cell);
      continue;
    }
    const key = parts.join(GROUP_SEPARATOR);
    groups.set(key, add(groups.get(key) ?? empty(), cell));
  }
  return {
    groups: [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([group, acc]) => ({ group, acc })),
    unknown,
  };
}

export const emptyMoments = (): Moments => ({ n: 0, mean: 0, m2: 0 });

/** Every group of a grouping from each attribute's full category list (a cross product for intersections). */
export function allGroups(
  categories: Readonly<Record<string, readonly string[]>> | undefined,
  attributes: readonly string[],
): string[] {
  if (!categories) return [];
  let out: string[] = [''];
  for (const a of attributes) {
    const values = categories[a];
    if (!values) return [];
    out = out.flatMap((prefix) => values.map((v) => (prefix === '' ? v : `${prefix}${GROUP_SEPARATOR}${v}`)));
  }
  return out;
}
