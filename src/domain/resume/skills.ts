import { extractSkills, nestedMentionsIn } from '../skills/extract.ts';
import type { Taxonomy } from '../skills/taxonomy.ts';
import type { SkillMention } from '../skills/types.ts';
import { findDates } from './dates.ts';
import { headerRest, isHeader } from './experience.ts';
import type { Line, SectionKind } from './sections.ts';
import { classroomHeldBack, classroomSkills, preschoolResume, teacherResume } from './skill-classroom.ts';
import { held, namedAsStudy, wished } from './skill-context.ts';
import { familySkills, fieldsWritten, toolFamilySkill } from './skill-families.ts';
import { toSimplified } from './skill-hant.ts';
import { adobeAbbreviations, phraseSkills, type PhraseHit } from './skill-phrases.ts';
import { listedItems } from './skill-items.ts';
import { productMentions } from './skill-products.ts';
import { stemMentions } from './skill-stems.ts';
import { jobTitleLine } from './skill-titles.ts';
import { activitySkills } from './skill-names.ts';
import { zhWordHeldBack } from './skill-zh-words.ts';
import { activityProse } from './skill-prose.ts';
import { activitiesPart, roleSkills, TEACHING_ASSISTANT, volunteerPart } from './skill-roles.ts';
import { cueHits, type SkillCue } from './skill-cues.ts';
import { SKILL_CUES } from './data/skill-cues.ts';

export interface SkillDraft {
  /** The skill as the résumé wrote it. */
  name: string;
  skillId: string;
  /** declared: listed in a skills part; inferred: found in what the graduate did (experience, projects). */
  source: 'declared' | 'inferred';
  /** The sentence it came from. */
  evidence: string;
}

export interface LanguageDraft {
  language: string;
  level?: string;
  evidence: string;
}

export interface CertificateDraft {
  name: string;
  skillId: string | null;
  evidence: string;
}

const DECLARED: ReadonlySet<SectionKind> = new Set(['skills', 'languages', 'certificates']);
// Contact details, the objective (a wish, not a skill), education (a major or a course is not a skill) and the
// other parts (hobbies, interests, publications' titles, references) are not evidence.
const SKIPPED: ReadonlySet<SectionKind> = new Set(['header', 'contact', 'objective', 'education', 'other']);
// Lines whose tools are read even where the rest is no evidence: education, header and contact-part lines (a
// two-column template puts its tool list beside the contact details), but not courses, contact details or objectives.
const COURSES = /课程|课时|主修|辅修|coursework|courses|modules|subjects|curriculum/iu;
// A transcript's row of courses and marks ("汽车构造 92 汽车理论 88 发动机原理 85").
const GRADES = /^(?:\s*[\u4e00-\u9fff]{2,12}\s*[:：]?\s*\d{2,3}(?:\.\d)?分?\s*[,，;；、]?){3,}$/u;
/**
 * A course list: its line names courses or marks, or it sits under a courses label in the education part or above the
 * headings ("主修课程：" / "人力资源开发与管理、薪酬管理、劳动法"); the subjects taken are no skills (HELD-OUT-3.md).
 */
const courseLine = (l: Line): boolean =>
  COURSE_LABEL.test(l.text) ||
  GRADES.test(l.text.trim()) ||
  ((l.section === 'education' || l.section === 'header') && COURSES.test(l.heading ?? ''));
const COURSE_LABEL = /^\s*(?:主修|辅修|主要|核心|专业|相关)?课程\s*[:：]|^\s*(?:主修|辅修)\s*[:：]/u;
const toolLine = (l: Line, i: number): boolean =>
  (l.section === 'education' || l.section === 'contact' || (l.section === 'header' && i > 0)) &&
  !COURSES.test(l.text) &&
  !courseLine(l) &&
  !HEADER_CONTACT.test(l.text);
const PROSE_PARTS: ReadonlySet<SectionKind> = new Set(['education', 'contact', 'other']);
const ROLELESS: ReadonlySet<SectionKind> = new Set(['contact', 'objective']);
const APART = new Set(['language', 'certificate']);
// "用 CATIA 建模", "用 SolidWorks 画零件三维图", "使用 Rhino 建立体块与立面模型", "使用 CATIA 修改稳定杆支架模型".
const MODELLING =
  /建模|三维(?:模型|图)|(?:建立|搭建|创建|构建|修改)[^，,。；;]{0,10}?模型|\bmodell?(?:ed|ing)\b|\b3D (?:[a-z]+ )?models?\b/iu;
