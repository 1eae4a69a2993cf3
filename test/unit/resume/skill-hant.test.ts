import { describe, expect, it } from 'vitest';
import { extractResumeDraft } from '../../../src/domain/resume/index.ts';
import { toSimplified } from '../../../src/domain/resume/skill-hant.ts';
import { getTaxonomy } from '../../../src/domain/skills/index.ts';

const taxonomy = getTaxonomy();

describe('traditional Chinese read as simplified', () => {
  it('maps character by character and keeps the length', () => {
    expect(toSimplified('數據分析與專案管理')).toBe('数据分析与专案管理');
    expect(toSimplified('Python、護理')).toBe('Python、护理');
    expect(toSimplified('数据分析')).toBe('数据分析');
    expect(toSimplified('機器學習').length).toBe(4);
  });

  it('finds skills written in traditional characters and shows the evidence as written', () => {
    const draft = extractResumeDraft('專業技能\n機器學習、數據分析、Python', { taxonomy });
    expect(draft.skills.map((s) => [s.skillId, s.name, s.evidence])).toEqual([
      ['machine-learning', '機器學習', '機器學習、數據分析、Python'],
      ['data-analysis', '數據分析', '機器學習、數據分析、Python'],
      ['python', 'Python', '機器學習、數據分析、Python'],
    ]);
  });
});
