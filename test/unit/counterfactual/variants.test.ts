import { describe, expect, it } from 'vitest';
import {
  articleFor,
  counterfactualVariants,
  genderSwap,
  swapProtectedCues,
  type SwapResult,
} from '../../../src/domain/counterfactual/index.ts';

/** Rebuilds the output from the original and the reported substitutions: they must tell the whole story. */
function replay(original: string, r: SwapResult): string {
  let out = '';
  let at = 0;
  for (const s of r.substitutions) {
    expect(original.slice(s.start, s.end)).toBe(s.from);
    expect(s.start).toBeGreaterThanOrEqual(at);
    out += original.slice(at, s.start) + s.to;
    at = s.end;
  }
  return out + original.slice(at);
}

const ZH = '我叫王伟，男，汉族，来自甘肃农村，是一名农村学生。他的姐姐在浙江大学读书。';
const EN = 'She is a Uyghur student from a rural hometown in Gansu; her brother studies at Zhejiang University.';

describe('counterfactualVariants', () => {
  it('returns the flip of every family that changes the text, in a fixed order', () => {
    expect(counterfactualVariants(ZH).map((v) => [v.kind, v.text])).toEqual([
      ['gender', '我叫王芳，女，汉族，来自甘肃农村，是一名农村学生。她的哥哥在浙江大学读书。'],
      ['ethnicity', '我叫王伟，男，维吾尔族，来自甘肃农村，是一名农村学生。他的姐姐在浙江大学读书。'],
      ['rural-urban', '我叫王伟，男，汉族，来自甘肃城市，是一名城市学生。他的姐姐在浙江大学读书。'],
      ['region', '我叫王伟，男，汉族，来自浙江农村，是一名农村学生。他的姐姐在浙江大学读书。'],
    ]);
    expect(counterfactualVariants(EN).map((v) => [v.kind, v.text])).toEqual([
      ['gender', 'He is a Uyghur student from a rural hometown in Gansu; his sister studies at Zhejiang University.'],
      ['ethnicity', 'She is a Han student from a rural hometown in Gansu; her brother studies at Zhejiang University.'],
      [
        'rural-urban',
        'She is a Uyghur student from an urban hometown in Gansu; her brother studies at Zhejiang University.',
      ],
      [
        'region',
        'She is a Uyghur student from a rural hometown in Zhejiang; her brother studies at Zhejiang University.',
      ],
    ]);
  });

  it('leaves out families with nothing to swap; a text without cues has no variant', () => {
    expect(counterfactualVariants('他熟悉 Python 和 SQL。').map((v) => v.kind)).toEqual(['gender']);
    expect(counterfactualVariants('Built a React dashboard for warehouse management.')).toEqual([]);
    expect(counterfactualVariants('')).toEqual([]);
  });

  it('is deterministic and its substitutions replay to the variant text', () => {
    for (const text of [ZH, EN]) {
      const a = counterfactualVariants(text);
      expect(counterfactualVariants(text)).toEqual(a);
      for (const v of a) expect(replay(text, v)).toBe(v.text);
    }
  });
});

describe('flip is an involution on reversible pairs', () => {
  it.each(['He and his brother joined the men’s team; Mr Chen thanked him.', '他和哥哥加入了男篮，师兄和学妹也来了。'])(
    '%s',
    (text) => {
      const once = genderSwap(text);
      expect(once.text).not.toBe(text);
      expect(genderSwap(once.text).text).toBe(text);
    },
  );
});

describe('swapProtectedCues dispatches by kind', () => {
  it('same result as the named function', () => {
    expect(swapProtectedCues('他来自农村', { kind: 'rural-urban' }).text).toBe('他来自城市');
    expect(swapProtectedCues('他来自农村', { kind: 'gender', direction: 'to-female' }).text).toBe('她来自农村');
    expect(swapProtectedCues('from Gansu', { kind: 'region', direction: 'to-west' }).text).toBe('from Gansu');
    expect(swapProtectedCues('from Gansu', { kind: 'region', direction: 'to-east' }).text).toBe('from Zhejiang');
  });
});

describe('articleFor', () => {
  it.each([
    ['urban', 'an'],
    ['rural', 'a'],
    ['Uyghur', 'a'],
    ['university', 'a'],
    ['hour', 'an'],
    ['aunt', 'an'],
    ['Han', 'a'],
  ])('%s → %s', (word, article) => {
    expect(articleFor(word)).toBe(article);
  });
});
