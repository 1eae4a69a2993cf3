import { describe, expect, it } from 'vitest';
import { analyzeLexical, lexicalTerms } from '../../../src/domain/text/lexical-analyzer.ts';

const terms = (text: string) => analyzeLexical(text).map((t) => t.term);
const surface = (text: string) => analyzeLexical(text).map((t) => text.slice(t.start, t.end));

describe('lexical analyzer', () => {
  it('splits Chinese into overlapping bigrams, breaking runs at stop words', () => {
    expect(terms('数据分析')).toEqual(['数据', '据分', '分析']);
    // 和 is a stop word: no bigram 据和 / 和分.
    expect(terms('数据和分析')).not.toContain('据和');
    expect(terms('护士')).toEqual(['护士']);
  });

  it('keeps an isolated Han character as a unigram', () => {
    expect(terms('a 岗')).toEqual(['岗']);
  });

  it('folds traditional to simplified and full-width to half-width, with offsets into the original text', () => {
    expect(terms('軟體工程師')).toEqual(terms('软体工程师'));
    expect(terms('ＰＹＴＨＯＮ')).toEqual(['python']);
    expect(surface('熟悉ＳＱＬ與Python')).toEqual(['ＳＱＬ', 'Python']);
    expect(surface('高級軟體')).toEqual(['高級', '級軟', '軟體']);
  });

  it('lower-cases, drops stop words, folds plurals, keeps c++, c# and .net whole', () => {
    expect(terms('The Data Analysts of the team')).toEqual(['data', 'analyst', 'team']);
    expect(terms('C++, C# and .NET')).toEqual(['c++', 'c#', '.net']);
  });

  it('handles mixed-language text in one pass', () => {
    expect(lexicalTerms('Java 开发工程师 Java')).toEqual(['java', '开发', '发工', '工程', '程师']);
  });
});
