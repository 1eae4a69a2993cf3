/**
 * Phrases that say a ground does NOT matter (男女不限, 不限户籍, "regardless of gender, age",
 * "we do not screen for HBV"). A match lying wholly inside one of these spans is not a finding.
 * Windows stop at clause punctuation so "男女不限，年龄35岁以下" still flags the age limit.
 * All regexes run over normalized text (lowercase, NFKC: ，→ , ；→ ; ：→ :).
 */
const ZH_STOP = '[^,。;!?\\n]';
const EN_STOP = '[^.;!?\\n]';

const ZH_PREFIX =
  '不限|不论|无论|不分|不问|不看|不拘|不设|不考虑|不计|不以|不因|不会因|不得因|不查|不检|不测|不做|不进行|不要求|无需|不需要?|不用|不必|尊重|欢迎|反对|杜绝|禁止|严禁';
const ZH_SUFFIX =
  '不限|均可|皆可|都可|均可以|都可以|不拘|无要求|没有要求|不作要求|不做要求|无限制|不限制|均欢迎|皆欢迎|都欢迎|不受限|不受影响|不影响|亦可|也可|可正常|可以正常' +
  '|可入职|可以入职|可录用|不歧视|无歧视|零歧视|一视同仁|平等对待';
const EN_PREFIX = [
  'regardless of',
  'irrespective of',
  'without regard to',
  'no matter',
  'not discriminat\\w*',
  'non-?discriminat\\w*',
  'discriminat\\w* (?:on the basis of|based on|against)',
  'equal(?:[- ]opportunit\\w*| employment)',
  'open to (?:all|any|applicants of all|candidates of all)',
  "(?:do|does|will|did)(?: not|n't) (?:test|screen|ask|require|check|need|consider)",
  'never (?:ask|test|screen|consider)',
  'no need to',
  'need not (?:include|attach|provide|submit|send)',
  'not required to',
  "please (?:do not|don't)",
  "(?:do not|don't) (?:include|attach|send|submit)",
  'without (?:a )?photo',
].join('|');
const EN_SUFFIX = [
  'not required',
  'not needed',
  'optional',
  'not necessary',
  'unnecessary',
  'are welcome',
  'is welcome',
  'welcome to apply',
  'encouraged to apply',
  'all (?:are )?welcome',
  'not a factor',
  'not considered',
  "does(?: not|n't) matter",
].join('|');

const EXEMPT: readonly RegExp[] = [
  new RegExp(`(?:${ZH_PREFIX})${ZH_STOP}{0,20}`, 'gu'),
  new RegExp(`${ZH_STOP}{0,10}(?:${ZH_SUFFIX})`, 'gu'),
  new RegExp(`\\b(?:${EN_PREFIX})${EN_STOP}{0,80}`, 'gu'),
  new RegExp(`[^.;!?,\\n]{0,40}(?:${EN_SUFFIX})\\b`, 'gu'),
  /\bno (?:[\w-]+ ){0,3}(?:requirements?|restrictions?|limits?|preferences?|required|needed)\b/gu,
  /\b(?:all|any) (?:genders?|ages?|backgrounds?|ethnicit\w+|religions?|races?)\b/gu,
];

export type Interval = readonly [number, number];

export function exemptSpans(text: string): Interval[] {
  const spans: Interval[] = [];
  for (const re of EXEMPT) {
    for (const m of text.matchAll(re)) spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

export function isExempt(spans: readonly Interval[], from: number, to: number): boolean {
  return spans.some(([s, e]) => s <= from && to <= e);
}

const CLAUSE_END = /[,。;!?\n.]/u;

/** The clause around [from, to): used by a pattern's `unless` test (benefits, audiences). */
export function clauseAround(text: string, from: number, to: number): string {
  let s = from;
  while (s > 0 && !CLAUSE_END.test(text[s - 1] ?? '')) s--;
  let e = to;
  while (e < text.length && !CLAUSE_END.test(text[e] ?? '')) e++;
  return text.slice(s, e);
}
