import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEV_HELD_OUT, labelledSets, TRAINING_HELD_OUT, VALIDATION } from '../../../scripts/skill-cues/sets.ts';

// The held-out files bench/resume.ts scores as dev sets (its devSets block), read from its source: the bench runs on
// import, and a set that became a dev set there must join the miner's too.
const benchDevHeldOut = (): string[] => {
  const source = readFileSync(new URL('../../../bench/resume.ts', import.meta.url), 'utf8');
  const start = source.indexOf('const devSets = {');
  const block = source.slice(start, source.indexOf('};', start));
  return [...block.matchAll(/'held-out-(\d+)\.json': frozenSet\(/gu)].map((m) => m[1] ?? '');
};

describe('skill-cue sets', () => {
  it('are the dev sets bench/resume.ts scores', () => {
    expect([...DEV_HELD_OUT].sort()).toEqual(benchDevHeldOut().sort());
  });

  it('train on every dev set but the validation set, which is one of them', () => {
    const training = Object.keys(labelledSets(TRAINING_HELD_OUT));
    const dev = Object.keys(labelledSets(DEV_HELD_OUT));
    expect(dev).toContain(VALIDATION);
    expect(training).not.toContain(VALIDATION);
    expect(training).toEqual(dev.filter((f) => f !== VALIDATION));
  });
});
