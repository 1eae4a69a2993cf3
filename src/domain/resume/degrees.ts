import type { Degree } from '../model/common.ts';

/** A degree named in a line; `field` is the field the degree's own name gives (JD → Law, MPH → Public Health). */
export interface DegreeHit {
  degree: Degree;
  start: number;
  end: number;
  field?: string;
}

// Chinese, simplified and traditional (學士, 碩士, 專科): 博士 before 硕士 before 本科, so "硕博连读" is a doctorate
// and "本硕连读" / "5+3" one master entry.
const ZH_DEGREES: readonly (readonly [RegExp, Degree])[] = [
  // Not 博士后, a post-doctoral post.
  [/博士(?!后)|硕博连读|直博/u, 'doctorate'],
  // 专硕 / 学硕: a professional or academic master's, abbreviated.
  [
    /[硕碩]士|研究生|MBA|MPAcc|MPA|本硕连读|5\+3|(?<![\u4e00-\u9fff])(?:[专專]|[学學])[硕碩](?![\u4e00-\u9fff])/u,
    'master',
  ],
  // A second degree studied alongside the first (第二学位, 双学位) is a bachelor's (HELD-OUT-9).
  [/本科|[学學]士|专升本|第二[学學]位|双[学學]位/u, 'bachelor'],
  [/大[专專]|[专專]科(?![学學]校)|高职/u, 'associate'],
];

