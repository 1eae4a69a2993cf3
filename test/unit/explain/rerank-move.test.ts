import { describe, expect, it } from 'vitest';
import { explainMove } from '../../../src/domain/explain/rerank-move.ts';

describe('explainMove', () => {
  it('states both ranks and the unchanged score, then the policy that moved it (no group named)', () => {
    const move = explainMove({
      scoreRank: 14,
      servedRank: 8,
      score: 0.61234,
      cause: 'catch_up_floor',
      policy: { windowDays: 28, selectedTop: 10, ratio: 0.9 },
    });
    expect(move).toMatchObject({ scoreRank: 14, servedRank: 8, cause: 'catch_up_floor' });
    expect(move.text.en).toBe(
      'Served at rank 8, rank 14 by score (score 0.6123, unchanged). Moved up by fairness re-ranking: the tenant ' +
        'raises the minimum count in the top 10 for groups whose top-10 selection rate over the last 28 days is ' +
        "below 0.90 × the best group's, and this candidate belongs to such a group.",
    );
    expect(move.text.zh.startsWith('展示排名第 8 名，按分数排第 14 名（分数 0.6123，未改动）。')).toBe(true);
  });

  it('moved down, or in from beyond the served length', () => {
    expect(explainMove({ scoreRank: 3, servedRank: 5, score: 0.5, cause: 'made_room' }).text.en).toBe(
      'Served at rank 5, rank 3 by score (score 0.5000, unchanged). Moved down by fairness re-ranking to make ' +
        'room for candidates the minimum shares required.',
    );
    expect(explainMove({ scoreRank: null, servedRank: 20, score: 0.2, cause: 'constraint' }).text.en).toBe(
      'Served at rank 20, below rank 20 by score (score 0.2000, unchanged). Moved up by fairness re-ranking to ' +
        "meet the minimum counts of the tenant's chosen method.",
    );
  });
});
