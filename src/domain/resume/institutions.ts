/**
 * Institutions known by a name without a school's word (University, College, Institute, School, 大学, 学院): a
 * résumé writes "Sciences Po", "INSEAD", "ETH Zurich" or "IIT Bombay" as the whole name. Written from general
 * knowledge (not from any labelled résumé); read only as a whole segment of an education line, so "MIT License" or
 * a sentence naming UCLA is not a school. Names that are also towns (Oxford, Cambridge) are left to the rules.
 */
const NAMES = [
  // United States
  'MIT',
  'Caltech',
  'UCLA',
  'UC (?:Berkeley|Davis|Irvine|San Diego|Santa Barbara|Santa Cruz|Riverside|Merced)',
  'UCSD',
  'UCSB',
  'USC',
  'NYU',
  'CMU',
  'UPenn',
  'UIUC',
  'UT Austin',
  'UT Dallas',
  'UNC Chapel Hill',
  'UMass Amherst',
  'Georgia Tech',
  'Virginia Tech',
  'Texas A&M',
  'Cal Poly(?: (?:Pomona|SLO|San Luis Obispo|Humboldt))?',
  'Rutgers',
  'Purdue',
  'Cornell',
  'Dartmouth',
  'JHU',
  'CUNY',
  'SUNY (?:Buffalo|Albany|Binghamton|Stony Brook|Geneseo|New Paltz)',
  // United Kingdom and Ireland
  'LSE',
  'UCL',
  'KCL',
  'Trinity College Dublin',
  // Europe
  'ETH Z[uü]rich',
  'ETH',
  'EPFL',
  'INSEAD',
  'HEC Paris',
  'HEC Montr[ée]al',
  'ESSEC(?: Business School)?',
  'ESCP(?: Business School)?',
  'EDHEC',
  'Sciences Po(?: Paris)?',
  'CentraleSup[ée]lec',
  'Mines Paris(?:Tech)?',
  'T[ée]l[ée]com Paris',
  'TU (?:Delft|Munich|M[üu]nchen|Berlin|Dresden|Darmstadt|Wien|Eindhoven|Dortmund|Braunschweig)',
  'TUM',
  'RWTH Aachen',
  'LMU (?:Munich|M[üu]nchen)',
  'KU Leuven',
  'KTH',
  'DTU',
  'NTNU',
  'IE Business School',
  'Bocconi',
  // Asia and Oceania
  'NUS',
  'NTU',
  'SMU',
  'HKU',
  'HKUST',
  'CUHK',
  'PolyU',
  'CityU',
  'KAIST',
  'POSTECH',
  'SNU',
  'IIT (?:Bombay|Delhi|Madras|Kanpur|Kharagpur|Roorkee|Guwahati|Hyderabad|BHU|Indore|Patna|Gandhinagar|Ropar)',
  'IISc(?: Bangalore| Bengaluru)?',
  'IIM (?:Ahmedabad|Bangalore|Calcutta|Lucknow|Kozhikode|Indore)',
  'BITS Pilani',
  'NIT (?:Trichy|Tiruchirappalli|Warangal|Surathkal|Calicut|Rourkela)',
  'LUMS',
  'NUST',
  'UNSW(?: Sydney)?',
  'ANU',
  'UBC',
  // Australia's state vocational colleges (Technical and Further Education), named by their state.
  'TAFE (?:NSW|Queensland|QLD|SA|South Australia|Tasmania|WA|Western Australia|Digital)',
  'UofT',
  'U of T',
  // Latin America and Africa
  'UNAM',
  'ITAM',
  'Tec de Monterrey',
  'PUC[- ]Rio',
  'PUC Chile',
  'UCT',
  'Wits',
];
const KNOWN = new RegExp(`^(?:${NAMES.join('|')})$`, 'u');

// "NYU Stern School of Business", "MIT SLOAN SCHOOL OF MANAGEMENT": a known name before its faculty's.
const KNOWN_LEAD = new RegExp(
  `^(${NAMES.join('|')})\\s+(?:[A-Z][\\p{L}'’-]*\\s+){0,3}(?:School|College|Faculty) of\\b`,
  'u',
);
/** The known institution that a faculty's name opens with, if any. */
export const knownLead = (name: string): string | undefined => KNOWN_LEAD.exec(name)?.[1];

/** Whether a segment of a line is, as a whole, an institution known without a school's word. */
export const knownInstitution = (segment: string): boolean => KNOWN.test(segment.trim());
