import { describe, expect, it } from 'vitest';
import {
  heldOutCues,
  leaveOneSetOut,
  mineCandidates,
  phraseLike,
  selectCues,
  tally,
  type MinedResume,
  type Thresholds,
} from '../../../scripts/skill-cues/select.ts';

const none = new Set<string>();
const resume = (
  id: string,
  labelled: string[],
  found: string[],
  terms: (string | [string, string[]])[],
  lang: 'zh' | 'en' = 'en',
): MinedResume => ({
  id,
  set: id.charAt(0),
  lang,
  labelled: new Set(labelled),
  found: new Set(found),
  terms: new Map(terms.map((t) => (typeof t === 'string' ? [t, none] : [t[0], new Set(t[1])]))),
});

// Sets A-D, one author each. "tutored" tells teaching in three sets (missed by the rules there, found in D) and is
// once where teaching is not labelled (D2) and once where its context refuses teaching (D3); "club" is seen in two
// sets only; "批改" and "批改作业" tell the same résumés, so the longer, more specific one is kept and the other adds
// nothing; "作业" tells them too and costs A4.
const CORPUS: MinedResume[] = [
  resume('A1', ['teaching', 'python'], ['python'], ['tutored', 'tutored kids', 'teaching']),
  resume('B1', ['teaching', 'python'], ['python'], ['tutored', 'tutored kids', 'teaching']),
  resume('C1', ['teaching'], [], ['tutored', 'teaching']),
  resume('D1', ['teaching'], ['teaching'], ['tutored']),
  resume('D2', ['excel'], ['excel'], ['tutored']),
  resume('D3', [], [], [['tutored', ['teaching']]]),
  resume('A2', ['student-leadership'], [], ['club']),
  resume('B2', ['student-leadership'], [], ['club']),
  ...['A3', 'B3', 'C3'].map((id) =>
    resume(id, ['educational-assessment'], [], ['批改', '批改作业', '的批改', '作业'], 'zh'),
  ),
  resume('A4', [], [], ['作业'], 'zh'),
];
const TH: Thresholds = {
  minResumes: 3,
  minSets: 3,
  minPrecision: 0.75,
  minGainPrecision: 0.7,
  minGainSets: 1,
  minHeldOutPrecision: 0,
};
// The skill's own name is no cue.
const admissible = (term: string, skillId: string): boolean => term !== skillId;

describe('phraseLike', () => {
  it.each([
    ['tutored', true],
    ['ran', false],
    ['the club', false],
    ['led # members', true],
    ['# members', false],
    ['批改', true],
    ['的批改', false],
  ])('%s', (term, expected) => {
    expect(phraseLike(term)).toBe(expected);
  });
});

describe('selectCues', () => {
  it('keeps the cues that pass support, sets and both precisions, one per résumé gained', () => {
    expect(selectCues(CORPUS, TH, admissible)).toEqual([
      { cue: '批改作业', skillId: 'educational-assessment', lang: 'zh', support: 3, precision: 1, gain: 3 },
      { cue: 'tutored', skillId: 'teaching', lang: 'en', support: 4, precision: 0.8, gain: 3 },
    ]);
  });

  it('drops a cue whose gains fall short of its gain precision', () => {
    expect(selectCues(CORPUS, { ...TH, minGainPrecision: 0.8 }, admissible).map((c) => c.cue)).toEqual(['批改作业']);
  });

  it('accepts a cue seen in two sets only where two are asked for, and takes the more precise cue first', () => {
    // "tutored kids" (2 gains, no loss) goes before "tutored", which then adds C1 for D2: no net gain.
    const cues = selectCues(CORPUS, { ...TH, minResumes: 2, minSets: 2 }, admissible);
    expect(cues.map((c) => `${c.cue} ${c.skillId}`)).toEqual([
      '批改作业 educational-assessment',
      'club student-leadership',
      'tutored kids teaching',
    ]);
  });

  it('drops a cue whose gains are in fewer sets than asked for', () => {
    // "club" and "tutored kids" gain in sets A and B only; "tutored" (A, B, C) then gains C1 for D2, as before.
    const loose = { ...TH, minResumes: 2, minSets: 2 };
    expect(selectCues(CORPUS, { ...loose, minGainSets: 3 }, admissible).map((c) => c.cue)).toEqual([
      '批改作业',
      'tutored',
    ]);
  });

  it('leaves a term the rules read for the skill almost everywhere to them', () => {
    // "cleaned" shows data cleaning in six résumés; the rules found it in five: the sixth is their context saying no.
    const corpus = ['A', 'B', 'C', 'D', 'E', 'F'].map((set, i) =>
      resume(`${set}9`, ['data-cleaning'], i === 0 ? [] : ['data-cleaning'], ['cleaned']),
    );
    expect(selectCues(corpus, { ...TH, minResumes: 1 }, admissible)).toEqual([]);
    expect(selectCues(corpus.slice(0, 5), { ...TH, minResumes: 1 }, admissible)).toEqual([
      { cue: 'cleaned', skillId: 'data-cleaning', lang: 'en', support: 5, precision: 1, gain: 1 },
    ]);
  });

  it('counts gains, false positives and résumés where the rules held the skill', () => {
    const tutored = mineCandidates(CORPUS, TH, admissible).find((c) => c.term === 'tutored');
    expect(tutored).toEqual({ term: 'tutored', skillId: 'teaching', gains: [0, 1, 2], losses: [4], held: [3] });
  });
});

