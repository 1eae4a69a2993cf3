import type { Pattern } from './types.ts';

/** English detectors over normalized (lowercased, NFKC) text; negations live in exemptions.ts. */
const G = '(?:males?|females?|m[ae]n|wom[ae]n|guys?|girls?|lad(?:y|ies)|boys?)';
const ROLE = '(?:candidates?|applicants?|staff|workers?|employees?|graduates?|hires?)';
const NOT_BENEFIT = /sponsor|help|assist|support|apply for|obtain|settle|quota|offer/u;
const AUDIENCE = /customers?|users?|clients?|audiences?|patients?|seniors|consumers?|readers?|players?|children/u;
const AGE_LEAD =
  '(?<=(?:\\b(?:be|aged?|applicants?|candidates?|women|men|males?|females?|graduates?|people' +
  '|persons?|those|anyone|limit)|^|[,;:(])\\s*)';
const FAITH = '(?:christians?|muslims?|buddhists?|catholics?|hindus?|jews|jewish|atheists?)';
const TIER_ADJ =
  '(?:top[- ]tier|tier[- ](?:1|one)|first[- ]tier|top[- ]?\\d+|elite|prestigious|top|target|renowned|name[- ]brand)';
const SCHOOL = '(?:universit(?:y|ies)|colleges?|schools?|institutions?)';
const NICE_THING =
  '(?:salary|salaries|compensation|package|benefits?|pay|bonus(?:es)?|commission|remuneration' +
  '|rates?|terms|opportunit\\w*|career|environment|office|perks|incentives?|equity|stock' +
  '|options|designs?|ui|interfaces?|code|products?|websites?)';

