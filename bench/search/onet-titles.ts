/**
 * The title-search task: the 1,016 O*NET 29.2 occupations as postings (title; description and first task
 * statements as the description; the taxonomy skills their document names as required skills, as in
 * bench:quality (a)'s production path) and every held-out Alternate or Reported Title as a query whose answer is
 * the occupation(s) listing it. Held-out titles (bench/quality/holdout.ts) were never trained on; the usual
 * dev/test split (bench/quality/split.ts, a hash of the normalised title) separates tuning from reporting.
 * O*NET 29.2 by USDOL/ETA, CC BY 4.0.
 */
import { extractSkillIds, getTaxonomy } from '../../src/domain/skills/index.ts';
import { isHeldOutTitle, titleKey } from '../quality/holdout.ts';
import { DOC_TASKS, occupationText } from '../quality/occupation-corpus.ts';
import { loadOnet, type OnetData } from '../quality/onet.ts';
import { splitOf } from '../quality/split.ts';
import type { BenchPosting } from './service.ts';

export interface TitleQuery {
  readonly key: string;
  readonly text: string;
  /** O*NET codes of the occupations that list the title. */
  readonly codes: readonly string[];
  readonly split: 'dev' | 'test';
}

export function titleTask(onet: OnetData = loadOnet()): { postings: BenchPosting[]; queries: TitleQuery[] } {
  const taxonomy = getTaxonomy();
  const postings = onet.occupations.map((o) => ({
    key: o.code,
    title: o.title,
    description: [o.description, ...o.tasks.slice(0, DOC_TASKS)].join('\n'),
    // POST /v1/jobs takes skill names of at most 80 characters (a few O*NET tool names are longer).
    requiredSkills: extractSkillIds(occupationText(o), taxonomy)
      .map((id) => taxonomy.get(id)?.name ?? id)
      .filter((name) => name.length <= 80),
    lang: 'en' as const,
  }));
  const codes = new Set(postings.map((p) => p.key));
  const byKey = new Map<string, { text: string; codes: Set<string> }>();
  for (const t of onet.titles) {
    if (!isHeldOutTitle(t.title) || !codes.has(t.code)) continue;
    const key = titleKey(t.title);
    const entry = byKey.get(key) ?? { text: t.title, codes: new Set<string>() };
    entry.codes.add(t.code);
    byKey.set(key, entry);
  }
  const queries = [...byKey].map(([key, e]) => ({ key, text: e.text, codes: [...e.codes], split: splitOf(key) }));
  return { postings, queries };
}
