import { describe, expect, it } from 'vitest';
import { genderSwap } from '../../../src/domain/counterfactual/index.ts';

const flip = (s: string): string => genderSwap(s).text;

describe('English gender swap (flip)', () => {
  it.each([
    ['He is a team player.', 'She is a team player.'],
    ['She led her team to win.', 'He led his team to win.'],
    ['I helped her with the report.', 'I helped him with the report.'],
    ['I gave her the book.', 'I gave him the book.'],
    ['Let her win.', 'Let him win.'],
    ['Thank her.', 'Thank him.'],
    ['The award is hers, not his.', 'The award is his, not hers.'],
    ['Her thesis won; the prize was his.', 'His thesis won; the prize was hers.'],
    ['told him about his own project', 'told her about her own project'],
    ['He himself wrote it.', 'She herself wrote it.'],
    ['HE IS READY.', 'SHE IS READY.'],
    ["He's a fraternity member; she's in a sorority.", "She's a sorority member; he's in a fraternity."],
    ['A female-led startup hired a businessman.', 'A male-led startup hired a businesswoman.'],
    ["men's basketball team captain", "women's basketball team captain"],
    ['Chairman of the student union', 'Chairwoman of the student union'],
    ['My brother and my mum', 'My sister and my dad'],
    [
      'Mr. Smith and Ms. Lee; MS in Statistics; I miss Mrs Brown; Miss Chen.',
      'Ms. Smith and Mr. Lee; MS in Statistics; I miss Mr Brown; Mr Chen.',
    ],
    ['James and Mary presented.', 'Mary and James presented.'],
  ])('%s', (input, expected) => {
    expect(flip(input)).toBe(expected);
  });
});

describe('English negatives: left exactly as they are', () => {
  it.each([
    'Management of the shell company: the theme, the therapist, the shepherd, human resources in Manhattan.',
    'The theme of whether other heroes use chemistry.',
    'Man-hours were tracked; he or she may apply.',
    'His/her role is defined by men and women alike.',
    'Brothers and sisters, ladies and gentlemen.',
    'We use the actor model in Akka and write Julia and Ruby.',
    'MS in Computer Science; I will mark the grace period.',
    'james@example.com wrote to mary.',
  ])('%s', (input) => {
    const r = genderSwap(input);
    expect(r.text).toBe(input);
    expect(r.substitutions).toEqual([]);
  });
});

describe('English gender swap: spans, direction, names option', () => {
  it('reports each substitution with its offsets in the original text', () => {
    expect(genderSwap('She told him.').substitutions).toEqual([
      { start: 0, end: 3, from: 'She', to: 'He', cue: 'pronoun' },
      { start: 9, end: 12, from: 'him', to: 'her', cue: 'pronoun' },
    ]);
  });

  it('to-female leaves female cues and rewrites male ones only', () => {
    expect(genderSwap('He thanked her and his sister.', { direction: 'to-female' }).text).toBe(
      'She thanked her and her sister.',
    );
    expect(genderSwap('He thanked her and his sister.', { direction: 'to-male' }).text).toBe(
      'He thanked him and his brother.',
    );
  });

  it('names can be switched off', () => {
    expect(genderSwap('John said he would come.', { names: false }).text).toBe('John said she would come.');
    expect(genderSwap('John said he would come.').text).toBe('Patricia said she would come.');
  });

  it('fixes the article when the swapped word changes it', () => {
    const r = genderSwap('He is a waiter at an uncle’s cafe.');
    expect(r.text).toBe('She is a waitress at an aunt’s cafe.');
  });
});
