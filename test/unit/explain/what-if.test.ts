import { describe, expect, it } from 'vitest';
import { rankAmong, topSkillsAcross, whatIf, withExtraSkills } from '../../../src/domain/explain/index.ts';
import type { PostingFeatures, ProfileFeatures } from '../../../src/domain/matching/features.ts';
import { scoreMatch } from '../../../src/domain/matching/score.ts';
import { DEFAULT_WEIGHTS } from '../../../src/domain/matching/weights.ts';
import { createRng, features, randomCase, similarity } from './gen.ts';

const score = (p: ProfileFeatures, q: PostingFeatures, cos: number) =>
  scoreMatch(p, q, cos, DEFAULT_WEIGHTS, similarity).score;

/** 1-based position of `me` in a real sort by score desc, `me` first among equal scores. */
function realRank(me: number, others: readonly number[]): number {
  const rows = [...others.map((s) => ({ s, me: false })), { s: me, me: true }];
  rows.sort((a, b) => b.s - a.s || Number(b.me) - Number(a.me));
  return rows.findIndex((r) => r.me) + 1;
}

describe('withExtraSkills', () => {
  it('adds hypothetical skills with what-if evidence and keeps real evidence', () => {
    const base: ProfileFeatures = {
      skills: new Map([['python', { source: 'declared', field: 'skills', text: 'Python' }]]),
      degree: null,
      majors: [],
      majorGroups: [],
      locations: [],
      regions: [],
      remote: 'any',
      jobTypes: [],
      salaryFloor: null,
    };
    const p = withExtraSkills(base, ['sql', 'python']);
    expect([...p.skills.entries()]).toEqual([
      ['python', { source: 'declared', field: 'skills', text: 'Python' }],
      ['sql', { source: 'inferred', field: 'what-if', text: 'sql' }],
    ]);
    expect(base.skills.size).toBe(1);
  });
});

describe('rankAmong', () => {
  it.each([
    [0.7, [0.5, 0.7, 0.7, 0.3], 1, 2],
    [0.7, [0.8, 0.7, 0.7], 2, 2],
    [0.9, [0.5, 0.7], 1, 0],
    [0.1, [0.5, 0.7], 3, 0],
    [0.5, [], 1, 0],
  ])('score %f among %j → rank %i, tied with %i', (s, others, rank, tied) => {
    expect(rankAmong(s, others)).toEqual({ rank, tiedWith: tied });
    expect(rankAmong(s, others).rank).toBe(realRank(s, others));
  });
});

describe('whatIf (seeded, against real re-scoring)', () => {
  const rng = createRng('explain-what-if');
  const worlds = Array.from({ length: 40 }, () => {
    const cases = Array.from({ length: 12 }, () => randomCase(rng));
    const profile = features(cases[0] ?? randomCase(rng)).profile;
    const postings = cases.map((c) => ({ features: features(c).posting, cos: c.cosine }));
    return { profile, postings };
  });

  it('gives the score a direct scoreMatch gives and the rank a real sort gives', () => {
    let advised = 0;
    for (const { profile, postings } of worlds) {
      const current = postings.map((p) => score(profile, p.features, p.cos));
      postings.forEach((target, i) => {
        const match = scoreMatch(profile, target.features, target.cos, DEFAULT_WEIGHTS, similarity);
        const missing = [...match.missingSkills.required, ...match.missingSkills.preferred];
        const others = postings.filter((_, j) => j !== i);
        const advice = whatIf({
          missingSkills: missing,
          currentScore: match.score,
          otherScores: current.filter((_, j) => j !== i),
          rescore: (ids) => score(withExtraSkills(profile, ids), target.features, target.cos),
          rescoreOthers: (ids) => others.map((o) => score(withExtraSkills(profile, ids), o.features, o.cos)),
        });
        expect(advice.map((a) => a.skillId).sort()).toEqual([...new Set(missing)].sort());
        for (const a of advice) {
          // Independent of withExtraSkills: add the skill to a copy of the map by hand.
          const direct = score(
            {
              ...profile,
              skills: new Map([
                ...profile.skills,
                [a.skillId, { source: 'inferred', field: 'what-if', text: a.skillId }],
              ]),
            },
            target.features,
            target.cos,
          );
          expect(a.newScore).toBe(direct);
          expect(a.gain).toBe(Math.round((direct - match.score) * 1e6) / 1e6);
          expect(a.rank).toBe(
            realRank(
              direct,
              current.filter((_, j) => j !== i),
            ),
          );
          const rerun = postings.map((p) => score(withExtraSkills(profile, [a.skillId]), p.features, p.cos));
          expect(a.rerunRank).toBe(
            realRank(
              direct,
              rerun.filter((_, j) => j !== i),
            ),
          );
          advised++;
        }
        for (let k = 1; k < advice.length; k++) expect((advice[k - 1]?.gain ?? 0) >= (advice[k]?.gain ?? 0)).toBe(true);
      });
    }
    expect(advised).toBeGreaterThan(200);
  });
});