/** Abbreviations and names of degrees, each with the field its name gives; checked on word boundaries. */
const EN_NAMED: readonly (readonly [string, Degree, string?])[] = [
  ['Juris Doctor|J\\.\\s?D\\.|JD(?!\\.\\w)', 'doctorate', 'Law'],
  ['Pharm\\.\\s?D\\.?|PharmD|Doctor of Pharmacy', 'doctorate', 'Pharmacy'],
  ['DNP|Doctor of Nursing Practice', 'doctorate', 'Nursing Practice'],
  // "Medical Doctor (MD), General Medicine": a six-year medical degree named in words (Mongolia, Central Asia).
  ['Doctor of Medicine|M\\.D\\.|Medical Doctor', 'doctorate', 'Medicine'],
  ['D\\.?D\\.?S\\.?|Doctor of Dental Surgery', 'doctorate', 'Dental Surgery'],
  ['D\\.?V\\.?M\\.?|Doctor of Veterinary Medicine', 'doctorate', 'Veterinary Medicine'],
  ['Ed\\.\\s?D\\.|EdD|Doctor of Education', 'doctorate', 'Education'],
  ['Psy\\.?D\\.?', 'doctorate', 'Psychology'],
  ['DPT|Doctor of Physical Therapy', 'doctorate', 'Physical Therapy'],
  ['Ph\\.?\\s?D\\.?|D\\.\\s?Phil\\.?|DPhil|Doctor of Philosophy|Doctorate|Doctoral', 'doctorate'],
  ['MBA', 'master', 'Business Administration'],
  // The Scottish MA (Hons) is a first degree.
  ['M\\.?A\\.?\\s*\\(Hons?\\.?\\)|M\\.?A\\.? Hons', 'bachelor'],
  // Degrees named by their field: BSEE, BSME, MSCS.
  ['BSEE', 'bachelor', 'Electrical Engineering'],
  ['BSME', 'bachelor', 'Mechanical Engineering'],
  ['BSCE', 'bachelor', 'Civil Engineering'],
  ['BSCS', 'bachelor', 'Computer Science'],
  ['MSEE', 'master', 'Electrical Engineering'],
  ['MSME', 'master', 'Mechanical Engineering'],
  ['MSCS', 'master', 'Computer Science'],
  ['BSIT', 'bachelor', 'Information Technology'],
  ['BSBA', 'bachelor', 'Business Administration'],
  ['M\\.?\\s?Pharm(?:acy)?\\.?', 'master', 'Pharmacy'],
  // A master's named with its field: "Master of Arts in Teaching, Secondary Science" (the field after it is the major).
  ['Master of Arts in Teaching|MAT(?=[\\s,;|)]|$)', 'master', 'Teaching'],
  ['M\\.?P\\.?A\\.?(?=[\\s,;|)]|$)', 'master', 'Public Administration'],
  ['MPP', 'master', 'Public Policy'],
  ['M\\.?P\\.?H\\.?', 'master', 'Public Health'],
  ['M\\.?S\\.?W\\.?', 'master', 'Social Work'],
  // Education degrees written with their science or arts: "M.S.Ed.", "B.S. Ed. in Elementary Education", "BSEd".
  ['M\\.?\\s?[SA]\\.?\\s?Ed\\.?', 'master'],
  ['M\\.\\s?Ed\\.?|MEd', 'master', 'Education'],
  ['MPAcc|MAcc|MPAC', 'master', 'Accounting'],
  ['MTI', 'master', 'Translation and Interpreting'],
  ['M\\.\\s?Arch\\.?|MArch', 'master', 'Architecture'],
  ['MSN', 'master', 'Nursing'],
  ['LL\\.?\\s?M\\.?', 'master', 'Law'],
  ['MStat', 'master', 'Statistics'],
  ['MHCI', 'master', 'Human-Computer Interaction'],
  ['M\\.?\\s?Mus\\.?', 'master', 'Music'],
  ['MF(?=[)）])', 'master', 'Finance'],
  [
    // "MSc Eng." / "BSc Eng." (a Polish inż.), not "BSc Engineering", whose Engineering is the field.
    // A Canadian engineering master's (Master of Applied Science): "MASc, Electrical and Computer Engineering".
    'M\\.\\s?A\\.\\s?Sc\\.?|MASc|' +
      'M\\.\\s?S\\.?c?\\.?(?:\\s?Eng\\.)?|MSc(?:\\s?Eng\\.?)?|M\\.\\s?A\\.|M\\.?\\s?Eng\\.?|M\\.?\\s?Tech\\.?|' +
      'MFA|M\\.F\\.A\\.|Msc|M\\.sc\\.?|Mtech|M\\.tech\\.?|' +
      'M\\.\\s?E\\.|M\\.?\\s?Phil\\.?|MRes|MDes|MPhys|MChem|MMath|MSci|MBiol|MComp|MInf|' +
      // An Indian PGDM, written out or not; other postgraduate diplomas (PGDip) are no degree (HELD-OUT-7, -15).
      'Post[- ]?[Gg]raduate Diploma(?= in (?:Business )?Management)|PGDM|' +
      'Diplom(?:-[A-Z][a-z]+)?|Laurea (?:Magistrale|Specialistica)|Magister|' +
      // A French or Maghreb engineering diploma (Bac+5), and the Czech and Slovak master's title: "Master (Ing.)".
      "Dipl[ôo]me d['’]Ing[ée]nieur(?: d['’][ÉE]tat)?|Ing\\.|Mgr\\.|" +
      'Mestrado|Maestr[ií]a|' +
      // Spanish and Swedish names: "Máster en …", "Civilingenjör" (a five-year engineering master).
      'M[áa]ster(?= (?:en|universitario|oficial) )|Civilingenj[öo]r|Civilekonom|' +
      'Sc\\.\\s?M\\.|MS(?!\\s+(?:Office|Word|Excel|PowerPoint|Project|Access|Visio|Teams|SQL|Dynamics))|MA|PGCE',
    'master',
  ],
  ['BBA|B\\.B\\.A\\.', 'bachelor', 'Business Administration'],
  ['B\\.?\\s?Com\\.?', 'bachelor', 'Commerce'],
  ['LL\\.?\\s?B\\.?', 'bachelor', 'Law'],
  ['MBBS|M\\.B\\.B\\.S\\.|MBChB', 'bachelor', 'Medicine'],
  ['BDS', 'bachelor', 'Dental Surgery'],
  ['B\\.?\\s?Pharm(?:acy)?\\.?', 'bachelor', 'Pharmacy'],
  ['BSN', 'bachelor', 'Nursing'],
  ['B\\.?\\s?[SA]\\.?\\s?Ed\\.?', 'bachelor'],
  ['B\\.?\\s?E\\.?\\s?Ed\\.?', 'bachelor', 'Elementary Education'],
  ['B\\.\\s?Ed\\.?|BEd', 'bachelor', 'Education'],
  ['B\\.\\s?Arch\\.?|BArch', 'bachelor', 'Architecture'],
  ['B\\.?\\s?Mus\\.?', 'bachelor', 'Music'],
  ['BSW', 'bachelor', 'Social Work'],
  [
    'B\\.\\s?S\\.?c?\\.?(?:E\\.|\\s?Eng\\.)?|BSc(?:\\s?Eng\\.?)?|BSE|B\\.\\s?A\\.?\\s?Sc\\.?|BASc|B\\.\\s?A\\.|' +
      'B\\.?\\s?Eng\\.?|B\\.\\s?E\\.|BE|' +
      'B\\.?\\s?Tech\\.?|BFA|B\\.F\\.A\\.|BDes|BS|BA|Licenciatura|Licenciado|Laurea(?: Triennale)?|' +
      // The French licence, not a driving or practising licence.
      "(?<!(?:Driving|Driver['’]s|Practising|Teaching|Nursing) )Licence(?= (?:in|en|de|of|\\(|\\p{Lu}))|" +
      // The Peruvian bachiller and the Czech and Slovak bachelor's title ("Bachelor (Bachiller)", "Bachelor (Bc.)").
      'Bacharelado|Bachillerato|Bachiller|Bc\\.|Bsc|B\\.sc\\.?|Btech|B\\.tech\\.?|Bcom|' +
      'Grado(?= en )|Graduado(?= en )|' +
      // The Latin-order bachelor of arts (Harvard, Bryn Mawr), not a company's "AB InBev".
      'Högskoleingenjör|A\\.B\\.|AB(?=,\\s|\\s+in\\s|\\s*$)|' +
      // Brown's Sc.B., the Greek πτυχίο.
      'Sc\\.\\s?B\\.|Ptychio|Πτυχίο|' +
      // A Latin American professional title, awarded with the first degree: "Título profesional de Ingeniero …".
      'T[íi]tulo (?:[Pp]rofesional|de [Gg]rado)|' +
      // Its English gloss, opening a line or a label: "Professional degree: Food Engineering" (elempleo.com).
      '(?<=^\\s*|[(|:]\\s*)Professional [Dd]egree(?=\\s*[:(—–-]|\\s+(?:in|of)\\s)',
    'bachelor',
  ],
  ['A\\.A\\.S\\.|AAS|A\\.A\\.|A\\.S\\.|A\\.O\\.S\\.|AOS', 'associate'],
];
const GENERIC_FIELD = '(?:\\s+(?:of|in)\\s+(?:Science|Arts|Applied Science|Philosophy))?';
const EN_WORDS: readonly (readonly [string, Degree])[] = [
  // In lower case only where it cannot be the verb ("master customs procedures"): "a master's degree in …".
  [`(?:Master|master(?=['’]s|\\s+degree))(?:['’]s)?(?:\\s+[Dd]egree)?${GENERIC_FIELD}`, 'master'],
  // "Professional bachelor, Human Resource Management" (a Baltic or Dutch professional degree), "bachelor's degree".
  [`[Bb]achelor(?:['’]s)?(?:\\s+[Dd]egree)?${GENERIC_FIELD}`, 'bachelor'],
  [
    "Associate(?:['’]s)?\\s+(?:Degree|(?:of|in)\\s+(?:Arts|Science|Applied Science|Occupational Studies|" +
      // Hong Kong's and Canada's too: "Associate in Engineering", "Associate of Business Administration".
      'General Studies|Applied Arts and Sciences|Engineering|Business(?: Administration)?))|' +
      'Higher National Diploma|HND|' +
      // Nigeria's Ordinary National Diploma, the two polytechnic years before an HND.
      'Ordinary National Diploma|OND(?= [A-Z(])|' +
      // An Ontario college's credential: "Early Childhood Education, Ontario College Diploma".
      '(?:Ontario |Advanced )?College Diploma|Advanced Diploma|' +
      // Not a year before the degree: an IB Diploma, a UK art Foundation Diploma.
      '(?<!(?:Post)?[Gg]raduate |IB |Foundation )Diploma|Foundation Degree',
    'associate',
  ],
  ['Doctor(?= of )', 'doctorate'],
  // "Degree in Business Administration" (a Spanish grado, an Italian laurea written in English): a first degree,
  // unless a word before it names another ("Postgraduate Degree in …", "Master's Degree in …" match first).
  [
    "(?<!(?:[Gg]raduate|[Dd]octoral|[Rr]esearch|[Dd]ual|[Jj]oint|[Dd]ouble|['’]s|[Aa]ssociate) )" +
      'Degree(?= (?:in|of) [A-Z])',
    'bachelor',
  ],
];
const EN: readonly { re: RegExp; degree: Degree; field?: string }[] = [...EN_NAMED, ...EN_WORDS].map(
  ([src, degree, field]) => ({
    // Not a degree's thesis, capstone or show, an aside under the entry: "MFA Thesis Show, SAIC Galleries", "Doctoral
    // Capstone: …".
    re: new RegExp(
      `(?<![A-Za-z])(?:${src})(?![A-Za-z])(?!\\s+(?:Thesis|Capstone|Dissertation|Exhibition|Show)\\b)`,
      'u',
    ),
    degree,
    ...(field === undefined ? {} : { field }),
  }),
);

