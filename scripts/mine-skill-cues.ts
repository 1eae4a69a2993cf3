/**
 * npm run mine:skill-cues — learns skill cues (src/domain/resume/skill-cues.ts) from the training sets' labels and
 * writes src/domain/resume/data/skill-cues.ts.
 *
 * Training sets: every dev set bench/resume.ts scores except VALIDATION (scripts/skill-cues/sets.ts, never read here).
 * Each résumé is read by the current rules alone; where a labelled skill is missed, the terms of its prose sentences
 * are candidate cues for it (scripts/skill-cues/select.ts keeps the ones that generalise). The thresholds are chosen by
 * leave-one-set-out cross-validation over the training sets, for Latin and Chinese terms apart: the ones whose cues,
 * mined without a set, add the most recall on that set while no language's precision falls below the rules'
 * (PRECISION_SLACK). Re-run after the rules change, so that the cues cover what the rules now miss.
 */
import { writeFileSync } from 'node:fs';
import { resumeLines } from '../src/domain/resume/extract.ts';
import { cueTerms, phraseTerm, type SkillCue } from '../src/domain/resume/skill-cues.ts';
import { ruleSkillsAndProse } from '../src/domain/resume/skills.ts';
import { extractSkills } from '../src/domain/skills/extract.ts';
import { getTaxonomy } from '../src/domain/skills/index.ts';
import {
  heldOutCues,
  langOf,
  leaveOneSetOut,
  leaveOneSetOutOf,
  mineCandidates,
  tally,
  type MinedResume,
  type Tally,
  type Thresholds,
} from './skill-cues/select.ts';
import { labelledSets, TRAINING_HELD_OUT, VALIDATION } from './skill-cues/sets.ts';

const SETS = labelledSets(TRAINING_HELD_OUT);
// What the rules read only where the graduate listed it (soft skills), and what is read apart.
const NOT_CUED = new Set(['soft-skill', 'language', 'certificate']);
// More sets (authors) for a cue, and gains in several, are the guard against a coincidence of one corpus ("水稻" →
// genetics); a cue's precision on the sets it was not mined from, against a term every author so far used one way.
const GRID: Thresholds[] = [3, 4].flatMap((minSets) =>
  [3, 4, 5, 6].flatMap((minResumes) =>
    [0.9, 1].flatMap((minPrecision) =>
      [1, 2].flatMap((minGainSets) =>
        [0, 0.9].map((minHeldOutPrecision) => ({
          minResumes,
          minSets,
          minPrecision,
          minGainPrecision: 0.8,
          minGainSets,
          minHeldOutPrecision,
        })),
      ),
    ),
  ),
);
/**
 * How far (absolute) the leave-one-set-out precision of either language may fall below the rules': none, since the
 * gap to the targets is precision. Cues added must be at least as precise as the rules on sets they were not mined on.
 */
const PRECISION_SLACK = 0;
const OUT = new URL('../src/domain/resume/data/skill-cues.ts', import.meta.url);

const taxonomy = getTaxonomy();
const corpus: MinedResume[] = Object.entries(SETS).flatMap(([set, rs]) =>
  rs.map((r) => {
    const { skillIds, prose } = ruleSkillsAndProse(resumeLines(r.text), taxonomy);
    const terms = new Map<string, Set<string>>();
    for (const s of prose) {
      for (const t of cueTerms(s.text)) {
        const had = terms.get(t);
        // Refused only where every sentence with the term refuses it.
        terms.set(t, had === undefined ? new Set(s.refused) : new Set([...had].filter((id) => s.refused.includes(id))));
      }
    }
    return { id: r.id, set, lang: r.lang, labelled: new Set(r.labels.skills), found: new Set(skillIds), terms };
  }),
);

// People's and schools' names are no cue, whatever their support.
const names = new Set(
  Object.values(SETS)
    .flat()
    .flatMap((r) => [r.labels.name, ...r.labels.education.map((e) => e.school)])
    .flatMap((n) => [...cueTerms(n)]),
);
const admissible = (term: string, skillId: string): boolean => {
  const skill = taxonomy.get(skillId);
  if (skill === undefined || NOT_CUED.has(skill.category) || names.has(term)) return false;
  // The skill's own name or alias is the rules' to read: where they did not, its context said no.
  const own = [skill.name, skill.nameZh, ...skill.aliases].map(phraseTerm);
  const within = cueTerms(term);
  // A Chinese name is looked for as written: the term's words may be cut otherwise than the name's.
  return (
    !own.some((t) => within.has(t) || (/[\u4e00-\u9fff]/u.test(t) && term.includes(t))) &&
    !extractSkills(term, taxonomy).some((m) => m.id === skillId)
  );
};

const floor = { minResumes: 2, minSets: 3 };
const mined = mineCandidates(corpus, floor, admissible);
const p = (t: Tally): number => (t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp));
const r = (t: Tally): number => (t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn));
const f3 = (x: number): string => x.toFixed(3);
const pr = (t: Tally): string => `${f3(p(t))} / ${f3(r(t))}`;
/** One language's rules → rules + cues, with the true and false positives the cues add. */
const delta = (t: { rules: Tally; withCues: Tally }): string =>
  `${pr(t.rules)} → ${pr(t.withCues)} (+${t.withCues.tp - t.rules.tp} tp, +${t.withCues.fp - t.rules.fp} fp)`;

