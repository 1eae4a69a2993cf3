import { describe, expect, it } from 'vitest';
import { genderSwap } from '../../../src/domain/counterfactual/index.ts';

const flip = (s: string): string => genderSwap(s).text;

describe('Chinese gender swap (flip)', () => {
  it.each([
    ['他是一名优秀的男生。', '她是一名优秀的女生。'],
    ['她们获得了女篮冠军。', '他们获得了男篮冠军。'],
    ['性别：男', '性别：女'],
    ['张伟，男，22岁', '张芳，女，22岁'],
    ['王女士和李先生', '王先生和李女士'],
    ['男士服装店', '女士服装店'],
    ['我有一个哥哥和两个妹妹。', '我有一个姐姐和两个弟弟。'],
    ['作为男性程序员，他加入了女子足球队的志愿者团队。', '作为女性程序员，她加入了男子足球队的志愿者团队。'],
    ['师兄带我做实验，学姐帮我改论文。', '师姐带我做实验，学长帮我改论文。'],
    ['我叫李欣怡，在上海工作。', '我叫李浩然，在上海工作。'],
    ['高强度训练，王强是队长。', '高强度训练，王娜是队长。'],
    ['我和张伟、李娜一起参加比赛。', '我和张芳、李强一起参加比赛。'],
    ['女儿和儿子', '儿子和女儿'],
    ['我爸爸是工程师', '我妈妈是工程师'],
    ['南京男篮', '南京女篮'],
  ])('%s', (input, expected) => {
    expect(flip(input)).toBe(expected);
  });
});

describe('Chinese negatives (look-alikes claimed first, neutral pairs kept)', () => {
  it.each([
    '其他同学和他人都喜欢弹吉他。',
    // Decided: naming both sexes is neutral, so 男女不限 / 男女平等 / 男女生 are not rewritten.
    '男女不限，男女平等，男女生比例均衡。',
    '首先生成报告，率先生产，优先生效。',
    '我们先生成数据，再先生产样品。',
    '兄弟院校交流，兄弟姐妹三人。',
    '子女教育，妇女性别研究。',
    '他/她的导师；性别：男/女',
    '伟大的强国，静态网页，美丽的城市。',
    '石磊落的高强度训练',
  ])('%s', (input) => {
    expect(flip(input)).toBe(input);
  });
});

describe('Chinese gender swap: spans and direction', () => {
  it('reports spans in UTF-16 offsets of the original text', () => {
    expect(genderSwap('他的姐姐').substitutions).toEqual([
      { start: 0, end: 1, from: '他', to: '她', cue: 'pronoun' },
      { start: 2, end: 4, from: '姐姐', to: '哥哥', cue: 'gendered-word' },
    ]);
  });

  it('to-male rewrites female cues only; lang restricts the rule set', () => {
    expect(genderSwap('他和她', { direction: 'to-male' }).text).toBe('他和他');
    expect(genderSwap('他 said he', { lang: 'en' }).text).toBe('他 said she');
    expect(genderSwap('他 said he', { lang: 'zh' }).text).toBe('她 said he');
  });
});
