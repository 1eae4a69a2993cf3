import { describe, expect, it } from 'vitest';
import { whyNot } from '../../../src/domain/explain/index.ts';
import { DomainError } from '../../../src/domain/errors.ts';
import type { MatchScore } from '../../../src/domain/matching/score.ts';
import { COMPONENTS, round6, weightSetSchema } from '../../../src/domain/matching/weights.ts';

// The goldens below were worked by hand with the weights of hybrid-2026.11.2 (no lexical component).
const W = weightSetSchema.parse({
  version: 'hybrid-2026.11.2',
  weights: {
    semantic: 0.4,
    requiredSkills: 0.24,
    preferredSkills: 0.08,
    majorFit: 0.06,
    degreeFit: 0.06,
    locationFit: 0.06,
    salaryFit: 0.05,
    jobTypeFit: 0.05,
    lexical: 0,
  },
});

/** A MatchScore with the given component values under the default weights (sum kept exact). */
function match(values: number[]): MatchScore {
  const components = COMPONENTS.map((name, i) => {
    const value = values[i] ?? 0;
    const weight = W.weights[name];
    return { name, value, weight, contribution: round6(value * weight) };
  });
  return {
    score: components.reduce((s, c) => s + c.contribution, 0),
    components,
    matchedSkills: [],
    nearMatches: [],
    missingSkills: { required: [], preferred: [] },
    criteria: [],
    matchedTerms: [],
  };
}

describe('whyNot', () => {
  it('names the failed hard filters with reasons built from their values', () => {
    const r = whyNot({
      filterResults: [
        { filter: 'open', passed: true },
        { filter: 'location', passed: false, detail: { posting: ['武汉'], preferred: ['上海', '杭州'] } },
        { filter: 'degree', passed: false, detail: { required: '硕士', held: '本科' } },
        { filter: 'visaSponsor', passed: false },
      ],
    });
    expect(r.kind).toBe('filtered');
    if (r.kind !== 'filtered') return;
    expect(r.filters.map((f) => f.filter)).toEqual(['location', 'degree', 'visaSponsor']);
    expect(r.filters[0]?.reason).toEqual({
      zh: '工作地点（武汉）不在你偏好的地点（上海、杭州）内，且不可远程。',
      en: "The job's location (武汉) is not among your preferred locations (上海, 杭州) and it is not remote.",
    });
    expect(r.filters[1]?.reason.zh).toBe('职位要求的最低学历（硕士）高于你的学历（本科）。');
    expect(r.filters[2]?.reason.en).toBe('The posting did not pass the "visaSponsor" filter.');
  });

  it('compares contributions with the last recommended item, largest deficit first', () => {
    const mine = match([0.5, 0.25, 1, 1, 1, 0.5, 1, 1]);
    const last = match([0.6, 0.75, 0.5, 1, 1, 1, 1, 1]);
    const r = whyNot({
      filterResults: [{ filter: 'open', passed: true }],
      rank: 23,
      match: mine,
      lastRecommended: last,
    });
    expect(r.kind).toBe('ranked');
    if (r.kind !== 'ranked') return;
    // weights 0.4/0.24/0.08/0.06/0.06/0.06/0.05/0.05: scores 0.59 and 0.74; differences: semantic 0.2−0.24 = −0.04;
    // required 0.06−0.18 = −0.12; preferred 0.08−0.04 = +0.04; location 0.03−0.06 = −0.03
    expect(r.heldBack.map((d) => [d.name, d.difference])).toEqual([
      ['requiredSkills', -0.12],
      ['semantic', -0.04],
      ['locationFit', -0.03],
    ]);
    expect(r.ahead.map((d) => [d.name, d.difference])).toEqual([['preferredSkills', 0.04]]);
    expect(r.gap).toBe(round6(mine.score - last.score));
    expect(r.gap).toBe(-0.15);
    expect(
      r.heldBack.reduce((s, d) => s + d.difference, 0) + r.ahead.reduce((s, d) => s + d.difference, 0),
    ).toBeCloseTo(r.gap ?? 0, 12);
    expect(r.reason).toEqual({
      zh: '该职位排第 23 位，得分 0.59，低于最后一个推荐职位的 0.74；差距最大的是必备技能覆盖（-0.12）。',
      en:
        "It ranks 23 with score 0.59, below the last recommended job's 0.74; the largest gap is in " +
        'required-skill coverage (-0.12).',
    });
  });

  it('says so when the posting ties with the last item, and works without one', () => {
    // 0.2 + 0.12 + 0.04 + 0.06 + 0.06 + 0.06 + 0.05 + 0.05 = 0.64
    const m = match([0.5, 0.5, 0.5, 1, 1, 1, 1, 1]);
    const tie = whyNot({ filterResults: [], rank: 11, match: m, lastRecommended: m });
    expect(tie.kind === 'ranked' && [tie.gap, tie.heldBack.length, tie.reason.en]).toEqual([
      0,
      0,
      "It ranks 11 with score 0.64, equal to the last recommended job's 0.64.",
    ]);
    const alone = whyNot({ filterResults: [], match: m });
    expect(alone.kind === 'ranked' && [alone.rank, alone.gap, alone.lastRecommendedScore, alone.reason.zh]).toEqual([
      null,
      null,
      null,
      '得分 0.64。',
    ]);
  });

  it('refuses to explain a posting that passed every filter without its score', () => {
    expect(() => whyNot({ filterResults: [{ filter: 'open', passed: true }] })).toThrow(DomainError);
  });
});
