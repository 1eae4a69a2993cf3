import { describe, expect, it } from 'vitest';
import { hasBlocking, lintPosting, lintText } from '../../../src/domain/compliance/lint-posting.ts';
import type { RuleId, Severity } from '../../../src/domain/compliance/types.ts';

type Row = [text: string, rule: RuleId, severity: Severity, start: number, end: number, spanText: string];

const brief = (text: string) =>
  lintText(text, 'description').map((f) => [f.rule, f.severity, f.span.start, f.span.end, f.span.text]);

describe('lintText: one finding with an exact span in the original text', () => {
  it.each<Row>([
    ['本岗位仅限男性，需经常出差。', 'gender', 'block', 3, 7, '仅限男性'],
    ['男性优先，需要搬运货物。', 'gender', 'block', 0, 4, '男性优先'],
    ['Female candidates only for this role.', 'gender', 'block', 0, 22, 'Female candidates only'],
    ['限 男 性，有驾照。', 'gender', 'block', 0, 5, '限 男 性'],
    ['ＭＡＬＥ ONLY, night shifts.', 'gender', 'block', 0, 9, 'ＭＡＬＥ ONLY'],
    ['年龄35岁以下。', 'age', 'block', 0, 7, '年龄35岁以下'],
    ['Applicants must be aged 22-30.', 'age', 'block', 19, 29, 'aged 22-30'],
    ['近两年无生育计划。', 'marital', 'block', 0, 8, '近两年无生育计划'],
    ['要求未·婚，能接受加班。', 'marital', 'block', 2, 5, '未·婚'],
    ['要求本市户籍，熟悉本地市场。', 'hukou', 'block', 2, 6, '本市户籍'],
    ['Local hukou required.', 'hukou', 'block', 0, 11, 'Local hukou'],
    ['限汉族，能适应驻外工作。', 'ethnicity', 'block', 0, 3, '限汉族'],
    ['Han Chinese only.', 'ethnicity', 'block', 0, 16, 'Han Chinese only'],
    ['要求无宗教信仰。', 'religion', 'block', 2, 7, '无宗教信仰'],
    ['Candidates must be HBV negative.', 'health', 'block', 19, 31, 'HBV negative'],
    ['需持有有效健康证。', 'health', 'warn', 5, 8, '健康证'],
    ['Able-bodied applicants only.', 'disability', 'block', 0, 11, 'Able-bodied'],
    ['9 8 5 院校优先。', 'school_tier', 'block', 0, 5, '9 8 5'],
    ['仅限清华、北大毕业生投递。', 'school_tier', 'block', 0, 7, '仅限清华、北大'],
    ['名校毕业优先。', 'school_tier', 'warn', 0, 2, '名校'],
    ['五官端正。', 'appearance', 'warn', 0, 4, '五官端正'],
    ['身高160以上。', 'appearance', 'block', 0, 7, '身高160以上'],
    ['Please attach a recent photo to your CV.', 'appearance', 'warn', 7, 28, 'attach a recent photo'],
  ])('%s', (text, rule, severity, start, end, spanText) => {
    expect(brief(text)).toEqual([[rule, severity, start, end, spanText]]);
    expect(text.slice(start, end)).toBe(spanText);
  });
});

describe('lintText: several findings in one sentence', () => {
  it('年龄30岁以下，女性优先，已婚已育。', () => {
    expect(brief('年龄30岁以下，女性优先，已婚已育。')).toEqual([
      ['age', 'block', 0, 7, '年龄30岁以下'],
      ['gender', 'block', 8, 12, '女性优先'],
      ['marital', 'block', 13, 17, '已婚已育'],
    ]);
  });

  it('keeps the block and drops the overlapping warn of the same rule', () => {
    expect(brief('Top-tier universities only; Ivy League preferred.')).toEqual([
      ['school_tier', 'block', 0, 26, 'Top-tier universities only'],
      ['school_tier', 'warn', 28, 38, 'Ivy League'],
    ]);
  });

  it('flags the limit after a negation in an earlier clause', () => {
    expect(brief('男女不限，年龄35岁以下。')).toEqual([['age', 'block', 5, 12, '年龄35岁以下']]);
  });
});

describe('lintText: negations, benefits and look-alikes are not findings', () => {
  it.each([
    '男女不限，专业不限，欢迎应届生投递。',
    '不限性别，不限户籍，年龄不限。',
    'No gender requirement; fresh graduates are welcome.',
    'We are an equal opportunity employer and welcome applicants regardless of gender, age, ethnicity or religion.',
    'We do not discriminate on the basis of religion, disability or marital status.',
    '熟悉 Python 2.11 及以上版本者优先。',
    'Experience servicing the Series 211 amplifier is a plus.',
    '公司成立于1985年，年销售额突破985万元。',
    '公司提供五险一金、带薪婚假、产假及生育津贴。',
    '优秀毕业生可解决北京户口。',
    'Attractive salary and comprehensive benefits package.',
    'Single sign-on (SSO) experience with Okta is required.',
    '致力于打造民族品牌。',
    '我们不查乙肝，乙肝携带者可正常入职。',
    'Please do not include a photo with your application.',
    'Must be 18 years or older.',
    '目标用户为25-35岁的年轻白领。',
  ])('%s', (text) => {
    expect(brief(text)).toEqual([]);
  });
});

describe('lintPosting', () => {
  it('names the field and keeps offsets relative to that field', () => {
    const findings = lintPosting({
      title: '前台接待（女士优先）',
      description: '负责来访接待。',
      requirements: ['大专以上学历', '本地户口'],
    });
    expect(findings.map((f) => [f.field, f.rule, f.span.start, f.span.end, f.span.text])).toEqual([
      ['title', 'gender', 5, 9, '女士优先'],
      ['requirements[1]', 'hukou', 0, 4, '本地户口'],
    ]);
    expect(hasBlocking(findings)).toBe(true);
  });

  it('carries the law and a bilingual message', () => {
    const [f] = lintPosting({ title: '', description: '无乙肝。' });
    expect(f?.law).toBe('就业促进法 第30条');
    expect(f?.message.zh).toContain('健康状况');
    expect(f?.message.en).toContain('hepatitis B');
  });

  it('a warn alone does not block', () => {
    const findings = lintPosting({ title: '', description: '形象好，气质佳。' });
    expect(findings.map((f) => f.severity)).toEqual(['warn', 'warn']);
    expect(hasBlocking(findings)).toBe(false);
  });

  it('returns nothing for a clean posting', () => {
    expect(
      lintPosting({
        title: 'Backend engineer',
        description: 'Build APIs in TypeScript.',
        skills: ['Kysely', 'PostgreSQL'],
      }),
    ).toEqual([]);
  });
});
