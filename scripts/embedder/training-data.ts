/**
 * The supervision of the supervised embedder: (text, label) pairs from O*NET 29.2 (CC BY 4.0, USDOL/ETA)
 * and the curated bilingual names. Labels are the 1,016 occupations followed by the bilingual skill items.
 * Every rule of bench/quality/holdout.ts is applied here, so no held-out title and no held-out bilingual
 * item's Chinese text is ever a training text.
 */
import type { Taxonomy } from '../../src/domain/skills/index.ts';
import { bilingualItems } from '../../bench/quality/bilingual.ts';
import { isHeldOutTitle, titleKey } from '../../bench/quality/holdout.ts';
import { readOnetTable, type OnetData, type OnetOccupation } from '../../bench/quality/onet.ts';
import { seededRandom } from '../../src/domain/text/supervised-train.ts';

/** Posting-like documents composed per occupation, so long mixed texts (title, duties, tools) land on it too. */
const DOCUMENTS_PER_OCCUPATION = 6;

/** Title, description, a few duties and tools, each part drawn at random: one pseudo-posting. */
function composeDocument(o: OnetOccupation, random: () => number): string {
  const pick = (xs: readonly string[], k: number): string[] => xs.filter(() => random() < k / Math.max(k, xs.length));
  const parts = [
    random() < 0.7 ? o.title : '',
    random() < 0.5 ? o.description : '',
    ...pick(o.tasks, 4),
    pick(o.technologies, 6).join(', '),
  ];
  return parts.filter((p) => p.length > 0).join('\n');
}

/** A technology named by more occupations than this says little about any one of them (Excel: 400+). */
const MAX_TECH_OCCUPATIONS = 25;

type TextSource =
  | 'document'
  | 'title'
  | 'alternate'
  | 'short'
  | 'reported'
  | 'description'
  | 'task'
  | 'technology'
  | 'english-name'
  | 'chinese-name'
  | 'chinese-text';

interface LabelledText {
  readonly text: string;
  readonly label: number;
  readonly source: TextSource;
}

export interface TrainingData {
  /** Label names: O*NET-SOC codes, then bilingual item keys. */
  readonly labels: readonly string[];
  readonly texts: readonly LabelledText[];
  /** Texts dropped because their title key is held out, by source. */
  readonly droppedHeldOut: Readonly<Record<string, number>>;
}

export function buildTrainingData(onet: OnetData, taxonomy: Taxonomy): TrainingData {
  const labels = onet.occupations.map((o) => o.code);
  const labelOf = new Map(labels.map((code, i) => [code, i]));
  const texts: LabelledText[] = [];
  const dropped: Record<string, number> = {};
  // The benchmark queries: every held-out Alternate or Reported Title.
  const heldOut = new Set(onet.titles.filter((t) => isHeldOutTitle(t.title)).map((t) => titleKey(t.title)));
  const add = (text: string, label: number | undefined, source: TextSource): void => {
    if (label === undefined || text.trim() === '' || text === 'n/a') return;
    // Every text, whatever its file: no route lets a held-out query (or any text with a held-out key) in.
    if (heldOut.has(titleKey(text))) {
      dropped[source] = (dropped[source] ?? 0) + 1;
      return;
    }
    texts.push({ text, label, source });
  };
  const random = seededRandom(20261206);
  for (const o of onet.occupations) {
    const label = labelOf.get(o.code);
    for (let i = 0; i < DOCUMENTS_PER_OCCUPATION; i++) add(composeDocument(o, random), label, 'document');
    add(o.title, label, 'title');
    add(o.description, label, 'description');
    for (const task of o.tasks) add(task, label, 'task');
  }
  for (const row of readOnetTable('Alternate Titles')) {
    const label = labelOf.get(row['O*NET-SOC Code'] ?? '');
    add(row['Alternate Title'] ?? '', label, 'alternate');
    add(row['Short Title'] ?? '', label, 'short');
  }
  for (const t of onet.titles) if (t.source === 'reported') add(t.title, labelOf.get(t.code), 'reported');
  const techOccupations = new Map<string, Set<string>>();
  for (const o of onet.occupations) {
    for (const tech of o.technologies) techOccupations.set(tech, (techOccupations.get(tech) ?? new Set()).add(o.code));
  }
  for (const [tech, codes] of techOccupations) {
    if (codes.size > MAX_TECH_OCCUPATIONS) continue;
    for (const code of codes) add(tech, labelOf.get(code), 'technology');
  }
  for (const item of bilingualItems(taxonomy)) {
    let label = item.code === null ? undefined : labelOf.get(item.code);
    if (label === undefined) {
      label = labels.length;
      labels.push(item.key);
    }
    for (const en of item.en) add(en, label, 'english-name');
    if (item.heldOut) continue;
    for (const zh of item.zh) add(zh, label, 'chinese-name');
    for (const zh of item.zhText) add(zh, label, 'chinese-text');
  }
  return { labels, texts, droppedHeldOut: dropped };
}
