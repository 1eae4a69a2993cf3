import { describe, expect, it } from 'vitest';
import { extractResumeDraft } from '../../../src/domain/resume/index.ts';
import { enSchool } from '../../../src/domain/resume/schools.ts';

/** [school, degree, major, graduation month] of each entry of a résumé. */
const entries = (text: string): (string | null)[][] =>
  extractResumeDraft(text).education.map((e) => [e.school, e.degree, e.major, e.graduationDate?.slice(0, 7) ?? null]);

describe('schools a graduate names as the institution, and faculties that give way to their university', () => {
  it.each([
    [
      'Thornton School of Music, University of Southern California — B.M. Jazz Studies, 2023',
      'Thornton School of Music',
    ],
    ['Barnard College, Columbia University — B.A. Economics, May 2022', 'Barnard College'],
    ['Kirori Mal College, University of Delhi, B.Sc. (Hons.) Physics, 2021', 'Kirori Mal College'],
    [
      'University of Pennsylvania School of Dental Medicine — D.M.D., 2025',
      'University of Pennsylvania School of Dental Medicine',
    ],
    ['Duke University School of Law, J.D., 2024', 'Duke University School of Law'],
  ])('%s → %s', (line, school) => {
    expect(enSchool(line)).toBe(school);
  });

  it.each([
    ['Kelley School of Business, Indiana University — B.S. Finance, 2023', 'Indiana University'],
    ['University of Illinois Urbana-Champaign Grainger College of Engineering, B.S., 2024', 'University of Illinois'],
    ['Columbia University, Barnard College — B.A. History, 2021', 'Columbia University'],
    ['M.Phil. Economics, St Catherine’s College, University of Oxford, 2022', 'University of Oxford'],
    ['The University of Sydney (Sydney Law School) — Juris Doctor, 2024', 'The University of Sydney'],
    ['Honors College, University of Houston — B.S. Biology, 2023', 'University of Houston'],
  ])('%s → %s', (line, school) => {
    expect(enSchool(line)).toBe(school);
  });

  it('keeps the named school of an entry read from its lines', () => {
    const text = [
      'Education',
      'Jacobs School of Music, Indiana University — Master of Music, Voice Performance, May 2025',
      'Spelman College — B.A. Music, May 2023',
    ].join('\n');
    expect(entries(`Ada Brooks\n${text}`)).toEqual([
      ['Jacobs School of Music', 'master', 'Voice Performance', '2025-05'],
      ['Spelman College', 'bachelor', 'Music', '2023-05'],
    ]);
  });
});
