/**
 * The labelled résumé sets the skill-cue scripts read: the four dev-set*.ts files and the named held-out-N.json files
 * (every blind set is a dev set once scored; see bench/resume.ts), by file name.
 */
import { readFileSync } from 'node:fs';
import { DEV_SET, type LabelledResume } from '../../bench/data/resume/dev-set.ts';
import { DEV_SET_2 } from '../../bench/data/resume/dev-set-2.ts';
import { DEV_SET_3 } from '../../bench/data/resume/dev-set-3.ts';
import { DEV_SET_4 } from '../../bench/data/resume/dev-set-4.ts';

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
