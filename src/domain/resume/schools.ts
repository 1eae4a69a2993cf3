import { withoutDates } from './dates.ts';
import { knownInstitution, knownLead } from './institutions.ts';
import { withoutTown } from './school-towns.ts';

/** School names in résumé lines, Chinese and English, without the faculty unless the faculty is the institution. */

// Simplified and traditional (香港大學, 國立臺灣大學); a campus in brackets is part of the name (华北电力大学（保定）), a
// faculty in brackets is not (中南大学（湘雅护理学院）), nor the degree or the mode of study (浙江大学（本科）, 三峡大学
// （硕士研究生）, 江苏经贸职业技术学院（专科）).
const ZH_SCHOOL = new RegExp(
  // 大学生 is a student, but 大学生命科学学院 / 大学生物… / 大学生态… is a university's faculty.
  '[\\u4e00-\\u9fffA-Za-z]{2,18}?(?:大[学學](?!生(?![命物态]))|[学學]院|[学學]校)' +
    // Not the country of a school abroad: 利兹大学（英国）.
    '(?:[（(](?!(?:英国|美国|澳大利亚|澳洲|加拿大|日本|韩国|新加坡|德国|法国|荷兰|意大利|新西兰|爱尔兰|马来西亚)[)）])' +
    '(?![^)）]*(?:本科|专科|專科|大专|大專|硕士|碩士|博士|研究生|学士|學士|在读|在讀|全日制|统招|統招|自考|' +
    '函授|成人|双学位|雙學位|辅修|輔修|交换|交換|访学|訪學))[\\u4e00-\\u9fff]{2,6}(?<!学院|學院|学部|系)[)）])?',
  'u',
);
// Parts of a university a graduate names as the institution: 北京大学医学部, 华中科技大学同济医学院, 北京大学国家发展研究院,
// an independent college (南京医科大学康达学院), an institute of the Chinese Academy of Sciences.
const ZH_INSTITUTION_PART = new RegExp(
  '^(?:医学部|(?:同济|湘雅|华西|上海|中山|协和|齐鲁|白求恩|仁济|瑞金)(?:口腔|临床)?医学院|' +
    '[\\u4e00-\\u9fff]{2,8}研究院|[\\u4e00-\\u9fff]{2,12}研究所|(?<college>[\\u4e00-\\u9fff]{2,4})学院)',
  'u',
);
// A faculty (经济学院, 信息科学与技术学院, 光华管理学院) names a discipline; an independent college does not.
const DISCIPLINE = new RegExp(
  '经济|管理|法|医|理|工|文|商|信息|计算机|外国语|外语|艺术|设计|教育|体育|音乐|美术|新闻|传播|化|物理|数学|生命|' +
    '环境|材料|机械|电|建筑|土木|交通|能源|农|林|药|护理|马克思|社会|政治|公共|国际|历史|哲学|金融|会计|统计|软件|' +
    '网络|航|海洋|地|食品|生物|口腔|人文|研究生|继续|成人|国学|中文|数字|智能|未来|科学|技术|书院|学部|旅游|心理|水利',
  'u',
);
/** A faculty's name alone, opening with its discipline: 会计学院, 信息科学与技术学院 (not 上海商学院, 中央音乐学院). */
export const zhFaculty = (name: string): boolean =>
  /^[\u4e00-\u9fff]{2,14}(?:学院|學院)$/u.test(name) && DISCIPLINE.exec(name)?.index === 0;
const ZH_FACULTY_ALONE = /^(?:商|法|医|文|理|工|信息|计算机|外国语|经济|管理|研究生)学院$/u;
// Words of a sentence, not of a school's name: "本科期间担任农学院…", "随后在南京农业大学".
const ZH_NOT_A_NAME = /担任|期间|参加|获得|通过|的|曾|并|在|于|和|与|及/u;

