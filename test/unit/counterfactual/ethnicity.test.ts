import { describe, expect, it } from 'vitest';
import { MINORITIES, ethnicitySwap } from '../../../src/domain/counterfactual/index.ts';

const flip = (s: string): string => ethnicitySwap(s).text;

describe('ethnicity swap (flip, default minority Uyghur)', () => {
  it.each([
    ['我是汉族，来自新疆。', '我是维吾尔族，来自新疆。'],
    ['民族：汉', '民族：维吾尔'],
    ['民族：回，籍贯宁夏', '民族：汉，籍贯宁夏'],
    ['他是维吾尔族学生，曾在西北民族大学学习。', '他是汉族学生，曾在西北大学学习。'],
    ['作为少数民族学生，我参加了民族预科班。', '作为汉族学生，我参加了预科班。'],
    ['I am Han Chinese.', 'I am Uyghur.'],
    ['President of the Uyghur Student Association', 'President of the Han Student Association'],
    ["President of the Uyghur Students' Association", "President of the Han Students' Association"],
    ['She is an ethnic minority student.', 'She is a Han student.'],
    ['As an ethnic Tibetan, I studied the Tibetan Plateau.', 'As an ethnic Han, I studied the Tibetan Plateau.'],
    ['Hui students and Han students', 'Han students and Uyghur students'],
    ['a member of the Hui ethnic minority', 'a member of the Han'],
  ])('%s', (input, expected) => {
    expect(flip(input)).toBe(expected);
  });

  it.each([
    '在水族馆实习，学习汉语和维吾尔语，武汉大学，回来后去了西藏。',
    '来自宁夏回族自治区，中华民族大团结。',
    'Han Meimei and Dr. Hui Wang wrote the Tibetan Plateau survey.',
    'She is a Uyghur speaker.',
  ])('negative: %s', (input) => {
    expect(flip(input)).toBe(input);
  });

  it('the Han → minority target is an option; unknown ids are refused', () => {
    expect(ethnicitySwap('汉族学生 and Han students', { minority: 'zhuang' }).text).toBe(
      '壮族学生 and Zhuang students',
    );
    expect(() => ethnicitySwap('汉族', { minority: 'klingon' })).toThrow(RangeError);
    expect(MINORITIES).toHaveLength(55);
    expect(new Set(MINORITIES.map((m) => m.zh)).size).toBe(55);
  });

  it('directions: to-majority rewrites only minority cues', () => {
    expect(ethnicitySwap('汉族和藏族', { direction: 'to-majority' }).text).toBe('汉族和汉族');
    expect(ethnicitySwap('汉族和藏族', { direction: 'to-minority' }).text).toBe('维吾尔族和藏族');
  });

  it('a deleted 民族 is reported as a substitution to the empty string', () => {
    expect(ethnicitySwap('中央民族大学').substitutions).toEqual([
      { start: 2, end: 4, from: '民族', to: '', cue: 'ethnicity' },
    ]);
  });
});
