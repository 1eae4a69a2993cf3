import { describe, expect, it } from 'vitest';
import { extractResumeDraft } from '../../../src/domain/resume/index.ts';
import { headingOf } from '../../../src/domain/resume/sections.ts';

/** [school, degree, major, graduation month] of each entry of a résumé. */
const entries = (text: string): (string | null)[][] =>
  extractResumeDraft(text).education.map((e) => [e.school, e.degree, e.major, e.graduationDate?.slice(0, 7) ?? null]);

describe('education headings of template exports and forms', () => {
  it.each([
    ['《教育经历》', 'education'],
    ['<<教育背景>>', 'education'],
    ['教育经历                                   编辑', 'education'],
    ['Education 1', 'education'],
    ['[教育.1]', 'education'],
    ['(a) PROFESSIONAL PREPARATION', 'education'],
    ['UTBILDNING / EDUCATION', 'education'],
    ['Addysg / Education', 'education'],
  ])('%s opens %s', (line, kind) => {
    expect(headingOf(line)?.kind).toBe(kind);
  });

  it('takes a box table heading cell with its content', () => {
    expect(headingOf('║ 教育背景   ║ 2021.09-2025.06 三峡大学                ║')).toEqual({
      kind: 'education',
      rest: '2021.09-2025.06 三峡大学                ║',
    });
  });

  it('takes no table header row or pair of content words for a heading', () => {
    expect(headingOf('YEAR        AWARD                                          INSTITUTION')).toBeUndefined();
    expect(headingOf('Marketing / Research')).toBeUndefined();
  });

  it('reads a school on its line and its major, level and dates on the next under a 《》 heading', () => {
    const text = [
      '《教育经历》',
      '闽南师范大学',
      ' 电子商务 · 本科（专升本）· 2023.09 — 2025.06',
      '漳州职业技术学院',
      ' 电子商务 · 专科 · 2020.09 — 2023.06',
      '《工作与实习》',
      '2024.03 — 2025.01 漳州某茶叶品牌 运营助理',
    ].join('\n');
    expect(entries(text)).toEqual([
      ['闽南师范大学', 'bachelor', '电子商务', '2025-06'],
      ['漳州职业技术学院', 'associate', '电子商务', '2023-06'],
    ]);
  });

  it('reads an app page with edit buttons beside its headings', () => {
    const text = [
      '柏子豪',
      '教育经历                                   编辑',
      '北京体育大学',
      '体育教育 · 本科',
      '2021.09-2025.06',
      '实习经历                                   编辑',
      '北京市第八十中学 · 体育教师（实习）',
    ].join('\n');
    expect(entries(text)).toEqual([['北京体育大学', 'bachelor', '体育教育', '2025-06']]);
  });

  it('reads a box-drawn table whose first column holds the headings', () => {
    const text = [
      '╠════════════╬══════════════════════════╣',
      '║ 教育背景   ║ 2021.09-2025.06 三峡大学 ║',
      '║            ║ 电气工程及其自动化（本科）║',
      '╠════════════╬══════════════════════════╣',
      '║ 实习经历   ║ 2024.07-2024.08 国网宜昌供电公司 ║',
    ].join('\n');
    expect(entries(text)).toEqual([['三峡大学', 'bachelor', '电气工程及其自动化', '2025-06']]);
  });

  it('reads an INI file and its start and end keys', () => {
    const text = [
      '[教育.1]',
      '学校=中央财经大学',
      '学历=硕士',
      '专业=统计学',
      '开始=2023-09',
      '结束=2026-06',
      '[教育.2]',
      '学校=山东大学',
      '学历=本科',
      '专业=数学与应用数学',
      '开始=2019-09',
      '结束=2023-06',
    ].join('\n');
    expect(entries(text)).toEqual([
      ['中央财经大学', 'master', '统计学', '2026-06'],
      ['山东大学', 'bachelor', '数学与应用数学', '2023-06'],
    ]);
  });

  it('reads a numbered form block whose labels and values are parted by a wide gap', () => {
    const text = [
      'Education 1',
      'School or University  Iowa State University',
      'Degree  Master of Science (M.S.)',
      'Field of Study  Statistics',
      'From  2023',
      'To (Actual or Expected)  2025',
      'Education 2',
      'School or University  Nankai University',
      'Degree  Bachelor of Science (B.S.)',
      'Field of Study  Statistics',
      'From  2019',
      'To (Actual or Expected)  2023',
    ].join('\n');
    expect(entries(text)).toEqual([
      ['Iowa State University', 'master', 'Statistics', '2025-06'],
      ['Nankai University', 'bachelor', 'Statistics', '2023-06'],
    ]);
  });

  it('reads a degrees table whose header cells carry notes (MAJOR/AREA, DEGREE (if applicable))', () => {
    const text = [
      '(a) PROFESSIONAL PREPARATION',
      'INSTITUTION                              LOCATION        MAJOR/AREA              DEGREE (if applicable)   YEAR',
      'University of Lagos                      Lagos, Nigeria  Civil Engineering       B.Sc.                    2017',
      'University of Illinois Urbana-Champaign  Urbana, IL      Structural Engineering  Ph.D.                    2024',
      '(b) APPOINTMENTS AND POSITIONS',
    ].join('\n');
    expect(entries(text)).toEqual([
      ['University of Lagos', 'bachelor', 'Civil Engineering', '2017-06'],
      ['University of Illinois Urbana-Champaign', 'doctorate', 'Structural Engineering', '2024-06'],
    ]);
  });

  it('reads a table under a heading whose header row is no heading of its own', () => {
    const text = [
      'ACADEMIC QUALIFICATIONS',
      'YEAR        AWARD                                          INSTITUTION',
      '2020-2024   Bachelor of Science in Agriculture (Second     Makerere University',
      '            Class Upper)',
    ].join('\n');
    expect(entries(text)).toEqual([['Makerere University', 'bachelor', 'Agriculture', '2024-06']]);
  });

  it('reads a timeline whose stages say when they began and ended', () => {
    const text = [
      '教育经历',
      '2016.09 入学',
      '广州中医药大学 中医学（五年制） 本科',
      '2021.06 本科毕业，获医学学士学位',
      '2022.09 考入 北京中医药大学 中医内科学 硕士（学术学位）',
      '2025.06 硕士毕业',
    ].join('\n');
    expect(entries(text)).toEqual([
      ['广州中医药大学', 'bachelor', '中医学（五年制）', '2021-06'],
      ['北京中医药大学', 'master', '中医内科学', '2025-06'],
    ]);
  });

  it('reads an entry of a summary table and its full entry below as one', () => {
    const text = [
      '教育背景',
      '上海财经大学 金融工程 硕士（2023-2026）；厦门大学 经济学 本科（2019-2023）',
      '2023.09 – 2026.06 上海财经大学 金融学院 金融工程 硕士',
      '2019.09 – 2023.06 厦门大学 经济学 本科',
    ].join('\n');
    expect(entries(text)).toEqual([
      ['上海财经大学', 'master', '金融工程', '2026-06'],
      ['厦门大学', 'bachelor', '经济学', '2023-06'],
    ]);
  });
});
