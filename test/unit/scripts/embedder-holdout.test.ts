import { describe, expect, it } from 'vitest';
import { getTaxonomy } from '../../../src/domain/skills/index.ts';
import { bilingualItems } from '../../../bench/quality/bilingual.ts';
import { isHeldOutTitle, titleKey } from '../../../bench/quality/holdout.ts';
import { loadOnet } from '../../../bench/quality/onet.ts';
import { titleQueries } from '../../../bench/quality/title-retrieval.ts';
import { EMBEDDER_TRAINING } from '../../../scripts/embedder/config.ts';
import { buildTrainingData } from '../../../scripts/embedder/training-data.ts';

describe('the supervised embedder never trains on a benchmark query', () => {
  const taxonomy = getTaxonomy();
  const onet = loadOnet();
  // The shipped options: trained Chinese names repeated, O*NET texts code-switched into them.
  const data = buildTrainingData(onet, taxonomy, EMBEDDER_TRAINING);
  const trained = new Set(data.texts.map((t) => titleKey(t.text)));

  it('holds out about a fifth of the titles, and no training text has a held-out title key', () => {
    const heldOut = new Set(onet.titles.filter((t) => isHeldOutTitle(t.title)).map((t) => titleKey(t.title)));
    const all = new Set(onet.titles.map((t) => titleKey(t.title)));
    expect(heldOut.size / all.size).toBeGreaterThan(0.17);
    expect(heldOut.size / all.size).toBeLessThan(0.23);
    expect([...heldOut].filter((k) => trained.has(k))).toEqual([]);
    expect(data.droppedHeldOut.alternate ?? 0).toBeGreaterThan(0);
  });

  it('every query of benchmark (a) is a held-out title', () => {
    const queries = titleQueries(onet, { occupations: onet.occupations });
    expect(queries.length).toBeGreaterThan(5000);
    expect(queries.filter((q) => trained.has(q.id))).toEqual([]);
  });

  it('no Chinese name or text of a held-out bilingual item is a training text', () => {
    const items = bilingualItems(taxonomy);
    const heldOut = items.filter((i) => i.heldOut);
    expect(heldOut.length).toBeGreaterThan(100);
    const texts = new Set(data.texts.map((t) => t.text));
    const leaked = heldOut.flatMap((i) => [...i.zh, ...i.zhText]).filter((zh) => texts.has(zh));
    // A Chinese name shared with a training item (two skills both called 数据分析) is trained through that item.
    const shared = new Set(items.filter((i) => !i.heldOut).flatMap((i) => [...i.zh, ...i.zhText]));
    expect(leaked.filter((zh) => !shared.has(zh))).toEqual([]);
  });

  it('code-switches O*NET texts only into the Chinese names of trained items', () => {
    const items = bilingualItems(taxonomy);
    const trainedZh = items.filter((i) => !i.heldOut).flatMap((i) => i.zh);
    const switched = data.texts.filter((t) => t.source === 'code-switched').map((t) => t.text);
    expect(switched.length).toBeGreaterThan(1000);
    expect(switched.filter((t) => /\p{Script=Han}/u.test(t)).length).toBe(switched.length);
    // A held-out name inside a trained one (数据 in 数据库) may appear through it; any other may not.
    const unseen = items
      .filter((i) => i.heldOut)
      .flatMap((i) => i.zh)
      .filter((zh) => !trainedZh.some((t) => t.includes(zh)));
    expect(unseen.length).toBeGreaterThan(100);
    expect(unseen.filter((zh) => switched.some((t) => t.includes(zh)))).toEqual([]);
  });
});