// "Boston, MA", "College Park, MD": a state after a town is a place, not a degree. Blanked to keep offsets.
// A wide gap after it is where a dash was cut with the dates: "Wellesley, MA — B.A. in …, May 2025".
const STATE = /(?<=[A-Z][a-z]+,\s?)(?:MA|MS|MD|PA|ME|DE|AB)(?=\s*(?:[,;|)(–—-]|\d|$)|\s{2,})/gu;
const blankStates = (line: string): string => line.replace(STATE, (s) => ' '.repeat(s.length));

/** The first degree a line names: Chinese words first, then English names and abbreviations. */
export function degreeIn(line: string): DegreeHit | undefined {
  for (const [re, degree] of ZH_DEGREES) {
    const m = re.exec(line);
    if (m === null) continue;
    // "MPAcc, University of Washington": an abbreviation the English names know, with the field it gives.
    const en = /^[A-Z]/u.test(m[0]) ? enDegreeIn(line) : undefined;
    return en?.start === m.index ? en : { degree, start: m.index, end: m.index + m[0].length };
  }
  return enDegreeIn(line);
}

function enDegreeIn(line: string): DegreeHit | undefined {
  const text = blankStates(line);
  let best: DegreeHit | undefined;
  for (const { re, degree, field } of EN) {
    const m = re.exec(text);
    if (m === null || (best !== undefined && m.index >= best.start)) continue;
    best = { degree, start: m.index, end: m.index + m[0].length, ...(field === undefined ? {} : { field }) };
  }
  return best;
}

