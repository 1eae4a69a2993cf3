import { describe, expect, it } from 'vitest';
import { extractResumeDraft } from '../../../src/domain/resume/index.ts';
import { familySkills } from '../../../src/domain/resume/skill-families.ts';
import { getTaxonomy } from '../../../src/domain/skills/index.ts';

const family = (sentence: string): string[] => familySkills(sentence).map((h) => h.skillId);

describe('general skills stated as what was done', () => {
  it.each([
    ['用 Python 分析仓内拣货路径数据，提出波次合并方案', ['data-analysis']],
    ['整理调查数据，用 SPSS 做方差分析。', ['data-analysis']],
    ['Analyzed statewide overdose surveillance data in SAS and R', ['data-analysis']],
    ['用 Excel 做投放效果分析', ['excel-data-analysis']],
    ['大三做了一学期教育实习，独立上了 20 节数学课', ['teaching', 'mathematics-teaching']],
    ['担任初二年级语文教学，兼任班主任', ['teaching']],
    [
      'Graduate Student Instructor: led sections of 30 students, wrote and graded problem sets',
      ['teaching', 'educational-assessment'],
    ],
    ['Presented weekly tutorials to 40 first-year students and marked tests.', ['teaching', 'educational-assessment']],
    ['设计并组织中班主题活动 15 次', ['lesson-planning', 'early-childhood-education']],
    ['承担初一年级 4 个班体育课，编写教案', ['teaching', 'physical-education']],
    ['2021 年起在琴行兼职钢琴教师，教 12 名 6-14 岁学生', ['teaching', 'arts-education']],
    ['Co-taught an intermediate adult ESL class of 15', ['teaching', 'tesol']],
  ])('%s', (sentence, ids) => {
    expect(family(sentence)).toEqual(ids);
  });

  it.each([
    // A statistics method is statistics, a skill of its own name; a course or a class attended is no teaching.
    '负责病例收集和 SPSS 统计分析',
    'At school I taught myself SQL and Tableau.',
    '主修课程：数据结构、操作系统',
    'Completed a risk assessments review for the audit team',
    '参与课题组的文献整理',
    'Self-taught in Figma',
  ])('nothing in %s', (sentence) => {
    expect(family(sentence)).toEqual([]);
  });

  it('marks a family skill inferred and keeps its sentence as evidence', () => {
    const text = '实习经历\n2023.09-2023.12 某小学 实习教师\n独立上了 20 节数学课，批改作业。';
    const teaching = extractResumeDraft(text, { taxonomy: getTaxonomy() }).skills.find((s) => s.skillId === 'teaching');
    expect(teaching).toEqual({
      name: '独立上了 20 节数学课',
      skillId: 'teaching',
      source: 'inferred',
      evidence: '独立上了 20 节数学课，批改作业。',
    });
  });
});
