import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../src/demo/generate.ts';

describe('demo history', () => {
  const data = generateDemoData({ seed: 42, asOf: '2026-12-06' });

  it('is deterministic and leaves the rest of the demo unchanged', () => {
    const again = generateDemoData({ seed: 42, asOf: '2026-12-06' });
    expect(again.closedPostings).toEqual(data.closedPostings);
    expect(again.outcomes).toEqual(data.outcomes);
    expect(generateDemoData({ seed: 42 }).postings).toEqual(data.postings);
  });

  it('opens postings over the 24 months to last month, autumn busier than the Spring Festival', () => {
    const months = new Set(data.closedPostings.map((p) => p.opensAt?.slice(0, 7)));
    expect(months.size).toBe(24);
    expect([...months].sort()[0]).toBe('2024-12');
    expect([...months].sort().at(-1)).toBe('2026-11');
    const count = (ym: string) => data.closedPostings.filter((p) => p.opensAt?.startsWith(ym)).length;
    expect(count('2025-10')).toBeGreaterThan(2 * count('2025-02'));
    expect(data.closedPostings.every((p) => p.status === 'closed' && (p.closesAt ?? '') > (p.opensAt ?? ''))).toBe(
      true,
    );
  });

  it('gives graduated years a current outcome and the coming year an early offer now and then', () => {
    const year = (i: number) => data.graduates[i]?.education[0]?.graduationDate.slice(0, 4);
    const graduated = data.outcomes.filter((_, i) => year(i) === '2026');
    expect(graduated.every((o) => o.length >= 1)).toBe(true);
    const coming = data.outcomes.filter((_, i) => year(i) === '2027');
    const offers = coming.filter((o) => o.length > 0).length;
    expect(offers).toBeGreaterThan(0);
    expect(offers).toBeLessThan(coming.length / 2);
  });
});
