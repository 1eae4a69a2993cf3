import type { ResumeDraftContent } from '../../src/domain/resume/index.ts';
import type { LabelledResume } from '../data/resume/dev-set.ts';

export const FIELDS = [
  'schools',
  'degrees',
  'majors',
  'dates',
  'skills',
  'certificates',
  'email',
  'phone',
  'name',
] as const;
export type Field = (typeof FIELDS)[number];

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Lower case, NFKC, without spaces, punctuation and a leading "the" (how two spellings of one value compare). */
export const canon = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[\s\p{P}\p{S}]+/gu, '');

/** Multiset matching of predicted against labelled values; `same` decides a match. */
function match(pred: readonly string[], gold: readonly string[], same = (p: string, g: string) => p === g): Counts {
  const left = [...gold];
  let tp = 0;
  for (const p of pred) {
    const i = left.findIndex((g) => same(p, g));
    if (i >= 0) {
      tp += 1;
      left.splice(i, 1);
    }
  }
  return { tp, fp: pred.length - tp, fn: left.length };
}

const present = <T>(xs: readonly (T | null)[]): T[] => xs.filter((x): x is T => x !== null);

/** Field-level counts of one résumé. A date label of a year alone matches any month of that year. */
export function scoreOne(draft: ResumeDraftContent, labels: LabelledResume['labels']): Record<Field, Counts> {
  const edu = draft.education;
  const one = (p: string | null, g: string, eq: (a: string, b: string) => boolean): Counts =>
    p === null ? { tp: 0, fp: 0, fn: 1 } : eq(p, g) ? { tp: 1, fp: 0, fn: 0 } : { tp: 0, fp: 1, fn: 1 };
  return {
    schools: match(
      present(edu.map((e) => e.school)).map(canon),
      labels.education.map((e) => canon(e.school)),
    ),
    degrees: match(
      present(edu.map((e) => e.degree)),
      labels.education.map((e) => e.degree),
    ),
    majors: match(
      present(edu.map((e) => e.major)).map(canon),
      labels.education.map((e) => canon(e.major)),
    ),
    dates: match(
      present(edu.map((e) => e.graduationDate)).map((d) => d.slice(0, 7)),
      labels.education.map((e) => e.graduation),
      (p, g) => p.startsWith(g),
    ),
    skills: match(
      draft.skills.map((s) => s.skillId),
      labels.skills,
    ),
    certificates: match(
      present(draft.certificates.map((c) => c.skillId)).filter((id) => /^cet-/.test(id)),
      labels.certificates.filter((id) => /^cet-/.test(id)),
    ),
    email: one(draft.email, labels.email, (a, b) => a.toLowerCase() === b.toLowerCase()),
    phone: one(draft.phone, labels.phone, (a, b) => a.replace(/\D/g, '') === b.replace(/\D/g, '')),
    name: one(draft.name, labels.name, (a, b) => canon(a) === canon(b)),
  };
}

export function add(into: Record<Field, Counts>, more: Record<Field, Counts>): void {
  for (const f of FIELDS) {
    into[f].tp += more[f].tp;
    into[f].fp += more[f].fp;
    into[f].fn += more[f].fn;
  }
}

export const zero = (): Record<Field, Counts> =>
  Object.fromEntries(FIELDS.map((f) => [f, { tp: 0, fp: 0, fn: 0 }])) as Record<Field, Counts>;

export const precision = (c: Counts): number => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
export const recall = (c: Counts): number => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));

/** 95% Wilson score interval of a proportion k/n ([0, 1] when n is 0). */
export function wilson(k: number, n: number, z = 1.96): [number, number] {
  if (n === 0) return [0, 1];
  const p = k / n;
  const d = 1 + (z * z) / n;
  const mid = (p + (z * z) / (2 * n)) / d;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [Math.max(0, mid - half), Math.min(1, mid + half)];
}
