import type { AliasEntry, AliasMode } from './types.ts';
import { leftOk, rightOk, type ContextProbe } from './context.ts';
import { normalizeText, tokenize, type NormalizedText, type Token } from './text.ts';

/** An alias prepared for matching: its token keys and, for cased modes, its cased key. */
export interface MatchEntry extends AliasEntry {
  readonly key: string;
  readonly casedKey: string;
}

interface TrieNode {
  readonly next: Map<string, TrieNode>;
  entries: MatchEntry[] | undefined;
}

/** A match in normalized-token coordinates. */
export interface RawMatch {
  readonly entry: MatchEntry;
  readonly first: number;
  readonly last: number;
}

// A word of two letters or more with a version of one to four digits glued to it: the name and the version.
const GLUED = /^([a-z]{2,})(\d{1,4})$/u;

const needsContext = (m: AliasMode): boolean => m === 'context' || m === 'cased-context';
const needsCase = (m: AliasMode): boolean => m === 'cased' || m === 'cased-context';

/**
 * Token trie over every alias; a scan takes, at each token, the longest alias that passes its mode
 * checks (leftmost-longest, non-overlapping), so 机器学习工程师 yields only 机器学习.
 */
export class SkillMatcher {
  private readonly root: TrieNode = { next: new Map(), entries: undefined };
  readonly size: number;

  constructor(entries: readonly MatchEntry[]) {
    for (const e of entries) {
      let node = this.root;
      for (const k of e.key.split(' ')) {
        let child = node.next.get(k);
        if (child === undefined) {
          child = { next: new Map(), entries: undefined };
          node.next.set(k, child);
        }
        node = child;
      }
      (node.entries ??= []).push(e);
    }
    this.size = entries.length;
  }

  /** Scans normalized text and returns non-overlapping matches in text order. */
  scan(n: NormalizedText, tokens: readonly Token[]): RawMatch[] {
    const matches: RawMatch[] = [];
    const ends = new Set<number>();
    const probe: ContextProbe = {
      text: n.lower,
      tokens,
      mentionEndsAt: (k) => ends.has(k),
      plainStartsAt: (k) => this.plainAt(tokens, k),
    };
    let i = 0;
    while (i < tokens.length) {
      const found = this.longestAt(n, tokens, i, probe);
      if (found === undefined) {
        i++;
        continue;
      }
      matches.push(found);
      ends.add(found.last);
      i = found.last + 1;
    }
    return matches;
  }

  /**
   * Shorter aliases inside a match that spans several tokens ("Excel" and "VBA" in "Excel VBA", "Python" in "Python
   * 爬虫"), leftmost-longest, with the same mode checks against the whole text.
   */
  inside(n: NormalizedText, tokens: readonly Token[], outer: RawMatch): RawMatch[] {
    const found: RawMatch[] = [];
    const ends = new Set<number>();
    const probe: ContextProbe = {
      text: n.lower,
      tokens,
      mentionEndsAt: (k) => ends.has(k),
      plainStartsAt: (k) => this.plainAt(tokens, k),
    };
    let i = outer.first;
    while (i <= outer.last) {
      const limit = i === outer.first ? outer.last - 1 : outer.last;
      const m = this.longestAt(n, tokens, i, probe, limit);
      if (m === undefined) {
        i++;
        continue;
      }
      found.push(m);
      ends.add(m.last);
      i = m.last + 1;
    }
    return found;
  }

  private longestAt(
    n: NormalizedText,
    tokens: readonly Token[],
    i: number,
    probe: ContextProbe,
    limit = tokens.length - 1,
  ): RawMatch | undefined {
    let node: TrieNode | undefined = this.root;
    let best: RawMatch | undefined;
    for (let j = i; j <= limit; j++) {
      const t = tokens[j];
      if (t === undefined) break;
      let next: TrieNode | undefined = node.next.get(t.key);
      // A version glued to the name's last word ("AutoCAD2020", "Java8", "MySQL8") ends the name there.
      const glued = next === undefined ? GLUED.exec(t.key) : null;
      if (glued !== null) next = node.next.get(glued[1] ?? '');
      node = next;
      if (node === undefined) break;
      const version = glued === null ? 0 : (glued[2]?.length ?? 0);
      for (const e of node.entries ?? []) {
        if (this.accepts(e, n, tokens, i, j, probe, version)) {
          best = { entry: e, first: i, last: j };
          break;
        }
      }
      if (version > 0) break;
    }
    return best;
  }

  private accepts(
    e: MatchEntry,
    n: NormalizedText,
    tokens: readonly Token[],
    i: number,
    j: number,
    probe: ContextProbe,
    version = 0,
  ): boolean {
    if (needsCase(e.mode)) {
      const cased = tokens
        .slice(i, j + 1)
        .map((t, k) => n.cased.slice(t.start, t.end - (i + k === j ? version : 0)))
        .join(' ');
      if (cased !== e.casedKey) return false;
    }
    if (needsContext(e.mode)) {
      const single = i === j && (tokens[i]?.key.length ?? 0) === 1;
      return leftOk(probe, i, single) && rightOk(probe, j, single);
    }
    return true;
  }

  /** True if some plain alias begins at token k (used as right-hand list context). */
  private plainAt(tokens: readonly Token[], k: number): boolean {
    let node: TrieNode | undefined = this.root;
    for (let j = k; j < tokens.length; j++) {
      const t = tokens[j];
      if (t === undefined) return false;
      node = node.next.get(t.key);
      if (node === undefined) return false;
      if (node.entries?.some((e) => e.mode === 'plain')) return true;
    }
    return false;
  }

  /** Exact lookup of a whole (normalized) name, ignoring modes: for declared list items. */
  exact(text: string): MatchEntry | undefined {
    const tokens = tokenize(normalizeText(text));
    let node: TrieNode | undefined = this.root;
    for (const t of tokens) {
      node = node.next.get(t.key);
      if (node === undefined) return undefined;
    }
    return tokens.length > 0 ? node.entries?.[0] : undefined;
  }
}
