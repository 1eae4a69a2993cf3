/**
 * English words that name a skill in one use and something else in another: payroll is an accountant's pay run in
 * "payroll for 40 staff" but the object of an auditor's tests in "tested payroll controls", internal controls are
 * internal audit only where the graduate audits them from inside. Each rule below holds a mention back by the words
 * around it, with an example; labels follow LABELLING.md and the dev sets' majority.
 */

// An external auditor's procedures on a client's accounts ("Performed substantive testing of receivables, payables
// and payroll", "Documented walkthroughs of internal controls over financial reporting"): the accounts and controls
// are what was audited, not a trade of their own.
const AUDIT_TESTING = new RegExp(
  '\\b(?:test(?:ed|ing|s)?|substantive|walk-?throughs?|vouch(?:ed|ing)?|work-?papers|working papers|' +
    'controls? over)\\b',
  'iu',
);

// A legal document drafted ("drafting affidavits for review", "Legal research (Westlaw, LexisNexis), drafting"): a
// lawyer's drafting, not engineering drawing.
const LEGAL_DRAFTING =
  /\b(?:affidavits?|contracts?|pleadings?|motions?|briefs?|memos?|memoranda|legal|Westlaw|LexisNexis|clauses?)\b/iu;
// A text drafted ("drafting letters of claim", "drafting the report"): writing, not engineering drawing.
const TEXT_DRAFTED = /^\s+(?:(?:the|a|an|two|three)\s+)?(?:letters?|reports?|emails?|proposals?|minutes|chapters?)\b/iu;
// An audit of something other than accounts: a hotel's night audit, a plant's 5S or food-safety audit, a clinical or
// design audit ("raised the 5S audit score", "before an SQF audit", "Retrospective audit of sepsis bundle compliance").
const OTHER_AUDIT_BEFORE = new RegExp(
  '\\b(?:night|5S|SQF|BRC|ISO(?:\\s?\\d+)?|GMP|HACCP|quality|clinical|safety|food-safety|hygiene|design-system|' +
    'retrospective|two-cycle|energy|accessibility|UX|falls|infection-prevention|compliance|site|data)\\s+$',
  'iu',
);
// A clinical audit or a device's, named anywhere in the sentence ("Audit lead for the unit's monthly hand-hygiene
// audit", "Closed-loop audit of VTE prophylaxis prescribing on two surgical wards", "AUDIT & QI", "a medical-device
// audit"): quality improvement or an inspection, not auditing accounts (0 of 5 dev résumés label it).
const CLINICAL_AUDIT = new RegExp(
  '\\b(?:closed-loop|re-audit|prescribing|prophylaxis|stewardship|hand-hygiene|wards?|QI|quality improvement|' +
    'medical-device|patients?)\\b',
  'iu',
);
const OTHER_AUDIT_AFTER = /^\s*(?:score|&\s*quality\b|of\s+(?:[\w-]+\s+){0,3}(?:compliance|practice|care)\b)/iu;
// A sense of mental health other than counselling given: a first-aid course, a ward, an institute ("Mental Health
// First Aid", "Mental Health, 4 weeks"): counselling is named by its own words.
const COUNSELLING = /counsel|therap|CBT|DBT|crisis|psychosocial|intervention/iu;
// A society's or a board's secretary ("Social Secretary, Durham University Geographical Society", "Board member
// (secretary), student association"): an officer of a student body (student-leadership, 4 of 5 dev résumés), not
// secretarial work (0 of 5); nor a palaeographer's "secretary hand".
const STUDENT_BODY = /\b(?:society|association|union|club|board|committee|council|student|hand)\b/iu;

