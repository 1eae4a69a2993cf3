import { describe, expect, it } from 'vitest';
import { rerankingHtml } from '../../../src/domain/audit-report/html-mitigation.ts';
import {
  constrainedGroupings,
  groupingKey,
  rerankingSection,
  type LoggedRerank,
} from '../../../src/domain/audit-report/reranking.ts';

const protectedOnly = (a: string) => ['gender', 'hukouType', 'regionOfOrigin'].includes(a);

describe('the groupings a logged list was re-ranked on', () => {
  it('floors: every attribute it names and every pair; without intersections only the attributes', () => {
    const floors = { method: 'floors', attribute: 'gender', params: { attributes: ['gender', 'hukouType'] } };
    expect(constrainedGroupings(floors, protectedOnly)).toEqual([['gender'], ['hukouType'], ['gender', 'hukouType']]);
    const three = { ...floors, params: { attributes: ['hukouType', 'regionOfOrigin'], intersections: true } };
    expect(constrainedGroupings(three, protectedOnly)).toEqual([
      ['gender'],
      ['hukouType'],
      ['regionOfOrigin'],
      ['gender', 'hukouType'],
      ['gender', 'regionOfOrigin'],
      ['hukouType', 'regionOfOrigin'],
    ]);
    const noPairs = { ...floors, params: { attributes: ['gender', 'hukouType'], intersections: false } };
    expect(constrainedGroupings(noPairs, protectedOnly)).toEqual([['gender'], ['hukouType']]);
  });

  it('other methods, rows without params and names that are not protected attributes', () => {
    expect(constrainedGroupings({ method: 'fa_ir', attribute: 'hukouType', params: {} }, protectedOnly)).toEqual([
      ['hukouType'],
    ]);
    expect(
      constrainedGroupings({ method: 'det_const_sort', attribute: 'gender', params: null }, protectedOnly),
    ).toEqual([['gender']]);
    const odd = { method: 'floors', attribute: 'gender', params: { attributes: ['schoolTier', 7, 'hukouType'] } };
    expect(constrainedGroupings(odd, protectedOnly)).toEqual([['gender'], ['hukouType'], ['gender', 'hukouType']]);
    expect(groupingKey(['gender', 'hukouType'])).toBe('gender × hukouType');
  });
});

/**
 * One list, k = 2. Score order a b c d e, served a d b c e. Groups (gender, hukou): a (f, rural),
 * b (m, urban), c (f, urban), d (m, rural), e (f, unknown hukou).
 *   gender: f {a, c, e} top-2 before 1 (a), after 1 (a); m {b, d} before 1 (b), after 1 (d) → IR 2/3 both.
 *   hukou: rural {a, d} before 1, after 2; urban {b, c} before 1, after 0 → min IR 1 before, 0 after.
 *   pairs: f×rural a 1/1 → 1/1; m×urban b 1 → 0; f×urban c 0 → 0; m×rural d 0 → 1; e unknown.
 */
describe('re-ranking before/after for every attribute and pair', () => {
  const g: Record<string, [string, string | null]> = {
    a: ['female', 'rural'],
    b: ['male', 'urban'],
    c: ['female', 'urban'],
    d: ['male', 'rural'],
    e: ['female', null],
  };
  const scores: Record<string, number> = { a: 0.9, b: 0.8, c: 0.7, d: 0.6, e: 0.5 };
  const groupOf = (grouping: string[], id: string) => {
    const [gender, hukou] = g[id] ?? [null, null];
    const values = grouping.map((a) => (a === 'gender' ? gender : hukou));
    return values.some((v) => v === null) ? null : groupingKey(values as string[]);
  };
  const entries: LoggedRerank[] = [['gender'], ['hukouType'], ['gender', 'hukouType']].map((grouping) => ({
    method: 'floors',
    attribute: groupingKey(grouping),
    prefixOk: true,
    before: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, score: scores[id] ?? 0, group: groupOf(grouping, id) })),
    after: ['a', 'd', 'b', 'c', 'e'].map((id) => ({ id, score: scores[id] ?? 0, group: groupOf(grouping, id) })),
  }));
  const section = rerankingSection(entries, 2, { minGroupSize: 1, minShare: 0, threshold: 0.8, lists: 1 });

  it('one block per grouping, attributes before pairs, the list counted once', () => {
    expect(section.lists).toBe(1);
    expect(section.attributes.map((a) => [a.attribute, a.kind])).toEqual([
      ['gender', 'single'],
      ['hukouType', 'single'],
      ['gender × hukouType', 'intersection'],
    ]);
  });

  it('hand-worked rates and the lowest impact ratio before and after', () => {
    const [gender, hukou, pair] = section.attributes;
    expect(gender?.selection.rows.map((r) => [r.group, r.n, r.before.selected, r.after.selected])).toEqual([
      ['female', 3, 1, 1],
      ['male', 2, 1, 1],
    ]);
    expect(gender?.minImpactRatio).toEqual({ before: 1 / 3 / 0.5, after: 1 / 3 / 0.5 });
    expect(hukou?.selection.unknown).toBe(1);
    expect(hukou?.minImpactRatio).toEqual({ before: 1, after: 0 });
    expect(pair?.selection.unknown).toBe(1);
    expect(pair?.selection.rows.map((r) => [r.group, r.before.selected, r.after.selected])).toEqual([
      ['female × rural', 1, 1],
      ['female × urban', 0, 0],
      ['male × rural', 0, 1],
      ['male × urban', 1, 0],
    ]);
    expect(pair?.minImpactRatio).toEqual({ before: 0, after: 0 });
    // nDCG@2 after: (0.9 + 0.6/log2 3) / (0.9 + 0.8/log2 3), the same for every grouping of the list.
    const ndcg = (0.9 + 0.6 / Math.log2(3)) / (0.9 + 0.8 / Math.log2(3));
    for (const a of section.attributes) expect(a.ndcg.meanAfter).toBeCloseTo(ndcg, 14);
  });

  it('the page shows a summary line and a before/after table for the pair, labelled in both languages', () => {
    const html = rerankingHtml(section);
    expect(html).toContain('<table class="rerank-summary">');
    expect(html).toContain('<h3>性别 Gender × 户口 Hukou type · floors</h3>');
    expect(html).toContain('<td>女 female × 农村 rural</td>');
    expect(html.match(/<tr><td>[^<]+<\/td><td>(attribute 属性|intersection 交叉)<\/td>/g)).toHaveLength(3);
    // The hukou grouping's 0 after re-ranking is below 0.8 and marked in the summary.
    expect(html).toContain('<td class="flag">0.000</td>');
  });
});