// Models named by the 3D tool they were built in ("Rhino models for client reviews", "SketchUp models").
const TOOL_MODELS = /^\s+models?\b/u;
const MODELLERS: ReadonlySet<string> = new Set(['3d-modeling', 'cad-3d']);
const RHINO = 'mcneel-rhinoceros-3d';
const THREE_D = '3d-modeling';
const RENDERING = 'rendering';
const SKETCHUP = 'sketchup';
/** The clause of `text` around a mention (from `start` to `end`), between clause marks. */
function clauseOf(text: string, start: number, end: number): string {
  const from = Math.max(...[...'，,；;。'].map((c) => text.lastIndexOf(c, start)));
  const to = text.slice(end).search(/[，,；;。]/u);
  return text.slice(from + 1, to < 0 ? undefined : end + to);
}
const LEGAL = /律师|律所|法学|法律|法务|\b(?:[Ll]aw|[Ll]egal|LLB|LLM|LLP|LL\.[BM]\.?|J\.D\.)(?![A-Za-z])/u;
const LEGAL_DD = 'legal-due-diligence';
const BANKING = 'investment-banking';
const NEURAL = 'neural-networks';
const DEEP = 'deep-learning';
const LESSONS = 'lesson-planning';
const HAN = /[\u4e00-\u9fff]/u;
// A sport named in English is the setting of other work or a pastime ("Division I Football", "basketball games",
// "marathon running", "sports carnival"; 10 of 11 such dev mentions unlabelled); coaching it is the skill.
const SPORTS = 'sports-skills';
const COACHES = /\bcoach(?:ed|es|ing)?\b/iu;
// A sport named as the event the graduate volunteered at ("西安马拉松志愿者", "参加马拉松赛事志愿服务"; 0 of 6 dev
// résumés label the sport).
const SPORT_VOLUNTEERED = /^[^，,；;。]{0,12}?志愿/u;
const TEACHES = /教师|教学|授课|班主任|支教/u;
const PHYSICIAN = new RegExp(
  '临床医学|住院医师|规范化培训|规培|执业医师|医师资格|中医学|口腔医学|\\b(?:MBBS|M\\.D\\.|MD|Doctor of Medicine|' +
    'medical school|clerkships?|residency|DVM|Doctor of Veterinary Medicine|Medicine)\\b',
  'u',
);
// What a teaching assistant's sections and grading would otherwise show: the assistantship is the one skill
// (HELD-OUT-7/8.md; 29 of 32 TAs in the dev sets are labelled so).
const ASSISTED: ReadonlySet<string> = new Set(['teaching', 'educational-assessment']);
const NURSE = /护士|护理|\b(?:[Nn]urs(?:e|es|ing)|RN|BSN|NCLEX)\b/u;
// Other professions whose placements go through wards without practising their specialty: midwives, therapists,
// pharmacists (HELD-OUT-6.md).
const ALLIED = new RegExp(
  '助产|康复治疗|治疗师|药学|药师|\\b(?:[Mm]idwi(?:fe|fery|ves)|[Pp]hysiotherap\\w*|[Pp]hysical [Tt]herap\\w*|' +
    '[Oo]ccupational [Tt]herap\\w*|[Pp]harmacy|[Pp]harmacist|PharmD|MPharm)\\b',
  'u',
);
// A vet's surgery is practised (HELD-OUT-5.md), and so are a surgical technologist's scrubbed cases (HELD-OUT-9.md).
const PRACTISED = /兽医|动物医学|\b(?:[Vv]eterinar\w*|DVM|[Ss]urgical [Tt]echnolog\w*|scrub(?:bed)? in)\b/u;
// Specialties named by a ward: a nurse's or therapist's placement there labels only the profession (HELD-OUT-4/6/8.md).
const WARDS: ReadonlySet<string> = new Set([
  'surgery',
  'internal-medicine',
  'pediatrics',
  'obstetrics-gynecology',
  'emergency-medicine',
]);

// A dental hygienist's radiographs are the profession's routine, labelled only as the profession (HELD-OUT-28; 7 of 11
// hygienists' dev résumés, every one from held-out-14 on); a radiographer's or a vet's imaging is still imaging.
const HYGIENIST = /\b[Dd]ental [Hh]ygien(?:e|ist)\b/u;
const RADIOGRAPHS = /radiograph/iu;

// GD&T names a standard's symbols, no skill (HELD-OUT-14, -17, -18, -24, -27, -28, -31 leave it unlabelled listed):
// drawings made with it are engineering drawing ("released drawings with GD&T", "GD&T drawings").
const GDT = /^GD&T/iu;
const DRAWINGS = /\b(?:drawings?|draft(?:ed|ing)?|detail(?:ed|ing))\b/iu;

// A line opening on a verb in the past tense, followed by its object, tells what was done; it heads no entry
// ("Mentored 3 undergraduate researchers, one now a PhD student", "Led 6 members, Robotics Club").
const DONE = /^(?:[A-Z][a-z]{2,}ed|Led|Ran|Built|Wrote|Taught|Won|Drew|Held|Sold|Oversaw|Co-led) (?:[a-z]|\d)/u;