export const EN_PATTERNS: readonly Pattern[] = [
  // gender
  {
    rule: 'gender',
    severity: 'block',
    re: new RegExp(
      `\\b${G}(?: ${ROLE})?(?: (?:are|is))? (?:only|(?:strongly )?preferred|wanted|needed|required)\\b`,
      'gu',
    ),
  },
  {
    rule: 'gender',
    severity: 'block',
    re: new RegExp(
      `\\b(?:only|preferably|prefer|(?:must|should|will) be(?: ` +
        `an?)?|(?:candidate|applicant|hire|person) is an?|(?:looking ` +
        `for|seeking|hiring|recruiting|need|want)(?: ` +
        `(?:an?|\\d+|two|three|several))?)\\s+(?:[a-z-]+,?\\s+){0,2}?${G}\\b`,
      'gu',
    ),
  },
  { rule: 'gender', severity: 'block', re: new RegExp(`\\bpreference\\b[^.;,]{0,20}\\bto ${G}\\b`, 'gu') },
  {
    rule: 'gender',
    severity: 'block',
    re: /\b(?:gender|sex)\s*:\s*(?:male|female)\b|(?<=^|[,;:]\s*)(?:male|female)(?=\s*[,;.]|$)/gu,
  },
  // age
  {
    rule: 'age',
    severity: 'block',
    re: /\baged?\s*:?\s*(?:between\s+)?\d{2}\s*(?:-|–|to|and)\s*\d{2}\b/gu,
    unless: AUDIENCE,
  },
  {
    rule: 'age',
    severity: 'block',
    re: /\b(?:between the ages of|ages?) \d{2}\s*(?:-|–|to|and)\s*\d{2}\b/gu,
    unless: AUDIENCE,
  },
  {
    rule: 'age',
    severity: 'block',
    unless: AUDIENCE,
    re: new RegExp(
      `${AGE_LEAD}(?:(?:under|below|younger than|no older than|not older than|not over|up ` +
        `to|max(?:imum)?)\\s+(?:the age of\\s+)?\\d{2}|(?:over|above|older than)\\s+(?:the age ` +
        `of\\s+)?(?!1[68]\\b)\\d{2})\\b(?:\\s*(?:years?|yrs?)(?:\\s*old)?)?`,
      'gu',
    ),
  },
  {
    rule: 'age',
    severity: 'block',
    re: new RegExp(
      String.raw`\b(?:\d{2}\s*(?:years?|yrs?)?(?:\s*old)?\s*(?:or|and)\s*(?:younger|under|below|less)` +
        String.raw`|(?!1[68]\b)\d{2}\s*(?:years?|yrs?)?(?:\s*old)?\s*(?:or|and)\s*(?:older|above|over))\b`,
      'gu',
    ),
    unless: AUDIENCE,
  },
  // marital / childbirth
  {
    rule: 'marital',
    severity: 'block',
    re: /\b(?:unmarried|married|divorced|childless|child-?free|marital status|marriage status)\b/gu,
  },
  {
    rule: 'marital',
    severity: 'block',
    re: /\b(?:must be|be|are|status:?)\s+single\b|\bsingle (?:candidates|applicants|women|men|females|males)\b/gu,
  },
  {
    rule: 'marital',
    severity: 'block',
    re: new RegExp(
      String.raw`\b(?:not|non)[- ]?(?:be |being )?pregnant\b|\bpregnan\w*\s+(?:test|status|screening)\b` +
        String.raw`|\bno (?:plans?|intentions?) (?:to have|for|of having) (?:children|kids|a baby|babies)\b` +
        String.raw`|\b(?:no|without) (?:children|kids)\b`,
      'gu',
    ),
  },
  // hukou / local residence
  {
    rule: 'hukou',
    severity: 'block',
    unless: NOT_BENEFIT,
    re: new RegExp(
      String.raw`\b(?:(?:local|urban|rural|non-agricultural|beijing|shanghai|shenzhen|guangzhou|tianjin` +
        String.raw`|chongqing|hangzhou)\s+)?hukou\b(?:\s+holders?)?`,
      'gu',
    ),
  },
  {
    rule: 'hukou',
    severity: 'block',
    re: new RegExp(
      String.raw`\bonly [a-z]+ residents\b|\bresidents? of [a-z]+ only\b|(?<!non-)\blocal (?:residents?` +
        String.raw`|residency|candidates|applicants|people)\b(?: only)?|\bmust (?:be|have) (?:a )?(?:local` +
        String.raw`|permanent) resid\w+|\b(?:household|residence) registration\b`,
      'gu',
    ),
  },
  // ethnicity
  {
    rule: 'ethnicity',
    severity: 'block',
    re: new RegExp(
      String.raw`\bhan(?:[- ]chinese)?\s+(?:only|preferred|ethnicity|nationality|ethnic group)\b` +
        String.raw`|\bethnic(?:ally)?\s+han\b|\bethnicity\s*:\s*\w+|\bno (?:ethnic )?minorities\b` +
        String.raw`|\bminorities need not apply\b|\b(?:white|caucasian)\s+(?:candidates?\s+)?only\b`,
      'gu',
    ),
  },
  // religion
  {
    rule: 'religion',
    severity: 'block',
    re: new RegExp(
      `\\b(?:non-?)?${FAITH}(?: ${ROLE})?\\s+(?:only|preferred|need not apply)\\b|\\bmust be ` +
        `(?:an? )?(?:practi[sc]ing |devout )?${FAITH}\\b|\\bno religious ` +
        `(?:affiliations?|beliefs?)\\b|\\bnot religious\\b`,
      'gu',
    ),
  },
  // health
  {
    rule: 'health',
    severity: 'block',
    re: /\b(?:hepatitis[- ]?b|hbv|hbsag|hep b)\b(?:[- ](?:negative|free|carriers?))?/gu,
    unless: /\b(?:app|treatment|therap\w*|patients?|users?|research|vaccin\w*|drugs?|clinical|diagnos\w*|products?)\b/u,
  },
  {
    rule: 'health',
    severity: 'block',
    re: /\b(?:no|free (?:of|from)) (?:infectious|contagious|communicable) diseases?\b|\bhiv[- ]negative\b/gu,
  },
  {
    rule: 'health',
    severity: 'warn',
    re: /\b(?:health|medical) certificate\b/gu,
    law: '食品安全法 第45条 requires a health certificate only for food handlers; 就业促进法 第30条',
  },
  {
    rule: 'health',
    severity: 'warn',
    re: new RegExp(
      String.raw`\bno (?:prior |previous )?history of (?:[\w-]+ )?(?:illness|diseases?` +
        String.raw`|medical conditions?)\b|\bmedical history\b`,
      'gu',
    ),
  },
  // disability
  {
    rule: 'disability',
    severity: 'block',
    re: new RegExp(
      String.raw`\bable[- ]bodied\b|\b(?:no|without any|without) (?:physical |mental )?(?:disabilit(?:y` +
        String.raw`|ies)|handicaps?|physical defects?|impairments?)\b|\bdisabled (?:persons?|people` +
        String.raw`|applicants?|candidates?) (?:need not apply|not accepted|excluded)\b`,
      'gu',
    ),
  },
  // school tier
  {
    rule: 'school_tier',
    severity: 'block',
    re: new RegExp(
      `\\b(?:985|211)\\b(?=[^,.;!?]{0,25}?\\b(?:${SCHOOL}|graduates?|background))|\\b(?:from|of` +
        `|at) (?:an? )?(?:985|211)\\b`,
      'gu',
    ),
    onlyIf: /graduat|degree|only|prefer|required|must|from|background|candidates?|applicants?/u,
  },
  {
    rule: 'school_tier',
    severity: 'block',
    re: new RegExp(
      String.raw`\bdouble first[- ]class\b|\bc9 league\b|\bproject (?:985|211)\b` +
        String.raw`|\bivy league\b(?=[^,.;]{0,25}\bonly\b)|\bonly\b[^,.;]{0,25}\bivy league\b`,
      'gu',
    ),
  },
  { rule: 'school_tier', severity: 'warn', re: /\bivy league\b/gu },
  {
    rule: 'school_tier',
    severity: 'block',
    re: new RegExp(
      `\\b${TIER_ADJ} ${SCHOOL} only\\b|\\bmust (?:be from|have graduated from|hold a degree ` +
        `from) (?:an? )?${TIER_ADJ} ${SCHOOL}`,
      'gu',
    ),
  },
  { rule: 'school_tier', severity: 'warn', re: new RegExp(`\\b${TIER_ADJ} ${SCHOOL}\\b`, 'gu') },
  {
    rule: 'school_tier',
    severity: 'block',
    re: new RegExp(
      String.raw`\b(?:tsinghua|peking university|pku|fudan|zhejiang university|sjtu|harvard|stanford|oxford` +
        String.raw`|cambridge)\b[^.;,]{0,40}\bonly\b`,
      'gu',
    ),
  },
  // appearance
  {
    rule: 'appearance',
    severity: 'warn',
    re: new RegExp(`\\b(?:attractive|good[- ]looking|pretty|handsome|beautiful)\\b(?!\\s+${NICE_THING})`, 'gu'),
  },
  {
    rule: 'appearance',
    severity: 'warn',
    re: /\b(?:pleasant|good|neat|presentable|professional) appearance\b|\bwell[- ]groomed\b|\bpresentable\b|\bslim\b/gu,
  },
  {
    rule: 'appearance',
    severity: 'block',
    re: new RegExp(
      String.raw`\bheight\s*:?\s*(?:of\s+)?(?:at least|above|over|min(?:imum)?\.?)?\s*\d{3}\s*cm\b` +
        String.raw`|\b(?:at least|above|over|minimum)\s+\d{3}\s*cm\b|\bweight\s*:?\s*(?:under|below` +
        String.raw`|less than)\s+\d+`,
      'gu',
    ),
  },
  {
    rule: 'appearance',
    severity: 'warn',
    re: new RegExp(
      String.raw`\b(?:attach|include|enclose|submit|send|upload` +
        String.raw`|provide)\b[^.;]{0,25}?\b(?:photo(?:graph)?s?(?! id\b)|headshots?|selfies?|(?:personal` +
        String.raw`|recent|full[- ]length|passport[- ]style) (?:pictures?|photos?))\b` +
        String.raw`|\bphoto(?:graph)? (?:is )?required\b|\b(?:with|plus) (?:a )?(?:recent )?photo\b` +
        String.raw`|\bheadshots?\b`,
      'gu',
    ),
  },
];
