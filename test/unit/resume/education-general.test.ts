import { describe, expect, it } from 'vitest';
import { extractResumeDraft } from '../../../src/domain/resume/index.ts';
import { headingOf } from '../../../src/domain/resume/sections.ts';
import { enSchool } from '../../../src/domain/resume/schools.ts';

/** [school, degree, major, graduation month] of each entry of a résumé. */
const entries = (text: string): (string | null)[][] =>
  extractResumeDraft(text).education.map((e) => [e.school, e.degree, e.major, e.graduationDate?.slice(0, 7) ?? null]);

describe('education headings not listed word for word', () => {
  it.each([
    ['MEDICAL EDUCATION', 'education'],
    ['UNDERGRADUATE EDUCATION', 'education'],
    ['TERTIARY EDUCATION', 'education'],
    ['ACADEMIC QUALIFICATION', 'education'],
    ['EDUCATIONAL QUALIFICATIONS WITH DATES', 'education'],
    ['Education and Certifications', 'education'],
    ['E D U C A T I O N', 'education'],
    ['W O R K   E X P E R I E N C E', 'experience'],
    ['學歷', 'education'],
    ['工作經驗', 'experience'],
    ['"education": [', 'education'],
  ])('%s opens %s', (line, kind) => {
    expect(headingOf(line)?.kind).toBe(kind);
  });

  it('takes no major or sentence about education for a heading', () => {
    expect(headingOf('Physical Education')).toBeUndefined();
    expect(headingOf('Education matters to me')).toBeUndefined();
  });

  it('reads a résumé pasted as JSON by its keys', () => {
    const json = [
      '{',
      '  "education": [',
      '    {',
      '      "institution": "University of Washington",',
      '      "studyType": "Bachelor of Science",',
      '      "endDate": "2025-06-14"',
      '    }',
      '  ]',
      '}',
    ].join('\n');
    expect(entries(json)).toEqual([['University of Washington', 'bachelor', null, '2025-06']]);
  });
});

describe('school names of more layouts', () => {
  it.each([
    ['THE WHARTON SCHOOL, UNIVERSITY OF PENNSYLVANIA, Philadelphia, PA', 'University of Pennsylvania'],
    ['2020 - 2024   Universiti Teknologi Malaysia (UTM)', 'Universiti Teknologi Malaysia'],
    [
      '2019 - 2023: Jomo Kenyatta University of Agriculture and Technology',
      'Jomo Kenyatta University of ' + 'Agriculture and Technology',
    ],
    ['Entered Waseda University, School of Political Science and Economics', 'Waseda University'],
    [
      'M.A., Middlebury Institute of International Studies at Monterey, 2024',
      'Middlebury Institute of International Studies at Monterey',
    ],
    ['2020 – 2022 : Université Paris 1 Panthéon-Sorbonne', 'Université Paris 1 Panthéon-Sorbonne'],
  ])('%s → %s', (line, school) => {
    expect(enSchool(line)).toBe(school);
  });

  it.each([
    'After-School Tutor, YMCA of Greater San Antonio, 2022 – 2023',
    'Associate Chartered Accountant (ACA), Institute of Chartered Accountants of Nigeria (ICAN), 2023',
    'Staff Editor, Northwestern University Law Review',
    'St Aidan’s Sixth Form College, Harrogate',
    'SCHOOL',
  ])('%s names no school', (line) => {
    expect(enSchool(line)).toBeUndefined();
  });

  it('reads traditional characters, a name before its translation, and no verb before the name', () => {
    expect(entries('學歷\n香港大學\n社會工作學士（BSW）　　Sep 2020 – Jun 2024')[0]?.[0]).toBe('香港大學');
    const returnee =
      '教育经历\nThe University of Edinburgh（爱丁堡大学）　MSc Finance and Investment　Sep. 2023 - Nov. 2024';
    expect(entries(returnee)[0]?.[0]).toBe('The University of Edinburgh');
    expect(entries('我叫秦子墨，是河海大学环境学院环境工程专业 2025 届硕士毕业生')[0]?.[0]).toBe('河海大学');
  });
});
