import { analyzeLexical } from '../text/lexical-analyzer.ts';

/** A highlighted span of a text: UTF-16 offsets [start, end) into the text as stored. */
export interface Highlight {
  readonly start: number;
  readonly end: number;
}

/**
 * Where the given terms occur in a text, as spans to highlight: the analyzer's own tokens (so a match is
 * shown exactly where the index saw it), overlapping or touching spans merged (数据 + 据分 + 分析 → 数据分析).
 */
export function highlightTerms(text: string, terms: ReadonlySet<string>): Highlight[] {
  if (terms.size === 0) return [];
  const spans = analyzeLexical(text)
    .filter((t) => terms.has(t.term))
    .map((t) => ({ start: t.start, end: t.end }));
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Array<{ start: number; end: number }> = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}
