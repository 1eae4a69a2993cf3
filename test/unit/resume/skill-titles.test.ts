import { describe, expect, it } from 'vitest';
import { extractResumeDraft } from '../../../src/domain/resume/index.ts';
import { jobTitleLine } from '../../../src/domain/resume/skill-titles.ts';
import { getTaxonomy } from '../../../src/domain/skills/index.ts';

const RULES = { taxonomy: getTaxonomy(), cues: [] };
const skillsOf = (text: string): string[] =>
  extractResumeDraft(text, RULES)
    .skills.map((s) => s.skillId)
    .sort();

describe('a job title alone is no evidence', () => {
  it.each([
    ['LOGISTICS PLANNING INTERN', true],
    ['Sports Nutrition Assistant', true],
    ['Cloud Engineer Co-op, Salesforce, Toronto', true],
    ['Marketing Analyst | Spotify | 2023 – 2024', true],
    // A description after the title or the employer is evidence.
    ['Data Co-op, Acme (2023): built Tableau dashboards', false],
    ['Museum Guide — led tours in French and German', false],
    ['Worked as a research assistant in a soil lab', false],
    ['- Logistics Planning Intern', false],
    ['Intern', false],
  ])('%s → %s', (line, want) => {
    expect(jobTitleLine(line)).toBe(want);
  });

  it.each([
    'EXPERIENCE\nINVENTORY MANAGEMENT INTERN\nNorthwind Freight | Summer 2024\n• Wrote Python scripts\n',
    'EXPERIENCE\nMarket Research Analyst, Northwind\n• Wrote Python scripts\n',
  ])('reads the description under a title, not the title: %s', (text) => {
    expect(skillsOf(text)).toEqual(['python']);
  });

  it('still reads a role that is a skill by the convention', () => {
    expect(skillsOf('EXPERIENCE\nUndergraduate Teaching Assistant, Chemistry Department\n')).toEqual([
      'academic-research-assistance',
    ]);
  });
});
