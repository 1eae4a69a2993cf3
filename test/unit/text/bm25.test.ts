import { describe, expect, it } from 'vitest';
import { buildBm25 } from '../../../src/domain/text/bm25.ts';

// N = 3, |d1| = 2, |d2| = 3, |d3| = 1, avgdl = 2, k1 = 1.2, b = 0.75.
const docs = [
  { id: 'd1', text: 'python data' },
  { id: 'd2', text: 'python python java' },
  { id: 'd3', text: 'excel' },
];

describe('BM25', () => {
  const index = buildBm25(docs);

  it('has the hand-computed idf: ln(1 + (N − df + 0.5)/(df + 0.5))', () => {
    expect(index.idf('python')).toBeCloseTo(Math.log(1.6), 14); // df 2: ln(1 + 1.5/2.5)
    expect(index.idf('java')).toBeCloseTo(Math.log(8 / 3), 14); // df 1: ln(1 + 2.5/1.5)
    expect(index.averageLength).toBe(2);
  });

  it('scores "python" by hand', () => {
    // d1: tf 1, K = 1.2·(0.25 + 0.75·2/2) = 1.2 → idf·1·2.2/2.2 = ln 1.6
    // d2: tf 2, K = 1.2·(0.25 + 0.75·3/2) = 1.65 → idf·2·2.2/3.65
    const scores = index.scoreAll('python');
    expect(scores[0]).toBeCloseTo(0.47000362924573558, 14);
    expect(scores[1]).toBeCloseTo((Math.log(1.6) * 4.4) / 3.65, 14);
    expect(scores[1]).toBeCloseTo(0.5665797174, 10); // 0.4700036292 · 1.2054794521
    expect(scores[2]).toBe(0);
    expect(index.search('python', 10).map((h) => h.id)).toEqual(['d2', 'd1']);
  });

  it('sums unique query terms', () => {
    // excel in d3: K = 1.2·(0.25 + 0.75·1/2) = 0.75 → ln(8/3)·2.2/1.75 ≈ 1.2330; java in d2: ln(8/3)·2.2/2.65 ≈ 0.8143
    // (ln(8/3) ≈ 0.980829)
    const hits = index.search('java excel excel', 3);
    expect(hits.map((h) => h.id)).toEqual(['d3', 'd2']);
    expect(hits[0]?.score).toBeCloseTo((Math.log(8 / 3) * 2.2) / 1.75, 14);
    expect(hits[0]?.score).toBeCloseTo(1.2330425, 6);
    expect(hits[1]?.score).toBeCloseTo((Math.log(8 / 3) * 2.2) / 2.65, 14);
    expect(hits[1]?.score).toBeCloseTo(0.8142733, 6);
  });

  it('returns nothing for an empty or unknown query, and respects k', () => {
    expect(index.search('', 5)).toEqual([]);
    expect(index.search('cobol', 5)).toEqual([]);
    expect(index.search('python', 1).map((h) => h.id)).toEqual(['d2']);
  });
});
