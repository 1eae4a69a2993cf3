import { describe, expect, it } from 'vitest';
import { extractResumeDraft } from '../../../src/domain/resume/index.ts';

/** [school, degree, major, graduation month] of each entry of a Chinese résumé's education section. */
const zhEntries = (lines: readonly string[]): (string | null)[][] =>
  extractResumeDraft(
    ['王小明', 'wang@example.com', '教育经历', ...lines, '专业技能', 'Excel'].join('\n'),
  ).education.map((e) => [e.school, e.degree, e.major, e.graduationDate?.slice(0, 7) ?? null]);

describe('a labelled aside on an entry line is not its major', () => {
  it.each([
    [
      ['2022年9月—2025年6月  华北电力大学  电气工程  硕士研究生  导师：刘教授'],
      [['华北电力大学', 'master', '电气工程', '2025-06']],
    ],
    [
      ['2023.09-2026.03 浙江大学 控制科学与工程 硕士 研究方向：目标检测'],
      [['浙江大学', 'master', '控制科学与工程', '2026-03']],
    ],
    [
      ['2022.09-2025.06  山东大学  机械工程  硕士  导师：王**', '学位论文：冰箱门体铰链疲劳寿命分析'],
      [['山东大学', 'master', '机械工程', '2025-06']],
    ],
    [
      ['1. 哈尔滨工程大学 ｜ 核科学与技术 ｜ 硕士 ｜ 学术学位 ｜ 全日制 ｜ 2022.09-2025.03'],
      [['哈尔滨工程大学', 'master', '核科学与技术', '2025-03']],
    ],
  ])('%j', (lines, want) => {
    expect(zhEntries(lines)).toEqual(want);
  });

  it('reads a table whose header names the stage (阶段) as a header', () => {
    expect(
      zhEntries([
        '阶段 ｜ 学校 ｜ 专业 ｜ 时间',
        '硕士 ｜ 中南大学 ｜ 机械工程 ｜ 2022.09-2025.06',
        '本科 ｜ 湘潭大学 ｜ 机械设计制造及其自动化 ｜ 2018.09-2022.06',
      ]),
    ).toEqual([
      ['中南大学', 'master', '机械工程', '2025-06'],
      ['湘潭大学', 'bachelor', '机械设计制造及其自动化', '2022-06'],
    ]);
  });

  it("takes no major from another label's value or from a line another label opens", () => {
    expect(
      zhEntries([
        '学历：本科（五年制）    学位：口腔医学学士',
        '执业医师资格：2025 年待考',
        '2020-09 至 2025-06    四川大学华西口腔医学院    口腔医学（五年制）',
      ]),
    ).toEqual([['四川大学华西口腔医学院', 'bachelor', '口腔医学（五年制）', '2025-06']]);
    expect(
      zhEntries([
        '广东技术师范大学 本科（2021.09—2025.06）',
        '企业实践：2024.07—2024.08 广汽丰田 4S 店 机电维修：用诊断仪读取故障码，排查发动机与车身电气故障',
      ]),
    ).toEqual([['广东技术师范大学', 'bachelor', null, '2025-06']]);
  });

  it("reads a form's 学历 field under the school as the same entry's degree", () => {
    expect(
      zhEntries([
        '最高学历：大专',
        '学校：内蒙古农业大学',
        '专业：食品质量与安全',
        '学历：大专',
        '是否统招：是',
        '时间：2022-09 至 2025-07',
      ]),
    ).toEqual([['内蒙古农业大学', 'associate', '食品质量与安全', '2025-07']]);
  });
});
