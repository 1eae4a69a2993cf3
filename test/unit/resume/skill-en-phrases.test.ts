import { describe, expect, it } from 'vitest';
import { phraseSkills } from '../../../src/domain/resume/skill-phrases.ts';

describe('English work written as a phrase', () => {
  it.each([
    ['shot b-roll and cut VOs in Adobe Premiere', 'video-editing'],
    ['edited packages in Premiere Pro', 'video-editing'],
    ['basic Adobe Premiere Pro editing', 'video-editing'],
    ['Wrote Kafka consumers for settlement events', 'message-queue'],
    ['processing 3M events/day from Kafka', 'message-queue'],
    ['Used Kafka to decouple the settlement notification flow', 'message-queue'],
    ['analysed data in REDCap and Excel', 'excel'],
    ['Automated a weekly Excel pack into Power BI', 'excel'],
    ['Excel modelling', 'excel'],
    ['prepared print-ready files in InDesign', 'graphic-design'],
    ['Produced brand identity roll-outs for a museum rebrand', 'graphic-design'],
    ['Design packaging, social assets and campaign toolkits', 'graphic-design'],
  ])('%s', (sentence, id) => {
    expect(phraseSkills(sentence).map((h) => h.skillId)).toEqual([id]);
  });

  it.each([
    'cut p99 latency 35%',
    'Built Airflow DAGs that load Kafka topics into ClickHouse',
    'Excel at building rapport with clients',
    'students who excel in maths',
  ])('reads no skill in %s', (sentence) => {
    expect(phraseSkills(sentence)).toEqual([]);
  });

  it('reads a video shot and edited as both, and stories edited as no video', () => {
    const ids = (s: string): string[] => phraseSkills(s).map((h) => h.skillId);
    expect(ids('shot and edited short vertical videos for the paper')).toEqual(['video-editing', 'video-shooting']);
    expect(ids('Edited 5–8 stories a day; managed a desk of 12 reporters')).toEqual(['editing-proofreading']);
    // Packaging has an id of its own, and is no graphic design by itself.
    expect(ids('Designed packaging mock-ups and a poster series')).toEqual(['packaging-design']);
  });
});
