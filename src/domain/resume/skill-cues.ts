/**
 * Mined skill cues: phrases that, in the training résumés' sentences, told a skill the rules did not find ("marked
 * mock exams" → educational-assessment, "学生会主席" → student-leadership). scripts/mine-skill-cues.ts learns them from
 * the dev labels and writes data/skill-cues.ts; this file is the one place that says what a cue's terms are, so the
 * miner and the extractor cut a sentence the same way.
 *
 * English terms are runs of 1-4 words after lower-casing (punctuation dropped, a number read as "#"); Chinese terms
 * are runs of 2-4 Han characters that start and end where a word does (Intl.Segmenter's words, as in
 * src/domain/text/tokenize.ts): "民事起诉" has "民事起诉" and "起诉" but not "事起", so a cue is never a piece of a word
 * (费者 of 消费者) and never matches inside another word a stranger writes. A cue matches a sentence that has its term.
 */

export interface SkillCue {
  /** The term, as {@link cueTerms} cuts it ("student union president", "批改作业"). */
  cue: string;
  skillId: string;
  lang: 'zh' | 'en';
  /** Training résumés where the term is and the skill is labelled (those where the rules missed it, or all). */
  support: number;
  /** support / (support + training résumés where the term is and the skill is neither found nor labelled). */
  precision: number;
  /** Training résumés where the cue gave a labelled skill the rules missed. */
  gain: number;
}

export const MAX_WORDS = 4;
export const MIN_HAN = 2;
export const MAX_HAN = 4;

const HAN_RUN = /[\u4e00-\u9fff]+/gu;
const WORD = /[a-z\d]+/gu;

/** The words of a sentence's non-Chinese text: lower case, a number as "#" ("3d" is a word), Chinese as a break. */
function words(sentence: string): string[] {
  const out: string[] = [];
  for (const part of sentence.normalize('NFKC').toLowerCase().split(HAN_RUN)) {
    // An apostrophe or a dot inside a word keeps it whole ("teacher's", "b.sc").
    for (const w of part.replace(/(?<=[a-z])['’.](?=[a-z])/gu, '').match(WORD) ?? []) {
      out.push(/^\d+$/u.test(w) ? '#' : w);
    }
    out.push('|');
  }
  return out;
}

/** A phrase (a skill's name) as a term: its words as {@link cueTerms} cuts them, or its Chinese as written. */
export const phraseTerm = (phrase: string): string =>
  words(phrase)
    .filter((w) => w !== '|')
    .join(' ') || (phrase.normalize('NFKC').match(HAN_RUN) ?? []).join('');

let segmenter: Intl.Segmenter | undefined;

/** Where a run of Han characters may be cut: the starts and ends of its words, as character offsets. */
function wordEdges(run: string): Set<number> {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  // Han characters are one UTF-16 unit each, so a segment's index is a character offset.
  return new Set([...segmenter.segment(run)].flatMap((s) => [s.index, s.index + s.segment.length]));
}

/** Every term of a sentence: English word n-grams within a clause and Chinese character n-grams within a run. */
export function cueTerms(sentence: string): Set<string> {
  const terms = new Set<string>();
  // Clause marks and Chinese break a run of words: "ran a club, taught" has no "club taught".
  for (const clause of sentence.split(/[,;:()（），；：。、/|•·]/u)) {
    const ws = words(clause);
    for (let i = 0; i < ws.length; i += 1) {
      for (let n = 1; n <= MAX_WORDS && i + n <= ws.length; n += 1) {
        const gram = ws.slice(i, i + n);
        if (gram.includes('|')) break;
        terms.add(gram.join(' '));
      }
    }
  }
  for (const run of sentence.normalize('NFKC').match(HAN_RUN) ?? []) {
    const edges = wordEdges(run);
    for (const i of edges) {
      for (let n = MIN_HAN; n <= MAX_HAN && i + n <= run.length; n += 1) {
        if (edges.has(i + n)) terms.add(run.slice(i, i + n));
      }
    }
  }
  return terms;
}

export interface CueHit {
  skillId: string;
  /** The cue as the sentence wrote it. */
  text: string;
}

/** The cues' skills a sentence shows, each once, in the cues' order, with the words that showed it. */
export function cueHits(sentence: string, cues: readonly SkillCue[]): CueHit[] {
  if (cues.length === 0) return [];
  const terms = cueTerms(sentence);
  const hits = new Map<string, CueHit>();
  for (const c of cues) {
    if (hits.has(c.skillId) || !terms.has(c.cue)) continue;
    hits.set(c.skillId, { skillId: c.skillId, text: written(sentence, c) });
  }
  return [...hits.values()];
}

/** Where the sentence wrote a cue: the cue's words with whatever punctuation or case the sentence had. */
function written(sentence: string, c: SkillCue): string {
  if (c.lang === 'zh') return c.cue;
  const parts = c.cue.split(' ').map((w) => (w === '#' ? '\\d+' : w));
  const re = new RegExp(`(?<![a-z\\d])${parts.join('[^a-z\\d]+')}(?![a-z\\d])`, 'iu');
  return re.exec(sentence)?.[0] ?? c.cue;
}
