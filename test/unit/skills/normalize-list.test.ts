import { describe, expect, it } from 'vitest';
import { getTaxonomy, normalizeSkillList } from '../../../src/domain/skills/index.ts';

const taxonomy = getTaxonomy();

describe('normalizeSkillList: one result per declared item', () => {
  it.each<[string, string | null, string, string[]]>([
    ['Go', 'go', 'go', []],
    ['R', 'r', 'r', []],
    ['excel', 'excel', 'excel', []],
    ['Ｐｙｔｈｏｎ', 'python', 'python', []],
    ['React.js', 'react', 'react.js', []],
    ['机器学习', 'machine-learning', '机器学习', []],
    ['Python/SQL', 'python', 'python/sql', ['sql']],
    ['熟练掌握Photoshop', 'photoshop', '熟练掌握photoshop', []],
    ['Excel (advanced)', 'excel', 'excel (advanced)', []],
    ['  Underwater  Basket-Weaving ', null, 'underwater basket-weaving', []],
    ['打麻将', null, '打麻将', []],
  ])('%j → %s', (input, id, label, also) => {
    expect(normalizeSkillList([input], taxonomy)).toEqual([{ input, id, label, also }]);
  });

  it('keeps order and length', () => {
    const out = normalizeSkillList(['SQL', 'unknown thing', 'CET-6'], taxonomy);
    expect(out.map((x) => x.id)).toEqual(['sql', null, 'cet-6']);
  });
});
