/**
 * The labelled résumé sets the skill-cue scripts read: the four dev-set*.ts files and the named held-out-N.json files
 * (every blind set is a dev set once scored; see bench/resume.ts), by file name.
 */
import { readFileSync } from 'node:fs';
import { DEV_SET, type LabelledResume } from '../../bench/data/resume/dev-set.ts';
import { DEV_SET_2 } from '../../bench/data/resume/dev-set-2.ts';
import { DEV_SET_3 } from '../../bench/data/resume/dev-set-3.ts';
import { DEV_SET_4 } from '../../bench/data/resume/dev-set-4.ts';

/**
 * The validation set: scored (as its aggregate only) before and after a re-mine, never read by the miner. One name
 * for the miner and scripts/skill-cues/measure.ts, so that the two never disagree on which set is held back.
 */
export const VALIDATION = 'held-out-17.json';
/** The scored blind sets that are dev sets (bench/resume.ts), by their N; VALIDATION among them. */
export const DEV_HELD_OUT = Array.from({ length: 31 }, (_, i) => String(i + 3)); // held-out-3 … held-out-33
/** The sets the miner learns from: every dev set but VALIDATION. */
export const TRAINING_HELD_OUT = DEV_HELD_OUT.filter((n) => `held-out-${n}.json` !== VALIDATION);

const json = (file: string): LabelledResume[] =>
  JSON.parse(readFileSync(new URL(`../../bench/data/resume/${file}`, import.meta.url), 'utf8')) as LabelledResume[];

/** The dev-set*.ts files and held-out-N.json for each N of `heldOut`, keyed by file name. */
export function labelledSets(heldOut: readonly string[]): Record<string, readonly LabelledResume[]> {
  return {
    'dev-set.ts': DEV_SET,
    'dev-set-2.ts': DEV_SET_2,
    'dev-set-3.ts': DEV_SET_3,
    'dev-set-4.ts': DEV_SET_4,
    ...Object.fromEntries(heldOut.map((n) => [`held-out-${n}.json`, json(`held-out-${n}.json`)])),
  };
}
