/**
 * Which mined cues to keep (scripts/mine-skill-cues.ts): pure, so that a tiny corpus gives exact cues in a test.
 *
 * A cue is a term (src/domain/resume/skill-cues.ts) and a skill. On a résumé where the term is in a prose sentence
 * and the rules did not find the skill, the cue would add it: a gain where the skill is labelled, a false positive
 * where it is not. A cue is kept when it would have gained on enough résumés of enough sets (different authors), at a
 * high enough precision, and it still adds more than it costs after the cues kept before it for the same skill.
 */
import type { SkillCue } from '../../src/domain/resume/skill-cues.ts';

export interface MinedResume {
  id: string;
  /** The labelled set it comes from: one author, so a cue must be seen in several. */
  set: string;
  lang: 'zh' | 'en';
  labelled: ReadonlySet<string>;
  /** The skills the rules found. */
  found: ReadonlySet<string>;
  /** The terms of its prose sentences, each with the skills refused in every sentence it is in. */
  terms: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface Thresholds {
  /** Résumés where the term is and the skill is labelled (whether or not the rules found it there). */
  minResumes: number;
  /** Distinct sets among those résumés. */
  minSets: number;
  /** How reliably the term tells the skill: those résumés over them and the ones where the skill is not labelled. */
  minPrecision: number;
  /**
   * How reliably it adds to the rules: the résumés where it gives a labelled skill the rules missed, over them and
   * its false positives; for the cue alone, and for what it adds to the cues kept before it for the same skill.
   */
  minGainPrecision: number;
  /** Distinct sets among the résumés where it gives a labelled skill the rules missed (one author's habit is none). */
  minGainSets: number;
  /**
   * How reliably it told the skill on sets it was not mined from: over each training set, the cues picked without it
   * (pickCues) applied to it, the résumés where the cue gives a labelled skill the rules missed over them and its
   * false positives there. A cue is kept only where that is at least this and it gained on such a set at least once;
   * 0 keeps every cue pickCues keeps.
   */
  minHeldOutPrecision: number;
}

/** Whether a term may be a cue for a skill (not the skill's own name, not a school's or a person's name …). */
export type Admissible = (term: string, skillId: string) => boolean;

const EN_STOP = new Set(
  (
    'a an the of and or in on at to for with by from as into over per via about than then also i me my we our us ' +
    'you your he his she her they their it its is are was were be been being this that these those which who'
  ).split(' '),
);
const ZH_STOP = new Set([...'的了和与及并在等对为中将把被或其之以于是有也从向']);

/** Whether a term is shaped like a phrase: no function word or number at its edges, no lone short word. */
export function phraseLike(term: string): boolean {
  if (/[\u4e00-\u9fff]/u.test(term)) {
    const chars = [...term];
    return !ZH_STOP.has(chars[0] ?? '') && !ZH_STOP.has(chars[chars.length - 1] ?? '');
  }
  const ws = term.split(' ');
  const first = ws[0] ?? '';
  const last = ws[ws.length - 1] ?? '';
  if (ws.length === 1 && first.length < 4) return false;
  return ![first, last].some((w) => w === '#' || EN_STOP.has(w));
}

/** A term's script: Chinese if it has a Han character. */
export const langOf = (term: string): 'zh' | 'en' => (/[\u4e00-\u9fff]/u.test(term) ? 'zh' : 'en');

export interface Candidate {
  term: string;
  skillId: string;
  /** Résumés where the rules missed the skill, it is labelled and the term fires. */
  gains: number[];
  /** Résumés where the term fires and the skill is neither found nor labelled. */
  losses: number[];
  /** Résumés where the rules found the skill, it is labelled and the term fires. */
  held: number[];
}

const fires = (r: MinedResume, term: string, skillId: string): boolean => {
  const refused = r.terms.get(term);
  return refused !== undefined && !refused.has(skillId);
};

/**
 * Every admissible term-skill pair with its gains and losses (indices into `corpus`), kept where its gains pass
 * `floor` (the loosest thresholds it will be tried with: a subset of the corpus only has fewer).
 */
export function mineCandidates(
  corpus: readonly MinedResume[],
  floor: Pick<Thresholds, 'minResumes' | 'minSets'>,
  admissible: Admissible,
): Candidate[] {
  const gains = new Map<string, number[]>();
  corpus.forEach((r, i) => {
    const missed = [...r.labelled].filter((id) => !r.found.has(id));
    if (missed.length === 0) return;
    for (const [term, refused] of r.terms) {
      if (!phraseLike(term)) continue;
      for (const id of missed) {
        if (refused.has(id)) continue;
        const key = `${term}\t${id}`;
        const list = gains.get(key);
        if (list === undefined) gains.set(key, [i]);
        else list.push(i);
      }
    }
  });
  const out: Candidate[] = [];
  for (const [key, list] of gains) {
    if (list.length < floor.minResumes) continue;
    const [term = '', skillId = ''] = key.split('\t');
    if (admissible(term, skillId)) out.push({ term, skillId, gains: list, losses: [], held: [] });
  }
  const byTerm = new Map<string, number[]>();
  for (const c of out) byTerm.set(c.term, []);
  corpus.forEach((r, i) => {
    for (const term of r.terms.keys()) byTerm.get(term)?.push(i);
  });
  for (const c of out) {
    for (const i of byTerm.get(c.term) ?? []) {
      const r = corpus[i];
      if (r === undefined || !fires(r, c.term, c.skillId)) continue;
      if (r.found.has(c.skillId) && r.labelled.has(c.skillId)) c.held.push(i);
      else if (!r.found.has(c.skillId) && !r.labelled.has(c.skillId)) c.losses.push(i);
    }
  }
  return out;
}

/**
 * A term the rules already read for the skill in more than this share of the résumés where it shows the skill is
 * theirs: where they did not read it, their context said no ("cleaned the weight room" is no data cleaning), as for a
 * skill's own name.
 */
export const HANDLED_SHARE = 0.8;

const setsOf = (corpus: readonly MinedResume[], list: readonly number[]): number =>
  new Set(list.map((i) => corpus[i]?.set)).size;
const share = (gain: number, loss: number): number => (gain + loss === 0 ? 0 : gain / (gain + loss));

/**
 * The cues kept among `mined` counting only the résumés `within` admits, by skill then by precision. Per skill,
 * candidates are taken best first (precision, then gain, then the longer and then the alphabetically first term, so
 * the result is deterministic), and one is kept only if the résumés it newly gains and newly costs still pass
 * `minPrecision` and gain more than they cost. Of terms that gain the same résumés the longest, most specific one
 * goes first ("民事起诉" before "起诉"): the shorter then adds nothing.
 */
export function pickCues(
  corpus: readonly MinedResume[],
  mined: readonly Candidate[],
  th: Thresholds,
  within: (i: number) => boolean = () => true,
): SkillCue[] {
  const bySkill = new Map<string, Candidate[]>();
  for (const m of mined) {
    const c = { ...m, gains: m.gains.filter(within), losses: m.losses.filter(within), held: m.held.filter(within) };
    const support = [...c.gains, ...c.held];
    if (support.length < th.minResumes || setsOf(corpus, support) < th.minSets) continue;
    if (share(support.length, c.losses.length) < th.minPrecision) continue;
    if (c.held.length > HANDLED_SHARE * support.length) continue;
    if (share(c.gains.length, c.losses.length) < th.minGainPrecision || c.gains.length <= c.losses.length) continue;
    if (setsOf(corpus, c.gains) < th.minGainSets) continue;
    bySkill.set(c.skillId, [...(bySkill.get(c.skillId) ?? []), c]);
  }
  const kept: SkillCue[] = [];
  for (const skillId of [...bySkill.keys()].sort()) {
    const ranked = (bySkill.get(skillId) ?? []).sort(
      (a, b) =>
        share(b.gains.length, b.losses.length) - share(a.gains.length, a.losses.length) ||
        b.gains.length - a.gains.length ||
        b.term.length - a.term.length ||
        (a.term < b.term ? -1 : a.term > b.term ? 1 : 0),
    );
    const gained = new Set<number>();
    const lost = new Set<number>();
    for (const c of ranked) {
      const gain = c.gains.filter((i) => !gained.has(i)).length;
      const loss = c.losses.filter((i) => !lost.has(i)).length;
      if (gain <= loss || share(gain, loss) < th.minGainPrecision) continue;
      c.gains.forEach((i) => gained.add(i));
      c.losses.forEach((i) => lost.add(i));
      const support = c.gains.length + c.held.length;
      kept.push({
        cue: c.term,
        skillId,
        lang: langOf(c.term),
        support,
        precision: Math.round(share(support, c.losses.length) * 1000) / 1000,
        gain: c.gains.length,
      });
    }
  }
  return kept;
}

const sameCue = (a: SkillCue, b: SkillCue): boolean => a.cue === b.cue && a.skillId === b.skillId;

/**
 * The cues pickCues keeps among the résumés `within` admits that also passed on the sets they were not mined from:
 * for each set, the cues picked without it are scored on its résumés (gain where the rules missed the skill and it is
 * labelled, false positive where it is neither found nor labelled), and a cue is kept if those counts, summed over the
 * sets, pass `minHeldOutPrecision` with at least one gain. A term that told the skill in every set but fails on a new
 * author's ("inventory" for inventory management) is dropped before a new set shows it.
 */
export function heldOutCues(
  corpus: readonly MinedResume[],
  mined: readonly Candidate[],
  th: Thresholds,
  within: (i: number) => boolean = () => true,
): SkillCue[] {
  const cues = pickCues(corpus, mined, th, within);
  if (th.minHeldOutPrecision <= 0) return cues;
  const sets = [...new Set(corpus.filter((_, i) => within(i)).map((r) => r.set))].sort();
  const gained = cues.map(() => 0);
  const lost = cues.map(() => 0);
  for (const set of sets) {
    const inner = pickCues(corpus, mined, th, (i) => within(i) && corpus[i]?.set !== set);
    const at = cues.map((c) => inner.some((x) => sameCue(x, c)));
    corpus.forEach((r, i) => {
      if (r.set !== set || !within(i)) return;
      cues.forEach((c, k) => {
        if (!at[k] || r.found.has(c.skillId) || !fires(r, c.cue, c.skillId)) return;
        if (r.labelled.has(c.skillId)) gained[k] = (gained[k] ?? 0) + 1;
        else lost[k] = (lost[k] ?? 0) + 1;
      });
    });
  }
  return cues.filter((_, k) => {
    const gain = gained[k] ?? 0;
    return gain > 0 && share(gain, lost[k] ?? 0) >= th.minHeldOutPrecision;
  });
}

/** The cues a corpus gives under thresholds. */
export const selectCues = (corpus: readonly MinedResume[], th: Thresholds, admissible: Admissible): SkillCue[] =>
  heldOutCues(corpus, mineCandidates(corpus, th, admissible), th);

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

/** Skill counts of the rules alone and of the rules with `cues`, per language, on `corpus`. */
export function tally(
  corpus: readonly MinedResume[],
  cues: readonly SkillCue[],
): Record<'zh' | 'en', { rules: Tally; withCues: Tally }> {
  const out = {
    zh: { rules: { tp: 0, fp: 0, fn: 0 }, withCues: { tp: 0, fp: 0, fn: 0 } },
    en: { rules: { tp: 0, fp: 0, fn: 0 }, withCues: { tp: 0, fp: 0, fn: 0 } },
  };
  for (const r of corpus) {
    const added = new Set(
      cues.filter((c) => !r.found.has(c.skillId) && fires(r, c.cue, c.skillId)).map((c) => c.skillId),
    );
    for (const [into, ids] of [
      [out[r.lang].rules, r.found],
      [out[r.lang].withCues, new Set([...r.found, ...added])],
    ] as const) {
      const tp = [...ids].filter((id) => r.labelled.has(id)).length;
      into.tp += tp;
      into.fp += ids.size - tp;
      into.fn += r.labelled.size - tp;
    }
  }
  return out;
}

/**
 * Leave-one-set-out: each set scored with the cues `pick` gives without it (its argument admits the résumés of the
 * other sets), the counts summed over the sets.
 */
export function leaveOneSetOutOf(
  corpus: readonly MinedResume[],
  pick: (within: (i: number) => boolean) => SkillCue[],
): Record<'zh' | 'en', { rules: Tally; withCues: Tally }> {
  const sum = {
    zh: { rules: { tp: 0, fp: 0, fn: 0 }, withCues: { tp: 0, fp: 0, fn: 0 } },
    en: { rules: { tp: 0, fp: 0, fn: 0 }, withCues: { tp: 0, fp: 0, fn: 0 } },
  };
  for (const set of [...new Set(corpus.map((r) => r.set))].sort()) {
    const cues = pick((i) => corpus[i]?.set !== set);
    const t = tally(
      corpus.filter((r) => r.set === set),
      cues,
    );
    for (const lang of ['zh', 'en'] as const) {
      for (const k of ['rules', 'withCues'] as const) {
        sum[lang][k].tp += t[lang][k].tp;
        sum[lang][k].fp += t[lang][k].fp;
        sum[lang][k].fn += t[lang][k].fn;
      }
    }
  }
  return sum;
}

/**
 * Leave-one-set-out of heldOutCues under `th`. `mined` are the candidates of the whole corpus (mineCandidates), so
 * that many thresholds are tried at the cost of one mining.
 */
export const leaveOneSetOut = (
  corpus: readonly MinedResume[],
  mined: readonly Candidate[],
  th: Thresholds,
): Record<'zh' | 'en', { rules: Tally; withCues: Tally }> =>
  leaveOneSetOutOf(corpus, (within) => heldOutCues(corpus, mined, th, within));
