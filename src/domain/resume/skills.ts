import { extractSkills } from '../skills/extract.ts';
import type { Taxonomy } from '../skills/taxonomy.ts';
import { headerRest, isHeader } from './experience.ts';
import type { Line, SectionKind } from './sections.ts';

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
const APART = new Set(['language', 'certificate']);

// A clause that wishes for or is still learning what it names: "希望从事机器人算法", "currently learning Rust".
const NOT_HELD = new RegExp(
  '希望|期望|渴望|立志|想要|有志于|意向|正在学习|正在自学|自学中|学习中|计划学习|准备学习|' +
    '\\b(?:hope|hoping|aspire|aspiring|eager|keen) to\\b|' +
    '\\b(?:would like to|looking for|seeking|interested in|currently learning|now learning|plan to learn|' +
    'want to learn|learning to)\\b',
  'iu',
);
// What a course is called ("Database Systems course", "数学 20 课时"): a course taken or taught is no skill.
const COURSE_AFTER = new RegExp(
  '^(?:\\s*[A-Za-z\\d&+#-]+){0,3}\\s*' +
    '(?:课程|课时|(?<![A-Za-z])(?:course|courses|class|classes|module|lectures?)(?![A-Za-z]))',
  'iu',
);
// A field's word before the noun it qualifies ("销售数据", "sales reports", "投资银行部") names the data or the
// department, not what the graduate does; tools and languages are kept ("Excel 报表" is Excel used).
const QUALIFIES_AFTER = new RegExp(
  '^\\s*(?:数据|额|量|报表|报告|预测|业绩|指标|部门?|团队|' +
    '\\b(?:data|reports?|figures|forecasts?|numbers|volumes?|department|team|division)\\b)',
  'iu',
);
const FIELD_CATEGORIES: ReadonlySet<string> = new Set([
  'marketing',
  'business',
  'finance-accounting',
  'science',
  'healthcare',
  'education',
  'legal',
]);
// Words that head a list of tools ("数据库：MySQL、Redis", "Databases: …"): the heading is no skill of its own.
const LIST_LABEL =
  /^(?:数据库|前端|后端|测试|办公|设计|云|databases?|front[- ]?end|back[- ]?end|testing|office|design|cloud)$/iu;
const CLAUSE_END = /[，,；;。.!?！？]/u;
// Departments a clinical placement rotates through ("内科、外科、儿科轮转", "rotated through ICU, pediatrics").
const ROTATION = /轮转|\brotat(?:ed|ion|ions|ing)\b/iu;

/** The clause around a mention, where an English comma separates list items, not clauses. */
function listClause(before: string, after: string, mention: string): string {
  const end = /[，；;。!?！？]|\.(?:\s|$)/u;
  let from = before.length;
  while (from > 0 && !end.test(before.charAt(from - 1))) from -= 1;
  const to = after.search(end);
  return before.slice(from) + mention + (to < 0 ? after : after.slice(0, to));
}

/** Whether a mention in `sentence` names a skill the graduate has (see the patterns above for what does not). */
function held(sentence: string, start: number, end: number, category: string): boolean {
  const before = sentence.slice(0, start);
  const after = sentence.slice(end);
  let from = before.length;
  while (from > 0 && !CLAUSE_END.test(before.charAt(from - 1))) from -= 1;
  if (NOT_HELD.test(before.slice(from))) return false;
  if (category === 'healthcare' && ROTATION.test(listClause(before, after, sentence.slice(start, end)))) return false;
  if (COURSE_AFTER.test(after)) return false;
  if (FIELD_CATEGORIES.has(category) && QUALIFIES_AFTER.test(after)) return false;
  if (/^\s*[:：]/u.test(after) && LIST_LABEL.test(sentence.slice(start, end).trim())) return false;
  return true;
}

/** Sentences of a line: split after Chinese and English sentence ends and semicolons. */
export const sentences = (line: string): string[] =>
  line
    .split(/(?<=[。！？；;!?])|(?<=\.)\s+(?=[A-Z])/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/**
 * Skills of the taxonomy, each once, with the sentence it came from. Languages and certificates are read
 * apart. Soft skills count only where the graduate listed them: praising oneself in prose is no evidence.
 * Skills the graduate deleted as tags (`suppressed`) are left out and returned apart, never proposed.
 */
export function extractResumeSkills(
  lines: readonly Line[],
  taxonomy: Taxonomy,
  suppressed: ReadonlySet<string>,
): { skills: SkillDraft[]; suppressed: string[] } {
  const found = new Map<string, SkillDraft>();
  const left = new Set<string>();
  for (const l of lines) {
    if (SKIPPED.has(l.section)) continue;
    const declared = DECLARED.has(l.section);
    // An entry's header names a role and an employer ("数据分析实习生", "NLP Lab"), which are no evidence of
    // a skill; a project's name in it is.
    const text = l.section === 'experience' && isHeader(l.text.trim()) ? headerRest(l.text.trim()) : l.text;
    for (const sentence of sentences(text)) {
      for (const m of extractSkills(sentence, taxonomy)) {
        const skill = taxonomy.get(m.id);
        if (skill === undefined || APART.has(skill.category)) continue;
        if (!declared && skill.category === 'soft-skill') continue;
        if (!held(sentence, m.start, m.end, skill.category)) continue;
        if (suppressed.has(m.id)) {
          left.add(m.id);
          continue;
        }
        const had = found.get(m.id);
        if (had === undefined || (declared && had.source === 'inferred')) {
          found.set(m.id, {
            name: m.text,
            skillId: m.id,
            source: declared ? 'declared' : 'inferred',
            evidence: sentence,
          });
        }
      }
    }
  }
  return { skills: [...found.values()], suppressed: [...left] };
}

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
