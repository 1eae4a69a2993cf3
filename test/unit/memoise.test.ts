import { describe, expect, it } from 'vitest';
import { memoiseWithRetry } from '../../src/services/memoise.ts';

describe('memoiseWithRetry', () => {
  it('shares one load between callers and loads again only after a failure', async () => {
    let loads = 0;
    const outcomes: (number | Error)[] = [new Error('away'), 7];
    const load = memoiseWithRetry(async () => {
      loads++;
      const next = outcomes.shift();
      if (next instanceof Error) throw next;
      return next;
    });
    await expect(Promise.all([load(), load()])).rejects.toThrow('away');
    expect(loads).toBe(1);
    expect(await Promise.all([load(), load()])).toEqual([7, 7]);
    expect(await load()).toBe(7);
    expect(loads).toBe(2);
  });
});