describe('heldOutCues', () => {
  // Sets A-E, one résumé per set and cue. "keyshot" gains in A-D; "inventory" gains in A-C and costs D; "campaigns"
  // gains in A-D and costs E. Without one of A-C, "inventory" has too little support; without D it is kept and costs
  // D: 0 gains, 1 false positive on the sets it was not mined from. "campaigns" gains each of A-D without it and
  // costs E without E: 4 / 5.
  const cue = (set: string, term: string, skillId: string, labelled = true): MinedResume =>
    resume(`${set}-${term}`, labelled ? [skillId] : [], [], [term]);
  const corpus = [
    ...['A', 'B', 'C', 'D'].map((set) => cue(set, 'keyshot', 'industrial-design')),
    ...['A', 'B', 'C', 'D'].map((set) => cue(set, 'inventory', 'inventory-management', set !== 'D')),
    ...['A', 'B', 'C', 'D', 'E'].map((set) => cue(set, 'campaigns', 'social-media-marketing', set !== 'E')),
  ];
  const mined = mineCandidates(corpus, TH, admissible);
  const kept = (minHeldOutPrecision: number): string[] =>
    heldOutCues(corpus, mined, { ...TH, minHeldOutPrecision }).map((c) => c.cue);

  it('keeps every cue pickCues keeps at 0', () => {
    expect(kept(0)).toEqual(['keyshot', 'inventory', 'campaigns']);
  });

  it('keeps the cues as precise on the sets they were not mined from as asked, with a gain there', () => {
    expect(kept(0.8)).toEqual(['keyshot', 'campaigns']);
    expect(kept(0.81)).toEqual(['keyshot']);
  });

  it('is what leave-one-set-out scores, nested within the other sets', () => {
    // Without one of A-D, three sets are left with a gain: without any of them a cue falls below three résumés, so
    // none gains on a set it was not mined from and none is kept. Without E, "keyshot" and "campaigns" pass within
    // A-D, and "campaigns" costs E.
    expect(leaveOneSetOut(corpus, mined, { ...TH, minHeldOutPrecision: 0.8 })).toEqual({
      zh: { rules: { tp: 0, fp: 0, fn: 0 }, withCues: { tp: 0, fp: 0, fn: 0 } },
      en: { rules: { tp: 0, fp: 0, fn: 11 }, withCues: { tp: 0, fp: 1, fn: 11 } },
    });
  });
});

describe('tally and leave-one-set-out', () => {
  it('counts the rules alone and with cues', () => {
    expect(tally(CORPUS, selectCues(CORPUS, TH, admissible))).toEqual({
      zh: { rules: { tp: 0, fp: 0, fn: 3 }, withCues: { tp: 3, fp: 0, fn: 0 } },
      en: { rules: { tp: 4, fp: 0, fn: 5 }, withCues: { tp: 7, fp: 1, fn: 2 } },
    });
  });

  it('scores each set with the cues of the others only', () => {
    // Without A, B or C, "tutored" gains two résumés of three; without D it gains three and costs D2.
    expect(leaveOneSetOut(CORPUS, mineCandidates(CORPUS, { minResumes: 2, minSets: 3 }, admissible), TH)).toEqual({
      zh: { rules: { tp: 0, fp: 0, fn: 3 }, withCues: { tp: 0, fp: 0, fn: 3 } },
      en: { rules: { tp: 4, fp: 0, fn: 5 }, withCues: { tp: 4, fp: 1, fn: 5 } },
    });
  });
});