function zhSchoolIn(seg: string): string | undefined {
  const m = ZH_SCHOOL.exec(seg);
  if (m === null) return undefined;
  // 中国科学院大学, 中国社会科学院大学: a university whose name holds 学院 before its 大学.
  // Not 東京大学大学院, a Japanese university's graduate school.
  const name = /^大[学學](?!院)/u.test(seg.slice(m.index + m[0].length)) ? `${m[0]}大学` : m[0];
  if (ZH_FACULTY_ALONE.test(name) || ZH_NOT_A_NAME.test(name)) return undefined;
  if (/(?:中学|附中|高中)$/u.test(name)) return undefined;
  const after = seg.slice(m.index + name.length);
  // A university's hospital or company is an employer: 北京大学第三医院, 北京中医药大学东直门医院.
  if (/^[\u4e00-\u9fff]{0,6}(?:医院|附属|公司|集团)/u.test(after)) return undefined;
  const part = ZH_INSTITUTION_PART.exec(after);
  const college = part?.groups?.college;
  const research = part !== null && /研究[院所]$/u.test(part[0]) && !/中国科学院|大学$/u.test(name);
  if (part === null || research || (college !== undefined && DISCIPLINE.test(college))) return name;
  return name + part[0];
}

/** The Chinese school a line's segments name, after dates and a verb before the name ("2020年9月就读于…"). */
export function zhSchool(segments: readonly string[]): string | undefined {
  for (const seg of segments) {
    const bare = seg.replace(/^\d[\d.\-/年月\s~至]*/u, '');
    const found =
      zhSchoolIn(bare.replace(/^.*?(?:就读于|毕业于|求学于|考入|升入|进入|随后在|在|于|是)/u, '')) ?? zhSchoolIn(bare);
    if (found !== undefined) return found;
  }
  return undefined;
}

export const EN_SCHOOL_WORD = new RegExp(
  '(?<![A-Za-z-])(Universit(?:y|é|e|à|ät|at|as|eit|ade|ad|i|et|etet|eti)|Universidade?|Politecnico|Polytechnique|' +
    // Polish, Czech, Turkish, Scandinavian and Dutch names, written first as the label (Politechnika Warszawska).
    // …and Malay and Indonesian ones: Politeknik Ungku Omar, Institut Teknologi Bandung.
    'Polit[eé]cnica|Politechnika|Politeknik|Uniwersytet|Univerzita|Üniversitesi|Högskola|Høgskole|Hogeschool|' +
    'Akademia|' +
    'Hochschule|[ÉE]cole|Escola|Escuela|Conservatory|Conservatoire|Polytechnic|Institute|Instituto|Institut|' +
    'College|Academy|School)(?![A-Za-z])',
  'u',
);
// Spanish, Dutch, German and Scandinavian ones too: Universidad de los Andes, Hogeschool van Amsterdam.
const EN_CONNECTOR = new RegExp(
  '^(?:of|and|the|for|at|in|on|&|-|–|de|di|del|della|degli|dei|da|do|dos|das|der|des|du|la|le|für|y|e|et|zu|am|' +
    'los|las|el|al|van|von|voor|den|het|aan|och|og|i)$',
  'iu',
);
// Campuses that are part of the name: "University of California, Berkeley", "University of Nevada, Las Vegas".
const SYSTEM =
  "(?:University of (?:California|Maryland|Colorado|Hawai[ʻ']?i|Wisconsin|Minnesota|Massachusetts|Illinois|" +
  'Nebraska|Missouri|Nevada|North Carolina|Alabama|Arkansas|Texas|Tennessee|Puerto Rico)|' +
  '(?:The )?Pennsylvania State University|California State University|' +
  'State University of New York|City University of New York|Indian Institute of (?:Technology|Management|Science)|' +
  // Cal Poly's two universities: "California Polytechnic State University, San Luis Obispo" (or Pomona).
  'National Institute of Technology|California Polytechnic State University)';
// A name written with a comma of its own: "Rutgers, The State University of New Jersey".
// A university named with its main campus, not a town: "University of Nigeria, Nsukka", "University of Ghana, Legon".
const COMMA_NAME =
  /\b(Rutgers|University of Nigeria|University of Ghana),\s*(The State University of New Jersey|Nsukka|Legon)\b/gu;
