import { describe, expect, it } from 'vitest';
import { SKILL_CUES } from '../../../src/domain/resume/data/skill-cues.ts';
import { resumeLines } from '../../../src/domain/resume/extract.ts';
import { cueHits, cueTerms, phraseTerm, type SkillCue } from '../../../src/domain/resume/skill-cues.ts';
import { extractResumeSkills } from '../../../src/domain/resume/skills.ts';
import { getTaxonomy } from '../../../src/domain/skills/index.ts';

const taxonomy = getTaxonomy();
const cue = (term: string, skillId: string): SkillCue => ({
  cue: term,
  skillId,
  lang: /[\u4e00-\u9fff]/u.test(term) ? 'zh' : 'en',
  support: 5,
  precision: 1,
  gain: 2,
});
// Cues no rule reads, so that what is found is the cues' doing.
const CUES = [cue('quizzed pupils', 'educational-assessment'), cue('值日安排', 'event-planning')];
const skillsOf = (text: string, cues: readonly SkillCue[] = CUES) =>
  extractResumeSkills(resumeLines(text), taxonomy, new Set(), cues).skills.map(
    ({ skillId, source, evidence, name }) => ({
      skillId,
      source,
      evidence,
      name,
    }),
  );

describe('cue terms', () => {
  it('cuts English into 1-4 word runs within a clause, numbers as #', () => {
    expect([...cueTerms('Marked 30 papers, weekly')].sort()).toEqual(
      ['#', '# papers', 'marked', 'marked #', 'marked # papers', 'papers', 'weekly'].sort(),
    );
  });

  it('keeps a word with a digit whole and breaks runs at Chinese', () => {
    expect([...cueTerms('3D printed 外壳 parts')].sort()).toEqual(
      ['3d', '3d printed', 'printed', 'parts', '外壳'].sort(),
    );
  });

  it('cuts Chinese into runs of 2-4 characters that start and end where its words do', () => {
    expect([...cueTerms('批改作业')].sort()).toEqual(['批改', '批改作业', '作业'].sort());
    // No 事起 of 民事起诉, no 费者 of 消费者.
    expect([...cueTerms('民事起诉')].sort()).toEqual(['民事', '民事起诉', '起诉'].sort());
    expect([...cueTerms('了解消费者需求')].sort()).toEqual(
      ['了解', '了解消费', '消费', '消费者', '者需求', '需求'].sort(),
    );
  });

  it('reads a skill name as the term it would be', () => {
    expect([phraseTerm('Lesson Planning'), phraseTerm('教学设计'), phraseTerm('C++')]).toEqual([
      'lesson planning',
      '教学设计',
      'c',
    ]);
  });
});

describe('cue hits', () => {
  it('gives each skill once, with the words as the sentence wrote them', () => {
    expect(cueHits('Quizzed  Pupils weekly and quizzed pupils again', CUES)).toEqual([
      { skillId: 'educational-assessment', text: 'Quizzed  Pupils' },
    ]);
  });

  it('needs the whole term: a word inside another is no hit', () => {
    expect(cueHits('requizzed pupilsmost', CUES)).toEqual([]);
  });
});

describe('cues in the extractor', () => {
  it('adds the skill as inferred, with its sentence, in an experience', () => {
    expect(skillsOf('EXPERIENCE\nAssistant, Bright Minds (2023)\nQuizzed pupils on fractions every Friday.')).toEqual([
      {
        skillId: 'educational-assessment',
        source: 'inferred',
        evidence: 'Quizzed pupils on fractions every Friday.',
        name: 'Quizzed pupils',
      },
    ]);
  });

  it('reads Chinese prose', () => {
    expect(skillsOf('实习经历\n负责班级值日安排与卫生检查').map((s) => s.skillId)).toEqual(['event-planning']);
  });

  it('does not fire in contact details, an objective or an education line', () => {
    const text = [
      'Name: Quizzed Pupils',
      'OBJECTIVE',
      'Quizzed pupils in a school I would join',
      'EDUCATION',
      'B.Ed. Quizzed Pupils University, 2024',
    ].join('\n');
    expect(skillsOf(text)).toEqual([]);
  });

  it('does not fire in a wish', () => {
    expect(skillsOf('实习经历\n希望学习值日安排')).toEqual([]);
  });

  it("does not add what a teaching assistant's context refuses", () => {
    expect(skillsOf('EXPERIENCE\nTeaching Assistant, ECON 101\nQuizzed pupils on fractions every Friday.')).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ skillId: 'educational-assessment' })]),
    );
  });

  it("keeps a rule's own evidence for a skill the rules found", () => {
    const found = skillsOf('SKILLS\nEducational assessment\nEXPERIENCE\nQuizzed pupils on fractions every Friday.');
    expect(found).toContainEqual({
      skillId: 'educational-assessment',
      source: 'declared',
      evidence: 'Educational assessment',
      name: 'Educational assessment',
    });
  });

  it('adds nothing without cues', () => {
    expect(skillsOf('EXPERIENCE\nQuizzed pupils on fractions every Friday.', [])).toEqual([]);
  });
});

describe('the mined cues', () => {
  it('are terms a sentence can have, of skills the taxonomy knows, each fired by its own words', () => {
    for (const c of SKILL_CUES) {
      expect(cueTerms(c.cue).has(c.cue)).toBe(true);
      expect(taxonomy.get(c.skillId)).toBeDefined();
      expect(cueHits(c.cue, [c])).toEqual([{ skillId: c.skillId, text: c.cue }]);
    }
  });
});
