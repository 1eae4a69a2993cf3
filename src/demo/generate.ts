import type { EmployerCreate } from '../domain/model/employer.ts';
import { generateEmployers } from './employers.ts';
import { generateGraduate, type DemoGraduate } from './graduates.ts';
import { DEMO_OCCUPATIONS, type DemoOccupation } from './occupations.ts';
import { generatePosting, type DemoPosting } from './postings.ts';
import { createRng, fnv1a } from './random.ts';
import { historyOutcomes, historyPostings } from './history.ts';
import type { OutcomeInput } from '../domain/model/outcome.ts';

export type { DemoPosting } from './postings.ts';

export interface DemoOptions {
  /** Same seed, same data. */
  readonly seed: number | string;
  readonly graduates?: number;
  readonly postings?: number;
  /**
   * The demo's today (YYYY-MM-DD): with it, a history up to the month before (closed postings over 24
   * months, graduates' outcomes) is generated from streams of its own, leaving the rest unchanged.
   */
  readonly asOf?: string;
  /** Closed postings a month in the history, before the season (default 25, the demo's; benchmarks ask more). */
  readonly historyPerMonth?: number;
}

export interface DemoData {
  readonly employers: EmployerCreate[];
  /** employerIndex points into `employers`; the loader swaps it for the stored employer's id. */
  readonly postings: DemoPosting[];
  readonly graduates: DemoGraduate[];
  /** Postings opened and closed over the 24 months before `asOf` (empty without it). */
  readonly closedPostings: DemoPosting[];
  /** Outcome records per graduate, parallel to `graduates` (employerIndex into `employers`). */
  readonly outcomes: (OutcomeInput & { employerIndex?: number })[][];
}

const MIN_EMPLOYERS = 120;

/**
 * Deterministic demo data: employers, open postings and graduates built from the O*NET occupations and
 * the Chinese text in data/. Pure: no clock, no I/O, no Math.random; each part draws from its own PRNG
 * stream (derived from the seed) so changing the number of graduates leaves the postings unchanged.
 */
export const generateDemoData = ({
  seed,
  graduates = 300,
  postings = 2000,
  asOf,
  historyPerMonth,
}: DemoOptions): DemoData => {
  const base = typeof seed === 'string' ? fnv1a(seed) : seed >>> 0;
  const stream = (name: string) => createRng((base ^ fnv1a(name)) >>> 0);

  const empRng = stream('employers');
  const employers = generateEmployers(empRng, Math.max(MIN_EMPLOYERS, Math.ceil(postings / 15)));

  const postRng = stream('postings');
  const byIndustry = (occ: DemoOccupation): number[] =>
    employers.flatMap((e, i) => (occ.zh.industries.includes(e.industry) ? [i] : []));
  const out: DemoPosting[] = [];
  for (let i = 0; i < postings; i++) {
    // The first pass gives every occupation one posting, so all of them appear whatever the seed.
    const occ = DEMO_OCCUPATIONS[i] ?? postRng.pick(DEMO_OCCUPATIONS);
    const candidates = byIndustry(occ);
    const employerIndex = candidates.length > 0 ? postRng.pick(candidates) : postRng.int(0, employers.length - 1);
    out.push(generatePosting(postRng, occ, employers, employerIndex));
  }

  const gradRng = stream('graduates');
  const people = Array.from({ length: graduates }, (_, i) => generateGraduate(gradRng, i));
  const histRng = stream('history');
  const lastMonth = asOf === undefined ? undefined : new Date(`${asOf.slice(0, 7)}-01T00:00:00Z`);
  lastMonth?.setUTCMonth(lastMonth.getUTCMonth() - 1);
  const outRng = stream('outcomes');
  return {
    employers: employers.map((e) => e.record),
    postings: out,
    graduates: people,
    closedPostings: lastMonth
      ? historyPostings(histRng, employers, lastMonth.toISOString().slice(0, 7), historyPerMonth)
      : [],
    outcomes:
      asOf === undefined ? people.map(() => []) : people.map((g) => historyOutcomes(outRng, g, employers, asOf)),
  };
};