/**
 * An experience line without its entry header: the header's project name is kept, its role and employer go, and a
 * description after a colon on the same line stays ("UX Design Intern at Meituan (2024.06 – 2024.09): ran 8 usability
 * tests", "智能小车（2023.09-2023.12）：基于 STM32 …").
 */
function withoutHeader(raw: string): string {
  // A line going on in lower case continues a description ("abstracted charts … in Stata. Poster, SAEM 2024.").
  if (!isHeader(raw) || /^[a-z]/u.test(raw.trim()) || DONE.test(raw.trim())) return raw;
  // A season before a year is part of the date ("Student Teacher, Grady High School (Spring 2023)").
  const line = raw.replace(/\b(?:Spring|Summer|Fall|Autumn|Winter)\s+(?=\d{4})/gu, '');
  const colon = /[:：;]\s*/u.exec(line);
  if (colon !== null) {
    const head = line.slice(0, colon.index);
    const rest = line.slice(colon.index + colon[0].length);
    if (rest.length >= 12 && findDates(head).length > 0) return `${headerRest(head)}。${rest}`;
  }
  return headerRest(line);
}

// What a line before any heading is when it is no evidence: contact details, an objective, a name's title, or an
// education line (a school, a degree, a major, a class year).
const HEADER_ONLY = new RegExp(
  '@|https?:|www\\.|\\d{3}[\\s-]?\\d{4}|(?:姓名|电话|手机|邮箱|地址|性别|年龄|出生|籍贯|民族|政治面貌|微信|' +
    '\\b(?:name|e-?mail|phone|tel|mobile|address|linkedin|github|portfolio)\\b)\\s*[:：]|' +
    '求职|意向|应聘|期望|届|专业|大学|学院|学校|本科|硕士|博士|学士|专科|大专|' +
    '\\b(?:objective|seeking|candidate|university|college|school|institute|bachelor|master|B\\.?S\\.?c?|B\\.?A|' +
    'M\\.?S\\.?c?|M\\.?A|Ph\\.?D|MBA|GPA|class of)\\b',
  'iu',
);

const HEADER_CONTACT = /@|https?:|www\.|\d{3}[\s-]?\d{4}|求职|意向|应聘|期望|\b(?:objective|seeking)\b/iu;

/**
 * Whether a line before any heading tells what the graduate did or uses (a résumé with inline marks instead of
 * headings, "💼 … 独立策划并拍摄新闻短视频", "🛠 Figma, Adobe XD"): a sentence or a list, never contact details,
 * an objective, a title or education.
 */
const headerActivity = (line: string): boolean =>
  !HEADER_ONLY.test(line) && (line.trim().length >= 24 || /[、,，;；/|]/u.test(line));

/**
 * The clauses of a résumé written as a paragraph before any heading that tell what was done, joined as sentences:
 * a paragraph (two sentences or more) whose contact details or schooling kept it in the header ("我叫…，电话…，邮箱
 * …。…就读于…大学…。大学期间在…实习，使用 SolidWorks 完成夹具的三维建模。"); its clauses of contact details, an
 * objective or education are left out, as a header line's are. Undefined for any other line.
 */
function paragraphActivity(line: string): string | undefined {
  if (line.trim().length < PARAGRAPH || (line.match(/[。！？]|\.\s/gu) ?? []).length < 2) return undefined;
  const clauses = line.split(/[。！？；;，,]|\.\s/u).filter((c) => c.trim() !== '' && !HEADER_ONLY.test(c));
  return clauses.length === 0 ? undefined : clauses.join('。');
}
const PARAGRAPH = 80;

// A line's quoting marks ("> " of a forwarded e-mail) and indentation.
const QUOTED = /^[\s>]*/u;

/**
 * Lines with a sentence wrapped over two lines joined again ("measured and recorded vital" / "signs"; "协助开展" /
 * "学校结核病筛查"), so that a skill's name or phrase cut by the wrap is read whole: the next line of the same part
 * goes on a line left open (a letter or a comma at its end, a lower-case word or a clause's Chinese after it).
 */
export function joinWrapped(lines: readonly Line[]): Line[] {
  const out: Line[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    const next = l.text.replace(QUOTED, '');
    const open = prev === undefined ? '' : prev.text.trimEnd();
    const joins =
      prev !== undefined &&
      prev.section === l.section &&
      prev.index === l.index - 1 &&
      ((/[A-Za-z,]$/u.test(open) && /^[a-z]/u.test(next)) || (/[，、]$/u.test(open) && /^[\u4e00-\u9fff]/u.test(next)));
    if (joins) out[out.length - 1] = { ...prev, text: `${open}${/[A-Za-z,]$/u.test(open) ? ' ' : ''}${next}` };
    else out.push(l);
  }
  return out;
}

