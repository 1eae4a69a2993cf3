import { describe, expect, it } from 'vitest';
import { dot } from '../../../src/domain/text/embedder.ts';
import { createLsaEmbedder } from '../../../src/domain/text/lsa-embedder.ts';
import { fitLsa, SERVICE_LSA_FIT } from '../../../src/domain/text/lsa.ts';
import { normalizeText } from '../../../src/domain/text/normalize.ts';
import { hanShare, pearson } from '../../../src/domain/text/script-components.ts';

describe('hanShare', () => {
  it.each([
    // 2 Han words + 1 bigram (weight 3) of 3 + 1 + 1 = 5 analyzer weight; the skill token is ignored
    [
      [
        ['数据', 1],
        ['分析', 1],
        ['zh2:据分', 1],
        ['python', 1],
        ['tri:<py', 1],
        ['skill:python', 2],
      ],
      3 / 5,
    ],
    [
      [
        ['python', 2],
        ['tri:<py', 1],
      ],
      0,
    ],
    [[['skill:python', 2]], 0],
    [
      [
        ['护理', 1],
        ['zh2:护理', 1],
      ],
      1,
    ],
  ] as const)('%j → %d', (entries, share) => {
    expect(hanShare(new Map(entries))).toBeCloseTo(share, 12);
  });
});

describe('pearson', () => {
  it.each([
    [[1, 2, 3], [2, 4, 6], 1],
    [[1, 2, 3], [3, 2, 1], -1],
    // means 2 and 2/3; Σxy = (−1)(−2/3) + 0 + (1)(4/3) = 2; Σx² = 2; Σy² = 4/9 + 4/9 + 16/9 = 8/3 → 2 / √(16/3) = √3/2
    [[1, 2, 3], [0, 0, 2], Math.sqrt(3) / 2],
    [[1, 2, 3], [5, 5, 5], 0],
    [[], [], 0],
  ])('r(%j, %j) = %d', (a, b, r) => {
    expect(pearson(a, b)).toBeCloseTo(r, 12);
  });
});

// A stand-in for the taxonomy: phrase → canonical id, shared by both languages.
const SKILLS: Readonly<Record<string, string>> = {
  python: 'python',
  'machine learning': 'machine-learning',
  机器学习: 'machine-learning',
  'data analysis': 'data-analysis',
  数据分析: 'data-analysis',
  excel: 'excel',
  电子表格: 'excel',
  bookkeeping: 'bookkeeping',
  记账: 'bookkeeping',
  'patient care': 'patient-care',
  病人护理: 'patient-care',
};
const skillTokens = (text: string): string[] => {
  const t = normalizeText(text);
  return Object.entries(SKILLS)
    .filter(([phrase]) => t.includes(phrase))
    .map(([, id]) => id);
};
const EN = [
  'Machine learning engineer: Python, model training, data pipelines',
  'Data scientist using Python for machine learning and data analysis',
  'Accountant: Excel spreadsheets, bookkeeping, tax reporting',
  'Senior accountant, audit and bookkeeping, Excel',
  'Nurse: patient care, hospital ward, medication',
  'Registered nurse for patient care in a clinic',
].map((t) => `${t}. What you will do, what we look for, apply now, graduate program, team, company`);
// The same jobs in Chinese, each with the boilerplate every Chinese posting carries: that shared language is what the
// top components pick up.
const ZH = [
  '机器学习工程师：Python，模型训练，数据管道',
  '数据科学家，使用Python进行机器学习和数据分析',
  '会计：电子表格，记账，税务申报',
  '高级会计，审计和记账，电子表格',
  '护士：病人护理，医院病房，用药',
  '注册护士，在诊所负责病人护理',
].map((t) => `${t}。岗位职责，任职要求，欢迎投递，校园招聘，团队，公司`);
const RULE = { candidates: 3, minCorrelation: 0.5 };

describe('fitLsa with a scriptComponents rule', () => {
  it(
    'drops the language components of a bilingual corpus, so a Chinese query finds the English ' + 'job on its topic',
    async () => {
      const plain = fitLsa([...EN, ...ZH], { dimensions: 3, minDf: 1, skillTokens });
      const cut = fitLsa([...EN, ...ZH], { dimensions: 3, minDf: 1, skillTokens, scriptComponents: RULE });
      expect(cut.fit.droppedComponents).toEqual([0, 1]);
      expect(cut.dimensions).toBe(3);
      // The kept singular values are the 3rd… of the plain fit (the plain fit's 3rd is 1.1525).
      expect(cut.singularValues[0]).toBeCloseTo(plain.singularValues[2] ?? 0, 5);
      const cosines = async (state: typeof plain): Promise<[number, number]> => {
        const [q, enSame, zhOther] = await createLsaEmbedder(state, { skillTokens }).embed([
          '熟悉机器学习和Python',
          EN[1] ?? '',
          ZH[3] ?? '',
        ]);
        if (q === undefined || enSame === undefined || zhOther === undefined) throw new Error('missing vectors');
        return [dot(q, enSame), dot(q, zhOther)];
      };
      const [planSame, planOther] = await cosines(plain);
      const [cutSame, cutOther] = await cosines(cut);
      expect(planSame).toBeLessThan(0.8);
      expect(cutSame).toBeGreaterThan(0.95);
      expect(cutSame - cutOther).toBeGreaterThan(planSame - planOther + 0.5);
    },
  );

  it('leaves a one-language corpus exactly as a plain fit (same projection and id)', () => {
    const plain = fitLsa(EN, { dimensions: 3, minDf: 1, skillTokens });
    const ruled = fitLsa(EN, { dimensions: 3, minDf: 1, skillTokens, scriptComponents: RULE });
    expect(ruled.projection).toBe(plain.projection);
    expect(ruled.id).toBe(plain.id);
    expect(ruled.fit.droppedComponents).toBeUndefined();
    expect(ruled.fit.scriptComponents).toEqual(RULE);
  });

  it('is what the service fits with', () => {
    expect(SERVICE_LSA_FIT.scriptComponents).toEqual({ candidates: 4, minCorrelation: 0.5 });
  });

  it.each([
    { candidates: -1, minCorrelation: 0.5 },
    { candidates: 2, minCorrelation: 0 },
    { candidates: 2, minCorrelation: 1.5 },
  ])('rejects the rule %j', (rule) => {
    expect(() => fitLsa(EN, { dimensions: 2, minDf: 1, scriptComponents: rule })).toThrow(RangeError);
  });
});
