import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/domain/text/normalize.ts';
import { stemEnglish } from '../../../src/domain/text/stem.ts';
import { analyze, cjkBigrams, tokenizeWords, trigrams } from '../../../src/domain/text/tokenize.ts';

describe('normalizeText', () => {
  it.each([
    ['ＰＹＴＨＯＮ　３年', 'python 3年'],
    ['Data  Analyst\t\n', 'data analyst'],
    ['熟悉【机器学习】、数据分析。', '熟悉[机器学习],数据分析.'],
    ['ﬁnance', 'finance'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('is idempotent', () => {
    const once = normalizeText('Ｃ＃ 和 ＳＱＬ，熟练使用Ｅｘｃｅｌ');
    expect(normalizeText(once)).toBe(once);
  });
});

describe('stemEnglish (Harman S-stemmer)', () => {
  it.each([
    ['companies', 'company'],
    ['databases', 'database'],
    ['skills', 'skill'],
    ['status', 'status'],
    ['business', 'business'],
    ['analysis', 'analysis'],
    ['engineering', 'engineering'],
    ['aws', 'aws'],
  ])('%s → %s', (word, stem) => {
    expect(stemEnglish(word)).toBe(stem);
  });
});

describe('tokenizeWords', () => {
  it.each([
    ['Skills: Python, 数据分析', ['skill', 'python', '数据', '分析']],
    ['熟悉机器学习和数据分析', ['机器', '学习', '数据', '分析']],
    [
      "C++ and C# on .NET, Node.js full-stack; engineer's databases",
      ['c++', 'c#', '.net', 'node.js', 'full', 'stack', 'engineer', 'database'],
    ],
    ['ＰＹＴＨＯＮ　３年经验，熟练使用Ｅｘｃｅｌ', ['python', '3', '经验', '使用', 'excel']],
    ['the of and 的 和', []],
    ['', []],
  ])('%j', (text, expected) => {
    expect(tokenizeWords(text)).toEqual(expected);
  });
});

describe('cjkBigrams', () => {
  it('forms bigrams inside runs of Han words and breaks them at stop words', () => {
    expect(cjkBigrams('熟悉机器学习和数据分析')).toEqual(['机器', '器学', '学习', '数据', '据分', '分析']);
  });
  it('recovers words the segmenter split into characters', () => {
    expect(cjkBigrams('3D建模')).toEqual(['建模']);
  });
});

describe('analyze', () => {
  it('emits words, zh2: bigrams and tri: trigrams in that order', () => {
    expect(analyze('Java 机器学习')).toEqual([
      'java',
      '机器',
      '学习',
      'zh2:机器',
      'zh2:器学',
      'zh2:学习',
      'tri:<ja',
      'tri:jav',
      'tri:ava',
      'tri:va>',
    ]);
  });
  it('can leave out n-grams', () => {
    expect(analyze('Java 机器学习', { latinTrigrams: false, cjkBigrams: false })).toEqual(['java', '机器', '学习']);
  });
  it('gives trigrams with boundary markers', () => {
    expect(trigrams('sql')).toEqual(['<sq', 'sql', 'ql>']);
  });
  it('only reads the first 100,000 characters of a huge input', () => {
    const huge = `${'python '.repeat(20_000)}excel`;
    expect(tokenizeWords(huge)).not.toContain('excel');
  });
});
