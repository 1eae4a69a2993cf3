/**
 * Skill extraction quality and speed on the labelled corpus (bench/data/skills-corpus.json).
 * Prints micro precision / recall / F1 for the held-out part (written before any alias tuning),
 * the dev part (used to find alias gaps) and both; then the misses; then phrases per second.
 * `--hide-heldout-misses` keeps held-out errors out of sight while tuning.
 */
import { readFileSync } from 'node:fs';
import { createTaxonomy, extractSkillIds, type Taxonomy } from '../src/domain/skills/index.ts';

interface Phrase {
  readonly text: string;
  readonly expected: readonly string[];
  readonly split: 'dev' | 'heldout';
}
const corpus = JSON.parse(readFileSync(new URL('./data/skills-corpus.json', import.meta.url), 'utf8')) as {
  phrases: Phrase[];
};
const hideHeldout = process.argv.includes('--hide-heldout-misses');

let t0 = performance.now();
const taxonomy: Taxonomy = createTaxonomy();
const buildMs = performance.now() - t0;
console.log(
  `taxonomy: ${taxonomy.stats.curated} curated + ${taxonomy.stats.onet} O*NET skills ` +
    `(${taxonomy.stats.mergedOnet} O*NET examples merged into curated), ` +
    `${taxonomy.stats.aliases} aliases; built in ${buildMs.toFixed(0)} ms`,
);

const unknown = new Set(corpus.phrases.flatMap((p) => p.expected).filter((id) => taxonomy.get(id) === undefined));
if (unknown.size > 0) console.log(`WARNING: expected ids not in the taxonomy: ${[...unknown].join(', ')}`);

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  phrases: number;
  exact: number;
}
const tallies = {
  heldout: { tp: 0, fp: 0, fn: 0, phrases: 0, exact: 0 },
  dev: { tp: 0, fp: 0, fn: 0, phrases: 0, exact: 0 },
} satisfies Record<string, Tally>;
const misses: string[] = [];
for (const p of corpus.phrases) {
  const got = new Set(extractSkillIds(p.text, taxonomy));
  const want = new Set(p.expected);
  const t = tallies[p.split];
  const fp = [...got].filter((id) => !want.has(id));
  const fn = [...want].filter((id) => !got.has(id));
  t.tp += got.size - fp.length;
  t.fp += fp.length;
  t.fn += fn.length;
  t.phrases++;
  if (fp.length === 0 && fn.length === 0) t.exact++;
  else if (p.split === 'dev' || !hideHeldout) {
    misses.push(
      `  [${p.split}] ${JSON.stringify(p.text)}` +
        `${fn.length > 0 ? `  missed: ${fn.join(', ')}` : ''}` +
        `${fp.length > 0 ? `  spurious: ${fp.join(', ')}` : ''}`,
    );
  }
}

const row = (name: string, t: Tally): string => {
  const p = t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp);
  const r = t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn);
  const f = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return (
    `${name.padEnd(8)} ${String(t.phrases).padStart(7)} ${p.toFixed(3).padStart(9)} ` +
    `${r.toFixed(3).padStart(6)} ${f.toFixed(3).padStart(6)} ${String(t.tp).padStart(4)} ` +
    `${String(t.fp).padStart(4)} ${String(t.fn).padStart(4)} ` +
    `${`${t.exact}/${t.phrases}`.padStart(9)}`
  );
};
const all: Tally = { tp: 0, fp: 0, fn: 0, phrases: 0, exact: 0 };
for (const t of Object.values(tallies)) for (const k of ['tp', 'fp', 'fn', 'phrases', 'exact'] as const) all[k] += t[k];
console.log('\nsplit    phrases precision recall     F1   TP   FP   FN  exact-set');
console.log(row('heldout', tallies.heldout));
console.log(row('dev', tallies.dev));
console.log(row('all', all));
console.log(`\nmisses (${misses.length}${hideHeldout ? ', held-out hidden' : ''}):`);
for (const m of misses) console.log(m);

// Speed: the corpus phrases, then a long posting-sized text.
const texts = corpus.phrases.map((p) => p.text);
for (let i = 0; i < 200; i++) extractSkillIds(texts[i % texts.length] ?? '', taxonomy); // warm-up
const rounds = 40;
t0 = performance.now();
let found = 0;
for (let r = 0; r < rounds; r++) for (const text of texts) found += extractSkillIds(text, taxonomy).length;
const phraseMs = performance.now() - t0;
const long = texts.join('\n').repeat(4);
t0 = performance.now();
const longRounds = 20;
for (let r = 0; r < longRounds; r++) found += extractSkillIds(long, taxonomy).length;
const longMs = performance.now() - t0;
console.log(
  `\nspeed: ${Math.round((rounds * texts.length) / (phraseMs / 1000)).toLocaleString('en')} ` +
    `phrases/s (avg ${((phraseMs / (rounds * texts.length)) * 1000).toFixed(1)} µs/phrase, ` +
    `${texts.length} phrases x ${rounds});` +
    ` ${((long.length * longRounds) / (longMs / 1000) / 1e6).toFixed(2)} M chars/s on a ` +
    `${long.length.toLocaleString('en')}-char text (${found} mentions)`,
);
