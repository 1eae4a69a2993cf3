import type { Skill } from './types.ts';
import type { MatchEntry } from './matcher.ts';
import { aliasKey } from './text.ts';

const searchKeys = new WeakMap<Skill, string[]>();

function keysOf(s: Skill): string[] {
  let keys = searchKeys.get(s);
  if (keys === undefined) {
    keys = [s.name, s.nameZh, ...s.aliases].map(aliasKey);
    searchKeys.set(s, keys);
  }
  return keys;
}

/**
 * Rank = tier (0 exact alias, 1 prefix, 2 substring) x 1000 + 100 if only an alias (not a name)
 * matched + the length of the shortest matching key; ties: curated first, more O*NET occupations, name.
 */
export function searchSkills(
  all: readonly Skill[],
  index: ReadonlyMap<string, ReadonlyMap<string, MatchEntry>>,
  byId: ReadonlyMap<string, Skill>,
  query: string,
  limit: number,
): Skill[] {
  const q = aliasKey(query);
  if (q === '' || limit <= 0) return [];
  const tier = new Map<Skill, number>();
  for (const id of index.get(q)?.keys() ?? []) {
    const s = byId.get(id);
    if (s !== undefined) tier.set(s, 0);
  }
  for (const s of all) {
    if (tier.has(s)) continue;
    const keys = keysOf(s);
    let best = Infinity;
    keys.forEach((k, i) => {
      const t = k.startsWith(q) ? 1 : k.includes(q) ? 2 : 0;
      if (t > 0) best = Math.min(best, t * 1000 + (i < 2 ? 0 : 100) + k.length);
    });
    if (best < Infinity) tier.set(s, best);
  }
  return [...tier.entries()]
    .sort(
      ([a, ta], [b, tb]) =>
        ta - tb ||
        (a.source === b.source ? 0 : a.source === 'curated' ? -1 : 1) ||
        (b.onet?.occupations ?? 0) - (a.onet?.occupations ?? 0) ||
        a.name.localeCompare(b.name, 'en'),
    )
    .slice(0, limit)
    .map(([s]) => s);
}