// An Indian university's status in brackets is part of its name: "CHRIST (Deemed to be University)".
const DEEMED = /\s*\((Deemed(?: to be)? University)\)/gu;
const CAMPUS_COMMA = new RegExp(
  // Río Piedras, Mayagüez: a campus's letters may carry accents.
  `(${SYSTEM}),\\s*(?![A-Z]{2}\\b)([A-Z][\\p{L}.'-]*(?:[ -][A-Z][\\p{L}.'-]*){0,2})` +
    '(?=\\s*$|\\s*[,;|()—–]|\\t|\\s-\\s|\\s{2,})',
  'gu',
);
// "University of Texas at Austin", "Middlebury Institute of International Studies at Monterey": a campus named
// after "at" and before the end of the name's segment.
// Letters beyond ASCII: "University of Hawaiʻi at Mānoa".
const CAMPUS_AT = new RegExp(
  "\\b((?:University|Institute|College)(?: (?:of|for|and|&|[A-Z][\\p{L}.'’-]*)){0,6}) at " +
    // In a sentence the campus ends where the lower-case words go on: "… at Austin in May 2023".
    "(?=[A-Z][\\p{L}.'’-]*(?: [A-Z][\\p{L}.'’-]*){0,2}" +
    '(?:\\s*[,;|()—–]|\\s*$|\\t|\\s{2,}|\\s-\\s|\\s(?:in|on|with|and|where)\\s|' +
    // …or where its faculty's name starts: "University at Buffalo School of Pharmacy".
    "\\s(?:[A-Z][\\p{L}.'’-]*\\s+){0,3}(?:School|College|Faculty) of\\b))",
  'gu',
);
// Organisations named with a school's word that are not schools: "Institute of Chartered Accountants of Nigeria",
// "Northwestern University Law Review", "Harvard University Press", "Stanford University Hospital".
const NOT_A_SCHOOL = new RegExp(
  '\\b(?:Chartered|Certified|Association|Society|Council|Board|Federation|Review|Journal|Club|Committee|' +
    'Hospital|Museum|Library|Foundation|Press|Bank|Laborator(?:y|ies)|Clinic|Alumni|Orchestra|Choir|Team|' +
    // Where clinical hours were done: "University Medical Center of El Paso".
    'Medical Cent(?:er|re)|' +
    // A credential named with a school's word: "Ontario College Diploma".
    // "GPA 3.82; University Scholar": an honour.
    'Diploma|Scholarships?|Scholars?|Award|Prize|Medal|Fellowship|Grant)\\b',
  'u',
);
// The kind of a programme written after its degree, named with a school's word: "Master in Management (Grande École)".
const PROGRAMME_TYPE = /^(?:Programme )?Grandes? [ÉE]coles?(?: Programme)?$/u;
// A verb of a rirekisho or a timeline before the name: "Entered Waseda University", "Graduated from …".
const ENTERED = /^(?:Entered|Enrolled(?: at| in)?|Graduated(?: from)?|Attended|Admitted to|Transferred to)\s+/u;
const SMALL = new Set(['Of', 'And', 'The', 'For', 'At', 'In', 'On', 'De', 'Di', 'Del', 'Du', 'Des', 'La', 'Le']);
/** "UNIVERSITY OF NOTRE DAME" → "University of Notre Dame": a name in capitals read as a name. */
const titleCase = (seg: string): string =>
  /[a-z]/u.test(seg) || !/[A-Z]{4}/u.test(seg)
    ? seg
    : seg.replace(/[A-Z][A-Z'’.-]*/gu, (w, at: number) => {
        // "MIT SLOAN SCHOOL OF MANAGEMENT": a known short name stays as it is written.
        if (knownInstitution(w)) return w;
        const t = w.charAt(0) + w.slice(1).toLowerCase();
        return at > 0 && SMALL.has(t) ? t.toLowerCase() : t;
      });
// A faculty written after its university: "Boston University Questrom School of Business" → Boston University.
// "University at Buffalo School of Pharmacy" → University at Buffalo.
const FACULTY_AFTER = new RegExp(
  "^(.*?\\bUniversity(?: (?:of|at)(?: [A-Z][\\w'-]*)+?)?)(?:['’]s)?\\s+(?:[A-Z][\\w'-]*\\s+){0,3}" +
    '(?:School|College|Faculty) of\\b',
  'u',
);
// Schools a graduate names as the institution, above the university written with them (HELD-OUT-4..6): a law,
// medical, dental, music, design or architecture school ("Eastman School of Music, University of Rochester",
// "Indiana University Jacobs School of Music"), a school of economics (Delhi School of Economics), and a college
// with a name of its own ("Hunter College, City University of New York", "Teachers College, Columbia University",
// "Lady Shri Ram College for Women, University of Delhi"). Business, journalism, social-work, pharmacy and other
// faculties give way to their university (Wharton, Medill, Columbia School of Social Work).
const KEPT_FACULTY =
  '(?:School|College) of (?:Music|Law|Medicine|Dentistry|Dental Medicine|Design|Architecture|Economics)|' +
  'Law School|Medical School|Law Center|Conservatory of Music';