const named = (th: Thresholds): string =>
  `support >= ${th.minResumes} in >= ${th.minSets} sets, precision >= ${th.minPrecision}, gain precision >= ` +
  `${th.minGainPrecision} in >= ${th.minGainSets} sets, held-out precision >= ${th.minHeldOutPrecision}`;
const SCRIPTS = { en: 'Latin', zh: 'Chinese' } as const;

console.log(
  `mine:skill-cues: ${corpus.length} training résumés (validation set ${VALIDATION} never read), ` +
    `${mined.length} candidate cues`,
);
// The thresholds are chosen for Latin and Chinese terms apart: Chinese terms tell skills less reliably across authors
// than tool names do, and one choice for both would let either language's cues pull the other's precision down.
const chosen = (['en', 'zh'] as const).map((script) => {
  const candidates = mined.filter((c) => langOf(c.term) === script);
  console.log(`\n${SCRIPTS[script]} terms (${candidates.length} candidates), leave-one-set-out skills P / R:`);
  const tried = GRID.map((th) => {
    const loso = leaveOneSetOut(corpus, candidates, th);
    const ok = (['zh', 'en'] as const).every((l) => p(loso[l].withCues) >= p(loso[l].rules) - PRECISION_SLACK);
    const gain = loso.zh.withCues.tp - loso.zh.rules.tp + loso.en.withCues.tp - loso.en.rules.tp;
    console.log(`  ${named(th)}: zh ${delta(loso.zh)}, en ${delta(loso.en)}${ok ? '' : '; precision falls'}`);
    return { th, ok, gain };
  });
  // The most recall without a loss of precision; ties go to the stricter thresholds (fewer, better-supported cues).
  const best = tried
    .filter((t) => t.ok && t.gain > 0)
    .sort(
      (a, b) =>
        b.gain - a.gain ||
        b.th.minHeldOutPrecision - a.th.minHeldOutPrecision ||
        b.th.minGainSets - a.th.minGainSets ||
        b.th.minSets - a.th.minSets ||
        b.th.minResumes - a.th.minResumes ||
        b.th.minPrecision - a.th.minPrecision,
    )[0]?.th;
  console.log(
    best === undefined ? '  none adds recall without a loss of precision: no cue' : `  chosen: ${named(best)}`,
  );
  return { script, candidates, th: best };
});
const pick = (within: (i: number) => boolean): SkillCue[] =>
  chosen
    .flatMap((c) => (c.th === undefined ? [] : heldOutCues(corpus, c.candidates, c.th, within)))
    .sort((a, b) => (a.skillId < b.skillId ? -1 : a.skillId > b.skillId ? 1 : 0));
const cues = pick(() => true);
const loso = leaveOneSetOutOf(corpus, pick);
const fit = tally(corpus, cues);
console.log(
  `\n${cues.length} cues; leave-one-set-out zh ${delta(loso.zh)}, en ${delta(loso.en)}; on the training sets ` +
    `zh ${delta(fit.zh)}, en ${delta(fit.en)}`,
);

const thresholds = chosen
  .map(({ script, th }) =>
    th === undefined
      ? `${SCRIPTS[script]} terms: none (no thresholds added recall without a loss of precision)`
      : `${SCRIPTS[script]} terms: the skill labelled where the term is in >= ${th.minResumes} résumés of ` +
        `>= ${th.minSets} sets, at precision >= ${th.minPrecision}; where the rules missed it, at precision >= ` +
        `${th.minGainPrecision} (alone and over the cues before it for its skill) in >= ${th.minGainSets} sets; ` +
        `on the sets it was not mined from, at precision >= ${th.minHeldOutPrecision}`,
  )
  .join('. ');
const provenance =
  `Mined on ${new Date().toISOString().slice(0, 10)} from the training sets (${corpus.length} résumés): ` +
  `${Object.keys(SETS).join(', ')}; never ${VALIDATION}, the validation set. Thresholds, chosen by ` +
  `leave-one-set-out over those sets as the most recall where neither language's precision falls. ${thresholds}. ` +
  `Leave-one-set-out skills P / R, rules → rules + cues: zh ${pr(loso.zh.rules)} → ${pr(loso.zh.withCues)}, en ` +
  `${pr(loso.en.rules)} → ${pr(loso.en.withCues)}. support: training résumés with the term and the skill labelled; ` +
  'precision: support over support and those with the term but neither the skill found nor labelled; gain: those of ' +
  'support where the rules missed it.';
/** Words wrapped into comment lines of at most `width` characters. */
const wrap = (text: string, width: number): string[] =>
  text.split(' ').reduce<string[]>((out, w) => {
    const last = out[out.length - 1];
    if (last !== undefined && last.length + w.length + 1 <= width) out[out.length - 1] = `${last} ${w}`;
    else out.push(`//${w === '' ? '' : ' '}${w}`);
    return out;
  }, []);
const header = [
  '// Generated by scripts/mine-skill-cues.ts (npm run mine:skill-cues); do not edit.',
  ...wrap(provenance, 118),
];
const body = cues.map((c) => `  ${JSON.stringify(c)},`).join('\n');
writeFileSync(
  OUT,
  `${header.join('\n')}\nimport type { SkillCue } from '../skill-cues.ts';\n\n` +
    `export const SKILL_CUES: readonly SkillCue[] = [\n${body}\n];\n`,
);
console.log(`wrote ${OUT.pathname}`);
