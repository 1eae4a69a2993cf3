import { describe, expect, it } from 'vitest';
import { extractResumeDraft } from '../../../src/domain/resume/index.ts';
import { activityProse } from '../../../src/domain/resume/skill-prose.ts';
import { getTaxonomy } from '../../../src/domain/skills/index.ts';

const taxonomy = getTaxonomy();
const skillsOf = (text: string): string[] =>
  extractResumeDraft(text, { taxonomy })
    .skills.map((s) => s.skillId)
    .sort();

describe('activity prose in a part read as no evidence', () => {
  it.each([
    ['a work description', '工作描述：协助客户经理完成 6 家中小企业授信材料的财务分析与尽调走访', true],
    ['a numbered research item', '1. 某型无人机机翼气动优化：用 Fluent 做 CFD 仿真', true],
    ['what one can do', '· 会用 Mastercam 编程，UG 也会一点', true],
    ['an English project sentence', 'In my final-year project I designed and built a pick-and-place cell.', true],
    ['a school and a degree', '2021.09-2025.06 华北电力大学 电气工程及其自动化 本科', false],
    ['a course list opening with a verb-like word', '组织行为学、薪酬管理、劳动法、招聘与配置', false],
    ['a degree with a verb-like word', 'Associate of Applied Science, Logistics and Supply Chain Management', false],
    ['contact details', '手机：187 0290 3316  邮箱：hetianyu@mail.nwpu.edu.cn', false],
    ['too short', '用 R 作图', false],
    [
      'a national student contest with the part played',
      '全国大学生机械创新设计大赛 省二等奖（负责传动结构设计）',
      true,
    ],
    ['what one is skilled at', '熟练使用 XRD、SEM 表征，掌握水热合成与煅烧', true],
    ['a university student union', '浙江大学学生会 体育部 部长 2022.09-2023.06', false],
    ['a clinical rotation under the degree', '神经内科 6 周；呼吸内科 4 周', true],
    ['a rotation with its duties', '普通外科\t8周\t换药、拆线，手术台上二助', true],
    ['a placement labelled, at a school', '教育实习：2024.09-2024.12 某市实验中学 初二物理，独立授课 12 节', true],
    ['a school year', '2020.09-2024.06 某医科大学 临床医学 本科', false],
  ])('%s', (_, line, expected) => {
    expect(activityProse(line)).toBe(expected);
  });

  it('reads a work description left under the education part by an unknown heading', () => {
    const text = [
      '教育信息（第 1 条）',
      '学校名称：上海财经大学',
      '实习信息（第 1 条）',
      '工作描述：用 Wind 下载城投债数据；用 Python（pandas）做信用利差的回归分析',
    ].join('\n');
    expect(skillsOf(text)).toEqual(['data-analysis', 'pandas', 'python', 'regression-analysis', 'wind']);
  });

  it('reads a tool list beside the contact details of a two-column template', () => {
    expect(skillsOf('张三\n手机：187 0290 3316\n五、外语与计算机\nCATIA、Abaqus、MATLAB')).toEqual([
      'abaqus',
      'catia',
      'matlab',
    ]);
  });

  it('reads a TECHNIQUES heading as a skills part', () => {
    expect(skillsOf('Jane Roe\nTECHNIQUES\nprotein purification (FPLC); image analysis in Fiji/ImageJ')).toEqual([
      'biochemistry',
      'imagej',
    ]);
  });
});

describe('a physician’s rotations written under the degree', () => {
  it('reads the departments rotated through', () => {
    const text = [
      '教育经历',
      '2019.09-2024.06 某医科大学 临床医学（五年制） 本科',
      '妇产科 4 周；儿科 4 周；急诊科 4 周',
    ].join('\n');
    expect(skillsOf(text)).toEqual(expect.arrayContaining(['pediatrics', 'emergency-medicine']));
  });
});
