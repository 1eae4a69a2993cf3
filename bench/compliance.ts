/**
 * Posting-compliance benchmark: runs lintText over the labelled corpus and prints precision and
 * recall per rule and micro-averaged, separately for the tuning part and the held-out part
 * (written before the rules and never used to tune them), then lists every error.
 * A sentence counts as a true positive for rule r when r is expected and at least one finding
 * (block or warn) of rule r fires; an extra rule is a false positive; a missing one a false negative.
 */
import corpus from './data/compliance-corpus.json' with { type: 'json' };
import { lintText } from '../src/domain/compliance/lint-posting.ts';
import { RULE_IDS } from '../src/domain/compliance/types.ts';
import type { Finding, RuleId } from '../src/domain/compliance/types.ts';

interface Sentence {
  id: string;
  lang: string;
  heldOut: boolean;
  expected: string[];
  text: string;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

const sentences: Sentence[] = corpus.sentences;
const ratio = (a: number, b: number): string => (b === 0 ? '   —  ' : (a / b).toFixed(3).padStart(6));

function evaluate(part: Sentence[]): { perRule: Map<RuleId, Counts>; errors: string[]; exact: number } {
  const perRule = new Map<RuleId, Counts>(RULE_IDS.map((r) => [r, { tp: 0, fp: 0, fn: 0 }]));
  const errors: string[] = [];
  let exact = 0;
  for (const s of part) {
    const findings: Finding[] = lintText(s.text, 'description');
    const got = new Set<string>(findings.map((f) => f.rule));
    const want = new Set<string>(s.expected);
    let ok = true;
    for (const r of RULE_IDS) {
      const c = perRule.get(r);
      if (c === undefined) continue;
      if (want.has(r) && got.has(r)) c.tp++;
      else if (got.has(r)) c.fp++;
      else if (want.has(r)) c.fn++;
      if (want.has(r) !== got.has(r)) ok = false;
    }
    if (ok) exact++;
    else {
      const spans = findings.map((f) => `${f.rule}:${f.severity}「${f.span.text}」`).join(' ');
      errors.push(`  ${s.id} want [${[...want].join(',')}] got [${[...got].join(',')}]  ${s.text}  ${spans}`);
    }
  }
  return { perRule, errors, exact };
}

function report(name: string, part: Sentence[]): void {
  const { perRule, errors, exact } = evaluate(part);
  const positives = part.filter((s) => s.expected.length > 0).length;
  console.log(
    `\n== ${name}: ${part.length} sentences (${positives} with a violation, ` +
      `${part.length - positives} clean); exact set match ${exact}/${part.length}`,
  );
  console.log('rule          tp  fp  fn  precision  recall');
  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const [rule, c] of perRule) {
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
    console.log(
      `${rule.padEnd(12)} ${String(c.tp).padStart(3)} ${String(c.fp).padStart(3)} ` +
        `${String(c.fn).padStart(3)}   ${ratio(c.tp, c.tp + c.fp)}   ${ratio(c.tp, c.tp + c.fn)}`,
    );
  }
  console.log(
    `${'MICRO'.padEnd(12)} ${String(total.tp).padStart(3)} ${String(total.fp).padStart(3)} ` +
      `${String(total.fn).padStart(3)}   ${ratio(total.tp, total.tp + total.fp)}   ` +
      `${ratio(total.tp, total.tp + total.fn)}`,
  );
  console.log(errors.length === 0 ? 'errors: none' : `errors (${errors.length}):\n${errors.join('\n')}`);
}

report(
  'tuning',
  sentences.filter((s) => !s.heldOut),
);
report(
  'held-out',
  sentences.filter((s) => s.heldOut),
);
