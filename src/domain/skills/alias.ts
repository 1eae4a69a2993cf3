import type { AliasMode } from './types.ts';

/** A parsed alias: the spelling without markers and how strictly it must match. */
export interface ParsedAlias {
  readonly surface: string;
  readonly mode: AliasMode;
}

/** Reads the `~` (list context) and `^` (exact case) markers documented in seed.ts. */
export function parseAlias(raw: string): ParsedAlias {
  let s = raw;
  let context = false;
  let cased = false;
  if (s.startsWith('~')) {
    context = true;
    s = s.slice(1);
  }
  if (s.startsWith('^')) {
    cased = true;
    s = s.slice(1);
  }
  const mode: AliasMode = context ? (cased ? 'cased-context' : 'context') : cased ? 'cased' : 'plain';
  return { surface: s, mode };
}

/** Stricter modes win when one key is declared twice for the same skill. */
export function stricter(a: AliasMode, b: AliasMode): AliasMode {
  const rank: Record<AliasMode, number> = { plain: 0, cased: 1, context: 1, 'cased-context': 2 };
  if (rank[a] === rank[b] && a !== b) return 'cased-context';
  return rank[a] >= rank[b] ? a : b;
}
