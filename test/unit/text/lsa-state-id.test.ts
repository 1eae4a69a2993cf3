import { describe, expect, it } from 'vitest';
import { fitLsa, lsaStateId } from '../../../src/domain/text/lsa.ts';
import { createLsaEmbedder } from '../../../src/domain/text/lsa-embedder.ts';

describe('LSA state id', () => {
  it('survives a round trip through jsonb, which reorders object keys', () => {
    const docs = [
      'python data analysis sql',
      'sql database design',
      'nursing care patients',
      'patients clinical nursing',
      'python machine learning',
      'data analysis excel',
    ];
    const state = fitLsa(docs, { dimensions: 2, minDf: 1, seed: 1 });
    // jsonb stores keys shortest first: {"cjkBigrams": …, "latinTrigrams": …}.
    const reordered = {
      ...state,
      analyzer: { cjkBigrams: state.analyzer.cjkBigrams, latinTrigrams: state.analyzer.latinTrigrams },
    };
    const { id, ...rest } = reordered;
    expect(lsaStateId(rest)).toBe(id);
    expect(() => createLsaEmbedder(JSON.parse(JSON.stringify(reordered)))).not.toThrow();
    expect(() => createLsaEmbedder({ ...reordered, documents: state.documents + 1 })).toThrow(/does not match its id/);
  });
});
