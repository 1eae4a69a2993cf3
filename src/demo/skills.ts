import { techName } from './data/occupations-zh.ts';
import type { DemoOccupation } from './occupations.ts';

/** A skill as a posting or profile may name it, in both languages. */
export interface SkillRef {
  readonly zh: string;
  readonly en: string;
  readonly kind: 'competency' | 'tech';
}

const MAX_TECH = 8;
/**
 * O*NET's "hot technology" flag is market-wide, not about the occupation, so its lists carry strays
 * (Apache Spark for registered nurses, Epic's health records for accountants). A tool is kept only when
 * its kind (commodity category) makes up at least this share of the occupation's examples.
 */
export const MIN_CATEGORY_SHARE = 0.05;
const MAX_OFFICE = 2;
/** General office tools: O*NET marks them hot for almost every job, so they would crowd out the rest. */
const OFFICE = new Set([
  'Microsoft Excel',
  'Microsoft Office software',
  'Microsoft PowerPoint',
  'Microsoft Word',
  'Microsoft Access',
  'Microsoft Project',
  'Microsoft SharePoint',
  'Microsoft Visio',
  'Microsoft Dynamics',
]);

/**
 * The skills of an occupation, most central first: its hand-written competencies interleaved with its
 * O*NET hot technologies of a kind central to the job (MIN_CATEGORY_SHARE; in-demand first, as
 * build-demo-data ordered them), then at most two general office tools, without duplicates.
 */
export const occupationSkills = (occ: DemoOccupation): SkillRef[] => {
  const tech: SkillRef[] = [];
  const office: SkillRef[] = [];
  const seen = new Set<string>();
  for (const t of occ.onet.techSkills) {
    const list = OFFICE.has(t.name) ? office : tech;
    if (!t.hot || list.length >= (list === office ? MAX_OFFICE : MAX_TECH)) continue;
    if (list === tech && t.categoryShare < MIN_CATEGORY_SHARE) continue;
    const en = techName(t.name, 'en');
    const zh = techName(t.name, 'zh');
    if (en === undefined || zh === undefined || seen.has(en)) continue;
    seen.add(en);
    list.push({ en, zh, kind: 'tech' });
  }
  const comp: SkillRef[] = occ.zh.skills.map(([zh, en]) => ({ zh, en, kind: 'competency' }));
  const out: SkillRef[] = [];
  for (let i = 0; i < Math.max(comp.length, tech.length); i++) {
    const c = comp[i];
    const t = tech[i];
    if (c !== undefined) out.push(c);
    if (t !== undefined) out.push(t);
  }
  // A competency with the same name as an office tool (电子表格 for accountants) keeps its place.
  return [...out, ...office.filter((o) => !out.some((s) => s.zh === o.zh || s.en === o.en))];
};

export const skillName = (s: SkillRef, lang: 'zh' | 'en'): string => (lang === 'zh' ? s.zh : s.en);