const NAMED_SCHOOL = new RegExp(
  "^(?!(?:The )?(?:School|College|Faculty|Institute) of\\b)(?:[A-Z][\\p{L}.'’-]*\\s+){1,4}?(?:" +
    `${KEPT_FACULTY}|` +
    '(?<!\\b(?:Honou?rs|Graduate|Residential|Community|Junior|City|Technical|Form)\\s)College(?: for [A-Z]\\p{L}+)?)$',
  'u',
);
const KEPT = new RegExp(`(?:${KEPT_FACULTY})$`, 'u');
/** Whether a school's name ends as a law, medical, dental, music, design or architecture school's does. */
export const keptFaculty = (name: string): boolean => KEPT.test(name);
// "University of Michigan School of Dentistry": the faculty after the university is kept with it.
const KEPT_AFTER = new RegExp(`^(?:[A-Z][\\p{L}.'’-]*\\s+){0,3}(?:${KEPT_FACULTY})$`, 'u');
// Collegiate universities whose colleges a graduate names after the university (St John's College, University of
// Oxford): the university is the school.
const COLLEGIATE = /\bUniversity of (?:Oxford|Cambridge|Durham|London)\b|\bOxford University|\bCambridge University/u;
const RANK: Readonly<Record<string, number>> = {
  School: 1,
  College: 2,
  Academy: 2,
  Institute: 2,
  Instituto: 2,
  Institut: 2,
};

