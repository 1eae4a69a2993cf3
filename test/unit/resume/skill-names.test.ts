import { describe, expect, it } from 'vitest';
import { activitySkills } from '../../../src/domain/resume/skill-names.ts';
import { getTaxonomy } from '../../../src/domain/skills/index.ts';

const taxonomy = getTaxonomy();
const ids = (sentence: string): string[] =>
  [...new Set(activitySkills(sentence, taxonomy).map((h) => h.skillId))].sort();

describe('skills named as an activity on an object', () => {
  it.each([
    ['Managed inventory counts and scheduled outbound trucks.', ['inventory-management']],
    ['Designed labels and packaging for a coffee brand', ['packaging-design']],
    ['planned lessons for ESL learners', ['lesson-planning']],
    ['Edited videos and wrote captions', ['video-editing']],
    ['wrote three lesson plans a week', ['lesson-planning']],
    ['Analysed the financial statements of 12 clients', ['financial-analysis']],
    ['负责设计包装和易拉宝', ['packaging-design']],
    ['剪辑视频 30 条', ['video-editing']],
  ])('%s', (sentence, expected) => {
    expect(ids(sentence)).toEqual(expected);
  });

  it('does not take a title, an object past a preposition or a far object for the activity', () => {
    // An agent noun is a title, not the activity.
    expect(ids('Data Analyst Intern at Meituan')).toEqual([]);
    expect(ids('Worked with the inventory manager')).toEqual([]);
    // "a class" is no classroom; the object ends at "of".
    expect(ids('managed a class of 24 pupils')).toEqual([]);
    // More than three words between the verb and the object name no object.
    expect(ids('designed a new way of handling returned posters')).toEqual([]);
  });
});
