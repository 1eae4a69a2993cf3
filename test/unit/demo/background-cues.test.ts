import { describe, expect, it } from 'vitest';
import { summaryWithBackground } from '../../../src/demo/background-cues.ts';
import { generateDemoData } from '../../../src/demo/generate.ts';
import { VARIANT_KINDS } from '../../../src/domain/counterfactual/types.ts';
import { swapProtectedCues } from '../../../src/domain/counterfactual/swap.ts';

describe('background cues in demo texts', () => {
  const data = generateDemoData({ seed: 42, graduates: 400, postings: 50 });

  it('some profiles carry a cue of every family the counterfactual check swaps; most carry none', () => {
    const changed = Object.fromEntries(
      VARIANT_KINDS.map((kind) => [
        kind,
        data.graduates.filter((g) => swapProtectedCues(g.summary ?? '', { kind }).text !== g.summary).length,
      ]),
    );
    for (const kind of VARIANT_KINDS) expect(changed[kind], kind).toBeGreaterThanOrEqual(10);
    const any = data.graduates.filter((g) =>
      VARIANT_KINDS.some((kind) => swapProtectedCues(g.summary ?? '', { kind }).text !== g.summary),
    ).length;
    expect(any).toBeLessThan(data.graduates.length * 0.6);
  });

  it("follow the graduate's consented demographics where there are some", () => {
    for (const g of data.graduates) {
      const d = g.demographics;
      const s = g.summary ?? '';
      if (!d) continue;
      if (s.includes('性别：女') || s.includes("women's")) expect(d.gender).toBe('female');
      if (s.includes('性别：男') || s.includes("men's team")) expect(d.gender).toBe('male');
      if (s.includes('农村') || s.includes('small village')) expect(d.hukouType).toBe('rural');
      if (s.includes('An ethnic')) expect(d.ethnicity).toBe('minority');
      if (s.includes('民族：汉族')) expect(d.ethnicity).toBe('han');
    }
  });

  it('a header and a rural-origin sentence in Chinese, the same seed giving the same text', () => {
    const d = { gender: 'female', ethnicity: 'minority', hukouType: 'rural', regionOfOrigin: 'west' } as const;
    const texts = Array.from({ length: 40 }, (_, i) => summaryWithBackground('统计学专业本科。', 'zh', `s${i}`, d));
    expect(
      texts.some((t) => /^性别：女；民族：\p{Script=Han}+族；籍贯：\p{Script=Han}+。统计学专业本科。/u.test(t)),
    ).toBe(true);
    expect(texts.some((t) => /统计学专业本科。来自\p{Script=Han}+农村，是家里第一个大学生。$/u.test(t))).toBe(true);
    expect(summaryWithBackground('x', 'zh', 's1', d)).toBe(summaryWithBackground('x', 'zh', 's1', d));
  });
});