describe('topSkillsAcross', () => {
  it('sums per-posting gains (hand example, incl. a gain where the skill is not listed)', () => {
    const has = (ids: readonly string[], id: string) => (ids.includes(id) ? 1 : 0);
    const recs = [
      {
        id: 'A',
        missing: ['x', 'y'],
        rescore: (ids: readonly string[]) => 0.5 + 0.1 * has(ids, 'x') + 0.05 * has(ids, 'y'),
      },
      {
        id: 'B',
        missing: ['y', 'z'],
        rescore: (ids: readonly string[]) => 0.4 + 0.2 * has(ids, 'y') + 0.01 * has(ids, 'z'),
      },
      { id: 'C', missing: [], rescore: (ids: readonly string[]) => 0.3 + 0.03 * has(ids, 'y') },
      { id: 'D', missing: ['w'], rescore: () => 0.2 },
    ];
    const top = topSkillsAcross(recs);
    expect(top.map((t) => [t.skillId, t.totalGain])).toEqual([
      ['y', 0.28],
      ['x', 0.1],
      ['z', 0.01],
    ]);
    expect(top[0]?.perPosting).toEqual([
      { id: 'A', newScore: 0.55, gain: 0.05 },
      { id: 'B', newScore: 0.6000000000000001, gain: 0.2 },
      { id: 'C', newScore: 0.32999999999999996, gain: 0.03 },
    ]);
    expect(topSkillsAcross(recs, 1).map((t) => t.skillId)).toEqual(['y']);
  });

  it('matches brute force over real scores', () => {
    const rng = createRng('explain-top-skills');
    for (let w = 0; w < 20; w++) {
      const cases = Array.from({ length: 8 }, () => randomCase(rng));
      const profile = features(cases[0] ?? randomCase(rng)).profile;
      const recs = cases.map((c, i) => {
        const f = features(c).posting;
        const m = scoreMatch(profile, f, c.cosine, DEFAULT_WEIGHTS, similarity);
        return {
          id: `p${i}`,
          f,
          cos: c.cosine,
          missing: [...m.missingSkills.required, ...m.missingSkills.preferred],
          current: m.score,
        };
      });
      const top = topSkillsAcross(
        recs.map((r) => ({
          id: r.id,
          missing: r.missing,
          currentScore: r.current,
          rescore: (ids: readonly string[]) => score(withExtraSkills(profile, ids), r.f, r.cos),
        })),
      );
      const totals = [...new Set(recs.flatMap((r) => r.missing))]
        .map((s) => ({
          s,
          t:
            Math.round(
              recs.reduce(
                (sum, r) =>
                  sum +
                  Math.max(0, Math.round((score(withExtraSkills(profile, [s]), r.f, r.cos) - r.current) * 1e6) / 1e6),
                0,
              ) * 1e6,
            ) / 1e6,
        }))
        .filter((x) => x.t > 0)
        .sort((a, b) => b.t - a.t);
      expect(top.map((t) => t.totalGain)).toEqual(totals.slice(0, 3).map((x) => x.t));
    }
  });
});
