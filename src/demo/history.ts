import type { OutcomeInput, SalaryBand } from '../domain/model/outcome.ts';
import type { DemoEmployer } from './employers.ts';
import type { DemoGraduate } from './graduates.ts';
import { INDUSTRY_INFO } from './industries.ts';
import { DEMO_OCCUPATIONS } from './occupations.ts';
import { generatePosting, type DemoPosting } from './postings.ts';
import type { Rng } from './random.ts';
import { salaryBase } from './terms.ts';

/**
 * Relative weight of postings opened in each calendar month (Jan … Dec): autumn recruitment (秋招,
 * September to November) is the peak, spring recruitment (春招, March and April) the second; the Spring
 * Festival and summer are slow.
 */
export const SEASON = [0.5, 0.4, 1.4, 1.3, 0.8, 0.6, 0.5, 0.7, 1.6, 1.8, 1.3, 0.7] as const;

const month = (ym: string, offset: number): { y: number; m: number } => {
  const [y = 1970, m = 1] = ym.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + offset, 1));
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1 };
};
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Closed postings opened over the 24 months up to `lastMonth` (YYYY-MM), about `perMonth` a month scaled by
 * SEASON and growing ≈ 8 % a year, each open 30–90 days. Deterministic for a seed and month.
 */
export function historyPostings(
  rng: Rng,
  employers: readonly DemoEmployer[],
  lastMonth: string,
  perMonth = 25,
): DemoPosting[] {
  const out: DemoPosting[] = [];
  for (let back = 23; back >= 0; back--) {
    const { y, m } = month(lastMonth, -back);
    const trend = 1 + (0.08 * (23 - back)) / 12;
    const n = Math.round(perMonth * (SEASON[m - 1] ?? 1) * trend * (0.9 + 0.2 * rng.next()));
    for (let i = 0; i < n; i++) {
      const occ = rng.pick(DEMO_OCCUPATIONS);
      const candidates = employers.flatMap((e, k) => (occ.zh.industries.includes(e.industry) ? [k] : []));
      const employerIndex = candidates.length > 0 ? rng.pick(candidates) : rng.int(0, employers.length - 1);
      const p = generatePosting(rng, occ, employers, employerIndex);
      const day = rng.int(1, 28);
      const opensAt = `${y}-${pad(m)}-${pad(day)}`;
      const close = new Date(Date.UTC(y, m - 1, day + rng.int(30, 90))).toISOString().slice(0, 10);
      out.push({ ...p, opensAt, closesAt: close, status: 'closed' });
    }
  }
  return out;
}

const STATUSES = [
  'employed',
  'further_study',
  'civil_service',
  'entrepreneurship',
  'flexible',
  'not_placed',
  'not_seeking',
] as const;
const DEGREE_MIX: Record<string, readonly number[]> = {
  // employed, further study, civil service, entrepreneurship, flexible, not placed, not seeking
  associate: [0.66, 0.12, 0.03, 0.03, 0.08, 0.06, 0.02],
  bachelor: [0.56, 0.2, 0.07, 0.02, 0.06, 0.07, 0.02],
  master: [0.74, 0.06, 0.09, 0.01, 0.04, 0.05, 0.01],
  doctorate: [0.8, 0.08, 0.05, 0, 0.02, 0.04, 0.01],
};

const band = (monthly: number): SalaryBand =>
  monthly < 5000
    ? 'lt5k'
    : monthly < 8000
      ? '5k-8k'
      : monthly < 12000
        ? '8k-12k'
        : monthly < 20000
          ? '12k-20k'
          : '20k+';

/**
 * Outcome records of a graduate as of `today` (YYYY-MM-DD): graduates of past years get a current status
 * drawn by degree (some first recorded not placed in July, placed in the autumn); graduates of the coming
 * year have an early offer (秋招) now and then. Employment details come from the tenant's employers.
 */
export function historyOutcomes(
  rng: Rng,
  graduate: DemoGraduate,
  employers: readonly DemoEmployer[],
  today: string,
): (OutcomeInput & { employerIndex?: number })[] {
  const entry = graduate.education[0];
  if (entry === undefined) return [];
  const year = Number(entry.graduationDate.slice(0, 4));
  const graduated = entry.graduationDate <= today;
  const employed = (asOf: string): OutcomeInput & { employerIndex?: number } => {
    const employerIndex = rng.int(0, employers.length - 1);
    const e = employers[employerIndex];
    return {
      status: 'employed',
      asOf,
      employerIndex,
      ...(e ? { employerName: e.record.name, city: e.city.zh, industry: INDUSTRY_INFO[e.industry].zh } : {}),
      occupation: graduate.occupationCode,
      salaryBand: band(salaryBase(graduate.occupationCode) * (0.7 + 0.6 * rng.next())),
      jobType: 'full-time',
    };
  };
  if (!graduated) {
    const asOf = `${year - 1}-11-15`;
    return asOf <= today && rng.chance(0.18) ? [employed(asOf)] : [];
  }
  const status = rng.weighted(STATUSES, DEGREE_MIX[entry.degree] ?? DEGREE_MIX.bachelor ?? []);
  const final = `${year}-10-31` <= today ? `${year}-10-31` : today;
  const records: (OutcomeInput & { employerIndex?: number })[] = [];
  if (status !== 'not_placed' && rng.chance(0.25)) records.push({ status: 'not_placed', asOf: `${year}-07-15` });
  records.push(status === 'employed' ? employed(final) : { status, asOf: final });
  return records;
}
