import { describe, expect, it } from 'vitest';
import { profileFitCandidates, SavedSearchTermIndex } from '../../../src/domain/search/saved-search-index.ts';

describe('SavedSearchTermIndex', () => {
  it('finds the searches holding any of a posting’s terms, each once', () => {
    const index = new SavedSearchTermIndex();
    index.add('s1', ['数据', '分析', '数据']);
    index.add('s2', ['机械', '设计']);
    index.add('s3', ['python', '分析']);
    expect([...index.searchesFor(['分析', '数据', 'sql'])].sort()).toEqual(['s1', 's3']);
    expect([...index.searchesFor(['设计'])]).toEqual(['s2']);
    expect([...index.searchesFor(['护理'])]).toEqual([]);
  });
});

describe('profileFitCandidates', () => {
  it('keeps the graduates the index scores at their threshold less the margin, and none without a threshold', () => {
    const threshold = new Map([
      ['a', 0.5],
      ['b', 0.5],
      ['c', 0.9],
    ]);
    const hits = [
      { graduateId: 'a', approx: 0.49995 },
      { graduateId: 'b', approx: 0.4998 },
      { graduateId: 'c', approx: 0.95 },
      { graduateId: 'd', approx: 0.99 },
    ];
    expect(profileFitCandidates(hits, threshold, 1e-4)).toEqual(['a', 'c']);
  });
});
