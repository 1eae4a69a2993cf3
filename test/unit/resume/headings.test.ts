import { describe, expect, it } from 'vitest';
import { headingOf, splitSections } from '../../../src/domain/resume/sections.ts';

describe('résumé headings of more layouts', () => {
  it.each([
    ['~ 技能 ~', 'skills'],
    ['~ 经历 ~', 'experience'],
    ['—— 研究经历 ——', 'experience'],
    ['▌设计经历', 'experience'],
    ['★ 科研与实习', 'experience'],
    ['教学实践', 'experience'],
    ['受教育经历', 'education'],
    ['研究技能', 'skills'],
    ['CO-OP EXPERIENCE', 'experience'],
    ['TEACHING', 'experience'],
    ['CREDITS', 'experience'],
    ['SELECTED SKILLS', 'skills'],
    ['CORE COMPETENCIES', 'skills'],
    ['HIGHLIGHTS OF QUALIFICATIONS', 'summary'],
    ['SUMMARY OF QUALIFICATIONS', 'summary'],
    ['LICENSURE & CERTIFICATIONS', 'certificates'],
  ])('%s opens %s', (line, kind) => {
    expect(headingOf(line)?.kind).toBe(kind);
  });

  it('reads the lines under a decorated heading into its section', () => {
    const lines = splitSections('余若曦\n~ 技能 ~\nPhotoshop / Illustrator\n~ 经历 ~\n负责海报设计');
    expect(lines.map((l) => [l.text, l.section])).toEqual([
      ['余若曦', 'header'],
      ['Photoshop / Illustrator', 'skills'],
      ['负责海报设计', 'experience'],
    ]);
  });

  it('still takes a sentence mentioning teaching for no heading', () => {
    expect(headingOf('Teaching assistant for Calculus I')).toBeUndefined();
  });
});

describe('résumé headings split by a slash or written as a table header', () => {
  it.each([
    ['工作/实习:', 'experience'],
    ['三、教育实践', 'experience'],
    ['Skill              | Level', 'skills'],
  ])('%s opens %s', (line, kind) => {
    expect(headingOf(line)?.kind).toBe(kind);
  });
});
