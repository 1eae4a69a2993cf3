import { EN_LEFT, EN_RIGHT, matchCase, type Rule, type RuleContext } from './engine.ts';
import { keepRule, pairRules } from './rules.ts';

/**
 * English gender cues. Pole a = male, b = female. Words match whole tokens only (so "management",
 * "shell", "the", "theme", "therapist", "shepherd", "human", "Manhattan" are never touched), in any case,
 * and keep their case. A hyphen ends a token, so "female-led" → "male-led"; the fixed compounds where
 * "man" means a person-unit ("man-hours", "man-made") are kept.
 */
const WORD_PAIRS = [
  ['man', 'woman'],
  ['men', 'women'],
  ['male', 'female'],
  ['males', 'females'],
  ['boy', 'girl'],
  ['boys', 'girls'],
  ['brother', 'sister'],
  ['brothers', 'sisters'],
  ['fraternity', 'sorority'],
  ['fraternities', 'sororities'],
  ['father', 'mother'],
  ['fathers', 'mothers'],
  ['son', 'daughter'],
  ['sons', 'daughters'],
  ['husband', 'wife'],
  ['husbands', 'wives'],
  ['dad', 'mom'],
  ['uncle', 'aunt'],
  ['nephew', 'niece'],
  ['grandfather', 'grandmother'],
  ['grandson', 'granddaughter'],
  ['boyfriend', 'girlfriend'],
  ['gentleman', 'lady'],
  ['gentlemen', 'ladies'],
  ['businessman', 'businesswoman'],
  ['businessmen', 'businesswomen'],
  ['chairman', 'chairwoman'],
  ['spokesman', 'spokeswoman'],
  ['sportsman', 'sportswoman'],
  ['waiter', 'waitress'],
  ['masculine', 'feminine'],
  ['manhood', 'womanhood'],
  ['boyhood', 'girlhood'],
  ['schoolboy', 'schoolgirl'],
] as const;

/**
 * Case-sensitive honorifics: "MS" (a degree) and "miss" (a verb) must stay; "Miss" counts only before a
 * capitalised name. Ms, Mrs and Miss all map to Mr; Mr maps to Ms, the form that does not mark marriage.
 */
const HONORIFIC_MALE = new RegExp(`${EN_LEFT}Mr${EN_RIGHT}`, 'gu');
const HONORIFIC_FEMALE = new RegExp(`${EN_LEFT}(?:Ms|Mrs|Miss(?=\\s+\\p{Lu}))${EN_RIGHT}`, 'gu');

/** Neutral pairings and fixed compounds; swapping them would add nothing or break meaning. */
const KEEP = [
  'he or she',
  'she or he',
  'he/she',
  'she/he',
  's/he',
  'his or her',
  'her or his',
  'his/her',
  'her/his',
  'him or her',
  'her or him',
  'him/her',
  'her/him',
  'himself or herself',
  'herself or himself',
  'men and women',
  'women and men',
  'boys and girls',
  'girls and boys',
  'brothers and sisters',
  'sisters and brothers',
  'ladies and gentlemen',
  'male and female',
  'female and male',
  'male or female',
  'female or male',
  'man-made',
  'man-hour',
  'man-hours',
  'man-day',
  'man-days',
  'man-month',
  'man-months',
  'man-year',
  'man-years',
  'Isle of Man',
];

/** Words after "her" that show it is an object ("gave her the", "told her that") rather than "her team". */
const OBJECT_FOLLOWERS = new Set([
  'a',
  'an',
  'the',
  'this',
  'that',
  'these',
  'those',
  'to',
  'and',
  'or',
  'but',
  'nor',
  'so',
  'with',
  'for',
  'in',
  'on',
  'at',
  'by',
  'from',
  'about',
  'as',
  'into',
  'onto',
  'up',
  'out',
  'off',
  'over',
  'back',
  'down',
  'again',
  'when',
  'while',
  'if',
  'because',
  'than',
  'too',
  'well',
  'how',
  'what',
  'why',
  'where',
  'who',
  'whom',
  'which',
  'some',
  'any',
  'all',
  'both',
  'each',
  'every',
  'no',
  'my',
  'your',
  'our',
  'their',
  'his',
  'its',
  'her',
  'one',
  'two',
  'three',
  'several',
  'many',
  'more',
  'most',
  'through',
  'during',
  'after',
  'before',
  'since',
  'until',
  'via',
  'last',
  'first',
  'once',
  'twice',
  'not',
  'is',
  'was',
  'be',
  'been',
  // bare infinitives after let/help/make/see/watch her …
  'win',
  'become',
  'lead',
  'learn',
  'grow',
  'improve',
  'get',
  'make',
  'take',
  'develop',
  'understand',
  'see',
  'feel',
  'achieve',
  'succeed',
  'realise',
  'realize',
  'find',
  'go',
  'do',
  'work',
  'build',
  'finish',
  'complete',
]);

/** The next word after `end`, or null when punctuation or the end of text comes first. */
function nextWord(ctx: RuleContext): string | null {
  const m = /^[ \t]+([\p{L}][\p{L}'’-]*)/u.exec(ctx.text.slice(ctx.end, ctx.end + 40));
  return m?.[1] ?? null;
}

/** "her" is both object (→ him) and possessive (→ his); decided by the next word (see OBJECT_FOLLOWERS). */
function replaceHer(m: string, ctx: RuleContext): string {
  const next = nextWord(ctx);
  const possessive = next !== null && !OBJECT_FOLLOWERS.has(next.toLowerCase());
  return matchCase(m, possessive ? 'his' : 'him');
}

/** "his" is a determiner before a word (→ her) and a pronoun before punctuation (→ hers). */
function replaceHis(m: string, ctx: RuleContext): string {
  return matchCase(m, nextWord(ctx) === null ? 'hers' : 'her');
}

const word = (w: string): RegExp => new RegExp(`${EN_LEFT}${w}${EN_RIGHT}`, 'giu');

export const GENDER_EN_RULES: readonly Rule[] = [
  keepRule('pronoun', 'en', KEEP),
  ...pairRules({
    cue: 'gendered-word',
    lang: 'en',
    pairs: WORD_PAIRS,
    oneWayB: [
      ['mum', 'dad'],
      ['madam', 'sir'],
    ],
    oneWayA: [['sir', 'madam']],
  }),
  ...pairRules({
    cue: 'pronoun',
    lang: 'en',
    pairs: [
      ['he', 'she'],
      ['himself', 'herself'],
    ],
  }),
  { cue: 'pronoun', pole: 'a', lang: 'en', pattern: word('him'), replace: (m) => matchCase(m, 'her') },
  { cue: 'pronoun', pole: 'a', lang: 'en', pattern: word('his'), replace: replaceHis },
  { cue: 'pronoun', pole: 'b', lang: 'en', pattern: word('her'), replace: replaceHer },
  { cue: 'pronoun', pole: 'b', lang: 'en', pattern: word('hers'), replace: (m) => matchCase(m, 'his') },
  { cue: 'gendered-word', pole: 'a', lang: 'en', pattern: HONORIFIC_MALE, replace: () => 'Ms' },
  { cue: 'gendered-word', pole: 'b', lang: 'en', pattern: HONORIFIC_FEMALE, replace: () => 'Mr' },
];
