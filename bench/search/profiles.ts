/**
 * Profiles for personalized-search figures: for each title query, a graduate whose summary is a title of ANOTHER
 * occupation (chosen by a hash of the query, from the same split) and, where the split has one, a graduate whose
 * summary is a different title of the SAME occupation. The first shows how much a profile can pull a search away
 * from what was typed; the second how much an agreeing profile helps.
 */
import { hashUnit } from '../quality/split.ts';
import type { TitleQuery } from './onet-titles.ts';

export interface ProfilePair {
  readonly unrelated: string;
  readonly agreeing: string | null;
}

export function profilePairs(queries: readonly TitleQuery[]): ProfilePair[] {
  const byCode = new Map<string, TitleQuery[]>();
  for (const q of queries) for (const c of q.codes) byCode.set(c, [...(byCode.get(c) ?? []), q]);
  const codes = [...byCode.keys()].sort();
  return queries.map((q) => {
    const pick = Math.floor(hashUnit(q.key, 'bole-search-tune-profile') * codes.length);
    let other = codes[pick] ?? '';
    if (q.codes.includes(other)) other = codes[(pick + 1) % codes.length] ?? '';
    const sibling = (byCode.get(q.codes[0] ?? '') ?? []).find((s) => s.key !== q.key);
    return { unrelated: byCode.get(other)?.[0]?.text ?? 'Accountant', agreeing: sibling?.text ?? null };
  });
}