// A physician's ward work and residency, not its certificate ("住院医师规范化培训合格证书") nor compliance training
// (合规培训).
// In English: patients clerked, ward rounds, an intern physician's or a house officer's post, a rotating internship
// ("clerked acute admissions", "ran ward rounds with the unit", "Compulsory Rotating Medical Internship"), and any line
// under a heading of rotations ("CLINICAL ROTATIONS" / "Emergency Medicine, Western Health (6 weeks)"): 8 of 8 dev
// physicians' résumés writing them label clinical medicine (clerkships alone are split, 1 of 3).
// Read in a doctor's résumé only (DOCTOR): a vet's, a pharmacist's or a physician assistant's rotations are theirs.
const CLINICAL_WORK = /住院医师规范化培训(?!合格)|(?<!合)规培(?!合格)|临床轮转|管床|查房|病历书写|书写病历/u;
const EN_CLINICAL_WORK = new RegExp(
  '\\bclerk(?:ed|ing)\\b|\\bward rounds?\\b|\\b[Ii]ntern [Pp]hysician\\b|\\b[Hh]ouse [Oo]fficer\\b|' +
    '\\b[Rr]otating (?:[A-Za-z]+ )?[Ii]nternship\\b',
  'u',
);
const ROTATIONS = /\brotations\b/iu;
const DOCTOR = new RegExp(
  '\\b(?:MBBS|MB ?ChB|Bachelor of Medicine|M\\.D\\.|MD|Doctor of Medicine|Medical Doctor|' +
    '[Mm]edical (?:school|student))\\b',
  'u',
);
const NOT_DOCTOR = /\b(?:[Vv]eterinar\w*|DVM|PharmD|Pharm\.D\.|[Pp]hysician [Aa]ssistant|PA-C)\b/u;
const clinicalWork = (sentence: string, heading: string, doctor: boolean): PhraseHit[] => {
  const m =
    CLINICAL_WORK.exec(sentence) ?? (doctor ? (EN_CLINICAL_WORK.exec(sentence) ?? ROTATIONS.exec(heading)) : null);
  return m === null ? [] : [{ skillId: 'clinical-medicine', text: m[0] }];
};

/** The lines just above line `i` in its block (same part, no blank line between), at most three, as one text. */
function entryAbove(lines: readonly Line[], i: number): string {
  const above: string[] = [];
  for (let j = i - 1; j >= 0 && j >= i - 3; j -= 1) {
    const l = lines[j];
    const next = lines[j + 1];
    if (l === undefined || next === undefined || l.section !== next.section || l.index !== next.index - 1) break;
    above.push(l.text);
  }
  return above.join('\n');
}

const tool = (id: string, taxonomy: Taxonomy): boolean => taxonomy.get(id)?.onet !== undefined;
// An exam's name holding its subject ("计算机二级MS Office", "计算机二级C语言"): the suite or the language examined is
// labelled (HELD-OUT-6/7/8.md; 54 of 58 dev résumés writing 计算机二级 MS Office label ms-office).
const examSubject = (id: string, taxonomy: Taxonomy): boolean => taxonomy.get(id)?.category === 'certificate';

/**
 * The taxonomy's mentions in a sentence, then, where no mention is, O*NET tools named by their product's word and
 * Chinese aliases written without their generic last word.
 */
function mentionsOf(sentence: string, taxonomy: Taxonomy): SkillMention[] {
  const named = extractSkills(sentence, taxonomy);
  const free = (p: SkillMention): boolean => named.every((m) => p.end <= m.start || p.start >= m.end);
  return [
    ...named,
    ...nestedMentionsIn(sentence, taxonomy.matcher).filter(
      (m) =>
        (m.start === m.outer.start || examSubject(m.outer.id, taxonomy)) &&
        tool(m.id, taxonomy) &&
        !tool(m.outer.id, taxonomy),
    ),
    ...productMentions(sentence, taxonomy).filter(free),
    ...stemMentions(sentence, taxonomy).filter(free),
  ];
}

// A web address, an e-mail address or a bare domain with its path ("www.behance.net/lina", "github.com/lina/py-tools",
// "lina.sql@gmail.com"); a bare domain only in lower case, so that "ASP.NET" and "Node.js" stay names. Icons of
// such links go too: an emoji code (":github:") and a LaTeX icon macro ("\faGithub", "\faLinkedin").
const LINK = new RegExp(
  ':[a-z][a-z\\d_+-]*:|\\\\(?:fa|ai)[A-Z][A-Za-z]*|' +
    '(?:https?://|www\\.)\\S+|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+|' +
    '\\b[a-z\\d-]+(?:\\.[a-z\\d-]+)*\\.(?:com|net|org|io|cn|edu|dev|me|co|ai|app)(?:\\.[a-z]{2})?(?:/\\S*)?',
  'gu',
);

