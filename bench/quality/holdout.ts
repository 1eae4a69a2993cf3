/**
 * What the supervised embedder may never be trained on. Both rules hash a stable id, so they do not
 * depend on file order or on which other rows exist, and the training script (scripts/train-embedder.ts)
 * and the benchmarks import these same functions:
 * - a job title (its titleKey: NFKC, lower case, single spaces) is held out when
 *   u = fmix32(fnv1a("bole-embedder-holdout-v1|" + key)) / 2^32 < 0.2. Held-out titles are the only queries
 *   of benchmark (a) and of the title-search benchmark, and no training text has a held-out key, whatever
 *   file it comes from (Alternate, Short or Reported Title, the occupation's own title, a bilingual name);
 * - a bilingual item (a skill or occupation with curated Chinese and English names) is held out when
 *   u = fmix32(fnv1a("bole-crosslingual-holdout-v1|" + item key)) / 2^32 < 0.3; training then sees none of
 *   its Chinese text (names, aliases, and for an occupation its Chinese description and duties), which the
 *   cross-lingual benchmark uses as queries and documents.
 * Within the held-out titles the usual dev/test split (split.ts) applies: dev chooses hyperparameters and
 * hybrid weights, test is reported.
 */
import { hashUnit } from './split.ts';

const TITLE_HOLDOUT = { salt: 'bole-embedder-holdout-v1', share: 0.2 } as const;
const CROSSLINGUAL_HOLDOUT = { salt: 'bole-crosslingual-holdout-v1', share: 0.3 } as const;

/** NFKC, lower case, single spaces: "Java  Developer" and "java developer" are one title. */
export const titleKey = (title: string): string => title.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

export const isHeldOutTitle = (title: string): boolean =>
  hashUnit(titleKey(title), TITLE_HOLDOUT.salt) < TITLE_HOLDOUT.share;

export const isHeldOutItem = (itemKey: string): boolean =>
  hashUnit(itemKey, CROSSLINGUAL_HOLDOUT.salt) < CROSSLINGUAL_HOLDOUT.share;

export function describeHoldout(): string {
  return (
    `titles held out of training when fmix32(fnv1a("${TITLE_HOLDOUT.salt}|" + titleKey)) / 2^32 ` +
    `< ${TITLE_HOLDOUT.share}; bilingual items when fmix32(fnv1a("${CROSSLINGUAL_HOLDOUT.salt}|" + item key)) ` +
    `/ 2^32 < ${CROSSLINGUAL_HOLDOUT.share}`
  );
}
