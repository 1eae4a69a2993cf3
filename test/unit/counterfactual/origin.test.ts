import { describe, expect, it } from 'vitest';
import { EAST, WEST, originSwap } from '../../../src/domain/counterfactual/index.ts';

const rural = (s: string): string => originSwap(s, { axis: 'rural-urban' }).text;
const region = (s: string): string => originSwap(s, { axis: 'region' }).text;

describe('rural ↔ urban origin (flip)', () => {
  it.each([
    ['我来自农村，是农村户口。', '我来自城市，是城镇户口。'],
    ['来自甘肃的一个小山村', '来自甘肃的一个小城市'],
    ['我在农村长大，农村出身。', '我在城市长大，城市出身。'],
    ['来自县城，家住乡镇', '来自市区，家住市区'],
    ['我来自城市，城镇户口，非农业户口', '我来自农村，农村户口，农业户口'],
    ['曾是留守儿童，来自农民家庭', '曾是城市儿童，来自城市家庭'],
    ['I grew up in a rural hometown.', 'I grew up in an urban hometown.'],
    ['She is from a rural area.', 'She is from an urban area.'],
    ['a first-generation college student from a farming village', 'a first-generation college student from a city'],
    ['I grew up in the countryside.', 'I grew up in the city.'],
    ['He grew up in the city.', 'He grew up in the countryside.'],
    ['I am from a big city.', 'I am from a farming village.'],
    ['rural hukou holder with an urban background', 'urban hukou holder with a rural background'],
    ['agricultural hukou', 'non-agricultural hukou'],
  ])('%s', (input, expected) => {
    expect(rural(input)).toBe(expected);
  });

  it.each([
    '参与农村电商项目，乡村振兴调研，城市规划专业。',
    '来自城市规划专业的同学',
    'Research on rural e-commerce in urban areas.',
    'He is from the city of Hangzhou.',
    'Agricultural economics, urban planning.',
  ])('negative: %s', (input) => {
    expect(rural(input)).toBe(input);
  });

  it('article change is part of the reported span', () => {
    expect(originSwap('from a rural area', { axis: 'rural-urban' }).substitutions).toEqual([
      { start: 5, end: 12, from: 'a rural', to: 'an urban', cue: 'rural-urban' },
    ]);
  });

  it('to-urban leaves urban cues alone', () => {
    expect(originSwap('农村户口，城镇家庭', { axis: 'rural-urban', direction: 'to-urban' }).text).toBe(
      '城镇户口，城镇家庭',
    );
  });
});

describe('west ↔ east region of origin (flip)', () => {
  it.each([
    ['我来自甘肃，毕业于浙江大学。', '我来自浙江，毕业于浙江大学。'],
    ['来自贵州省的学生', '来自江苏省的学生'],
    ['籍贯：西藏', '籍贯：上海'],
    ['生源地：新疆维吾尔自治区', '生源地：福建省'],
    ['我是四川人，在江苏工作。', '我是海南人，在江苏工作。'],
    ['来自北京', '来自青海'],
    ['I am from Gansu Province.', 'I am from Zhejiang Province.'],
    ['born in Inner Mongolia, studied at Zhejiang University', 'born in Jiangsu, studied at Zhejiang University'],
    ['She grew up in Shanghai and interned in Sichuan.', 'She grew up in Tibet and interned in Sichuan.'],
    ['from rural Guizhou', 'from rural Jiangsu'],
  ])('%s', (input, expected) => {
    expect(region(input)).toBe(expected);
  });

  it.each([
    '来自浙江大学的导师',
    '来自江西',
    '贵州人民出版社实习',
    'a graduate from Zhejiang University',
    'from Gansu Agricultural University',
    'Worked in Gansu for a year.',
  ])('negative: %s', (input) => {
    expect(region(input)).toBe(input);
  });

  it('pairs west i ↔ east (i mod 10) and east i → west i', () => {
    expect(WEST).toHaveLength(12);
    expect(EAST).toHaveLength(10);
    // 重庆 is west[9] → east[9] 河北; 陕西 is west[10] → east[0] 浙江; 浙江 → west[0] 甘肃.
    expect(region('来自重庆，来自陕西，来自浙江')).toBe('来自河北，来自浙江，来自甘肃');
    expect(originSwap('来自甘肃和来自浙江', { axis: 'region', direction: 'to-east' }).text).toBe('来自浙江和来自浙江');
  });
});