const escaped = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
// Any capital opens a name's word: Université, Žilina, Łódź, İstanbul.
const nameWord = (w: string): boolean => /^(?:[a-z]['’])?\p{Lu}|^\d{1,2}$/u.test(w) || EN_CONNECTOR.test(w);
const MONTH_WORD = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?$/u;

/** The capitalized words and connectors around a sentence's first school word, without connectors at its ends. */
function nameRun(words: readonly string[]): string[] | undefined {
  const at = words.findIndex((w) => EN_SCHOOL_WORD.test(w));
  if (at < 0) return undefined;
  const inName = (w: string | undefined): boolean =>
    w !== undefined && nameWord(w) && !/^\d/u.test(w) && !MONTH_WORD.test(w) && !/^(?:I|My|We)$/u.test(w);
  let [from, to] = [at, at];
  while (inName(words[from - 1])) from -= 1;
  while (inName(words[to + 1])) to += 1;
  while (from < at && EN_CONNECTOR.test(words[from] ?? '')) from += 1;
  while (to > at && EN_CONNECTOR.test(words[to] ?? '')) to -= 1;
  const run = words.slice(from, to + 1);
  // A campus joined to its name ("University of Texas at Austin") counts its words.
  const size = run.join(' ').split(/[\s\u0001\u0002]+/u).length;
  return size >= 2 && run.length <= 9 ? run : undefined;
}

/** "NYU Stern School of Business" read as FACULTY_AFTER reads "Boston University Questrom School of Business". */
function knownFaculty(text: string): [string, string] | null {
  const lead = knownLead(text);
  return lead === undefined ? null : [text, lead];
}

/** The English school a line names: the best-ranked segment written as a name (capitalized words, connectors). */
export function enSchool(text: string): string | undefined {
  const line = withoutTown(text);
  const joined = line
    .replace(COMMA_NAME, (_, a: string, b: string) => `${a}\u0002${b.replace(/ /gu, '\u0001')}`)
    .replace(DEEMED, (_, d: string) => `\u0001\u0003${d.replace(/ /gu, '\u0001')}\u0004`)
    .replace(CAMPUS_COMMA, (_, sys: string, campus: string) => `${sys}\u0002${campus.replace(/ /gu, '\u0001')}`)
    .replace(CAMPUS_AT, (_, u: string) => `${u.replace(/ /gu, '\u0001')}\u0001at\u0001`);
  let best: { text: string; rank: number } | undefined;
  for (const seg of joined.split(/[|｜\t,;·•()（）]|\s{2,}|\s[-–—]\s|\s(?:at|from)\s|:\s/u)) {
    const written = withoutDates(seg)
      .trim()
      .replace(/^[A-Za-z][A-Za-z ]{1,20}:\s*/u, '')
      // Bullets and icons before the name: "🎓 Carnegie Mellon University".
      .replace(/^[^\p{L}\p{N}]+/u, '');
    // "The London School of Economics and Political Science (LSE)": the short name in brackets after the name.
    const short = best !== undefined && line.includes(`(${written})`);
    if (knownInstitution(written) && !short) {
      // Above a faculty (Sciences Po, not its Paris School of International Affairs), below a university's name.
      if (best === undefined || best.rank < 2.5) best = { text: written, rank: 2.5 };
      continue;
    }
    const named = titleCase(written).replace(ENTERED, '');
    const words = named.split(/\s+/u).filter((w) => w !== '');
    const wordCount = named.split(/[\s\u0001\u0002]+/u).length;
    const kw = EN_SCHOOL_WORD.exec(named);
    if (!kw || wordCount < 2 || NOT_A_SCHOOL.test(named) || PROGRAMME_TYPE.test(named)) continue;
    if (/\b(?:High School|Secondary School|Senior High|Sixth Form|Grammar School)\b/u.test(named)) continue;
    // Capitalized words and connectors only (and a number: Université Paris 1): a school's name; in a sentence, the
    // run of such words around the school's word ("I graduated from Northwestern University's Medill School of
    // Journalism in June 2024 with …").
    const whole = words.length <= 9 && !/\d{3}/u.test(named) && words.every(nameWord);
    const name = whole ? words : nameRun(words);
    if (name === undefined) continue;
    // A named school in brackets after its university is a faculty note: "The University of Melbourne (Melbourne
    // Law School)".
    const bracketed = new RegExp(`[(（]\\s*${escaped(written)}`, 'u').test(line);
    // Written after its university, it is a part of it: "Vanderbilt University, Peabody College".
    const afterUniversity = best !== undefined && best.rank >= 3;
    const ownName = NAMED_SCHOOL.test(name.join(' ')) && !bracketed && !afterUniversity && !COLLEGIATE.test(line);
    const rank = ownName ? 4 : (RANK[kw[1] ?? ''] ?? 3);
    // "I will graduate from Dalhousie University in May 2025": no connector left at either end.
    while (name.length > 2 && EN_CONNECTOR.test(name[name.length - 1] ?? '')) name.pop();
    const text = name
      .join(' ')
      .replace(/^(?:at|from|the)\s+/u, '')
      .replace(/\u0002/gu, ', ')
      .replace(/\u0001/gu, ' ')
      .replace(/\u0003/gu, '(')
      .replace(/\u0004/gu, ')');
    // Two schools joined by "and" ("Dual BA Program between Sciences Po and Columbia University") are no one name.
    const [left, right] = text.split(' and ', 2);
    const two = right !== undefined && left !== undefined && (knownInstitution(left) || EN_SCHOOL_WORD.test(left));
    if (two && EN_SCHOOL_WORD.test(right) && !/^(?:the )?(?:University|College|Institute|School) of\b/iu.test(right)) {
      continue;
    }
    const faculty = FACULTY_AFTER.exec(text) ?? knownFaculty(text);
    const cut =
      faculty === null || KEPT_AFTER.test(text.slice(faculty[1]?.length ?? 0).trim()) ? text : (faculty[1] ?? text);
    if (best === undefined || rank > best.rank) best = { text: cut, rank };
  }
  return best?.text;
}

/** The school a line names, Chinese or English, whichever is written first ("The University of Edinburgh（爱丁堡大学）"). */
export function schoolIn(line: string, segs: readonly string[]): string | undefined {
  const zh = zhSchool(segs);
  const en = enSchool(line);
  if (zh === undefined || en === undefined) return zh ?? en;
  const [zhAt, enAt] = [line.indexOf(zh), line.indexOf(en.split(' ')[0] ?? en)];
  return enAt >= 0 && (zhAt < 0 || enAt < zhAt) ? en : zh;
}
