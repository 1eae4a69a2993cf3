import { clauseAround, exemptSpans, isExempt } from './exemptions.ts';
import { normalizeWithMap, toOriginal } from './normalize.ts';
import { EN_PATTERNS } from './patterns-en.ts';
import { ZH_PATTERNS } from './patterns-zh.ts';
import { messageFor, RULES } from './rules.ts';
import type { Finding, Pattern, PostingText } from './types.ts';

const PATTERNS: readonly Pattern[] = [...ZH_PATTERNS, ...EN_PATTERNS];

/**
 * Checks one text field. Every pattern runs over the normalized text; a match is dropped when it
 * lies inside a negation ("男女不限", "regardless of gender") or its clause matches the pattern's
 * `unless` (or misses its `onlyIf`); surviving spans are mapped back to the original text.
 */
export function lintText(text: string, field: string): Finding[] {
  const n = normalizeWithMap(text);
  const exempt = exemptSpans(n.text);
  const found: Finding[] = [];
  for (const p of PATTERNS) {
    for (const m of n.text.matchAll(p.re)) {
      const from = m.index;
      const to = from + m[0].length;
      if (to === from || isExempt(exempt, from, to)) continue;
      const clause = clauseAround(n.text, from, to);
      if (p.unless?.test(clause)) continue;
      if (p.onlyIf !== undefined && !p.onlyIf.test(clause)) continue;
      const { start, end } = toOriginal(n, from, to);
      found.push({
        rule: p.rule,
        field,
        span: { start, end, text: text.slice(start, end) },
        severity: p.severity,
        message: messageFor(p.rule, p.severity),
        law: p.law ?? RULES[p.rule].law,
      });
    }
  }
  return dedupe(found);
}

/** Overlapping findings of the same rule collapse to one: block beats warn, then the longer span. */
function dedupe(found: Finding[]): Finding[] {
  const rank = (f: Finding): number => (f.severity === 'block' ? 1e6 : 0) + (f.span.end - f.span.start);
  const sorted = [...found].sort((a, b) => rank(b) - rank(a));
  const kept: Finding[] = [];
  for (const f of sorted) {
    const overlaps = kept.some((k) => k.rule === f.rule && k.span.start < f.span.end && f.span.start < k.span.end);
    if (!overlaps) kept.push(f);
  }
  return kept.sort((a, b) => a.span.start - b.span.start || a.rule.localeCompare(b.rule));
}

/**
 * Lints a posting's text fields for discriminatory requirements (就业促进法 Art 3, 26-31; MoE
 * “三严禁”; 人力资源市场暂行条例 Art 24). Pure and deterministic; findings are ordered by field
 * (title, description, requirements[i], skills[i]) then by position.
 */
export function lintPosting(input: PostingText): Finding[] {
  const fields: Array<[string, string]> = [
    ['title', input.title],
    ['description', input.description],
    ...(input.requirements ?? []).map((t, i): [string, string] => [`requirements[${i}]`, t]),
    ...(input.skills ?? []).map((t, i): [string, string] => [`skills[${i}]`, t]),
  ];
  return fields.flatMap(([field, text]) => lintText(text, field));
}

/** True when any finding should stop publication (the tenant decides reject vs hold for review). */
export function hasBlocking(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'block');
}
