import { describe, expect, it } from 'vitest';
import { extractResumeDraft } from '../../../src/domain/resume/index.ts';
import { classroomSkills } from '../../../src/domain/resume/skill-classroom.ts';
import { phraseSkills } from '../../../src/domain/resume/skill-phrases.ts';
import { roleSkills } from '../../../src/domain/resume/skill-roles.ts';
import { getTaxonomy } from '../../../src/domain/skills/index.ts';

const taxonomy = getTaxonomy();
const ids = (text: string): string[] =>
  extractResumeDraft(text, { taxonomy })
    .skills.map((s) => s.skillId)
    .sort();

describe("a teacher's assessments and units", () => {
  it.each([
    ['Assessed SACs and provided written feedback', ['educational-assessment']],
    ['used Canvas LMS and Kahoot for formative checks', ['educational-assessment']],
    ['prepares daily lesson logs and quarterly exams', ['educational-assessment']],
    [
      'Designed a place-based inquiry unit with proficiency-scale assessment',
      ['educational-assessment', 'lesson-planning'],
    ],
    ['Planned and taught Social Studies 9 and English 10 for 13 weeks', ['lesson-planning']],
    ['plan weekly literacy and sensory activities', ['lesson-planning']],
    ['Set and marked Year 10 end-of-topic tests', ['educational-assessment']],
    ['Run standardized tests each term and regroup pupils', ['educational-assessment']],
    ['Drafted schemes of work for Key Stage 3 geography', ['lesson-planning']],
    ['Wrote and taught a four-lesson sequence on fractions', ['lesson-planning']],
    ['Wrote weekly spelling tests for the reading groups', ['educational-assessment']],
    ['Designed exit tickets for each maths lesson', ['educational-assessment']],
    ['marked attendance on the register', []],
    ['ran a needs assessment for the school district', []],
    ['Planned and led 9 vaping-prevention workshops in middle schools', []],
  ])('%s', (sentence, want) => {
    expect(classroomSkills(sentence).map((h) => h.skillId)).toEqual(want);
  });

  it("reads them in a teacher's résumé only", () => {
    const work = '- Assessed reading levels and designed a fractions unit';
    expect(ids(`Experience\nSecond Grade Teacher, Wake County Schools (2023 – present)\n${work}`)).toEqual([
      'educational-assessment',
      'lesson-planning',
      'teaching',
    ]);
    expect(ids(`Experience\nProject Engineer, Turner Construction (2023 – present)\n${work}`)).toEqual([]);
  });

  it("takes a teacher's degree for a teacher's résumé, and a class's unit tests for no software test", () => {
    const text = 'Bachelor of Education (Primary), 2024\nPlacements\n- Gave unit tests and reviewed them with pupils';
    expect(ids(text)).toContain('educational-assessment');
    expect(ids(text)).not.toContain('unit-testing');
    expect(ids('Experience\nSoftware Intern, Acme (2024)\n- Wrote unit tests in Jest')).toContain('unit-testing');
  });
});

describe('quality and clinical laboratory work', () => {
  it.each([
    ['Quality Control Intern, Catalent Pharma Solutions', ['quality-management']],
    ['QC Analyst, Apotex Inc., Toronto (Jul 2022 – present)', ['quality-management']],
    ['Beef Quality Assurance certified', []],
  ])('role %s', (line, want) => {
    expect(roleSkills(line).map((h) => h.skillId)).toEqual(want);
  });

  it.each([
    ['wrote deviation reports', 'quality-management'],
    ['supported two CAPA investigations', 'quality-management'],
    ['ran CBCs on Sysmex XN', 'clinical-laboratory'],
    ['QC with Levey-Jennings charts', 'clinical-laboratory'],
    ['ABO/Rh typing, antibody screens, crossmatches', 'clinical-laboratory'],
    ['process and accession specimens in the LIS', 'clinical-laboratory'],
  ])('phrase %s', (sentence, id) => {
    expect(phraseSkills(sentence).map((h) => h.skillId)).toEqual([id]);
  });

  it('leaves a CBC read, not run, to the clinician', () => {
    expect(phraseSkills('reviewed CBC results with the charge nurse')).toEqual([]);
  });
});

describe("a pre-school graduate's talents and a homeroom post", () => {
  const rules = (text: string): string[] =>
    extractResumeDraft(text, { taxonomy, cues: [] })
      .skills.map((s) => s.skillId)
      .sort();

  it.each([
    ['talents listed by a pre-school graduate', '学前教育 专科\n特长\n钢琴（业余八级）、舞蹈、简笔画', []],
    [
      'a dance class taught in a kindergarten',
      '学前教育 专科\n实习经历\n在幼儿园配班，带幼儿上舞蹈课',
      ['arts-education', 'dance', 'teaching'],
    ],
    ['a piano competition', '学前教育 专科\n获奖\n全省钢琴比赛二等奖', ['music-performance']],
    [
      'a music graduate’s talents',
      '音乐学（钢琴教育方向） 本科\n特长\n钢琴（业余十级）、舞蹈',
      ['dance', 'music-performance'],
    ],
    ['a homeroom post alone', '汉语言文学（师范） 本科\n教育实习\n担任副班主任，协助家长沟通', []],
    [
      'a class managed beside it',
      '汉语言文学（师范） 本科\n教育实习\n担任副班主任，负责班级管理',
      ['classroom-management'],
    ],
    [
      'class meetings beside it',
      '汉语言文学（师范） 本科\n教育实习\n担任实习班主任，组织主题班会',
      ['classroom-management'],
    ],
  ])('%s', (_, text, want) => {
    expect(rules(text)).toEqual(want);
  });
});
