/**
 * The supervision of the supervised embedder: (text, label) pairs from O*NET 29.2 (CC BY 4.0, USDOL/ETA)
 * and the curated bilingual names. Labels are the 1,016 occupations followed by the bilingual skill items.
 * Every rule of bench/quality/holdout.ts is applied here, so no held-out title and no held-out bilingual
 * item's Chinese text is ever a training text.
 * Chinese is a small share of the supervision (about 1,500 names next to 100,000 English texts), so two options
 * give it more weight: each trained Chinese name is repeated, and every O*NET title, task or technology text that
 * names a trained bilingual skill in English is added once more with that name swapped for its Chinese name
 * (code-switching, as in Qin et al., IJCAI 2020): the Chinese characters then learn the contexts the English
 * words have. Only trained items' names are swapped in, so no held-out item's Chinese text gets in this way.
 */
import type { Taxonomy } from '../../src/domain/skills/index.ts';
import { bilingualItems, type BilingualItem } from '../../bench/quality/bilingual.ts';
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
  | 'chinese-text'
  | 'code-switched';

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

export interface TrainingDataOptions {
  /** Copies of each trained Chinese name (the bilingual names are few next to 100k English texts). */
  readonly chineseNameRepeats: number;
  /** Add O*NET texts with trained English skill names swapped for their Chinese names (code-switching). */
  readonly codeSwitch: boolean;
}

const DEFAULT_TRAINING_DATA: TrainingDataOptions = { chineseNameRepeats: 1, codeSwitch: false };

const wordsOf = (text: string): string[] => text.toLowerCase().match(/[a-z0-9+#.]+/g) ?? [];

/**
 * The English → Chinese names of the trained bilingual skill items (held-out items never), longest first,
 * and a function that swaps every whole-word occurrence in a text for the Chinese name, or returns undefined.
 */
function codeSwitcher(items: readonly BilingualItem[]): (text: string) => string | undefined {
  const dictionary = new Map<string, string>();
  for (const item of items) {
    if (item.heldOut || item.kind === 'occupation') continue;
    const zh = item.zh[0];
    if (zh === undefined) continue;
    for (const en of item.en) {
      const key = wordsOf(en).join(' ');
      // One-letter or two-letter names (R, C, IT) match too much that is not them.
      if (key.length >= 3 && !dictionary.has(key)) dictionary.set(key, zh);
    }
  }
  const maxWords = Math.max(1, ...[...dictionary.keys()].map((k) => k.split(' ').length));
  return (text) => {
    const words = wordsOf(text);
    const out: string[] = [];
    let swapped = false;
    for (let i = 0; i < words.length;) {
      let matched = 0;
      for (let n = Math.min(maxWords, words.length - i); n >= 1 && matched === 0; n--) {
        const zh = dictionary.get(words.slice(i, i + n).join(' '));
        if (zh !== undefined) {
          out.push(zh);
          matched = n;
        }
      }
      if (matched > 0) {
        swapped = true;
        i += matched;
      } else out.push(words[i++] ?? '');
    }
    return swapped ? out.join(' ') : undefined;
  };
}

export function buildTrainingData(
  onet: OnetData,
  taxonomy: Taxonomy,
  options: TrainingDataOptions = DEFAULT_TRAINING_DATA,
): TrainingData {
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
  const items = bilingualItems(taxonomy);
  if (options.codeSwitch) {
    const swap = codeSwitcher(items);
    const englishTexts = texts.length;
    for (let i = 0; i < englishTexts; i++) {
      const t = texts[i];
      if (t === undefined || t.source === 'document' || t.source === 'description') continue;
      const switched = swap(t.text);
      if (switched !== undefined) add(switched, t.label, 'code-switched');
    }
  }
  for (const item of items) {
    let label = item.code === null ? undefined : labelOf.get(item.code);
    if (label === undefined) {
      label = labels.length;
      labels.push(item.key);
    }
    for (const en of item.en) add(en, label, 'english-name');
    if (item.heldOut) continue;
    for (let r = 0; r < options.chineseNameRepeats; r++) for (const zh of item.zh) add(zh, label, 'chinese-name');
    for (const zh of item.zhText) add(zh, label, 'chinese-text');
  }
  return { labels, texts, droppedHeldOut: dropped };
}