/**
 * A Chinese professional master's named by its field: 金融硕士 → 金融, 会计硕士（MPAcc） → 会计, 法律硕士 → 法律,
 * and a doctorate's or bachelor's field (攻读预防兽医学博士学位). Not a category of degrees (工学硕士, 农学学士).
 */
export function zhDegreeField(line: string): string | undefined {
  const m = /([\u4e00-\u9fff]{2,6}?)[硕碩]士/u.exec(line.replace(/\s+/gu, ' '));
  const field = m?.[1];
  // 金融学硕士 names its field; 经济学硕士 only its category, 华东师范大学硕士 its school.
  const bare = field !== undefined && !/研究生|专业|学术|學術|全日制|攻读|获得|本硕|硕博/u.test(field);
  const whole = m !== null && !/[\u4e00-\u9fff]/u.test(line.replace(/\s+/gu, ' ').charAt(m.index - 1));
  if (bare && (!/[学學]$/u.test(field) || (whole && !CATEGORY.test(field) && !/大[学學]$|[学學]院$/u.test(field)))) {
    return field;
  }
  // "國際航運及物流管理理學碩士", "计算机技术工学硕士": the field before the category a master's is awarded in.
  const long = new RegExp(`([\\u4e00-\\u9fff]{2,16})${CATEGORY.source.slice(1, -1)}[硕碩]士`, 'u')
    .exec(line)?.[1]
    ?.replace(/^.*(?:攻读|就读|获得|获|授予|读|[学學]院|系|大[学學])/u, '');
  if (long !== undefined && long.length >= 2 && long.length <= 12 && !/专业|学术|研究生|全日制/u.test(long))
    return long;
  // "攻读预防兽医学博士学位", "社會工作學士（BSW）": a field before 博士 or 学士, not a category of degrees (农学学士).
  const before = /([\u4e00-\u9fff]{2,24})(?:博士|[学學]士)/u.exec(line)?.[1];
  const named = before?.replace(/^.*(?:攻读|就读|获得|获|授予|读|[学學]院|系|大[学學]|[，、])/u, '');
  if (named === undefined || named.length < 2 || named.length > 10 || CATEGORY.test(named)) return undefined;
  return /专业|学术|全日制|研究生|硕|本科|学位|期间/u.test(named) ? undefined : named;
}

// The categories degrees are awarded in (学科门类): 工学学士 names no field.
const CATEGORY = /^(?:哲|经济|法|教育|文|历史|歷史|理|工|农|農|医|醫|军事|管理|艺术|藝術|交叉)[学學]$/u;

/** High-school and pre-university qualifications, never an education entry. */
export const SCHOOL_LEAVING =
  /^(?:HSC|SSC|GCSE|A[- ]Levels?|IB Diploma|High School(?: Diploma)?|Secondary|高中|中学)(?![A-Za-z])/iu;