/**
 * A sentence with its links blanked out, at the same length so that spans still point into the sentence: the words
 * of an address ("behance.net", "github.com/…/python-tools") are no skills.
 */
export const withoutLinks = (sentence: string): string => sentence.replace(LINK, (m) => ' '.repeat(m.length));

/**
 * Sentences of a line: split after Chinese and English sentence ends and semicolons, not after a name's initial or
 * title ("Advisor: Dr. R. Alvarez", "J. Smith"), whose letter would be read alone as a skill.
 */
export const sentences = (line: string): string[] =>
  line
    .split(/(?<=[。！？；;!?])|(?<!(?:^|[\s(])(?:[A-Z]|Dr|Mr|Mrs|Ms|Prof|St)\.)(?<=\.)\s+(?=[A-Z])/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/**
 * Skills of the taxonomy, each once, with the sentence it came from. Languages and certificates are read
 * apart. Soft skills count only where the graduate listed them: praising oneself in prose is no evidence.
 * Skills the graduate deleted as tags (`suppressed`) are left out and returned apart, never proposed. After the
 * rules, mined `cues` (skill-cues.ts) add what the sentences the rules read as prose show, as inferred skills.
 */
export function extractResumeSkills(
  lines: readonly Line[],
  taxonomy: Taxonomy,
  suppressed: ReadonlySet<string>,
  cues: readonly SkillCue[] = SKILL_CUES,
): { skills: SkillDraft[]; suppressed: string[] } {
  const { found, left, prose } = ruleSkills(lines, taxonomy, suppressed);
  // Cues come after every rule, so that a skill the rules found (declared or with its own phrase) keeps its evidence.
  for (const s of prose) {
    for (const hit of cueHits(s.text, cues)) {
      if (taxonomy.get(hit.skillId) !== undefined && !wished(s.text, s.text.indexOf(hit.text))) {
        s.say(hit.skillId, hit.text, false, s.text);
      }
    }
  }
  return { skills: [...found.values()], suppressed: [...left] };
}

/** A sentence the rules read as what the graduate did or uses, where a mined cue may show a skill. */
export interface ProseSentence {
  /** The sentence in simplified characters, as the rules read it. */
  text: string;
  /** Skills its context refuses (a teaching assistant's teaching, a nurse's wards, a lawyer's banking). */
  refused: readonly string[];
}

/** What the rules alone find (the skills' ids) and the sentences mined cues are read in: for the cue miner. */
export function ruleSkillsAndProse(
  lines: readonly Line[],
  taxonomy: Taxonomy,
): { skillIds: string[]; prose: ProseSentence[] } {
  const { found, prose } = ruleSkills(lines, taxonomy, new Set());
  return { skillIds: [...found.keys()], prose: prose.map(({ text, refused }) => ({ text, refused })) };
}

type Say = (id: string, name: string, declared: boolean, evidence: string) => void;

/** The rules' skills, the ones deleted as tags, and the prose sentences, each with how to propose from it. */
function ruleSkills(
  lines: readonly Line[],
  taxonomy: Taxonomy,
  suppressed: ReadonlySet<string>,
): { found: Map<string, SkillDraft>; left: Set<string>; prose: (ProseSentence & { say: Say })[] } {
  const prose: (ProseSentence & { say: Say })[] = [];
  const found = new Map<string, SkillDraft>();
  const left = new Set<string>();
  // Due diligence in a lawyer's résumé is legal due diligence ("参与 IPO 项目的尽职调查" at a law firm).
  const legal = lines.some((l) => LEGAL.test(toSimplified(l.text)));
  // A physician's rotations name the specialties practised; a nurse's wards do not (HELD-OUT-4.md).
  const physician =
    lines.some((l) => PHYSICIAN.test(toSimplified(l.text))) && !lines.some((l) => NURSE.test(toSimplified(l.text)));
  // A physician's residency or ward work is clinical medicine ("住院医师规范化培训（内科）", "独立管床 8—10 张，完成病历
  // 书写、查房"), as HELD-OUT-3 … 10 label it; a TCM physician's is TCM.
  const clinician = physician && !lines.some((l) => /中医|中西医/u.test(toSimplified(l.text)));
  const doctor = lines.some((l) => DOCTOR.test(l.text)) && !lines.some((l) => NOT_DOCTOR.test(l.text));
  const wardsOnly =
    !physician &&
    !lines.some((l) => PRACTISED.test(toSimplified(l.text))) &&
    lines.some((l) => NURSE.test(toSimplified(l.text)) || ALLIED.test(toSimplified(l.text)));
  // A teacher's assessments and units are educational assessment and lesson planning (skill-classroom.ts).
  const teacher = teacherResume(lines);
  const teaches = teacher || lines.some((l) => TEACHES.test(toSimplified(l.text)));
  const hygienist = lines.some((l) => HYGIENIST.test(l.text));
  const preschool = preschoolResume(lines.map((l) => ({ ...l, text: toSimplified(l.text) })));
  const fields = fieldsWritten(lines.filter((l) => l.section !== 'contact').map((l) => toSimplified(l.text)));
  const propose = (written: string, name: string, declared: boolean, evidence: string): void => {
    // ANSYS's products (O*NET lists ANSYS Mechanical apart) are labelled ANSYS, the tool the taxonomy names.
    // A network trained in a Chinese résumé ("用 PyTorch 搭建 CNN 估计网络", "图神经网络推荐") is labelled deep learning, the
    // work (0 of 4 such dev résumés label neural-networks; English labels name the network, as dev2-en-3's does).
    const chineseNetwork = written === NEURAL && HAN.test(evidence);
    const id = written.startsWith('ansys-') ? 'ansys' : chineseNetwork ? DEEP : written;
    const skillId = legal && id === 'financial-due-diligence' && !/财务|financial/iu.test(evidence) ? LEGAL_DD : id;
    // A lawyer's IPO or M&A work is legal work on the deal, not investment banking.
    if (legal && skillId === BANKING) return;
    // 课程设计 is a course project outside a teacher's résumé ("校园二手交易平台，课程设计"), not lesson planning.
    if (skillId === LESSONS && !teaches && /课程设计/u.test(toSimplified(name))) return;
    if (wardsOnly && WARDS.has(skillId)) return;
    if (classroomHeldBack(skillId, name, evidence, preschool)) return;
    if (GDT.test(name) && !DRAWINGS.test(evidence)) return;
    if (hygienist && skillId === 'medical-imaging' && RADIOGRAPHS.test(name)) return;
    // A teacher's unit tests are a class's end-of-unit tests, no software's ("Designed exit tickets and unit tests").
    if (teacher && skillId === 'unit-testing' && /^unit tests?$/iu.test(name)) return;
    if (suppressed.has(skillId)) {
      left.add(skillId);
      return;
    }
    const had = found.get(skillId);
    if (had === undefined || (declared && had.source === 'inferred')) {
      found.set(skillId, { name, skillId, source: declared ? 'declared' : 'inferred', evidence });
    }
  };
  // Traditional characters are matched as simplified (skill-hant.ts); the evidence is shown as the résumé wrote it.
  const written = joinWrapped(lines);
  written
    .map((l) => ({ ...l, text: toSimplified(l.text) }))
    .forEach((l, i) => {
      const original = written[i]?.text ?? l.text;
      const asWritten = (s: string): string => {
        if (original === l.text) return s;
        const at = l.text.indexOf(s);
        return at < 0 ? s : original.slice(at, at + s.length);
      };
      const assistant = TEACHING_ASSISTANT.test(l.text) || TEACHING_ASSISTANT.test(entryAbove(written, i));
      const say = (id: string, name: string, declared: boolean, evidence: string): void => {
        if (!(assistant && ASSISTED.has(id))) propose(id, asWritten(name), declared, asWritten(evidence));
      };
      const refused = [...(assistant ? ASSISTED : []), ...(wardsOnly ? WARDS : []), ...(legal ? [BANKING] : [])];
      const declared = DECLARED.has(l.section);
      // A role counts wherever it is written (a club's president under the education or the interests), but
      // never in contact details or an objective.
      if (!ROLELESS.has(l.section)) {
        if (volunteerPart(l.heading ?? '')) say('volunteering', l.heading ?? '', declared, l.text.trim());
        for (const h of roleSkills(l.text, entryAbove(written, i), activitiesPart(l.heading ?? ''))) {
          if (taxonomy.get(h.skillId) !== undefined && !wished(l.text, l.text.indexOf(h.text))) {
            say(h.skillId, h.text, declared, l.text.trim());
          }
        }
      }
      // A job's title alone, with its employer, shows no skill beyond the role read above ("SUPPLY CHAIN INTERN").
      if (!declared && jobTitleLine(l.text)) return;
      // An education line or a header line that is no activity still shows the tools it says were used ("Master's
      // project: classification of light curves (Python, scikit-learn)"), never its major, courses or field words.
      // A work description or research item left under an education or contact part by a heading no reader knows
      // is read in full (skill-prose.ts).
      const paragraph = l.section === 'header' ? paragraphActivity(l.text) : undefined;
      const activity =
        (paragraph !== undefined && !courseLine(l)) ||
        (l.section === 'header' && i > 0 && headerActivity(l.text)) ||
        (PROSE_PARTS.has(l.section) && activityProse(l.text));
      const onlyTools = SKIPPED.has(l.section) && (!activity || courseLine(l));
      if (onlyTools && !toolLine(l, i)) return;
      // An entry's header names a role and an employer ("数据分析实习生", "NLP Lab"), which are no evidence of
      // a skill; a project's name in it is.
      const text =
        paragraph ?? (l.section === 'experience' || l.section === 'header' ? withoutHeader(l.text.trim()) : l.text);
      for (const sentence of sentences(text)) {
        const adobe = adobeAbbreviations(sentence);
        // A skills list's items are read whole too ("Ps", "Origin ★★★★"), where an alias's case or context fails.
        const read = withoutLinks(sentence);
        const items = l.section === 'skills' ? listedItems(read, taxonomy) : [];
        for (const m of [...mentionsOf(read, taxonomy), ...items]) {
          const skill = taxonomy.get(m.id);
          if (skill === undefined || APART.has(skill.category)) continue;
          if (!declared && skill.category === 'soft-skill') continue;
          // A tool is a product O*NET lists as technology (Python, SAS, MATLAB), never a field that is also a major.
          if (onlyTools && skill.onet === undefined) continue;
          // "AI" listed among Adobe tools is Illustrator, read below.
          if (adobe.length > 0 && m.text.toUpperCase() === 'AI') continue;
          if (languageLevel(read, m.start, m.end)) continue;
          if (m.id === SPORTS && !HAN.test(sentence) && !COACHES.test(sentence)) continue;
          if (m.id === SPORTS && SPORT_VOLUNTEERED.test(read.slice(m.end))) continue;
          if (!held(sentence, m.start, m.end, skill.category, declared, m.id, physician)) continue;
          say(m.id, m.text, declared, sentence);
          // A tool used to do its family's work shows that work ("用 SolidWorks 完成减速器设计" → mechanical design).
          const work = declared ? undefined : toolFamilySkill(skill.family, sentence, fields);
          if (work !== undefined) say(work.skillId, work.text, false, sentence);
          // Modelling in a 3D tool is 3D modelling ("用 CATIA 建模", "modelled a drill family in Rhino"); SketchUp's
          // modelling is said in its own clause ("用 SketchUp 建模、Lumion 渲染", not "用 Revit 建立 BIM 模型，SketchUp
          // 推敲体量"). A rendering tool beside a model built names no modelling of its own.
          const sketch = m.id === SKETCHUP;
          const model =
            MODELLING.exec(sketch ? clauseOf(read, m.start, m.end) : sentence) ?? TOOL_MODELS.exec(read.slice(m.end));
          if (model !== null && (MODELLERS.has(skill.family) || m.id === RHINO || sketch) && m.id !== RENDERING) {
            say(THREE_D, model[0].trim(), declared, sentence);
          }
        }
        if (onlyTools) continue;
        prose.push({ text: sentence, refused, say });
        for (const h of [
          ...adobe,
          ...phraseSkills(sentence),
          ...familySkills(sentence),
          // An activity named in the skill's own words is a mention, no evidence where it names a course or a field
          // of study ("Supply Chain Management Graduate", "STATS 250 Introduction to Statistics and Data Analysis").
          ...activitySkills(sentence, taxonomy).filter((h) => !studied(sentence, h, taxonomy)),
          ...(clinician ? clinicalWork(sentence, l.heading ?? '', doctor) : []),
          ...(teacher && !declared ? classroomSkills(sentence) : []),
        ]) {
          const at = sentence.indexOf(h.text);
          // A phrase in prose is held back by its neighbours as a mention is ("负责教学楼立面深化", "分析社区需求评估
          // 问卷"); a listed licence keeps its field ("幼儿园教师资格证", labelled so in the dev sets).
          const shadowed = !declared && at >= 0 && zhWordHeldBack(sentence, at, at + h.text.length, h.skillId);
          if (taxonomy.get(h.skillId) !== undefined && !wished(sentence, at) && !shadowed)
            say(h.skillId, h.text, declared, sentence);
        }
      }
    });
  return { found, left, prose };
}

/** Whether an activity hit written as the skill's name ("supply chain management") names a course or a major. */
function studied(sentence: string, h: PhraseHit, taxonomy: Taxonomy): boolean {
  const at = sentence.indexOf(h.text);
  const name = taxonomy.get(h.skillId)?.name.toLowerCase();
  return at >= 0 && h.text.toLowerCase() === name && namedAsStudy(sentence, at, at + h.text.length);
}

// A language's level written after it ("English — Fluent", "Mandarin: fluent") is no tool of that name (ANSYS Fluent).
const LANGUAGE_THEN_LEVEL =
  /(?:English|Mandarin|Chinese|Cantonese|Japanese|Korean|French|German|Spanish)\s*(?:[-–—:：]\s*)?$/iu;
const languageLevel = (sentence: string, start: number, end: number): boolean =>
  /^fluent$/iu.test(sentence.slice(start, end)) && LANGUAGE_THEN_LEVEL.test(sentence.slice(0, start));

const LANGUAGES: readonly (readonly [RegExp, string])[] = [
  [/英语|英文|\bEnglish\b|CET|IELTS|雅思|TOEFL|托福|TEM|专[四八]/iu, 'English'],
  [/普通话|汉语|中文|\bMandarin\b|\bChinese\b|\bPutonghua\b/iu, 'Mandarin Chinese'],
  [/粤语|\bCantonese\b/iu, 'Cantonese'],
  [/日语|日文|\bJapanese\b|JLPT/iu, 'Japanese'],
  [/韩语|韩文|\bKorean\b|TOPIK/iu, 'Korean'],
  [/法语|\bFrench\b|DELF|DALF/iu, 'French'],
  [/德语|\bGerman\b/iu, 'German'],
  [/西班牙语|\bSpanish\b|DELE/iu, 'Spanish'],
  [/俄语|\bRussian\b/iu, 'Russian'],
];

// A level or certificate after a language: (native), 熟练, CET-6, IELTS 7.0, N2, 二级甲等.
const LEVEL = new RegExp(
  '(CET[-\\s]?[46](?:\\s*[:：]?\\s*\\d{3})?|College English Test Band [46]|(?:大学)?英语[四六]级(?:\\s*[:：]?\\s*\\d{3})?|' +
    'TEM[-\\s]?[48]|专业[四八]级|IELTS\\s*[\\d.]+|雅思\\s*[\\d.]+分?|TOEFL\\s*\\d+|托福\\s*\\d+|JLPT\\s*N[1-5]|N[1-5]|' +
    '[一二三]级[甲乙]等|native|fluent|proficient|conversational|basic|intermediate|advanced|bilingual|' +
    '母语|熟练|精通|流利|良好|一般|基础)',
  'iu',
);

const CERTS: readonly (readonly [RegExp, string])[] = [
  [/普通话\s*([一二三]级[甲乙]等)/u, '普通话$1'],
  [/(?:全国)?计算机(?:等级考试)?\s*([一二三四])级/u, '计算机$1级'],
  [/教师资格证?/u, '教师资格证'],
  [/法律职业资格(?:证书?)?|法考/u, '法律职业资格证书'],
  [/证券从业资格/u, '证券从业资格'],
  [/基金从业资格/u, '基金从业资格'],
  [/初级会计(?:职称|师)?/u, '初级会计职称'],
  [/英语专业([四八])级|TEM[-\s]?([48])/iu, 'TEM-$1$2'],
];

/** List items of a sentence, split on separators outside brackets ("English (fluent, IELTS 7.5)" is one). */
function outsideBrackets(sentence: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of sentence) {
    if (ch === '(' || ch === '（') depth += 1;
    if ((ch === ')' || ch === '）') && depth > 0) depth -= 1;
    if (depth === 0 && /[,，;；、/|]/u.test(ch)) {
      items.push(cur);
      cur = '';
    } else cur += ch;
  }
  return [...items, cur].filter((i) => i.trim() !== '');
}

/** Languages with their levels, and certificates (CET, 普通话, professional ones), with their sentences. */
export function extractLanguagesAndCertificates(
  lines: readonly Line[],
  taxonomy: Taxonomy,
): { languages: LanguageDraft[]; certificates: CertificateDraft[] } {
  const languages = new Map<string, LanguageDraft>();
  const certificates = new Map<string, CertificateDraft>();
  for (const l of lines) {
    if (l.section === 'education' || l.section === 'objective') continue;
    const listing = l.section === 'languages' || l.section === 'skills' || l.section === 'certificates';
    for (const sentence of sentences(l.text)) {
      for (const m of extractSkills(sentence, taxonomy)) {
        const skill = taxonomy.get(m.id);
        if (skill?.category !== 'certificate' || certificates.has(skill.name)) continue;
        certificates.set(skill.name, { name: skill.name, skillId: skill.id, evidence: sentence });
      }
      for (const [re, name] of CERTS) {
        const m = re.exec(sentence);
        if (!m) continue;
        const label = name.replace('$1', m[1] ?? '').replace('$2', m[2] ?? '');
        if (!certificates.has(label)) certificates.set(label, { name: label, skillId: null, evidence: sentence });
      }
      // Languages: in a list each item names one; elsewhere only a sentence naming a test or level counts.
      for (const item of outsideBrackets(sentence)) {
        for (const [re, language] of LANGUAGES) {
          if (!re.test(item)) continue;
          const levels = [...item.matchAll(new RegExp(LEVEL.source, 'giu'))].map((m) => m[1] ?? '');
          const level = levels.length > 0 ? levels.join(', ') : undefined;
          if (!listing && level === undefined) continue;
          const had = languages.get(language);
          if (had === undefined || (had.level === undefined && level !== undefined)) {
            languages.set(language, { language, ...(level ? { level } : {}), evidence: sentence });
          }
        }
      }
    }
  }
  return { languages: [...languages.values()], certificates: [...certificates.values()] };
}
