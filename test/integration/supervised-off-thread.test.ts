import { describe, expect, it } from 'vitest';
import { loadSupervisedOffThread } from '../../src/entry/supervised-off-thread.ts';
import { loadSupervisedEmbedder } from '../../src/services/matching/active-embedder.ts';

/**
 * A Node replica following a switch loads the supervised model in a worker thread (the import and unpack held its
 * event loop about 2.8 s): the embedder it gets back must be the one loaded here, vector for vector, bit for bit.
 */
describe('the supervised model loaded off the serving thread', () => {
  it('has the same id and size and gives bit-identical vectors', async () => {
    const [here, there] = await Promise.all([loadSupervisedEmbedder(), loadSupervisedOffThread()]);
    expect(there.id).toBe(here.id);
    expect(there.dimensions).toBe(here.dimensions);
    const texts = ['Data analyst with SQL', '数据分析师，熟悉 Python', 'Registered nurse, ICU', 'the of and'];
    for (const text of texts) {
      const a = here.embedOne(text);
      const b = there.embedOne(text);
      expect(b === undefined ? undefined : Array.from(b)).toEqual(a === undefined ? undefined : Array.from(a));
    }
    expect(there.embedOne('the of and')).toBeUndefined();
  });
});
