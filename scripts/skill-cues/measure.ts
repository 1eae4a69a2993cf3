/**
 * node scripts/skill-cues/measure.ts — what the mined skill cues (src/domain/resume/data/skill-cues.ts) add and cost
 * on the dev sets: skills P / R per set and language with the rules alone and with the cues, and which cues give the
 * false positives. The validation set (VALIDATION, never read by the miner) is printed as its aggregate only, never
 * a résumé or a cue of it, so that nobody tunes on it.
 */
import type { LabelledResume } from '../../bench/data/resume/dev-set.ts';
import { extractResumeDraft } from '../../src/domain/resume/index.ts';
import { getTaxonomy } from '../../src/domain/skills/index.ts';
import { DEV_HELD_OUT, labelledSets, VALIDATION } from './sets.ts';

const SETS = labelledSets(DEV_HELD_OUT);

interface Count {
  tp: number;
  fp: number;
  fn: number;
}
type ByLang = Record<'zh' | 'en', { rules: Count; cues: Count }>;
const zero = (): ByLang => ({
  zh: { rules: { tp: 0, fp: 0, fn: 0 }, cues: { tp: 0, fp: 0, fn: 0 } },
  en: { rules: { tp: 0, fp: 0, fn: 0 }, cues: { tp: 0, fp: 0, fn: 0 } },
});
const taxonomy = getTaxonomy();
/** Per cue ("term → skill"): the skills it added that are labelled (tp) and not (fp), on the training sets. */
const byCue = new Map<string, { tp: number; fp: number; fpIn: string[] }>();

function measure(set: string, rs: readonly LabelledResume[]): ByLang {
  const out = zero();
  for (const r of rs) {
    const rules = extractResumeDraft(r.text, { taxonomy, cues: [] }).skills;
    const all = extractResumeDraft(r.text, { taxonomy }).skills;
    for (const [into, skills] of [
      [out[r.lang].rules, rules],
      [out[r.lang].cues, all],
    ] as const) {
      const tp = skills.filter((s) => r.labels.skills.includes(s.skillId)).length;
      into.tp += tp;
      into.fp += skills.length - tp;
      into.fn += r.labels.skills.length - tp;
    }
    if (set === VALIDATION) continue;
    const had = new Set(rules.map((s) => s.skillId));
    for (const s of all.filter((x) => !had.has(x.skillId))) {
      const key = `${s.name.toLowerCase()} → ${s.skillId}`;
      const c = byCue.get(key) ?? { tp: 0, fp: 0, fpIn: [] };
      if (r.labels.skills.includes(s.skillId)) c.tp += 1;
      else {
        c.fp += 1;
        c.fpIn.push(r.id);
      }
      byCue.set(key, c);
    }
  }
  return out;
}

const f3 = (x: number): string => x.toFixed(3);
const p = (c: Count): number => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
const rc = (c: Count): number => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));
const pr = (c: Count): string => `${f3(p(c))} / ${f3(rc(c))}`;
const counts = (t: ByLang): string =>
  (['zh', 'en'] as const).map((l) => `${l} ${t[l].cues.tp}/${t[l].cues.fp}/${t[l].cues.fn}`).join(', ');
const line = (name: string, t: ByLang): string =>
  `${name.padEnd(30)}` +
  (['zh', 'en'] as const)
    .map((l) => {
      const { rules, cues } = t[l];
      return `${l} ${pr(rules)} → ${pr(cues)} (+${cues.tp - rules.tp} tp, +${cues.fp - rules.fp} fp)`;
    })
    .join('   ');
const add = (a: ByLang, b: ByLang): void => {
  for (const l of ['zh', 'en'] as const) {
    for (const k of ['rules', 'cues'] as const) {
      a[l][k].tp += b[l][k].tp;
      a[l][k].fp += b[l][k].fp;
      a[l][k].fn += b[l][k].fn;
    }
  }
};

console.log('skills P / R, rules alone → rules + cues, per set and language:');
const training = zero();
let validation = zero();
for (const [set, rs] of Object.entries(SETS)) {
  const t = measure(set, rs);
  if (set === VALIDATION) validation = t;
  else {
    add(training, t);
    console.log(line(set, t));
  }
}
console.log(line(`all but ${VALIDATION}`, training));
console.log(line(`${VALIDATION} (aggregate)`, validation));
console.log(`with cues, tp/fp/fn: all but ${VALIDATION} ${counts(training)}; ${VALIDATION} ${counts(validation)}`);
console.log('\ncues that added a skill on the training sets (tp / fp; where the false positives were):');
for (const [key, c] of [...byCue].sort((a, b) => b[1].fp - a[1].fp || b[1].tp - a[1].tp || (a[0] < b[0] ? -1 : 1))) {
  console.log(`  ${key}: ${c.tp} / ${c.fp}${c.fpIn.length > 0 ? `  (${c.fpIn.join(', ')})` : ''}`);
}
