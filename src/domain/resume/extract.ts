import { getTaxonomy, type Taxonomy } from '../skills/taxonomy.ts';
import type { Lang } from '../model/common.ts';
import { extractContact } from './contact.ts';
import { educationInProse, extractEducation, withHeadline, wrappedMajor, type EducationDraft } from './education.ts';
import { extractExperiences, type ExperienceDraft } from './experience.ts';
import { splitSections, type Line } from './sections.ts';
import type { SkillCue } from './skill-cues.ts';
import {
  extractLanguagesAndCertificates,
  extractResumeSkills,
  type CertificateDraft,
  type LanguageDraft,
  type SkillDraft,
} from './skills.ts';

export interface MissingField {
  /** Path in the draft, e.g. `education.0.major`. */
  path: string;
  message: string;
}

/** What Bole proposes from a résumé; nothing of it reaches the profile until the graduate confirms. */
export interface ResumeDraftContent {
  lang: Lang;
  name: string | null;
  email: string | null;
  phone: string | null;
  education: EducationDraft[];
  experiences: ExperienceDraft[];
  skills: SkillDraft[];
  /** Skills found but not proposed because the graduate deleted them as tags. */
  suppressedSkills: string[];
  languages: LanguageDraft[];
  certificates: CertificateDraft[];
  summary: string;
  /** Fields the profile needs that the résumé did not give: the graduate fills them in when confirming. */
  missing: MissingField[];
}

// A Chinese label's value may follow a bar or a space instead of a colon ("学校｜湖南大众传媒职业技术学院", "专业　文秘"),
// but not in a table's row ("| 毕业学校 | … | 专业 | … |"), which the table reads.
// …or a tab, a Word table's cells flattened ("毕业院校<TAB>兰州理工大学<TAB>专业<TAB>土木工程").
const LABEL_END =
  '\\s*(?:[:：]|(?<=[\\u4e00-\\u9fff])(?:\\s*[|｜](?!.*[|｜]\\s*$)| (?=[\\u4e00-\\u9fff\\d][^\\s|｜]*$)|\\t))';
const EDUCATION_LABEL = new RegExp(
  '^(?:毕业院校|毕业学校|就读学校|院校|学校|学校名称|本科院校|硕士院校|专业|所学专业|专业名称|学历|最高学历|第一学历|学位|' +
    `毕业时间|school|university|major|degree)${LABEL_END}`,
  'iu',
);
// Dates labelled right after a labelled education field ("学校：…" then "时间：…", "Degree: …" then "Dates: …").
const EDUCATION_DATES = new RegExp(
  `^(?:时间|起止时间|就读时间|在校时间|入学及毕业时间|毕业|dates?|graduation(?: date)?|expected graduation)${LABEL_END}`,
  'iu',
);
// A bullet, star or icon before a label: "☆ 学校：湖南幼儿师范高等专科学校", "• Major: Nursing".
const MARKED = /^[^\p{L}\p{N}]+/u;

const PARAGRAPH = 80;
const han = (s: string): number => (s.match(/[\u4e00-\u9fff]/gu) ?? []).length;
const latin = (s: string): number => (s.match(/[A-Za-z]/g) ?? []).length;

/** Chinese when Chinese characters are a fair share of the letters (two Latin letters weigh as one character). */
export const resumeLang = (text: string): Lang => (han(text) * 2 >= latin(text) * 0.5 ? 'zh' : 'en');

/** A résumé's lines, each in its part; labelled education fields and a paragraph before any heading moved to theirs. */
export function resumeLines(text: string): Line[] {
  // Labelled education fields among the contact details (学校：…, 专业：…) belong to education.
  const sections = splitSections(text);
  const labelled = (l: (typeof sections)[number] | undefined, i: number): boolean =>
    l !== undefined &&
    (l.section === 'header' || l.section === 'contact') &&
    (EDUCATION_LABEL.test(l.text.trim().replace(MARKED, '')) ||
      (EDUCATION_DATES.test(l.text.trim().replace(MARKED, '')) && labelled(sections[i - 1], i - 1)) ||
      // …and the rest of its major that a PDF's page wrapped onto the next line ("Education: … in Logistics and
      // Supply Chain" / "Management (2023)").
      (labelled(sections[i - 1], i - 1) && wrappedMajor(sections[i - 1]?.text ?? '', l.text)));
  return sections.map((l, i) =>
    labelled(l, i)
      ? { ...l, section: 'education' as const }
      : // A paragraph before any heading is the résumé written as prose, not contact details: read it as a summary.
        l.section === 'header' && l.text.trim().length >= PARAGRAPH && !/@/u.test(l.text)
        ? { ...l, section: 'summary' as const }
        : l,
  );
}

/**
 * Reads a résumé's plain text into a profile draft: contact details, education, experience, skills (each
 * with its sentence; declared where listed, inferred from what was done), languages, certificates and the
 * summary. Pure: the same text, taxonomy and deleted tags give the same draft. `cues` are the mined skill cues
 * applied after the rules (data/skill-cues.ts unless given; none for the rules alone).
 */
export function extractResumeDraft(
  text: string,
  options: { taxonomy?: Taxonomy; suppressed?: ReadonlySet<string>; cues?: readonly SkillCue[] } = {},
): ResumeDraftContent {
  const taxonomy = options.taxonomy ?? getTaxonomy();
  const lines = resumeLines(text);
  const contact = extractContact(lines);
  const inSection = extractEducation(lines.filter((l) => l.section === 'education'));
  // No education section read: the degrees a paragraph résumé or a summary states (never an experience's lines).
  const education = withHeadline(
    inSection.length > 0
      ? inSection
      : educationInProse(
          // …or the contact part, when a "联系方式：" line opened it above the school's line.
          lines.filter((l) => ['header', 'contact', 'summary', 'objective'].includes(l.section)),
        ),
    lines.filter((l) => l.section === 'header'),
  );
  const experiences = extractExperiences(lines.filter((l) => l.section === 'experience'));
  const { skills, suppressed } = extractResumeSkills(lines, taxonomy, options.suppressed ?? new Set(), options.cues);
  const { languages, certificates } = extractLanguagesAndCertificates(lines, taxonomy);
  const summary = lines
    .filter((l) => l.section === 'summary')
    .map((l) => l.text.trim())
    .join('\n')
    .slice(0, 10_000);
  const missing: MissingField[] = [];
  education.forEach((e, i) => {
    for (const field of ['school', 'degree', 'major', 'graduationDate'] as const) {
      if (e[field] === null) missing.push({ path: `education.${i}.${field}`, message: 'not found in the résumé' });
    }
  });
  experiences.forEach((e, i) => {
    for (const field of ['title', 'organization'] as const) {
      if (e[field] === null) missing.push({ path: `experiences.${i}.${field}`, message: 'not found in the résumé' });
    }
  });
  if (contact.name === null) missing.push({ path: 'name', message: 'not found in the résumé' });
  return {
    lang: resumeLang(text),
    name: contact.name,
    email: contact.email,
    phone: contact.phone,
    education,
    experiences,
    skills,
    suppressedSkills: suppressed,
    languages,
    certificates,
    summary,
    missing,
  };
}