// A subject named as what a lab, a section, office hours or lessons were about ("Ran weekly R lab sessions for
// first-year statistics", "Held office hours for Data Structures (CS 314)", "taught sequences on quadratics and
// statistics"): the subject taught, which a TA's or teacher's convention labels apart (LABELLING.md), not a skill.
const TAUGHT_TOPIC = new RegExp(
  '\\b(?:labs?|sections?|sessions?|office hours|tutorials?|lessons?|sequences?|recitations?)' +
    '(?:\\s+of\\s+\\d+\\s+students(?:\\s+each)?)?\\s+(?:on|for|about)\\s+' +
    '(?:(?:first|second|third|final)-year\\s+|introductory\\s+|the\\s+)?(?:[\\w-]+(?:,\\s*|\\s+and\\s+)){0,3}$',
  'iu',
);
// A product's name (R, Python, Excel), which a session on it does show, is kept.
const PRODUCT = /^[A-Z][\w+#.-]*$/u;

const DATABASE_USED = new RegExp(
  '(?:\\b(?:REDCap|Access|study|plan|research|project|client|patient|participant|cohort|trial)\\s+|' +
    '\\b(?:updat(?:e|es|ed|ing)|maintain(?:s|ed|ing)?|manag(?:e|es|ed|ing)|kept|keep(?:s|ing)?|quer(?:y|ied|ying))\\b' +
    '[^.;,]{0,30}?)$',
  'iu',
);

// A program's regressions ("automated regression tests with Selenium", "regression triage", "parse regression logs",
// "detect regressions in latency"): software testing, not regression analysis (0 of 5 dev résumés label it).
const SOFTWARE_REGRESSION_AFTER = /^\s*(?:tests?|testing|suites?|logs?|triage|bugs?|runs?|in\s+[\w-]+\s+latency)\b/iu;
const SOFTWARE_REGRESSION_BEFORE = /\b(?:automated|detect|detects|detected|detecting|catch|caught)\s+$/iu;
// Welding as what names another thing ("welding fixtures designed in SolidWorks", "a bracket welding cell", "a
// welding-line OEE study"): the fixture or the line, not welding done (0 of 5 dev résumés label it).
const WELDING_THING = /^[\s-]+(?:fixtures?|jigs?|cells?|lines?|robots?|stations?|bays?|fumes)\b/iu;
// Sales as a ledger's entries ("analyse sales ledgers", "Recorded sales and payables in QuickBooks", "Posted sales and
// supplier invoices", "Vouching of purchase and sales invoices", "Sales reporting in Excel"), or trainees onboarded:
// a bookkeeper's or an auditor's object, not selling (0 of 6 dev résumés label it).
const SALES_LEDGER_AFTER = new RegExp(
  '^\\s+(?:and\\s+(?:supplier\\s+|purchase\\s+)?)?(?:ledgers?|invoices?|journals?|day-?books?|payables|receipts|' +
    'returns|tax|reporting|trainees)\\b',
  'iu',
);
// Quality control as a verb on someone's output ("QC'd efficacy tables", "QC peer programmers' outputs", "QA-checked
// data"): checking, not quality management (0 of 4 dev résumés label it).
const QC_VERB_AFTER = /^(?:['’]d\b|-checked\b|\s+peer\b)/iu;
// Nursing as what names another thing ("a story on nursing-home staffing", "Screened nursing applicants", "interviews
// for nursing and therapy roles"): a recruiter's or a reporter's subject, not nursing done.
const NURSING_THING = /^[\s-]+(?:homes?|applicants?|roles|positions|vacancies|recruitment|and\s+therapy\s+roles)\b/iu;
// Procurement or purchasing an auditor tested ("Tested internal controls over procurement for SOX compliance",
// "tests of controls ... on payroll and procurement"): the area audited (0 of 6 dev résumés label procurement).
const PROCUREMENT = /^(?:procurement|purchasing)$/iu;

// A heavy-rigid truck licence ("HR truck licence") or the HR manager worked for ("presented recommendations to the
// plant HR manager"): a licence or a colleague, not human-resources work (0 of 4 dev résumés label it).
const HR_NOT_WORK_AFTER = /^\s+(?:truck|heavy|licen[cs]e|manager|director|business partner)\b/iu;
const HR_COLLEAGUE_BEFORE = /\b(?:the|our|their)\s+(?:[\w-]+\s+)?$/iu;

/** Whether the English mention from `start` to `end` of `sentence` names no skill of `skillId` (see above). */
export function enWordHeldBack(sentence: string, start: number, end: number, skillId: string): boolean {
  const mention = sentence.slice(start, end);
  const before = sentence.slice(0, start);
  // Payroll run or prepared is payroll accounting (skill-phrases.ts), not compensation design: 5 of 8 dev résumés
  // with it label payroll-accounting, 1 of 8 compensation-benefits.
  if (skillId === 'compensation-benefits' && /^payroll$/iu.test(mention)) return true;
  // Internal controls walked through or tested by an external auditor, under SOX too (1 of 6 dev résumés label
  // internal-audit).
  if (skillId === 'internal-audit' && /^(?:internal controls?|SOX)$/iu.test(mention) && AUDIT_TESTING.test(sentence)) {
    return true;
  }
  // Internal control over financial reporting (ICFR) names the controls, not financial accounting done.
  if (skillId === 'financial-accounting' && /\bcontrols? over\s+$/iu.test(before)) return true;
  if (TAUGHT_TOPIC.test(before) && !PRODUCT.test(mention)) return true;
  // A database kept, updated or named by its system or study ("Manage the study database in REDCap", "built a REDCap
  // database", "update the local development plan database"): a database used, not designed.
  if (skillId === 'database-design' && /^databases?$/iu.test(mention) && DATABASE_USED.test(before)) return true;
  // Power electronics (converters, chargers) is no power-systems engineering (0 of 5 dev résumés with it label it).
  if (skillId === 'power-systems' && /^power electronics$/iu.test(mention)) return true;
  // Steam the games store or the vapour ("indie games on Steam", "cut steam use by 6%"), not STEAM education.
  if (skillId === 'coding-education' && mention !== 'STEAM' && /^steam$/iu.test(mention)) return true;
  // Blast in mining ("drill-and-blast patterns") is not NCBI's BLAST, which is written in capitals.
  if (skillId === 'bioinformatics' && mention !== 'BLAST' && /^blast$/iu.test(mention)) return true;
  if (skillId === 'mechanical-drawing' && /^drafting$/iu.test(mention) && LEGAL_DRAFTING.test(sentence)) return true;
  if (skillId === 'mechanical-drawing' && /^drafting$/iu.test(mention) && TEXT_DRAFTED.test(sentence.slice(end))) {
    return true;
  }
  if (
    skillId === 'auditing' &&
    /^audit$/iu.test(mention) &&
    (OTHER_AUDIT_BEFORE.test(before) || OTHER_AUDIT_AFTER.test(sentence.slice(end)))
  ) {
    return true;
  }
  if (skillId === 'auditing' && /^audit$/iu.test(mention) && CLINICAL_AUDIT.test(sentence)) return true;
  const after = sentence.slice(end);
  if (
    skillId === 'regression-analysis' &&
    /^regressions?$/iu.test(mention) &&
    (SOFTWARE_REGRESSION_AFTER.test(after) || SOFTWARE_REGRESSION_BEFORE.test(before))
  ) {
    return true;
  }
  if (skillId === 'welding' && /^welding$/iu.test(mention) && WELDING_THING.test(after)) return true;
  if (skillId === 'sales' && /^sales$/iu.test(mention) && SALES_LEDGER_AFTER.test(after)) return true;
  if (skillId === 'quality-management' && /^Q[AC]$/u.test(mention) && QC_VERB_AFTER.test(after)) return true;
  if (skillId === 'nursing' && /^nursing$/iu.test(mention) && NURSING_THING.test(after)) return true;
  if (
    skillId === 'human-resources' &&
    mention === 'HR' &&
    HR_NOT_WORK_AFTER.test(after) &&
    (/^\s+(?:truck|heavy|licen)/iu.test(after) || HR_COLLEAGUE_BEFORE.test(before))
  ) {
    return true;
  }
  if (skillId === 'procurement' && PROCUREMENT.test(mention) && AUDIT_TESTING.test(sentence)) return true;
  if (skillId === 'psychological-counseling' && /^mental health$/iu.test(mention) && !COUNSELLING.test(sentence)) {
    return true;
  }
  if (skillId === 'secretarial' && /^secretary$/iu.test(mention) && STUDENT_BODY.test(sentence)) return true;
  return false;
}
