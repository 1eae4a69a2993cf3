import { describe, expect, it } from 'vitest';
import { aliasStem, stemMentions } from '../../../src/domain/resume/skill-stems.ts';
import { getTaxonomy } from '../../../src/domain/skills/index.ts';

const taxonomy = getTaxonomy();

describe('Chinese aliases written without their generic last word', () => {
  it.each([
    ['班主任工作', '班主任'],
    ['辅导员工作', undefined],
    ['焊接技术', undefined],
    ['沟通表达能力', '沟通表达'],
  ])('%s', (alias, stem) => {
    expect(aliasStem(alias)).toBe(stem);
  });

  it('finds the stem of a skill that is no soft skill', () => {
    expect(stemMentions('- 担任副班主任', taxonomy).map((m) => [m.id, m.text])).toEqual([
      ['classroom-management', '班主任'],
    ]);
    expect(stemMentions('良好的沟通表达', taxonomy)).toEqual([]);
    expect(stemMentions('校心理中心朋辈辅导员', taxonomy)).toEqual([]);
  });
});
